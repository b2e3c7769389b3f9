/**
 * Given/when/then per election rule (R1-R5, R8), each refusal checked for its code.
 * Delays are exactly 1 s (no jitter) so every arrival time is known.
 */
import { describe, expect, it } from 'vitest';
import { act, eventsOfType, expectReplayMatches, refused, tickBy } from '../harness';
import type { Message } from '../../../../shared/rules/types';
import { raftSummary } from '../../../../shared/rules/raft/phone';
import { timeLeftText } from '../../../../shared/rules/words';
import { A, B, C, D, E, expectSafe, heartbeat, node, raft, S, seeded, stand, timerAt, untilDue, vote, write } from './helpers';

function sentBy(messages: Message[], from: number): Message[] {
  return messages.filter((m) => m.from === from);
}

describe('R1: a higher term wins', () => {
  it('R1: a leader that receives a higher-term vote request adopts the term, forgets its vote and follows', () => {
    const run = seeded();
    act(run, { type: 'Partition', groups: [[A], [B, C, D, E]] });
    untilDue(run, B);
    stand(run, B);
    act(run, { type: 'HealPartition' });
    untilDue(run, B);
    stand(run, B); // term 3, now reaching A
    const events = tickBy(run, 1000);
    expect(eventsOfType(events, 'TermAdopted').find((e) => e.node === A)).toEqual({ type: 'TermAdopted', node: A, term: 3, from: B });
    const a = node(run, A);
    expect([a.role, a.term, a.votedFor, a.leaderId]).toEqual(['follower', 3, null, null]);
    expect(run.state.nodes[A]!.timers.heartbeat).toBeUndefined();
    expect(timerAt(run, A, 'election')).toBeGreaterThanOrEqual(run.state.now + 15_000);
    expectReplayMatches(run);
  });
  // A candidate stepping down on a higher term: scenarios/dueling-candidates.txt.
});

describe('R2: stale requests are refused with the newer term', () => {
  it('R2: a vote request from an older term is refused on arrival and the reply makes the candidate step down', () => {
    const run = seeded();
    act(run, { type: 'Partition', groups: [[A, B, C], [D]] });
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, B, D);
    stand(run, B); // term 2
    tickBy(run, 1000);
    vote(run, C, B);
    untilDue(run, B);
    stand(run, B); // term 3 (no majority in the partition)
    act(run, { type: 'HealPartition' });
    stand(run, D); // D was due: term 2, older than B's 3
    const events = tickBy(run, 1000);
    const replies = eventsOfType(events, 'MessagesSent').flatMap((e) => e.messages).filter((m) => m.to === D && m.payload.kind === 'VoteReply');
    expect(replies.map((m) => m.payload)).toContainEqual({ kind: 'VoteReply', term: 3, granted: false });
    expect(node(run, B).requests.some((r) => r.candidate === D)).toBe(false);
    tickBy(run, 1000);
    expect(node(run, D).role).toBe('follower');
    expect(node(run, D).term).toBe(3);
    expectReplayMatches(run);
  });

  it('R2: a stale leader\'s heartbeat is answered with the newer term and it steps down', () => {
    const run = seeded();
    act(run, { type: 'Partition', groups: [[A], [B, C, D, E]] });
    untilDue(run, B);
    stand(run, B);
    tickBy(run, 1000);
    act(run, { type: 'HealPartition' });
    heartbeat(run, A);
    tickBy(run, 2000);
    expect(node(run, A).role).toBe('follower');
    expect(node(run, A).term).toBe(2);
    expectReplayMatches(run);
  });
});

