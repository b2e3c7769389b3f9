/**
 * The least any replay player must fold, if it folds with the live game's rules as issue 7
 * asks ("folded by the same pure code as the live game, no second renderer of the truth"):
 * every rule event of the hour through the rules' `evolve`, on a draft that is closed every
 * 2,000 events as the player's checkpoints close it (shared/rules/draft.ts), and nothing
 * else: no room, round, team or scores, no narration, markers, diagram or row times.
 * A floor, not a player: if this alone takes longer than the target, no player built on
 * the game's rules meets it on this machine. Used by bench:fold (Node) and
 * bench:fold:browser --floor (Chromium, bundled by esbuild).
 */
import { evolveOnDraft } from '../shared/rules/engine';
import type { ClusterDraft } from '../shared/rules/draft';
import type { ClusterState, Event } from '../shared/rules/types';

/** As the player closes a team run at each checkpoint (timeline.ts, every 2,000 rule events). */
const RUN_EVENTS = 2_000;

export function foldRulesOnDraft(initial: ClusterState, events: readonly Event[]): ClusterState {
  let state = initial;
  let draft: ClusterDraft = new Set();
  for (let i = 0; i < events.length; i++) {
    if (i % RUN_EVENTS === 0) draft = new Set();
    state = evolveOnDraft(draft, state, events[i]!);
  }
  return state;
}
