/** Whole stories: the lecture's Bully story and the classic ones, each replayed at the end. */
import { describe, expect, it } from 'vitest';
import { narrateBully } from '../../../../shared/rules/bully/narrate';
import type { BullyCluster, BullyElectionTally } from '../../../../shared/rules/bully/types';
import { BULLY_SEED_PRESET } from '../../../../shared/rules/bully/types';
import { evolve } from '../../../../shared/rules/engine';
import { act, expectReplayMatches, refused, tickTo, type Run } from '../harness';
import { R, agreement, answer, bully, crash, declare, expectInvariants, nodeOf, restart, sendAlive, startBully, startElection } from './helpers';

function narration(run: Run): string[] {
  const lines: string[] = [];
  let state = run.initial as BullyCluster;
  for (const event of run.events) {
    const next = evolve(state, event) as BullyCluster;
    const line = narrateBully(event, state, next);
    if (line) lines.push(line);
    state = next;
  }
  return lines;
}

function lastTally(run: Run): BullyElectionTally {
  const tally = bully(run).tallies.recent.at(-1);
  if (!tally) throw new Error('no election yet');
  return tally;
}

/** The lecture: nodes 1-5, coordinator 5 crashes, 4 is the highest alive and wins. */
describe('seed story: nodes 1-5, the coordinator 5 crashes', () => {
  it('after suspicion and elections, 4 declares and everyone agrees', () => {
    const run = startBully(BULLY_SEED_PRESET.nodeCount, BULLY_SEED_PRESET.params as unknown as Record<string, unknown>);
    tickTo(run, 4_000);
    sendAlive(run, 5);
    tickTo(run, 6_000);
    act(run, { type: 'CrashNode', node: BULLY_SEED_PRESET.crash });
    tickTo(run, 19_999);
    expect(nodeOf(run, 2).suspecting).toBe(false);
    tickTo(run, 20_000); // 15 s after the last "I'm alive" (delivered at 5 s)
    for (const rank of [1, 2, 3, 4]) expect(nodeOf(run, rank).suspecting).toBe(true);

    startElection(run, 2); // ELECTION to 3, 4, 5
    tickTo(run, 21_000);
    answer(run, 3, 2);
    answer(run, 4, 2);
    startElection(run, 3); // ELECTION to 4, 5
    startElection(run, 4); // ELECTION to 5 (crashed: lost)
    tickTo(run, 22_000);
    answer(run, 4, 3);
    refused(run, { type: 'DeclareCoordinator', node: R(3) }, 'answer-timer-running');
    tickTo(run, 23_000);
    refused(run, { type: 'DeclareCoordinator', node: R(3) }, 'answer-received'); // B6
    refused(run, { type: 'DeclareCoordinator', node: R(4) }, 'answer-timer-running');
    tickTo(run, 36_000); // T of rank 4 ran out: nobody above it answered
    expect(nodeOf(run, 4).phase).toBe('mayDeclare');
    declare(run, 4);
    tickTo(run, 37_000);

    for (const rank of [1, 2, 3, 4]) expect(nodeOf(run, rank)).toMatchObject({ coordinator: R(4), phase: 'idle', suspecting: false });
    expect(agreement(run)).toMatchObject({ agreed: true, settled: true, highestLive: R(4), electing: [] });
    expect(lastTally(run)).toMatchObject({
      rounds: 3,
      sent: { election: 6, answer: 3, coordinator: 4 },
      delivered: { election: 3, answer: 3, coordinator: 3 },
      declaredBy: R(4),
    });
    const lines = narration(run);
    expect(lines).toContain('Node 2 starts an election (it suspects coordinator 5): ELECTION to 3, 4, 5.');
    expect(lines).toContain('Node 4 declares itself coordinator: COORDINATOR to everyone.');
    expect(lines.at(-1)).toMatch(/^Everyone alive now follows node 4\. Election #1 took 13 messages/);
    expectInvariants(run);
    expectReplayMatches(run);
  });
});

describe('the top rank recovers and bullies its way back', () => {
  function withFourInCharge(): Run {
    const run = startBully(5);
    crash(run, 5);
    tickTo(run, 15_000);
    startElection(run, 4);
    tickTo(run, 30_000);
    declare(run, 4);
    tickTo(run, 31_000);
    expect(agreement(run).settled).toBe(true);
    return run;
  }

  it('5 restarts, starts an election with nobody above it, declares, and the lower ranks accept', () => {
    const run = withFourInCharge();
    restart(run, 5);
    expect(nodeOf(run, 5)).toMatchObject({ coordinator: null, recovered: true });
    expect(agreement(run).settled).toBe(false); // 5 is the highest live rank but not yet coordinator
    startElection(run, 5);
    declare(run, 5); // no higher rank exists: no need to wait for T
    tickTo(run, 32_000);
    for (const rank of [1, 2, 3, 4]) expect(nodeOf(run, rank).coordinator).toBe(R(5));
    expect(run.state.nodes[R(4)]?.timers.heartbeat).toBeUndefined();
    refused(run, { type: 'SendAlive', node: R(4) }, 'not-coordinator');
    expect(agreement(run).settled).toBe(true);
    expectInvariants(run);
    expectReplayMatches(run);
  });

  it('a COORDINATOR from 4 that reaches the restarted 5 lets it bully back (B5)', () => {
    const run = withFourInCharge();
    restart(run, 5); // its player is slow: it does not start an election yet
    tickTo(run, 46_000); // rank 4's player forgot its heartbeats: the others suspect it
    expect(nodeOf(run, 3).suspecting).toBe(true);
    startElection(run, 3); // ELECTION to 4 and 5
    tickTo(run, 47_000);
    answer(run, 4, 3);
    startElection(run, 4); // ELECTION to 5, whose player does not answer in time
    tickTo(run, 62_000);
    declare(run, 4); // T ran out: legal, 4 heard no answer
    tickTo(run, 63_000);
    expect(nodeOf(run, 5)).toMatchObject({ coordinator: R(4), lowerCoordinator: R(4), recovered: false });
    expect(narration(run)).toContain('Node 5 heard COORDINATOR from lower rank 4: it may bully its way back (B5).');
    startElection(run, 5);
    declare(run, 5);
    tickTo(run, 64_000);
    expect(agreement(run)).toMatchObject({ settled: true, beliefs: [{ coordinator: R(5), nodes: [0, 1, 2, 3, 4] }] });
    expectInvariants(run);
    expectReplayMatches(run);
  });
});

describe('T\' runs out: the answerer crashed before declaring (B4)', () => {
  it('the waiting node starts again, nobody above answers, and it declares', () => {
    const run = startBully(5);
    crash(run, 5);
    tickTo(run, 15_000);
    startElection(run, 3);
    tickTo(run, 16_000);
    answer(run, 4, 3);
    crash(run, 4); // before it could hold its own election
    tickTo(run, 17_000);
    expect(nodeOf(run, 3).phase).toBe('awaitingCoordinator');
    refused(run, { type: 'StartElection', node: R(3) }, 'coordinator-wait-running');
    tickTo(run, 47_000); // T' = 30 s after the answer arrived
    expect(nodeOf(run, 3).phase).toBe('coordinatorOverdue');
    refused(run, { type: 'DeclareCoordinator', node: R(3) }, 'answer-received');
    startElection(run, 3);
    tickTo(run, 62_000);
    declare(run, 3);
    tickTo(run, 63_000);
    expect(agreement(run)).toMatchObject({ settled: true, highestLive: R(3), beliefs: [{ coordinator: R(3), nodes: [0, 1, 2] }] });
    expect(narration(run)).toContain("Node 3 got an OK but no COORDINATOR within T': it may start a new election (B4).");
    expectInvariants(run);
    expectReplayMatches(run);
  });
});

/**
 * Message counts. The top rank N has crashed. Best case: the next highest (N-1) detects,
 * asks the dead N (1 ELECTION, lost), declares after T: N messages sent, and the N-2
 * COORDINATOR messages to the live lower ranks are all that reach anyone. Worst case: the
 * lowest detects and every live node runs its own election: N(N-1)/2 ELECTION,
 * (N-1)(N-2)/2 OK and N-1 COORDINATOR, N(N-1) in all: O(N^2).
 */
function bestCase(n: number): Run {
  const run = startBully(n);
  crash(run, n);
  tickTo(run, 15_000);
  startElection(run, n - 1);
  tickTo(run, 30_000);
  declare(run, n - 1);
  tickTo(run, 31_000);
  return run;
}

function worstCase(n: number): Run {
  const run = startBully(n);
  crash(run, n);
  tickTo(run, 15_000);
  startElection(run, 1);
  // Each wave: every node that heard an ELECTION answers all of them, then runs its own.
  for (let t = 16_000; t <= 20_000; t += 1_000) {
    tickTo(run, t);
    for (let rank = 2; rank < n; rank++) {
      for (const heard of nodeOf(run, rank).electionsHeard) if (!heard.answered) act(run, { type: 'Answer', node: R(rank), to: heard.from });
      if (nodeOf(run, rank).phase === 'idle' && nodeOf(run, rank).electionsHeard.length > 0) startElection(run, rank);
    }
  }
  tickTo(run, 40_000);
  declare(run, n - 1);
  tickTo(run, 41_000);
  return run;
}

describe('message counts per election: N-2 best case, O(N^2) worst case', () => {
  for (const n of [5, 8]) {
    it(`best case with ${n} nodes: the next highest detects; N-2 = ${n - 2} messages reach a live node`, () => {
      const run = bestCase(n);
      const tally = lastTally(run);
      expect(tally.sent).toEqual({ election: 1, answer: 0, coordinator: n - 1 });
      expect(tally.delivered).toEqual({ election: 0, answer: 0, coordinator: n - 2 });
      expect(agreement(run)).toMatchObject({ settled: true, highestLive: R(n - 1) });
      expectInvariants(run);
      expectReplayMatches(run);
    });

    it(`worst case with ${n} nodes: the lowest detects; N(N-1) = ${n * (n - 1)} messages sent`, () => {
      const run = worstCase(n);
      const tally = lastTally(run);
      expect(tally.sent).toEqual({ election: (n * (n - 1)) / 2, answer: ((n - 1) * (n - 2)) / 2, coordinator: n - 1 });
      expect(tally.sent.election + tally.sent.answer + tally.sent.coordinator).toBe(n * (n - 1));
      expect(tally.rounds).toBe(n - 1);
      expect(bully(run).tallies.totals.sent).toMatchObject(tally.sent);
      expect(agreement(run)).toMatchObject({ settled: true, highestLive: R(n - 1) });
      expectInvariants(run);
      expectReplayMatches(run);
    });
  }
});
