/**
 * Whole stories: the lecture's Raft walk-through and the classic situations (split vote,
 * dueling candidates, a stale leader in a minority partition, a candidate with a stale
 * log, a crash that keeps term, vote and log). Each ends with a byte-for-byte replay.
 */
import { describe, expect, it } from 'vitest';
import { act, eventsOfType, expectReplayMatches, refused, tickBy } from '../harness';
import { shipHeading, staleLeaders } from '../../../../shared/rules/raft/monitor';
import { A, B, C, D, E, expectSafe, heartbeat, log, node, S, seeded, stand, untilDue, vote, write } from './helpers';

describe('Raft scenarios', () => {
  it('seed story: leader A crashes, B and C stand, B gets 3 votes and leads', () => {
    const run = seeded();
    expect(node(run, A).role).toBe('leader');
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, B, C);
    stand(run, B);
    stand(run, C);
    expect([node(run, B).term, node(run, C).term]).toEqual([2, 2]);
    tickBy(run, 1000); // the requests arrive: D and E adopt term 2
    expect(node(run, D).term).toBe(2);
    refused(run, { type: 'GrantVote', node: C, candidate: B }, 'already-voted');
    refused(run, { type: 'GrantVote', node: B, candidate: C }, 'already-voted');
    vote(run, D, B);
    vote(run, E, B);
    refused(run, { type: 'GrantVote', node: E, candidate: C }, 'already-voted');
    const events = tickBy(run, 1000);
    const elected = eventsOfType(events, 'LeaderElected');
    expect(elected).toEqual([{ type: 'LeaderElected', node: B, term: 2, votes: 3, clusterSize: 5 }]);
    heartbeat(run, B);
    tickBy(run, 1000);
    expect(node(run, C).role).toBe('follower');
    expect(node(run, C).leaderId).toBe(B);
    expect(S(run).monitor.leaders).toEqual({ 1: A, 2: B });
    expectSafe(run);
    expectReplayMatches(run);
  });

  it('split vote: two candidates with two votes each, nobody leads, a new term resolves it', () => {
    const run = seeded();
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, B, C);
    stand(run, B);
    stand(run, C);
    tickBy(run, 1000);
    vote(run, D, B);
    vote(run, E, C);
    tickBy(run, 1000);
    expect(node(run, B).votes.length).toBe(2);
    expect(node(run, C).votes.length).toBe(2);
    expect(S(run).raft.some((n) => n.role === 'leader')).toBe(false);
    // Both timers run out again; the first to stand again takes term 3.
    untilDue(run, B);
    stand(run, B);
    expect(node(run, B).term).toBe(3);
    tickBy(run, 1000);
    expect(node(run, C).role).toBe('follower'); // R1: term 3 beats candidate of term 2
    vote(run, C, B);
    vote(run, D, B);
    tickBy(run, 1000);
    expect(node(run, B).role).toBe('leader');
    expect(S(run).monitor.leaders[3]).toBe(B);
    expectSafe(run);
    expectReplayMatches(run);
  });

  it('dueling candidates: a candidate of a later term makes the other step down', () => {
    const run = seeded();
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, B, C);
    stand(run, B);
    stand(run, C);
    tickBy(run, 1000);
    vote(run, D, B);
    vote(run, E, C);
    tickBy(run, 1000);
    untilDue(run, C);
    stand(run, C); // term 3
    const events = tickBy(run, 1000);
    expect(eventsOfType(events, 'TermAdopted').some((e) => e.node === B && e.term === 3)).toBe(true);
    expect(node(run, B).role).toBe('follower');
    vote(run, B, C);
    vote(run, E, C);
    tickBy(run, 1000);
    expect(node(run, C).role).toBe('leader');
    expect(node(run, C).term).toBe(3);
    expect(S(run).monitor.leaders).toEqual({ 1: A, 3: C });
    expectSafe(run);
    expectReplayMatches(run);
  });

  it('stale leader: cut off in a minority it cannot commit, and steps down when the partition heals', () => {
    const run = seeded();
    act(run, { type: 'Partition', groups: [[A, B], [C, D, E]] });
    write(run, A, 'N');
    heartbeat(run, A);
    tickBy(run, 2000);
    expect(log(run, B)).toBe('1:N');
    expect(node(run, A).commitIndex).toBe(0); // 2 of 5 hold it: no majority
    untilDue(run, C);
    stand(run, C);
    tickBy(run, 1000);
    vote(run, D, C);
    vote(run, E, C);
    tickBy(run, 1000);
    expect(node(run, C).role).toBe('leader');
    expect(staleLeaders(S(run))).toEqual([A]); // two leaders, different terms: legal
    write(run, C, 'E');
    heartbeat(run, C);
    tickBy(run, 2000);
    expect(node(run, C).commitIndex).toBe(1);
    expect(shipHeading(S(run))).toBe('E');
    // A keeps trying in its minority: still nothing commits.
    write(run, A, 'W');
    heartbeat(run, A);
    tickBy(run, 2000);
    expect(node(run, A).commitIndex).toBe(0);
    act(run, { type: 'HealPartition' });
    heartbeat(run, A); // its heartbeat meets term 2 and comes back refused (R2)
    const events = tickBy(run, 2000);
    expect(eventsOfType(events, 'TermAdopted').some((e) => e.node === A && e.term === 2)).toBe(true);
    expect(node(run, A).role).toBe('follower');
    expect(staleLeaders(S(run))).toEqual([]);
    // C's heartbeats overwrite A's and B's uncommitted entries.
    heartbeat(run, C);
    tickBy(run, 2000);
    heartbeat(run, C);
    tickBy(run, 2000);
    expect(log(run, A)).toBe('2:E');
    expect(log(run, B)).toBe('2:E');
    expect(shipHeading(S(run))).toBe('E');
    expectSafe(run);
    expectReplayMatches(run);
  });

  it('a candidate with a stale log is refused (R4), and an up-to-date one wins', () => {
    const run = seeded();
    act(run, { type: 'Partition', groups: [[A, B, C], [D, E]] });
    write(run, A, 'N');
    heartbeat(run, A);
    tickBy(run, 2000);
    expect(node(run, A).commitIndex).toBe(1); // A, B, C hold it: committed
    act(run, { type: 'CrashNode', node: A });
    act(run, { type: 'HealPartition' });
    untilDue(run, D);
    stand(run, D);
    tickBy(run, 1000);
    const refusal = refused(run, { type: 'GrantVote', node: B, candidate: D }, 'stale-candidate-log');
    expect(refusal.rule).toBe('R4');
    act(run, { type: 'RefuseVote', node: B, candidate: D });
    act(run, { type: 'RefuseVote', node: C, candidate: D });
    vote(run, E, D);
    tickBy(run, 1000);
    expect(node(run, D).role).toBe('candidate'); // 2 of 5
    untilDue(run, B);
    stand(run, B);
    tickBy(run, 1000);
    vote(run, C, B);
    vote(run, E, B);
    tickBy(run, 1000);
    expect(node(run, B).role).toBe('leader');
    expect(log(run, B)).toBe('1:N');
    expectSafe(run);
    expectReplayMatches(run);
  });

  it('crash keeps term, vote and log; restart brings a fresh randomized timer and the same vote', () => {
    const run = seeded();
    write(run, A, 'N');
    heartbeat(run, A);
    tickBy(run, 2000);
    act(run, { type: 'CrashNode', node: A });
    act(run, { type: 'SetLink', from: C, to: D, delayMs: 8000 }); // C's request reaches D late
    untilDue(run, B, C);
    stand(run, B);
    stand(run, C);
    tickBy(run, 1000);
    vote(run, D, B);
    const before = node(run, D);
    act(run, { type: 'CrashNode', node: D });
    const crashed = node(run, D);
    expect([crashed.term, crashed.votedFor, crashed.log]).toEqual([2, B, before.log]);
    expect(log(run, D)).toBe('1:N');
    expect(crashed.role).toBe('follower');
    expect(crashed.commitIndex).toBe(0); // volatile, as in the paper: relearned from the next leader
    expect(crashed.requests).toEqual([]);
    act(run, { type: 'RestartNode', node: D });
    expect(run.state.nodes[D]!.timers.election).toBeGreaterThan(run.state.now);
    tickBy(run, 7000); // C's term-2 request finally arrives at the restarted D
    expect(node(run, D).requests.map((r) => r.candidate)).toEqual([C]);
    const refusal = refused(run, { type: 'GrantVote', node: D, candidate: C }, 'already-voted');
    expect(refusal.message).toBe('You already voted for B in term 2; a node votes at most once per term (R4).');
    expectSafe(run);
    expectReplayMatches(run);
  });
});
