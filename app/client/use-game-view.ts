/**
 * The round's truth for the projector and the host panel, as the server pushes it on
 * 'game:view' (to sockets that did screen:watch or host:attach, and whenever a cluster
 * changes). Each view is stamped with the page's monotonic time on arrival, so the room
 * clock can be counted on from it (see use-room-time.ts).
 */
'use client';

import { useEffect, useState } from 'react';
import type { GameScreenView } from '@/shared/game/screen-view';
import { subscribe } from './connection';

export type GameViewState =
  /** Nothing heard yet: the watch or attach is still on its way. */
  | { phase: 'unknown' }
  /** The server said: no round in this room yet. */
  | { phase: 'none' }
  | { phase: 'round'; view: GameScreenView; receivedAt: number };

export function useGameView(code: string): GameViewState {
  const [state, setState] = useState<GameViewState>({ phase: 'unknown' });

  useEffect(() => {
    setState({ phase: 'unknown' });
    // Subscribed in the same commit as the watch/attach request, so the first view is never missed.
    return subscribe('game:view', (view) => {
      setState(view === null ? { phase: 'none' } : { phase: 'round', view, receivedAt: performance.now() });
    });
  }, [code]);

  return state;
}
