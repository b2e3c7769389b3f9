/**
 * Property tests: long random sequences of player moves and host faults (crashes,
 * restarts, pauses, partitions, slow and lossy links, skewed clocks), checking every
 * Raft invariant after each step, with an independent observer beside the engine's own
 * monitor, and the replay equality and determinism at the end. fast-check prints the
 * seed and the shrunk path of any failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster, decide, evolve } from '../../../../shared/rules/engine';
import { toArray } from '../../../../shared/rules/raft/log';
import type { RaftCluster, RaftParams } from '../../../../shared/rules/raft/types';
import { answeredMoves as raftMoves } from '../../../../shared/rules/answered-moves';
import { algorithmModule } from '../../../../shared/rules/registry';
import type { ClusterState, Command, Event } from '../../../../shared/rules/types';
import { REFUSAL_CODES } from '../../../../shared/rules/refusal';

type Step =
  | { t: 'smart'; node: number; pick: number }
  | { t: 'raw'; command: Command }
  | { t: 'tick'; ms: number }
  | { t: 'dropInFlight'; pick: number }
  /** Every node makes a move this instant, mostly a cooperative one (vote, heartbeat, stand). */
  | { t: 'all'; pick: number };

interface Setup {
  nodeCount: number;
  seed: number;
  params: Partial<RaftParams>;
  steps: Step[];
}

const N = 7;
const nodeArb = fc.nat(N - 1);

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ t: fc.constant('smart' as const), node: nodeArb, pick: fc.nat(20) }) },
  { weight: 6, arbitrary: fc.record({ t: fc.constant('all' as const), pick: fc.nat(1000) }) },
  { weight: 10, arbitrary: fc.record({ t: fc.constant('tick' as const), ms: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 3000, max: 35_000 })) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('dropInFlight' as const), pick: fc.nat(50) }) },
  {
    weight: 5,
    arbitrary: fc.oneof(
      { weight: 3, arbitrary: nodeArb.map((node): Command => ({ type: 'StandForElection', node })) },
      { weight: 2, arbitrary: fc.tuple(nodeArb, nodeArb).map(([node, candidate]): Command => ({ type: 'GrantVote', node, candidate })) },
      { weight: 1, arbitrary: fc.tuple(nodeArb, nodeArb).map(([node, candidate]): Command => ({ type: 'RefuseVote', node, candidate })) },
      { weight: 2, arbitrary: nodeArb.map((node): Command => ({ type: 'SendHeartbeat', node })) },
      { weight: 2, arbitrary: fc.tuple(nodeArb, fc.constantFrom('N', 'E', 'S', 'W', '', 'port', 'a very long command text')).map(([node, command]): Command => ({ type: 'WriteCommand', node, command })) },
      { weight: 2, arbitrary: nodeArb.map((node): Command => ({ type: 'CrashNode', node })) },
      { weight: 4, arbitrary: nodeArb.map((node): Command => ({ type: 'RestartNode', node })) },
      { weight: 1, arbitrary: nodeArb.map((node): Command => ({ type: 'PauseNode', node })) },
      { weight: 3, arbitrary: nodeArb.map((node): Command => ({ type: 'ResumeNode', node })) },
      { weight: 1, arbitrary: fc.tuple(nodeArb, fc.constantFrom(0.5, 1, 1.5, 2), fc.integer({ min: -5000, max: 5000 })).map(([node, rate, offsetMs]): Command => ({ type: 'SkewClock', node, rate, offsetMs })) },
      {
        weight: 2,
        arbitrary: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }).map((side): Command => ({
          type: 'Partition', groups: [side, [0, 1, 2, 3, 4, 5, 6].filter((n) => !side.includes(n))],
        })),
      },
      { weight: 3, arbitrary: fc.constant<Command>({ type: 'HealPartition' }) },
      {
        weight: 1,
        arbitrary: fc.tuple(nodeArb, nodeArb, fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(0, 0.3, 1)).map(([from, to, delayMs, dropRate]): Command => ({
          type: 'SetLink', from, to, delayMs, dropRate, bothWays: delayMs % 2 === 0,
        })),
      },
      { weight: 1, arbitrary: fc.record({ dropRate: fc.constantFrom(0, 0, 0.1, 0.5), jitterMs: fc.constantFrom(0, 500, 3000) }).map((n): Command => ({ type: 'SetNetwork', ...n })) },
    ).map((command): Step => ({ t: 'raw', command })),
  },
);

