/**
 * The student's node during a round, as the server pushes it on 'game:seat' (after
 * seat:join / seat:resume, and whenever the node changes). Each view is stamped with the
 * page's monotonic time on arrival, so the room clock can be counted on from it.
 */
'use client';

import { useEffect, useState } from 'react';
import type { GameSeatView } from '@/shared/game/seat-view';
import { subscribe } from './connection';

export type GameSeatState =
  /** Nothing heard yet (the seat is still being resumed). */
  | { phase: 'unknown' }
  /** The server said: no round in this room yet. */
  | { phase: 'none' }
  | { phase: 'round'; view: GameSeatView; receivedAt: number };

export function useGameSeat(code: string): GameSeatState {
  const [state, setState] = useState<GameSeatState>({ phase: 'unknown' });

  useEffect(() => {
    setState({ phase: 'unknown' });
    // Subscribed in the same commit as useSeat's resume, so the first view is never missed.
    return subscribe('game:seat', (view) => {
      setState(view === null ? { phase: 'none' } : { phase: 'round', view, receivedAt: performance.now() });
    });
  }, [code]);

  return state;
}
