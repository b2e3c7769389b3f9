/**
 * Opening a log without freezing the tab: importSteps (shared/replay/ndjson.ts) driven for
 * at most a slice of time, then the page gets a turn to paint and answer, and hears how
 * far the check got. An hour-long class is seconds of checking; the result is importLog's.
 */
import { importSteps, type ImportResult } from '../../shared/replay/ndjson';
import { IMPORT_MEASURE } from './replay-measures';

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

export async function importInSteps(text: string, onProgress: (share: number) => void): Promise<ImportResult> {
  const start = performance.now();
  const steps = importSteps(text);
  let workMs = 0;
  let slice = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      workMs += performance.now() - slice;
      // Wall time (with the page's turns) and the work itself, for the browser's performance panel and the bench.
      performance.measure(IMPORT_MEASURE, { start, detail: { bytes: text.length, workMs } });
      return step.value;
    }
    if (performance.now() - slice >= SLICE_MS) {
      workMs += performance.now() - slice;
      onProgress(step.value);
      await nextTask();
      slice = performance.now();
    }
  }
}
