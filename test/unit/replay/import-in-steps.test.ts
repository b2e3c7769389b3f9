/**
 * Opening an hour-long class takes seconds of checking, so pages check a log in steps and
 * show how far they got (app/client/import-in-steps.ts). In steps or at once, the answer is
 * the same: the same events, the same refusal on the same line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importInSteps } from '../../../app/client/import-in-steps';
import { exportLog, importLog, importSteps } from '../../../shared/replay/ndjson';
import { playRound, roundArb } from './random-round';

/** A long round (a few thousand rows, so the check takes several steps), exported. */
function longLog(): string {
  const spec = fc.sample(roundArb, { numRuns: 1, seed: 42 })[0]!;
  const long = { ...spec, intents: Array.from({ length: 6_000 }, (_, i) => spec.intents[i % spec.intents.length]!) };
  const played = playRound(long);
  return exportLog(played.log, { appVersion: 'test', exportedAt: '2026-12-03T04:00:00.000Z', room: 'K7P3QX', rounds: 'all', anonymize: false });
}

describe('checking a log in steps', () => {
  const text = longLog();
  const rows = text.split('\n').length - 2;

  it('says how far it got, always forward, and ends with importLog\'s answer', () => {
    expect(rows).toBeGreaterThan(4_000);
    const steps = importSteps(text);
    const shares: number[] = [];
    let step = steps.next();
    while (!step.done) {
      shares.push(step.value);
      step = steps.next();
    }
    expect(shares.length).toBeGreaterThanOrEqual(2); // a step every 2,000 lines
    expect(shares.every((share, i) => share >= 0 && share < 1 && (i === 0 || share >= shares[i - 1]!))).toBe(true);
    expect(step.value).toEqual(importLog(text));
    expect(step.value.ok).toBe(true);
  });

  it('driven between the page\'s turns, refuses a damaged line as importLog does and passes a sound log', async () => {
    const lines = text.split('\n');
    const damaged = lines.map((line, i) => (i === 4_000 ? line.slice(0, 20) : line)).join('\n');
    const answer = await importInSteps(damaged, () => {});
    expect(answer).toEqual(importLog(damaged));
    expect(answer).toMatchObject({ ok: false, line: 4_001 });
    expect((await importInSteps(text, () => {})).ok).toBe(true);
  });
});
