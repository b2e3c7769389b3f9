/** Given/when/then for Bully's election rules (B1-B6), each refusal checked for its code. */
import { describe, expect, it } from 'vitest';
import { bullyNodeView } from '../../../../shared/rules/bully/view';
import { act, eventsOfType, expectReplayMatches, refused, tickTo } from '../harness';
import { R, answer, bully, coordinatorDown, crash, declare, expectInvariants, nodeOf, restart, startBully, startElection } from './helpers';

describe('B1: starting an election', () => {
  it('B1: a node that trusts its coordinator is refused no-reason-to-elect', () => {
    const run = startBully(5);
    const refusal = refused(run, { type: 'StartElection', node: R(2) }, 'no-reason-to-elect');
    expect(refusal.rule).toBe('B1');
  });

  it('B1: a suspecting node sends ELECTION to every higher rank only, starts T and counts the election', () => {
    const run = coordinatorDown(5);
    const events = startElection(run, 2);
    const sent = eventsOfType(events, 'MessagesSent')[0]?.messages ?? [];
    expect(sent.map((m) => m.to)).toEqual([R(3), R(4), R(5)]);
    expect(sent.every((m) => m.payload.kind === 'ELECTION')).toBe(true);
    expect(eventsOfType(events, 'BullyElectionStarted')[0]?.reason).toBe('suspected');
    expect(run.state.nodes[R(2)]?.timers.answer).toBe(30_000);
    expect(run.state.stats.elections).toBe(1);
    expect(nodeOf(run, 2).phase).toBe('awaitingAnswer');
    expectInvariants(run);
  });

  it('B1: a node already electing is refused already-electing', () => {
    const run = coordinatorDown(5);
    startElection(run, 2);
    expect(refused(run, { type: 'StartElection', node: R(2) }, 'already-electing').rule).toBe('B1');
  });

  it('B1: a node that heard an ELECTION but trusts its coordinator may start (reason: lower election)', () => {
    const run = startBully(5);
    // The coordinator is healthy, yet rank 1 suspects it because its own clock runs fast.
    act(run, { type: 'SkewClock', node: R(1), rate: 2 });
    tickTo(run, 7_500);
    expect(nodeOf(run, 1).suspecting).toBe(true);
    startElection(run, 1);
    tickTo(run, 8_500);
    expect(nodeOf(run, 4).suspecting).toBe(false);
    const events = startElection(run, 4);
    expect(eventsOfType(events, 'BullyElectionStarted')[0]?.reason).toBe('lowerElection');
    expectInvariants(run);
  });

  it('B1, B9: a restarted node knows no coordinator and may start an election', () => {
    const run = startBully(5);
    crash(run, 2);
    restart(run, 2);
    expect(nodeOf(run, 2)).toMatchObject({ coordinator: null, recovered: true, phase: 'idle' });
    const events = startElection(run, 2);
    expect(eventsOfType(events, 'BullyElectionStarted')[0]?.reason).toBe('recovered');
    expectInvariants(run);
  });

  it('B1: the highest rank has nobody to ask: its election sends no message', () => {
    const run = startBully(5);
    crash(run, 5);
    restart(run, 5);
    const events = startElection(run, 5);
    expect(eventsOfType(events, 'MessagesSent')).toEqual([]);
    expect(nodeOf(run, 5).phase).toBe('awaitingAnswer');
  });
});

