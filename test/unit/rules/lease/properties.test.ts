/**
 * Property tests: long random command sequences (moves of random nodes, ticks, crashes,
 * pauses, partitions, slow links, skew, drops) go through `decide`; neither `decide` (a
 * refusal included) nor `evolve` may change a state they are given; every invariant is
 * checked after every step; the event log must replay to the live state; the same seed and
 * commands must give the same bytes.
 * On failure fast-check prints the seed and the shrunk path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster, decide, evolve } from '../../../../shared/rules/engine';
import { leaseInvariants, leaseStepViolations } from '../../../../shared/rules/lease/invariants';
import type { ClusterState, Command, Event } from '../../../../shared/rules/types';
import { lease } from './helpers';

const NODES = 4;
const SERVICE = -1;

/** A disciplined player: whoever believes it leads renews or writes, the others try to acquire. */
type Smart = { type: 'Smart'; node: number; roll: number };
type Step = Command | Smart;

const node = fc.integer({ min: 0, max: NODES - 1 });
const endpoint = fc.integer({ min: -1, max: NODES - 1 });

const smartMove: fc.Arbitrary<Step> = fc.tuple(node, fc.nat(9)).map(([n, roll]): Step => ({ type: 'Smart', node: n, roll }));

const playerMove: fc.Arbitrary<Step> = fc.oneof(
  node.map((n): Command => ({ type: 'Acquire', node: n })),
  node.map((n): Command => ({ type: 'Renew', node: n })),
  node.map((n): Command => ({ type: 'Release', node: n })),
  fc.tuple(node, fc.constantFrom('a', 'b', 'c')).map(([n, value]): Command => ({ type: 'Write', node: n, value })),
);

const tick: fc.Arbitrary<Step> = fc.integer({ min: 0, max: 6000 }).map((ms): Command => ({ type: 'Tick', to: ms })); // relative, resolved when applied

const networkFault: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ delayMs: fc.integer({ min: 0, max: 4000 }), jitterMs: fc.integer({ min: 0, max: 1500 }), dropRate: fc.constantFrom(0, 0, 0.1, 0.3) })
    .map((n): Command => ({ type: 'SetNetwork', ...n })),
  fc.tuple(endpoint, endpoint, fc.integer({ min: 0, max: 12_000 }), fc.boolean())
    .map(([from, to, delayMs, bothWays]): Command => ({ type: 'SetLink', from, to: from === to ? SERVICE : to, delayMs, bothWays })),
  fc.shuffledSubarray([0, 1, 2, 3, SERVICE], { minLength: 1 }).map((side): Command => ({
    type: 'Partition', groups: [side, [0, 1, 2, 3, SERVICE].filter((n) => !side.includes(n))].filter((g) => g.length > 0),
  })),
  fc.constant<Command>({ type: 'HealPartition' }),
  fc.integer({ min: 1, max: 400 }).map((id): Command => ({ type: 'DropMessage', id })),
);

const nodeFault: fc.Arbitrary<Step> = fc.oneof(
  node.map((n): Command => ({ type: 'CrashNode', node: n })),
  node.map((n): Command => ({ type: 'RestartNode', node: n })),
);

const clockFault: fc.Arbitrary<Step> = fc.oneof(
  node.map((n): Command => ({ type: 'PauseNode', node: n })),
  node.map((n): Command => ({ type: 'ResumeNode', node: n })),
  fc.tuple(node, fc.constantFrom(0.25, 0.5, 1, 1.5, 3), fc.integer({ min: -5000, max: 5000 }))
    .map(([n, rate, offsetMs]): Command => ({ type: 'SkewClock', node: n, rate, offsetMs })),
);

/** Params with renewDeadline < leaseDuration (the condition of the one-believer guarantee). */
const params = fc.record({
  leaseDurationMs: fc.integer({ min: 2000, max: 30_000 }),
  deadlineFraction: fc.double({ min: 0.2, max: 0.95, noNaN: true }),
  retryPeriodMs: fc.integer({ min: 500, max: 6000 }),
  fencing: fc.boolean(),
}).map(({ leaseDurationMs, deadlineFraction, retryPeriodMs, fencing }) => ({
  leaseDurationMs, renewDeadlineMs: Math.floor(leaseDurationMs * deadlineFraction), retryPeriodMs, fencing,
}));

function resolve(state: ClusterState, step: Step): Command {
  if (step.type === 'Tick') return { type: 'Tick', to: state.now + step.to };
  if (step.type !== 'Smart') return step;
  if (!lease(state).clients[step.node]?.leading) return { type: 'Acquire', node: step.node };
  return step.roll < 4 ? { type: 'Write', node: step.node, value: `v${step.roll}` } : { type: 'Renew', node: step.node };
}

function apply(state: ClusterState, command: Step): { state: ClusterState; events: Event[]; refused: boolean } {
  const resolved = resolve(state, command);
  const decision = decide(state, resolved);
  if (!decision.ok) return { state, events: [], refused: true };
  return { state: decision.events.reduce(evolve, state), events: decision.events, refused: false };
}

interface Played { initial: ClusterState; final: ClusterState; log: Event[] }

/**
 * Freezes what is new in a state; the parts it shares with the state before are frozen
 * already. A write to a frozen object throws (the rules are ES modules, strict mode), so
 * `decide` and `evolve` are caught the moment they change a state they were given, on every
 * step. It replaced a JSON copy of the whole state before each step, compared after each
 * refusal: that copy was 30-45% of these tests' time, and it saw only refusals.
 */
function freezeNew(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) freezeNew(child);
}

function play(seed: number, p: Record<string, unknown>, commands: Step[], delayMs: number): Played {
  const initial = createCluster({ algorithm: 'lease', nodeCount: NODES, seed, network: { delayMs, jitterMs: 300 }, params: p });
  let state = initial;
  const log: Event[] = [];
  for (const command of commands) {
    const before = state;
    freezeNew(before);
    const step = apply(state, command);
    if (step.refused) continue;
    state = step.state;
    log.push(...step.events);
    const problems = [...leaseInvariants(lease(state)), ...leaseStepViolations(lease(before), lease(state), step.events)];
    if (problems.length > 0) throw new Error(`after ${JSON.stringify(command)} at ${state.now}: ${problems.join(' ')}`);
  }
  return { initial, final: state, log };
}

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
  // 200 reaches it, fencing's refusal 3 in 200, every other place 48 or more; PERFORMANCE.md,
  // session 9). Once every place has been seen, the remaining runs are not played: the claim
  // (all reached within these 200 runs) is the same, and a loaded machine plays fewer steps.
  it('the random runs do reach the interesting places (acquire, renew, expiry, split brain or fencing)', () => {
    const places = ['LeaseAcquired', 'LeaseRenewed', 'LeaseReleased', 'LeaseExpired', 'lease-held', 'stale-version', 'StorageWriteAccepted', 'StorageWriteRefused', 'SplitBrainDetected'];
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.integer(), params,
        fc.array(fc.oneof(
          { weight: 4, arbitrary: smartMove }, { weight: 2, arbitrary: playerMove }, { weight: 4, arbitrary: tick }, { weight: 1, arbitrary: clockFault },
        ), { minLength: 80, maxLength: 160 }),
        (seed, p, commands) => {
          if (places.every((place) => seen.has(place))) return;
          for (const event of play(seed, p, commands, 300).log) seen.add(event.type === 'LeaseRequestRefused' ? event.code : event.type);
        },
      ),
      { numRuns: 200, seed: 1 },
    );
    for (const expected of places) expect([...seen], expected).toContain(expected);
  });
});
