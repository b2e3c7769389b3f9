/**
 * The watchers' side of view patches (shared/game/view-patch.ts): per room, the last view
 * its hosts and projectors hold and how many patches came since the last full one. A
 * full view goes out first, and again whenever someone joins the audience (all watchers
 * then hold the same view and count); after that only a diff. At 300 nodes a full view
 * is ~200 KB ten times a second; a diff is what moved, rolling lists as shifts
 * (shared/game/view-diff.ts; docs/PERFORMANCE.md, issue 12).
 */
import { diffView } from '../shared/game/view-diff';
import { countedDown } from '../shared/game/view-patch';
import type { ViewPatchOp } from '../shared/game/view-patch-schema';

type Held = { view: object; patches: number; fullChars: number };
/**
 * A patch larger than this share of the whole view is not worth it (a cluster whose
 * messages in flight all shifted, a new round): the whole view goes instead.
 */
const PATCH_WORTH = 0.5;
export type ScreenMessage = { event: 'game:view'; payload: object | null } | { event: 'game:view:patch'; payload: { after: number; countdownMs?: number; ops: ViewPatchOp[] } } | null;

/** The room time a screen view was made at (0 for a view without a clock). */
const roomTimeOf = (view: object): number => (view as { clock?: { roomNow?: number } }).clock?.roomNow ?? 0;

export class ScreenPatches {
  private readonly held = new Map<string, Held>();

  /** VIEW_PATCHES=0 turns patches off: every flush sends the full view, as before. */
  constructor(private readonly enabled: boolean) {}

  /** Someone joined the room's audience (or it emptied): the next flush sends a full view. */
  resend(code: string): void {
    this.held.delete(code);
  }

  /** What to broadcast for this view: a full one, a patch, or nothing (no change). */
  next(code: string, view: object | null): ScreenMessage {
    const held = this.held.get(code);
    if (this.enabled && held && view !== null) {
      // Running timers count down on both sides by the room time between the views.
      const countdownMs = roomTimeOf(view) - roomTimeOf(held.view);
      const base = countdownMs > 0 ? countedDown(held.view, countdownMs) : held.view;
      const ops = diffView(base, view);
      if (ops.length === 0 && base === held.view) return null;
      // The whole view's size is measured only when one is sent (rarely), not every time.
      if (JSON.stringify(ops).length <= held.fullChars * PATCH_WORTH) {
        this.held.set(code, { view, patches: held.patches + 1, fullChars: held.fullChars });
        return { event: 'game:view:patch', payload: { after: held.patches, ...(countdownMs > 0 && { countdownMs }), ops } };
      }
    }
    if (view === null) this.held.delete(code);
    else if (this.enabled) this.held.set(code, { view, patches: 0, fullChars: JSON.stringify(view).length });
    return { event: 'game:view', payload: view };
  }
}
