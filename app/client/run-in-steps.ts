/**
 * Long work without freezing the tab: a generator that yields how far it got (0..1) is
 * driven for at most a slice of time, then the page gets a turn to paint and answer, and
 * hears the share done. Opening an hour-long class is seconds of checking and over a second
 * of folding (issue 7); both run this way (import-in-steps.ts, fold-in-steps.ts).
 */
import type { Steps } from '../../shared/replay/steps';

/** Work between two turns of the page: a click or a paint waits at most about this long. */
const SLICE_MS = 40;

/** A task after the page's own (a message, not setTimeout: nested timeouts wait 4 ms each). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface SteppedResult<T> {
  value: T;
  /** performance.now() when the work began (for a User Timing measure of the wall time). */
  start: number;
  /** The work itself, without the page's turns in between. */
  workMs: number;
}

/** Drives `steps` to its end in slices; `stillWanted` false (the page moved on) stops it between two slices. */
export async function runInSteps<T>(steps: Steps<T>, onProgress: (share: number) => void, stillWanted: () => boolean = () => true): Promise<SteppedResult<T> | null> {
  const start = performance.now();
  let workMs = 0;
  let slice = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      workMs += performance.now() - slice;
      return { value: step.value, start, workMs };
    }
    if (performance.now() - slice >= SLICE_MS) {
      workMs += performance.now() - slice;
      onProgress(step.value);
      await nextTask();
      if (!stillWanted()) return null;
      slice = performance.now();
    }
  }
}
