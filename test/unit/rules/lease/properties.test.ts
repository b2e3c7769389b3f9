/**
 * Property tests: long random command sequences (moves of random nodes, ticks, crashes,
 * pauses, partitions, slow links, skew, drops) go through `decide`; neither `decide` (a
 * refusal included) nor `evolve` may change a state they are given; every invariant is
 * checked after every step; the event log must replay to the live state; the same seed and
 * commands must give the same bytes.
 * The generators and `play` are in random-runs.ts. On failure fast-check prints the seed
 * and the shrunk path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evolve } from '../../../../shared/rules/engine';
import { lease } from './helpers';
import {
  INTERESTING_PLACES, clockFault, networkFault, nodeFault, params, placesReached, play, playerMove, reachCommands, smartMove, tick, type Played,
} from './random-runs';

function expectReplay({ initial, final, log }: Played): void {
  expect(JSON.stringify(log.reduce(evolve, initial))).toBe(JSON.stringify(final));
}

describe('Lease properties', () => {
  it('with true clocks (no skew, no pause) at most one node believes it leads, and it is the holder', () => {
    fc.assert(
      fc.property(
        fc.integer(), params, fc.integer({ min: 0, max: 2000 }),
        fc.array(fc.oneof({ weight: 3, arbitrary: smartMove }, { weight: 3, arbitrary: playerMove }, { weight: 4, arbitrary: tick }, { weight: 1, arbitrary: networkFault }, { weight: 1, arbitrary: nodeFault }), { minLength: 20, maxLength: 120 }),
        (seed, p, delayMs, commands) => {
          const played = play(seed, p, commands, delayMs);
          // The strict check (one believer, and it is the holder) was active throughout.
          expect(lease(played.final).monitor.clocksTrue).toBe(true);
          expectReplay(played);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('under every fault, including skew and GC pauses, the other invariants hold and the log replays', () => {
    fc.assert(
      fc.property(
        fc.integer(), params, fc.integer({ min: 0, max: 2000 }),
        fc.array(fc.oneof(
          { weight: 3, arbitrary: smartMove }, { weight: 3, arbitrary: playerMove }, { weight: 4, arbitrary: tick }, { weight: 1, arbitrary: networkFault },
          { weight: 1, arbitrary: nodeFault }, { weight: 2, arbitrary: clockFault },
        ), { minLength: 20, maxLength: 120 }),
        (seed, p, delayMs, commands) => expectReplay(play(seed, p, commands, delayMs)),
      ),
      { numRuns: 250 },
    );
  });

  it('determinism: the same seed and commands give byte-identical states', () => {
    fc.assert(
      fc.property(
        fc.integer(), params,
        fc.array(fc.oneof(smartMove, playerMove, tick, networkFault, nodeFault, clockFault), { minLength: 10, maxLength: 80 }),
        (seed, p, commands) => {
          const first = play(seed, p, commands, 500);
          const second = play(seed, p, commands, 500);
          expect(JSON.stringify(second.final)).toBe(JSON.stringify(first.final));
          expect(JSON.stringify(second.log)).toBe(JSON.stringify(first.log));
        },
      ),
      { numRuns: 40 },
    );
  });

  // Split brain is the rare place: with seed 1 it is first reached in run 170 of 200 (1 run in
  // 200 reaches it, fencing's refusal 3 in 200, every other place 48 or more: npm run
  // bench:lease-reach). Once every place has been seen, the remaining runs are not played: the claim
  // (all reached within these 200 runs) is the same, and a loaded machine plays fewer steps.
  it('the random runs do reach the interesting places (acquire, renew, expiry, split brain or fencing)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.integer(), params, reachCommands, (seed, p, commands) => {
        if (INTERESTING_PLACES.every((place) => seen.has(place))) return;
        for (const place of placesReached(play(seed, p, commands, 300).log)) seen.add(place);
      }),
      { numRuns: 200, seed: 1 },
    );
    for (const expected of INTERESTING_PLACES) expect([...seen], expected).toContain(expected);
  });
});