const setupArb: fc.Arbitrary<Setup> = fc.record({
  nodeCount: fc.integer({ min: 1, max: N }),
  seed: fc.integer(),
  params: fc.record({
    preVote: fc.boolean(),
    checkQuorum: fc.boolean(),
    logs: fc.boolean(),
    startWithLeader: fc.constantFrom(null, 0),
  }),
  steps: fc.array(stepArb, { minLength: 20, maxLength: 250 }),
});

const COOPERATIVE = ['WriteCommand', 'SendHeartbeat', 'GrantVote', 'StandForElection'];

/** Resolves a step to a command against the current state (smart moves pick an allowed move). */
function commandFor(state: RaftCluster, step: Step): Command | null {
  switch (step.t) {
    case 'tick':
      return { type: 'Tick', to: state.now + step.ms };
    case 'dropInFlight': {
      const inFlight = state.network.inFlight;
      const victim = inFlight[step.pick % Math.max(1, inFlight.length)];
      return victim ? { type: 'DropMessage', id: victim.id } : null;
    }
    case 'smart': {
      if (step.node >= state.nodes.length) return null;
      const allowed = raftMoves(state, step.node).filter((m) => m.allowed);
      // Negative picks come from an 'all' step: mostly the cooperative move, sometimes any.
      const pick = Math.abs(step.pick);
      const kinds = COOPERATIVE.map((type) => allowed.filter((m) => m.command.type === type)).filter((l) => l.length > 0);
      const preferred = step.pick < 0 && pick % 4 !== 0 && kinds.length > 0 ? (kinds[pick % kinds.length] as typeof allowed) : allowed;
      const move = preferred[pick % Math.max(1, preferred.length)];
      return move ? move.command : null;
    }
    case 'raw': {
      const command = fitted(step.command, state.nodes.length);
      // Restarts and resumes go to a node that needs one, so clusters do not just wither.
      if (command.type === 'RestartNode' || command.type === 'ResumeNode') {
        const wanted = command.type === 'RestartNode' ? 'crashed' : 'paused';
        const targets = state.nodes.filter((n) => n.status === wanted);
        const target = targets[command.node % Math.max(1, targets.length)];
        return target ? { ...command, node: target.index } : command;
      }
      return command;
    }
    case 'all':
      return null; // expanded by play()
  }
}

/** Maps the generated node numbers into this cluster (a few are left out of range on purpose). */
function fitted(command: Command, n: number): Command {
  const fit = (i: number) => (i === N - 1 ? i : i % n); // node 6 stays, so small clusters also see unknown-node
  const c = { ...command } as Record<string, unknown>;
  for (const key of ['node', 'candidate', 'from', 'to']) if (typeof c[key] === 'number') c[key] = fit(c[key] as number);
  if (command.type === 'Partition') {
    const groups = command.groups.map((g) => g.filter((i) => i < n)).filter((g) => g.length > 0);
    c.groups = groups.length >= 2 ? groups : command.groups.map((g) => g.map((i) => i % n));
  }
  return c as Command;
}

/** An observer independent of the engine's monitor: what it saw must never be contradicted. */
class Observer {
  leaderOfTerm = new Map<number, number>();
  voteOf = new Map<string, number>();
  terms: number[] = [];
  committed: string[] = [];

