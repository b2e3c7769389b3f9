/**
 * Opening a log without freezing the tab: importSteps (shared/replay/ndjson.ts) driven in
 * slices (run-in-steps.ts), the page hearing how far the check got. The result is importLog's.
 */
import { importSteps, type ImportResult } from '../../shared/replay/ndjson';
import { IMPORT_MEASURE } from './replay-measures';
import { runInSteps } from './run-in-steps';

export async function importInSteps(text: string, onProgress: (share: number) => void): Promise<ImportResult> {
  const done = (await runInSteps(importSteps(text), onProgress))!;
  // Wall time (with the page's turns) and the work itself, for the browser's performance panel and the bench.
  performance.measure(IMPORT_MEASURE, { start: done.start, detail: { bytes: text.length, workMs: done.workMs } });
  return done.value;
}
