/**
 * The Tick's fixed order (determinism: same state and commands, same events), checked
 * against its plain definition. The engine keeps a due-time queue per Tick (issue 12); this
 * test rescans the whole cluster before every step, as the engine did before the queue:
 * the earliest room time first; at one instant messages (by id) before timers (by node,
 * then timer name). Random rounds of each algorithm with pauses, crashes, skewed clocks,
 * partitions and timed faults that end inside a Tick.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roomTimeOf } from '../../../../shared/rules/clock';
import { createCluster, decide, evolve } from '../../../../shared/rules/engine';
import { algorithmModule } from '../../../../shared/rules/registry';
import type { ClusterState, Command, Event } from '../../../../shared/rules/types';
import { SERVICE } from '../../../../shared/rules/types';

type Expected = { message: number } | { node: number; timer: string } | null;

/** The definition: rescan every message and every live node's timers (names sorted). */
function rescanNextDue(state: ClusterState, to: number): Expected {
  let best: { at: number; message: number } | { at: number; node: number; timer: string } | null = null;
  for (const m of state.network.inFlight) {
    if (m.to !== SERVICE && state.nodes[m.to]?.status === 'paused') continue;
    if (m.deliverAt > to) continue;
    if (!best || m.deliverAt < best.at || (m.deliverAt === best.at && 'message' in best && m.id < best.message)) best = { at: m.deliverAt, message: m.id };
  }
  for (const node of state.nodes) {
    if (node.status !== 'live') continue;
    for (const timer of Object.keys(node.timers).sort()) {
      const at = roomTimeOf(node.clock, node.timers[timer] as number);
      if (at <= to && (!best || at < best.at)) best = { at, node: node.index, timer };
    }
  }
  return best;
}

const STEP_STARTS = new Set(['MessageDelivered', 'MessageDropped', 'TimerFired']);

/** Folds a Tick's events and checks that every message or timer step was the one the rescan names. */
function checkTick(before: ClusterState, to: number, events: Event[]): void {
  let state = before;
  for (const event of events) {
    const isStep = STEP_STARTS.has(event.type) && !(event.type === 'MessageDropped' && event.reason === 'byHand');
    if (isStep) {
      const expected = rescanNextDue(state, to);
      if (event.type === 'TimerFired') expect({ node: event.node, timer: event.timer }).toEqual({ node: (expected as { node: number }).node, timer: (expected as { timer: string }).timer });
      else expect((event as { id: number }).id).toBe((expected as { message: number } | null)?.message);
    }
    state = evolve(state, event);
  }
  // Nothing due by `to` is left behind, unless a service deadline or a fault end came first.
  const left = rescanNextDue(state, to);
  expect(left).toBeNull();
}

const N = 6;
const node = fc.nat(N - 1);
const forMs = fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: undefined });
const hostCommand: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('CrashNode' as const), node, forMs }),
  fc.record({ type: fc.constant('RestartNode' as const), node }),
  fc.record({ type: fc.constant('PauseNode' as const), node, forMs }),
  fc.record({ type: fc.constant('ResumeNode' as const), node }),
  fc.record({ type: fc.constant('SkewClock' as const), node, rate: fc.constantFrom(0.5, 1, 1.7), offsetMs: fc.integer({ min: -3000, max: 3000 }) }),
  fc.record({ type: fc.constant('SetLink' as const), from: node, to: node, delayMs: fc.integer({ min: 0, max: 5000 }), dropRate: fc.constantFrom(0, 0.5), forMs }),
  fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 1 }).map((side): Command => ({ type: 'Partition', groups: [side, [0, 1, 2, 3, 4, 5].filter((n) => !side.includes(n))] })),
  fc.constant<Command>({ type: 'HealPartition' }),
);

type Step = { t: 'tick'; ms: number } | { t: 'host'; command: Command } | { t: 'move'; pick: number; node: number; other: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('tick' as const), ms: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 2000, max: 30_000 })) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('host' as const), command: hostCommand }) },
  { weight: 6, arbitrary: fc.record({ t: fc.constant('move' as const), pick: fc.nat(100), node, other: node }) },
);

/** A move of the algorithm (any of its types; the rules refuse the illegal ones). */
function moveOf(algorithm: string, s: Extract<Step, { t: 'move' }>): Command {
  const types = algorithmModule(algorithm).rules.commandTypes;
  const type = types[s.pick % types.length]!;
  return { type, node: s.node, candidate: s.other, to: s.other, command: 'N', value: 'v' } as unknown as Command;
}

describe('the Tick takes what is due in the fixed order (messages by id, then timers by node and name)', () => {
  for (const algorithm of ['raft', 'bully', 'lease']) {
    it(`${algorithm}: every step of every Tick is the one a full rescan names, with pauses, crashes, skews, partitions and timed faults`, () => {
      fc.assert(
        // Without jitter, messages and fixed-length timers often fall due at the same instant: the ties the order settles.
        fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), fc.array(step, { minLength: 10, maxLength: 80 }), (seed, jitter, steps) => {
          let state = createCluster({ algorithm, nodeCount: N, seed, network: jitter ? {} : { delayMs: 1000, jitterMs: 0 } });
          for (const s of steps) {
            if (s.t === 'tick') {
              const to = state.now + s.ms;
              const decision = decide(state, { type: 'Tick', to });
              expect(decision.ok).toBe(true);
              checkTick(state, to, decision.events);
              state = decision.state;
              continue;
            }
            const decision = decide(state, s.t === 'host' ? s.command : moveOf(algorithm, s));
            if (decision.ok) state = decision.state;
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it('at one instant a message goes before a timer, and timers go by node: a lease request and two retry timers due at 5 s', () => {
    let state = createCluster({ algorithm: 'lease', nodeCount: 3, seed: 3, network: { delayMs: 1000, jitterMs: 0 } });
    expect(state.nodes.map((n) => n.timers.retry)).toEqual([5000, 5000, 5000]);
    state = decide(state, { type: 'Tick', to: 4000 }).state;
    const acquire = decide(state, { type: 'Acquire', node: 0 });
    expect(acquire.ok).toBe(true);
    expect(acquire.state.network.inFlight.map((m) => m.deliverAt)).toEqual([5000]);
    const tick = decide(acquire.state, { type: 'Tick', to: 5000 });
    const steps = tick.events.filter((e) => e.type === 'MessageDelivered' || e.type === 'TimerFired').map((e) => (e.type === 'TimerFired' ? `timer ${e.node}` : 'message'));
    expect(steps).toEqual(['message', 'timer 1', 'timer 2']);
  });
});