  check(state: RaftCluster): void {
    const fail = (sentence: string) => { throw new Error(`${sentence} (at ${state.now} ms)`); };
    const violations = algorithmModule('raft').rules.invariants(state);
    if (violations.length > 0) fail(`invariants violated: ${violations.join(' ')}`);
    const majority = Math.floor(state.nodes.length / 2) + 1;
    state.raft.forEach((node, i) => {
      if (node.term < (this.terms[i] ?? 0)) fail(`the term of node ${i} went down`);
      this.terms[i] = node.term;
      if (node.votedFor !== null) {
        const key = `${i}@${node.term}`;
        const before = this.voteOf.get(key);
        if (before !== undefined && before !== node.votedFor) fail(`node ${i} changed its vote in term ${node.term}`);
        this.voteOf.set(key, node.votedFor);
      }
      if (node.role === 'leader') {
        const before = this.leaderOfTerm.get(node.term);
        if (before !== undefined && before !== i) fail(`two leaders in term ${node.term}: ${before} and ${i}`);
        this.leaderOfTerm.set(node.term, i);
        if (node.votes.length < majority) fail(`leader ${i} has no majority`);
      }
      if (node.commitIndex > node.log.length) fail(`node ${i} committed beyond its log`);
    });
    if (state.monitor.committed.length !== this.committed.length) {
      const committed = toArray(state.monitor.committed).map((e) => `${e.term}:${e.command}`);
      if (committed.slice(0, this.committed.length).join() !== this.committed.join()) fail('a committed entry changed');
      this.committed = committed;
    }
  }
}

export const coverage: Record<string, number> = {};

/** `thorough` also checks that decide leaves its input untouched and agrees with evolve (slower). */
function play(setup: Setup, thorough = true): { initial: ClusterState; state: ClusterState; events: Event[]; commands: Command[] } {
  const initial = createCluster({ algorithm: 'raft', nodeCount: setup.nodeCount, seed: setup.seed, params: setup.params as Record<string, unknown> });
  let state = initial;
  const events: Event[] = [];
  const commands: Command[] = [];
  const observer = new Observer();
  observer.check(state as RaftCluster);
  const expanded = setup.steps.flatMap((step): Step[] => (step.t !== 'all' ? [step]
    : Array.from({ length: setup.nodeCount }, (_, node) => ({ t: 'smart', node, pick: step.pick * (node + 1) * -1 - 1 }))));
  for (const step of expanded) {
    const command = commandFor(state as RaftCluster, step);
    if (!command) continue;
    commands.push(command);
    const before = thorough ? JSON.stringify(state) : '';
    const decision = decide(state, command);
    if (thorough) expect(JSON.stringify(state), 'decide must not mutate its input').toBe(before);
    if (!decision.ok) {
      // Every refusal code is one of the one typed union (kebab-case, shared/rules/refusal.ts).
      expect(REFUSAL_CODES).toContain(decision.refusal.code);
      expect(decision.refusal.rule).toMatch(/^[CR]\d+$/);
      continue;
    }
    state = decision.events.reduce(evolve, state);
    if (thorough) expect(JSON.stringify(state)).toBe(JSON.stringify(decision.state));
    events.push(...decision.events);
    for (const e of decision.events) coverage[e.type] = (coverage[e.type] ?? 0) + 1;
    observer.check(state as RaftCluster);
  }
  return { initial, state, events, commands };
}

function replay(initial: ClusterState, commands: Command[]): ClusterState {
  let state = initial;
  for (const command of commands) {
    const decision = decide(state, command);
    if (decision.ok) state = decision.state;
  }
  return state;
}

