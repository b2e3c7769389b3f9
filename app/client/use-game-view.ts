/** The round's truth for the projector and the host panel ('game:view': after screen:watch / host:attach, and on every change). */
'use client';

import type { GameScreenView } from '@/shared/game/screen-view';
import { useRoundPush, type RoundPushState } from './use-round-push';

export type GameViewState = RoundPushState<GameScreenView>;

export function useGameView(code: string): GameViewState {
  return useRoundPush('game:view', code);
}
