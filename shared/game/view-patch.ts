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
    return { view: immutableJSONPatch<V>(held.view, patch.ops as JSONPatchDocument), patches: held.patches + 1 };
  } catch {
    return null;
  }
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
