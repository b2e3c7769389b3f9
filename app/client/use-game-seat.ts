/** The student's node during a round ('game:seat': after seat:join / seat:resume, and whenever the node changes). */
'use client';

import type { GameSeatView } from '@/shared/game/seat-view';
import { useRoundPush, type RoundPushState } from './use-round-push';

export type GameSeatState = RoundPushState<GameSeatView>;

export function useGameSeat(code: string): GameSeatState {
  return useRoundPush('game:seat', code);
}
