/**
 * The Lease property tests' random runs (properties.test.ts): the command generators, a
 * disciplined player, and `play`, which checks every invariant after every step and that no
 * step changes a state it is given. Also played by bench/lease-reach.ts, which counts how
 * often the runs reach each interesting place; so no vitest here (a failed check throws).
 */
import fc from 'fast-check';
import { createCluster, decide, evolve } from '../../../../shared/rules/engine';
import { leaseInvariants, leaseStepViolations } from '../../../../shared/rules/lease/invariants';
import type { LeaseCluster } from '../../../../shared/rules/lease/types';
import type { ClusterState, Command, Event } from '../../../../shared/rules/types';

function lease(state: ClusterState): LeaseCluster {
  if (state.algorithm !== 'lease') throw new Error('not a lease cluster');
  return state;
}

export const NODES = 4;
const SERVICE = -1;

/** A disciplined player: whoever believes it leads renews or writes, the others try to acquire. */
type Smart = { type: 'Smart'; node: number; roll: number };
export type Step = Command | Smart;

export const node = fc.integer({ min: 0, max: NODES - 1 });
const endpoint = fc.integer({ min: -1, max: NODES - 1 });

export const smartMove: fc.Arbitrary<Step> = fc.tuple(node, fc.nat(9)).map(([n, roll]): Step => ({ type: 'Smart', node: n, roll }));

export const playerMove: fc.Arbitrary<Step> = fc.oneof(
  node.map((n): Command => ({ type: 'Acquire', node: n })),
  node.map((n): Command => ({ type: 'Renew', node: n })),
  node.map((n): Command => ({ type: 'Release', node: n })),
  fc.tuple(node, fc.constantFrom('a', 'b', 'c')).map(([n, value]): Command => ({ type: 'Write', node: n, value })),
);

export const tick: fc.Arbitrary<Step> = fc.integer({ min: 0, max: 6000 }).map((ms): Command => ({ type: 'Tick', to: ms })); // relative, resolved when applied

export const networkFault: fc.Arbitrary<Step> = fc.oneof(
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

export const nodeFault: fc.Arbitrary<Step> = fc.oneof(
  node.map((n): Command => ({ type: 'CrashNode', node: n })),
  node.map((n): Command => ({ type: 'RestartNode', node: n })),
);

export const clockFault: fc.Arbitrary<Step> = fc.oneof(
  node.map((n): Command => ({ type: 'PauseNode', node: n })),
  node.map((n): Command => ({ type: 'ResumeNode', node: n })),
  fc.tuple(node, fc.constantFrom(0.25, 0.5, 1, 1.5, 3), fc.integer({ min: -5000, max: 5000 }))
    .map(([n, rate, offsetMs]): Command => ({ type: 'SkewClock', node: n, rate, offsetMs })),
);

/** Params with renewDeadline < leaseDuration (the condition of the one-believer guarantee). */
export const params = fc.record({
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

export interface Played { initial: ClusterState; final: ClusterState; log: Event[] }

/**
 * Freezes what is new in a state; the parts it shares with the state before are frozen
 * already. A write to a frozen object throws (the rules are ES modules, strict mode), so
 * `decide` and `evolve` are caught the moment they change a state they were given, on every
 * step. It replaced a JSON copy of the whole state before each step, compared after each
 * refusal: that copy was about a third of the play time, and it saw only refusals.
 */
function freezeNew(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) freezeNew(child);
}

export function play(seed: number, p: Record<string, unknown>, commands: Step[], delayMs: number): Played {
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

/** What the reach test looks for: the lock's answers, expiry, storage's verdicts, split brain. */
export const INTERESTING_PLACES = [
  'LeaseAcquired', 'LeaseRenewed', 'LeaseReleased', 'LeaseExpired', 'lease-held', 'stale-version', 'StorageWriteAccepted', 'StorageWriteRefused', 'SplitBrainDetected',
] as const;

/** The reach test's runs: long, mostly disciplined play and time, some clock faults (seed 1 in the test). */
export const reachCommands = fc.array(fc.oneof(
  { weight: 4, arbitrary: smartMove }, { weight: 2, arbitrary: playerMove }, { weight: 4, arbitrary: tick }, { weight: 1, arbitrary: clockFault },
), { minLength: 80, maxLength: 160 });

/** The places a run's log reached: an event's type, or a lock refusal's code. */
export function placesReached(log: Event[]): Set<string> {
  return new Set(log.map((event) => (event.type === 'LeaseRequestRefused' ? event.code : event.type)));
}
