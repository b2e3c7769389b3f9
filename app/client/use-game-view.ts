/**
 * The round's truth for the projector and the host panel: the whole view ('game:view',
 * after screen:watch / host:attach), then what changed ('game:view:patch'), applied with
 * the shared pure function (shared/game/view-patch.ts); parts that did not change keep
 * their identity, so the screen can skip them. Out of step (a patch that does not follow
 * what is held), the page identifies again and the server sends the whole view.
 */
'use client';

import { useEffect, useState } from 'react';
import type { GameScreenView } from '@/shared/game/screen-view';
import { applyViewPatch, heldFull, type HeldView } from '@/shared/game/view-patch';
import { reidentify, subscribe } from './connection';
import type { RoundPushState } from './use-round-push';

export type GameViewState = RoundPushState<GameScreenView>;

export function useGameView(code: string): GameViewState {
  const [state, setState] = useState<GameViewState>({ phase: 'unknown' });

  useEffect(() => {
    setState({ phase: 'unknown' });
    let held: HeldView<GameScreenView> | null = null;
    let asked = false;
    const show = (view: GameScreenView | null) => setState(view === null ? { phase: 'none' } : { phase: 'round', view, receivedAt: performance.now() });
    // Subscribed in the same commit as the watch/attach request, so the first view is never missed.
    const offFull = subscribe('game:view', (view) => {
      held = heldFull(view);
      asked = false;
      show(view);
    });
    const offPatch = subscribe('game:view:patch', (patch) => {
      held = applyViewPatch(held, patch);
      if (held) return show(held.view);
      // Ask once; patches are ignored until the whole view comes.
      if (!asked) reidentify();
      asked = true;
    });
    return () => {
      offFull();
      offPatch();
    };
  }, [code]);

  return state;
}