describe('Raft properties', () => {
  it('R1-R11: every invariant holds after every step of random classes with faults, and the log replays', () => {
    fc.assert(
      fc.property(setupArb, (setup) => {
        const run = play(setup);
        expect(JSON.stringify(run.events.reduce(evolve, run.initial))).toBe(JSON.stringify(run.state));
      }),
      { numRuns: 150 },
    );
    if (process.env.RAFT_COVERAGE) console.log(coverage);
  });

  it('R4, R7: with leaders crashing and the room splitting, no leader ever misses a committed entry', () => {
    // A busier class: five nodes that start with a leader, cooperate eagerly (vote for
    // anyone who asks, write and heartbeat whenever they lead), while the host splits the
    // room and crashes nodes. Stale-log candidates keep asking; only R4 stops them.
    const busyStep: fc.Arbitrary<Step> = fc.oneof(
      { weight: 8, arbitrary: fc.record({ t: fc.constant('all' as const), pick: fc.nat(1000) }) },
      { weight: 8, arbitrary: fc.record({ t: fc.constant('tick' as const), ms: fc.oneof(fc.integer({ min: 500, max: 3000 }), fc.integer({ min: 10_000, max: 31_000 })) }) },
      {
        weight: 3,
        arbitrary: fc.oneof(
          fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 1, maxLength: 2 }).map((side): Command => ({
            type: 'Partition', groups: [side, [0, 1, 2, 3, 4].filter((n) => !side.includes(n))],
          })),
          fc.constant<Command>({ type: 'HealPartition' }),
          fc.constant<Command>({ type: 'HealPartition' }),
          fc.nat(4).map((node): Command => ({ type: 'CrashNode', node })),
          fc.nat(4).map((node): Command => ({ type: 'RestartNode', node })),
          fc.nat(4).map((node): Command => ({ type: 'RestartNode', node })),
        ).map((command): Step => ({ t: 'raw', command })),
      },
    );
    const busy = fc.record({
      nodeCount: fc.constant(5),
      seed: fc.integer(),
      params: fc.record({ preVote: fc.boolean(), checkQuorum: fc.constant(false), logs: fc.constant(true), startWithLeader: fc.constant(0) }),
      steps: fc.array(busyStep, { minLength: 40, maxLength: 120 }),
    });
    fc.assert(fc.property(busy, (setup) => void play(setup, false)), { numRuns: 100 });
  });

  it('R4: whoever stands after the captain falls, a log missing a committed entry never wins', () => {
    // The leader commits entries while a random part of the crew is cut off, then crashes;
    // random survivors stand and everybody tries to vote for them. Only the log check of R4
    // keeps a candidate that missed a committed entry from leading (leader completeness).
    const history = fc.array(fc.record({ reached: fc.subarray([1, 2, 3, 4]), writes: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 4 });
    const election = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(fc.integer(), history, election, fc.boolean(), (seed, rounds, candidates, preVote) => {
      let state = createCluster({ algorithm: 'raft', nodeCount: 5, seed, params: { startWithLeader: 0, preVote } });
      const observer = new Observer();
      const run = (command: Command): boolean => {
        const decision = decide(state, command);
        if (decision.ok) state = decision.state;
        observer.check(state as RaftCluster);
        return decision.ok;
      };
      const raftState = () => state as RaftCluster;
      for (const round of rounds) {
        run({ type: 'Partition', groups: [[0, ...round.reached], [1, 2, 3, 4].filter((n) => !round.reached.includes(n))] });
        for (let w = 0; w < round.writes; w++) run({ type: 'WriteCommand', node: 0, command: 'NESW'[w] as string });
        for (let beat = 0; beat < 3; beat++) {
          run({ type: 'SendHeartbeat', node: 0 });
          run({ type: 'Tick', to: state.now + 2500 });
        }
      }
      run({ type: 'HealPartition' });
      run({ type: 'CrashNode', node: 0 });
      for (const candidate of candidates) {
        const deadline = state.nodes[candidate]?.timers.election;
        if (deadline !== undefined) run({ type: 'Tick', to: deadline + 1 });
        run({ type: 'StandForElection', node: candidate });
        run({ type: 'Tick', to: state.now + 1600 });
        for (let voter = 1; voter < 5; voter++) run({ type: 'GrantVote', node: voter, candidate });
        run({ type: 'Tick', to: state.now + 1600 });
        const leader = raftState().raft.findIndex((n) => n.role === 'leader');
        if (leader !== -1) run({ type: 'SendHeartbeat', node: leader });
      }
    }), { numRuns: 150 });
  });

  it('determinism: the same seed and commands give byte-identical states', () => {
    fc.assert(
      fc.property(setupArb, (setup) => {
        const run = play(setup);
        const again = createCluster({ algorithm: 'raft', nodeCount: setup.nodeCount, seed: setup.seed, params: setup.params as Record<string, unknown> });
        expect(JSON.stringify(again)).toBe(JSON.stringify(run.initial));
        expect(JSON.stringify(replay(again, run.commands))).toBe(JSON.stringify(run.state));
      }),
      { numRuns: 30 },
    );
  });
});