describe('B2: answering (OK)', () => {
  it('B2: a higher rank answers; the lower node records it, stops T and starts T\'', () => {
    const run = coordinatorDown(5);
    startElection(run, 2);
    tickTo(run, 16_000);
    answer(run, 4, 2);
    tickTo(run, 17_000);
    expect(nodeOf(run, 2)).toMatchObject({ phase: 'awaitingCoordinator', answersFrom: [R(4)] });
    expect(run.state.nodes[R(2)]?.timers.answer).toBeUndefined();
    expect(run.state.nodes[R(2)]?.timers.coordinatorWait).toBe(47_000);
    expectInvariants(run);
    expectReplayMatches(run);
  });

  it('B2: the answering node now has the duty to hold its own election', () => {
    const run = coordinatorDown(5);
    startElection(run, 2);
    tickTo(run, 16_000);
    answer(run, 3, 2);
    const view = bullyNodeView(bully(run), R(3));
    expect(view.duties).toContain('startElection');
    expect(view.electionsAnswered).toEqual([{ from: R(2), round: 1 }]);
  });

  it('B2: answering a node whose ELECTION never arrived is refused no-election-received', () => {
    const run = coordinatorDown(5);
    startElection(run, 2);
    // Still in flight: it arrives at 16 s.
    expect(refused(run, { type: 'Answer', node: R(4), to: R(2) }, 'no-election-received').rule).toBe('B2');
  });

  it('B2: answering the same election twice is refused already-answered', () => {
    const run = coordinatorDown(5);
    startElection(run, 2);
    tickTo(run, 16_000);
    answer(run, 4, 2);
    expect(refused(run, { type: 'Answer', node: R(4), to: R(2) }, 'already-answered').rule).toBe('B2');
  });

  it('B2: an answer to a round that is over changes nothing', () => {
    const run = coordinatorDown(5);
    startElection(run, 2);
    tickTo(run, 31_000); // T ran out for rank 2 (nobody answered in time)
    declare(run, 2);
    answer(run, 4, 2); // rank 4 answers late; rank 2 already declared
    tickTo(run, 33_000);
    expect(nodeOf(run, 2)).toMatchObject({ phase: 'idle', answersFrom: [] });
    expectInvariants(run);
  });

  it('B2: a new round from the same node may be answered again', () => {
    const run = coordinatorDown(5);
    startElection(run, 3);
    tickTo(run, 16_000);
    answer(run, 4, 3);
    crash(run, 4);
    restart(run, 4); // forgets everything, including the ELECTION it answered
    tickTo(run, 47_000); // rank 3's T' runs out (B4)
    startElection(run, 3);
    tickTo(run, 48_000);
    expect(nodeOf(run, 4).electionsHeard).toEqual([{ from: R(3), round: 2, answered: false }]);
    answer(run, 4, 3);
    expectInvariants(run);
  });

  it('C0: answering a node that does not exist is refused unknown-node', () => {
    const run = startBully(5);
    refused(run, { type: 'Answer', node: R(5), to: 9 }, 'unknown-node');
  });
});

describe('B3: declaring coordinator', () => {
  it('B3: a node that is not electing is refused not-electing', () => {
    const run = coordinatorDown(5);
    expect(refused(run, { type: 'DeclareCoordinator', node: R(3) }, 'not-electing').rule).toBe('B3');
  });

  it('B3: while T is still running the declaration is refused answer-timer-running', () => {
    const run = coordinatorDown(5);
    startElection(run, 4);
    tickTo(run, 20_000);
    const refusal = refused(run, { type: 'DeclareCoordinator', node: R(4) }, 'answer-timer-running');
    expect(refusal.message).toContain('(10 s on your clock)');
  });

  it('B3: after T with no answer, COORDINATOR goes to all; receivers adopt the sender, end their round, restart suspicion', () => {
    const run = coordinatorDown(5);
    startElection(run, 4);
    startElection(run, 1);
    const timeout = tickTo(run, 30_000);
    // Nobody answers rank 1 either (its players are slow), so both may declare now.
    expect(eventsOfType(timeout, 'AnswerTimedOut').map((e) => e.node)).toEqual([R(1), R(4)]);
    expect(nodeOf(run, 4).phase).toBe('mayDeclare');
    const events = declare(run, 4);
    const sent = eventsOfType(events, 'MessagesSent')[0]?.messages ?? [];
    expect(sent.map((m) => m.to)).toEqual([R(1), R(2), R(3), R(5)]);
    expect(run.state.nodes[R(4)]?.timers).toEqual({ heartbeat: 35_000 });
    tickTo(run, 31_000);
    for (const rank of [1, 2, 3]) {
      expect(nodeOf(run, rank)).toMatchObject({ coordinator: R(4), phase: 'idle', suspecting: false });
      expect(run.state.nodes[R(rank)]?.timers).toEqual({ suspicion: 46_000 });
    }
    expectInvariants(run);
    expectReplayMatches(run);
  });

  it('B3: the highest rank may declare without waiting for T', () => {
    const run = startBully(5);
    crash(run, 5);
    restart(run, 5);
    startElection(run, 5);
    declare(run, 5);
    expect(nodeOf(run, 5)).toMatchObject({ coordinator: R(5), phase: 'idle' });
    expectInvariants(run);
  });
});