describe('R3: standing for election', () => {
  it('R3: standing is refused while the election timer still runs', () => {
    const run = raft();
    const refusal = refused(run, { type: 'StandForElection', node: B }, 'election-timer-running');
    expect(refusal.rule).toBe('R3');
    expect(refusal.message).toMatch(/^Your election timer has not run out yet \(\d+(\.\d)? s left\)/);
  });

  it('R3: the refusal quotes the time left exactly as the node\'s phone counts it down', () => {
    const run = raft();
    // Odd steps land between whole seconds and tenths, where rounding two ways disagreed ("19 s" vs "18.0 s").
    for (const step of [0, 1, 1_337, 49, 2_001, 951]) {
      tickBy(run, step);
      const timer = raftSummary(S(run), B, []).timers.find((t) => t.id === 'election')!;
      const refusal = refused(run, { type: 'StandForElection', node: B }, 'election-timer-running');
      expect(refusal.message).toContain(`(${timeLeftText(timer.remainingMs)} left)`);
    }
  });

  it('R3: after the timer ran out: term + 1, a vote for itself, a fresh deadline in [15 s, 30 s), RequestVote to every peer', () => {
    const run = raft();
    act(run, { type: 'CrashNode', node: E }); // crashed nodes are asked too: nobody knows who is down
    untilDue(run, C);
    const events = [] as ReturnType<typeof act>;
    events.push(...act(run, { type: 'StandForElection', node: C }));
    const c = node(run, C);
    expect([c.role, c.term, c.votedFor, c.votes, c.electionDue]).toEqual(['candidate', 1, C, [C], false]);
    const deadline = timerAt(run, C, 'election')! - run.state.now;
    expect(deadline).toBeGreaterThanOrEqual(15_000);
    expect(deadline).toBeLessThan(30_000);
    const requests = sentBy(eventsOfType(events, 'MessagesSent').flatMap((e) => e.messages), C);
    expect(requests.map((m) => m.to)).toEqual([A, B, D, E]);
    expect(requests[0]!.payload).toEqual({ kind: 'RequestVote', term: 1, lastLogIndex: 0, lastLogTerm: 0 });
    expect(S(run).stats.elections).toBe(1);
    expectReplayMatches(run);
  });

  it('R3: a candidate may stand again only when its own timer runs out again', () => {
    const run = raft();
    untilDue(run, C);
    stand(run, C);
    refused(run, { type: 'StandForElection', node: C }, 'election-timer-running');
    untilDue(run, C);
    stand(run, C);
    expect(node(run, C).term).toBe(2);
    expectReplayMatches(run);
  });

  it('R3: hearing from a leader or granting a vote takes the permission away', () => {
    const run = seeded();
    untilDue(run, D);
    heartbeat(run, A);
    tickBy(run, 1000);
    expect(node(run, D).electionDue).toBe(false);
    refused(run, { type: 'StandForElection', node: D }, 'election-timer-running');
  });

  it('R3: a node votes for itself only by standing', () => {
    const run = raft();
    const refusal = refused(run, { type: 'GrantVote', node: B, candidate: B }, 'self-vote');
    expect(refusal.rule).toBe('R3');
    refused(run, { type: 'GrantVote', node: B, candidate: 9 }, 'unknown-node');
  });
});

describe('R4: one vote per term, for an up-to-date log', () => {
  it('R4: a vote needs a request from that candidate', () => {
    const run = raft();
    const refusal = refused(run, { type: 'GrantVote', node: D, candidate: B }, 'no-vote-request');
    expect(refusal.message).toBe('B has not asked you for a vote; you can answer only a RequestVote that reached you (R4).');
    refused(run, { type: 'RefuseVote', node: D, candidate: B }, 'no-vote-request');
  });

  it('R4: a node votes at most once per term', () => {
    const run = seeded();
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, B, C);
    stand(run, B);
    stand(run, C);
    tickBy(run, 1000);
    vote(run, D, C);
    const refusal = refused(run, { type: 'GrantVote', node: D, candidate: B }, 'already-voted');
    expect(refusal).toEqual({ code: 'already-voted', rule: 'R4', message: 'You already voted for C in term 2; a node votes at most once per term (R4).' });
    expect(refused(run, { type: 'GrantVote', node: B, candidate: C }, 'already-voted').message).toBe(
      'You already voted for yourself in term 2; a node votes at most once per term (R4).');
    vote(run, D, C); // granting the same candidate again only resends the reply
    act(run, { type: 'RefuseVote', node: D, candidate: B }); // refusing is always allowed
    expectSafe(run);
    expectReplayMatches(run);
  });

  it('R4: a request from an earlier term can no longer be granted', () => {
    const run = seeded();
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, B, C);
    stand(run, B); // term 2
    tickBy(run, 1000);
    untilDue(run, C);
    stand(run, C); // term 3 reaches D after B's
    tickBy(run, 1000);
    const refusal = refused(run, { type: 'GrantVote', node: D, candidate: B }, 'stale-term');
    expect(refusal.message).toBe('B asked for your vote in term 2, but you are in term 3 now; a vote counts only in your current term (R4).');
    expectReplayMatches(run);
  });

  it('R4: a candidate whose log is behind is refused: a shorter log of the same last term, or a lower last term', () => {
    const run = seeded();
    write(run, A, 'N');
    write(run, A, 'E');
    act(run, { type: 'SetLink', from: A, to: C, dropRate: 1 });
    heartbeat(run, A);
    tickBy(run, 2000);
    act(run, { type: 'SetLink', from: A, to: D, dropRate: 1 });
    write(run, A, 'S');
    heartbeat(run, A);
    tickBy(run, 2000);
    // Logs: A, B, E = N E S; D = N E; C = empty.
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, C, D);
    stand(run, D);
    tickBy(run, 1000);
    refused(run, { type: 'GrantVote', node: B, candidate: D }, 'stale-candidate-log');
    vote(run, C, D); // C's log is shorter: D's is at least as up to date
    const refusal = refused(run, { type: 'GrantVote', node: E, candidate: D }, 'stale-candidate-log');
    expect(refusal.message).toBe("D's log (last entry 2, term 1) is behind yours (last entry 3, term 1); vote only for a log at least as up to date as yours (R4).");
    expectReplayMatches(run);
  });

  it('R4: granting records the vote, restarts the election timer and answers the candidate', () => {
    const run = seeded();
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, B, E);
    stand(run, B);
    tickBy(run, 1000);
    const events = act(run, { type: 'GrantVote', node: E, candidate: B });
    expect(eventsOfType(events, 'VoteGranted')).toEqual([{ type: 'VoteGranted', node: E, candidate: B, term: 2 }]);
    expect(node(run, E).votedFor).toBe(B);
    expect(node(run, E).electionDue).toBe(false);
    expect(timerAt(run, E, 'election')).toBeGreaterThanOrEqual(run.state.now + 15_000);
    expect(eventsOfType(events, 'MessagesSent')[0]!.messages[0]!.payload).toEqual({ kind: 'VoteReply', term: 2, granted: true });
    const refusal = act(run, { type: 'RefuseVote', node: D, candidate: B });
    expect(eventsOfType(refusal, 'MessagesSent')[0]!.messages[0]!.payload).toEqual({ kind: 'VoteReply', term: 2, granted: false });
    expectReplayMatches(run);
  });
});

