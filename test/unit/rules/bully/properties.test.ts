/**
 * Property tests: long random sequences of player moves and host faults, with every
 * invariant checked after each step, the replay checked at the end; and what Bully does
 * guarantee when the world is kind (synchronous network, diligent players).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bullyAgreement, bullyInvariants } from '../../../../shared/rules/bully/monitor';
import type { BullyCluster } from '../../../../shared/rules/bully/types';
import { electionReason } from '../../../../shared/rules/bully/decide';
import { createCluster, decide, evolve } from '../../../../shared/rules/engine';
import type { ClusterState, Command, Event } from '../../../../shared/rules/types';
import { REFUSAL_CODES } from '../../../../shared/rules/refusal';

/** An abstract step, turned into a concrete command against the state it meets. */
type Step =
  | { t: 'move'; node: number; which: number; target: number }
  | { t: 'duty'; pick: number }
  | { t: 'tick'; ms: number }
  | { t: 'fault'; which: number; node: number; other: number; x: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('duty' as const), pick: fc.nat(99) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('move' as const), node: fc.nat(9), which: fc.nat(7), target: fc.nat(9) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('tick' as const), ms: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 40_000 })) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('fault' as const), which: fc.nat(11), node: fc.nat(9), other: fc.nat(9), x: fc.nat(1000) }) },
);

function concrete(state: BullyCluster, step: Step): Command {
  const n = state.nodes.length;
  if (step.t === 'tick') return { type: 'Tick', to: state.now + step.ms };
  if (step.t === 'duty') {
    // A move some diligent player would make now: keeps random runs deep in elections.
    const duties = diligentMoves(state);
    return duties[step.pick % Math.max(1, duties.length)] ?? { type: 'Tick', to: state.now + 1_000 };
  }
  const node = step.node % n;
  if (step.t === 'move') {
    const heard = state.bully[node]?.electionsHeard ?? [];
    switch (step.which % 5) {
      case 0: return { type: 'SendAlive', node };
      case 1: return { type: 'StartElection', node };
      case 2: return { type: 'DeclareCoordinator', node };
      case 3: return { type: 'Answer', node, to: heard.length > 0 ? (heard[step.target % heard.length]?.from ?? 0) : step.target % n };
      default: return { type: 'Answer', node, to: step.target % (n + 1) };
    }
  }
  const other = step.other % n;
  switch (step.which) {
    case 0: case 1: return { type: 'CrashNode', node };
    case 2: case 3: return { type: 'RestartNode', node };
    case 4: return { type: 'PauseNode', node };
    case 5: return { type: 'ResumeNode', node };
    case 6: return { type: 'Partition', groups: [[...Array(n).keys()].filter((i) => (i + step.x) % 2 === 0), [...Array(n).keys()].filter((i) => (i + step.x) % 2 === 1)] };
    case 7: return { type: 'HealPartition' };
    case 8: return { type: 'SetLink', from: node, to: other, delayMs: step.x * 30, dropRate: (step.x % 4) / 4, bothWays: step.x % 2 === 0 };
    case 9: return { type: 'SkewClock', node, rate: 0.5 + (step.x % 20) / 10, offsetMs: step.x * 10 };
    case 10: return { type: 'SetNetwork', dropRate: (step.x % 5) / 10, jitterMs: step.x };
    default: {
      const inFlight = state.network.inFlight;
      return { type: 'DropMessage', id: inFlight.length > 0 ? (inFlight[step.x % inFlight.length]?.id ?? 0) : 0 };
    }
  }
}

interface Played { initial: ClusterState; state: BullyCluster; events: Event[] }

/** What the random runs reached, so a generator that stops exploring is noticed. */
const reached = new Set<string>();

function play(nodeCount: number, seed: number, steps: Step[], check: boolean): Played {
  const initial = createCluster({ algorithm: 'bully', nodeCount, seed });
  let state = initial as BullyCluster;
  const events: Event[] = [];
  for (const step of steps) {
    const command = concrete(state, step);
    const before = check ? JSON.stringify(state) : '';
    const decision = decide(state, command);
    if (decision.ok) {
      state = decision.events.reduce(evolve, state as ClusterState) as BullyCluster;
      events.push(...decision.events);
      if (check) for (const e of decision.events) reached.add(e.type);
    } else if (check) {
      reached.add(decision.refusal.code);
      // Every refusal code is one of the one typed union (kebab-case, shared/rules/refusal.ts).
      expect(REFUSAL_CODES).toContain(decision.refusal.code);
      expect(decision.refusal.rule).toMatch(/^[BC]\d+$/);
      expect(JSON.stringify(state)).toBe(before);
    }
    if (check) {
      const problems = bullyInvariants(state);
      if (problems.length > 0) throw new Error(`after ${JSON.stringify(command)}: ${problems.join(' | ')}`);
    }
  }
  return { initial, state, events };
}