describe('B4: T\' runs out', () => {
  it('B4: while T\' runs, starting again is refused coordinator-wait-running; once it runs out, the node may start again', () => {
    const run = coordinatorDown(5);
    startElection(run, 2);
    tickTo(run, 16_000);
    answer(run, 4, 2);
    crash(run, 4); // the answerer dies before declaring
    tickTo(run, 17_000);
    expect(refused(run, { type: 'StartElection', node: R(2) }, 'coordinator-wait-running').rule).toBe('B4');
    const events = tickTo(run, 47_000);
    expect(eventsOfType(events, 'CoordinatorWaitTimedOut').map((e) => e.node)).toEqual([R(2)]);
    const again = startElection(run, 2);
    expect(eventsOfType(again, 'BullyElectionStarted')[0]).toMatchObject({ reason: 'overdue', round: 2 });
    expectInvariants(run);
  });
});

describe('B5: COORDINATOR from a lower rank', () => {
  it('B5: the receiver adopts it but gains the right to start an election', () => {
    const run = startBully(5);
    act(run, { type: 'Partition', groups: [[R(1), R(2), R(3), R(4)], [R(5)]] });
    tickTo(run, 15_000);
    startElection(run, 4);
    tickTo(run, 30_000);
    act(run, { type: 'HealPartition' });
    declare(run, 4);
    tickTo(run, 31_000);
    expect(nodeOf(run, 5)).toMatchObject({ coordinator: R(4), lowerCoordinator: R(4) });
    expect(run.state.nodes[R(5)]?.timers.heartbeat).toBeUndefined();
    const events = startElection(run, 5);
    expect(eventsOfType(events, 'BullyElectionStarted')[0]?.reason).toBe('lowerCoordinator');
    expectInvariants(run);
  });

  it('B5: COORDINATOR from a higher rank gives no such right', () => {
    const run = coordinatorDown(5);
    startElection(run, 4);
    tickTo(run, 30_000);
    declare(run, 4);
    tickTo(run, 31_000);
    expect(nodeOf(run, 2).lowerCoordinator).toBeNull();
    refused(run, { type: 'StartElection', node: R(2) }, 'no-reason-to-elect');
  });
});

describe('B6: never downward ELECTION, upward answer, or declaration after an answer', () => {
  it('B6: answering a higher rank (or oneself) is refused not-lower-rank', () => {
    const run = coordinatorDown(5);
    startElection(run, 3);
    tickTo(run, 16_000);
    expect(refused(run, { type: 'Answer', node: R(2), to: R(3) }, 'not-lower-rank').rule).toBe('B6');
    refused(run, { type: 'Answer', node: R(3), to: R(3) }, 'not-lower-rank');
  });

  it('B6: after an answer in this round, declaring is refused answer-received, even once T\' ran out', () => {
    const run = coordinatorDown(5);
    startElection(run, 3);
    tickTo(run, 16_000);
    answer(run, 4, 3);
    tickTo(run, 17_000);
    expect(refused(run, { type: 'DeclareCoordinator', node: R(3) }, 'answer-received').rule).toBe('B6');
    tickTo(run, 60_000);
    expect(nodeOf(run, 3).phase).toBe('coordinatorOverdue');
    refused(run, { type: 'DeclareCoordinator', node: R(3) }, 'answer-received');
  });

  it('B6: an answer arriving after T ran out, before the declaration, still forbids it', () => {
    const run = coordinatorDown(5);
    act(run, { type: 'SetLink', from: R(4), to: R(3), delayMs: 20_000 });
    startElection(run, 3);
    tickTo(run, 16_000);
    answer(run, 4, 3); // arrives at 36 s, after T (30 s)
    tickTo(run, 30_000);
    expect(nodeOf(run, 3).phase).toBe('mayDeclare');
    tickTo(run, 36_000);
    expect(nodeOf(run, 3).phase).toBe('awaitingCoordinator');
    refused(run, { type: 'DeclareCoordinator', node: R(3) }, 'answer-received');
    expectInvariants(run);
  });

  it('B6: every ELECTION ever sent goes up, every answer goes down', () => {
    const run = coordinatorDown(5);
    startElection(run, 1);
    tickTo(run, 16_000);
    for (const rank of [2, 3, 4]) answer(run, rank, 1);
    for (const rank of [2, 3, 4]) startElection(run, rank);
    for (const m of eventsOfType(run.events, 'MessagesSent').flatMap((e) => e.messages)) {
      if (m.payload.kind === 'ELECTION') expect(m.to).toBeGreaterThan(m.from);
      if (m.payload.kind === 'ANSWER') expect(m.to).toBeLessThan(m.from);
    }
  });
});

