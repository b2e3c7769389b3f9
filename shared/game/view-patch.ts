/**
 * Watchers' views as patches (issue 12): the projector and the host panel get the whole
 * room's view once ('game:view', after they watch or attach, and whenever anyone joins
 * the audience), then only what changed ('game:view:patch', RFC 6902 operations against
 * the view before). `after` counts the patches since the last full view, so a client
 * that holds another count (it missed one) knows it is out of step and asks for a full
 * view again. Applying shares every untouched part of the view with the one before, so
 * a screen can skip redrawing what did not change.
 */
import { immutableJSONPatch, type JSONPatchDocument } from 'immutable-json-patch';
import type { ViewPatch } from './view-patch-schema';

/** What a client holds: the last full view with the patches applied since, and how many. */
export type HeldView<V> = { view: V | null; patches: number };

export const heldFull = <V>(view: V | null): HeldView<V> => ({ view, patches: 0 });

/**
 * The view after a patch, or null when the patch does not follow what is held (nothing
 * held, another count, no view to patch, or operations that do not fit): ask for a full view.
 */
export function applyViewPatch<V>(held: HeldView<V> | null, patch: ViewPatch): HeldView<V> | null {
  if (!held || held.view === null || held.patches !== patch.after) return null;
  try {
    const base = patch.countdownMs ? countedDown(held.view, patch.countdownMs) : held.view;
    return { view: immutableJSONPatch<V>(base, patch.ops as JSONPatchDocument), patches: held.patches + 1 };
  } catch {
    return null;
  }
}

type CountingNode = { timer: { remainingMs: number } | null; clock: { rate: number; frozen: boolean } };

/**
 * The view with every running node timer counted down by `elapsedMs` of room time, each at
 * its node's clock rate (a frozen clock stands still), never below 0. The server diffs
 * the new view against this (server/screen-patches.ts) and the client applies the ops to
 * it, so both sides compute it from the same held view with the same arithmetic: a timer
 * that only ticked costs no operation, and one that did anything else (restarted, stopped,
 * a clock skewed) is still sent exactly. At 300 nodes the countdown was half of every
 * patch's bytes (docs/PERFORMANCE.md, issue 12). Unchanged parts keep their identity.
 */
export function countedDown<V>(view: V, elapsedMs: number): V {
  const teams = (view as { teams?: Array<{ nodes?: CountingNode[] }> }).teams;
  if (!Array.isArray(teams) || elapsedMs <= 0) return view;
  let changedTeams: typeof teams | null = null;
  teams.forEach((team, t) => {
    let nodes: CountingNode[] | null = null;
    (team.nodes ?? []).forEach((node, i) => {
      if (!node.timer || node.clock.frozen || node.timer.remainingMs <= 0) return;
      const remainingMs = Math.max(0, node.timer.remainingMs - elapsedMs * node.clock.rate);
      nodes ??= team.nodes!.slice();
      nodes[i] = { ...node, timer: { ...node.timer, remainingMs } };
    });
    if (!nodes) return;
    changedTeams ??= teams.slice();
    changedTeams[t] = { ...team, nodes };
  });
  return changedTeams ? ({ ...view, teams: changedTeams } as V) : view;
}

type On = (event: 'game:view' | 'game:view:patch', handler: (payload: unknown) => void) => void;

/**
 * Follows a watcher's round views on any event emitter (a socket.io client, a test's
 * transport): calls `onView` with the whole view after every 'game:view' and every
 * patch that follows; `outOfStep` when a patch does not follow what is held (the
 * caller then asks for the whole view again; patches are ignored until it comes).
 */
export function followScreenView<V>(on: On, onView: (view: V | null) => void, outOfStep: () => void = () => {}): void {
  let held: HeldView<V> | null = null;
  on('game:view', (payload) => {
    const view = payload as V | null;
    held = heldFull(view);
    onView(view);
  });
  on('game:view:patch', (payload) => {
    const next = applyViewPatch(held, payload as ViewPatch);
    if (next) onView(next.view);
    else if (held) outOfStep();
    // Out of step, or nothing held yet: wait for the next whole view.
    held = next;
  });
}