describe('properties under random moves and faults', () => {
  it('every invariant holds after every step, refusals change nothing, and the log replays to the live state', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer(), fc.array(stepArb, { minLength: 1, maxLength: 120, size: 'max' }), (n, seed, steps) => {
        const run = play(n, seed, steps, true);
        expect(JSON.stringify(run.events.reduce(evolve, run.initial))).toBe(JSON.stringify(run.state));
      }),
      { numRuns: 250 },
    );
    const expected = [
      'BullyElectionStarted', 'ElectionHeard', 'ElectionAnswered', 'AnswerReceived', 'AnswerTimedOut', 'CoordinatorWaitTimedOut',
      'CoordinatorAnnounced', 'CoordinatorAccepted', 'CoordinatorSuspected', 'SuspicionCleared',
      'no-reason-to-elect', 'already-electing', 'coordinator-wait-running', 'not-lower-rank', 'no-election-received',
      'already-answered', 'not-electing', 'answer-timer-running', 'answer-received', 'not-coordinator',
    ];
    expect(expected.filter((x) => !reached.has(x))).toEqual([]);
  });

  it('determinism: the same seed and commands give byte-identical states', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer(), fc.array(stepArb, { maxLength: 60, size: 'max' }), (n, seed, steps) => {
        expect(JSON.stringify(play(n, seed, steps, false).state)).toBe(JSON.stringify(play(n, seed, steps, false).state));
      }),
      { numRuns: 60 },
    );
  });
});

/** A diligent player for every node: does each duty as soon as the rules allow it. */
function diligentMoves(state: BullyCluster): Command[] {
  const commands: Command[] = [];
  const top = state.nodes.length - 1;
  state.bully.forEach((node, i) => {
    if (state.nodes[i]?.status !== 'live') return;
    if (node.coordinator === i && state.nodes[i]?.timers.heartbeat === undefined) commands.push({ type: 'SendAlive', node: i });
    for (const heard of node.electionsHeard) if (!heard.answered) commands.push({ type: 'Answer', node: i, to: heard.from });
    const mayStart = (node.phase === 'idle' || node.phase === 'coordinatorOverdue') && electionReason(node) !== null;
    if (mayStart) commands.push({ type: 'StartElection', node: i });
    if (node.phase === 'mayDeclare' || (i === top && (mayStart || node.phase !== 'idle'))) commands.push({ type: 'DeclareCoordinator', node: i });
  });
  return commands;
}

describe('what Bully guarantees when the network is synchronous and the players diligent', () => {
  it('after crashes and restarts stop, a quiet period ends with every live node following the highest live rank', () => {
    const faultArb = fc.record({ at: fc.integer({ min: 0, max: 120 }), node: fc.nat(7), restart: fc.boolean() });
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 7 }), fc.integer(), fc.array(faultArb, { maxLength: 8 }), (n, seed, faults) => {
        let state = createCluster({ algorithm: 'bully', nodeCount: n, seed }) as BullyCluster;
        const apply = (command: Command) => {
          const decision = decide(state, command);
          if (decision.ok) state = decision.events.reduce(evolve, state as ClusterState) as BullyCluster;
        };
        for (let second = 1; second <= 420; second++) {
          apply({ type: 'Tick', to: second * 1_000 });
          for (const f of faults) if (f.at === second) apply({ type: f.restart ? 'RestartNode' : 'CrashNode', node: f.node % n });
          for (const command of diligentMoves(state)) apply(command);
          expect(bullyInvariants(state)).toEqual([]);
        }
        const agreement = bullyAgreement(state);
        expect(agreement.settled, JSON.stringify(agreement)).toBe(true);
        if (agreement.highestLive !== null) expect(agreement.selfCoordinators).toEqual([agreement.highestLive]);
      }),
      { numRuns: 40 },
    );
  });
});
