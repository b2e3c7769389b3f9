/**
 * A round's whole fold into the player's timeline without freezing the tab: timelineSteps
 * (shared/replay/timeline.ts) driven in slices (run-in-steps.ts), the page hearing how far
 * the fold got. Null when the page stopped wanting it (another round was picked).
 */
import type { RoundSlice } from '../../shared/replay/rounds';
import { timelineSteps, type Timeline } from '../../shared/replay/timeline';
import { FOLD_MEASURE } from './replay-measures';
import { runInSteps } from './run-in-steps';

export async function foldInSteps(slice: RoundSlice, onProgress: (share: number) => void, stillWanted: () => boolean): Promise<Timeline | null> {
  const done = await runInSteps(timelineSteps(slice), onProgress, stillWanted);
  if (!done) return null;
  const timeline = done.value;
  // Wall time (with the page's turns) and the work itself: the bench reads both (bench/replay-fold-browser.mjs).
  performance.measure(FOLD_MEASURE, { start: done.start, detail: { rows: timeline.rows.length, ruleEvents: timeline.ruleEvents, workMs: done.workMs } });
  return timeline;
}