describe('R5: a majority of the whole cluster', () => {
  it('R5: crashed nodes still count in the cluster size', () => {
    const run = seeded();
    act(run, { type: 'CrashNode', node: A });
    act(run, { type: 'CrashNode', node: E });
    untilDue(run, B);
    stand(run, B);
    tickBy(run, 1000);
    vote(run, C, B);
    tickBy(run, 1000);
    expect(node(run, B).role).toBe('candidate'); // 2 of 5 is not a majority, even with 3 alive
    vote(run, D, B);
    const events = tickBy(run, 1000);
    expect(eventsOfType(events, 'LeaderElected')).toEqual([{ type: 'LeaderElected', node: B, term: 2, votes: 3, clusterSize: 5 }]);
    expect(run.state.nodes[B]!.timers.election).toBeUndefined();
    expect(timerAt(run, B, 'heartbeat')).toBe(run.state.now + 3000);
    expectSafe(run);
    expectReplayMatches(run);
  });

  it('R5: each voter counts once, and only for the current term', () => {
    const run = seeded();
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, B);
    stand(run, B);
    tickBy(run, 1000);
    vote(run, C, B);
    vote(run, C, B);
    vote(run, C, B);
    tickBy(run, 1000);
    expect(node(run, B).votes).toEqual([B, C]);
    act(run, { type: 'SetLink', from: D, to: B, delayMs: 40_000 });
    vote(run, D, B); // arrives long after B moved on to term 3
    untilDue(run, B);
    stand(run, B); // term 3 before D's term-2 grant arrives
    tickBy(run, 1000);
    expect(node(run, B).votes).toEqual([B]);
    tickBy(run, 40_000);
    expect(node(run, B).votes).not.toContain(D);
    expect(node(run, B).role).not.toBe('leader');
    expectReplayMatches(run);
  });

  it('R5: a one-node cluster leads as soon as it stands', () => {
    const run = raft({}, { nodeCount: 1 });
    untilDue(run, A);
    stand(run, A);
    expect(node(run, A).role).toBe('leader');
    write(run, A, 'N');
    expect(node(run, A).commitIndex).toBe(1);
    expectSafe(run);
  });
});

describe('R8: the paper\'s arrows only', () => {
  it('R8: a leader never stands for election', () => {
    const run = seeded();
    const refusal = refused(run, { type: 'StandForElection', node: A }, 'already-leader');
    expect(refusal.rule).toBe('R8');
  });

  it('R8: a candidate that conceded is a follower: late grants do not make it leader', () => {
    const [F, G] = [5, 6];
    const run = seeded({}, { nodeCount: 7 });
    act(run, { type: 'CrashNode', node: A });
    act(run, { type: 'SetLink', from: G, to: C, delayMs: 5000 });
    untilDue(run, B, C);
    stand(run, B);
    stand(run, C);
    tickBy(run, 1000);
    for (const voter of [D, E, F]) vote(run, voter, B);
    vote(run, G, C); // slow: reaches C in 5 s
    tickBy(run, 1000);
    expect(node(run, B).role).toBe('leader');
    heartbeat(run, B);
    tickBy(run, 1000);
    expect(node(run, C).role).toBe('follower');
    tickBy(run, 5000);
    expect(node(run, C).role).toBe('follower');
    expect(node(run, C).votes).toEqual([]);
    expectSafe(run);
    expectReplayMatches(run);
  });
});
