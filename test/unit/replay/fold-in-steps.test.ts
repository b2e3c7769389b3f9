/**
 * An hour-long round takes over a second to fold, so the player folds it in steps and shows
 * how far it got (app/client/fold-in-steps.ts). In steps or at once, the film is the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldInSteps } from '../../../app/client/fold-in-steps';
import { sliceRound } from '../../../shared/replay/rounds';
import { buildTimeline, timelineSteps } from '../../../shared/replay/timeline';
import { playRound, roundArb } from './random-round';

/** A long round: a few thousand rows, so its fold passes several checkpoints. */
function longRound() {
  const spec = fc.sample(roundArb, { numRuns: 1, seed: 7 })[0]!;
  const played = playRound({ ...spec, intents: Array.from({ length: 6_000 }, (_, i) => spec.intents[i % spec.intents.length]!) });
  return sliceRound(played.log, 1)!;
}

describe('folding a round in steps', () => {
  const slice = longRound();

  it('says how far it got, always forward, and ends with the very timeline buildTimeline makes', () => {
    const steps = timelineSteps(slice, { checkpointEvery: 500 });
    const shares: number[] = [];
    let step = steps.next();
    while (!step.done) {
      shares.push(step.value);
      step = steps.next();
    }
    const timeline = step.value;
    // One step per checkpoint: the page gets a turn at least that often.
    expect(shares.length).toBe(timeline.checkpoints.length);
    expect(shares.length).toBeGreaterThan(3);
    expect(shares.every((share, i) => share > 0 && share <= 1 && (i === 0 || share > shares[i - 1]!))).toBe(true);
    expect(timeline).toEqual(buildTimeline(slice, { checkpointEvery: 500 }));
  });

  it('driven between the page\'s turns, gives the same film', async () => {
    const timeline = await foldInSteps(slice, () => {}, () => true);
    expect(timeline).toEqual(buildTimeline(slice));
  });
});
