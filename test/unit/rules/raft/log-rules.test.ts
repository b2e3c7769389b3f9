/**
 * Given/when/then for heartbeats and the log (R6, R7), the options (R9 PreVote, R10
 * CheckQuorum) and crashes (R11), each refusal checked for its code.
 */
import { describe, expect, it } from 'vitest';
import { paramsInForce } from '../../../../shared/rules/registry';
import { act, eventsOfType, expectReplayMatches, refused, tickBy } from '../harness';
import { shipHeading } from '../../../../shared/rules/raft/monitor';
import { DEFAULT_RAFT_PARAMS, RAFT_SEED_PRESET } from '../../../../shared/rules/raft/types';
import { createCluster } from '../../../../shared/rules/engine';
import { A, B, C, D, E, expectSafe, heartbeat, log, node, raft, S, seeded, stand, timerAt, untilDue, vote, write } from './helpers';

describe('R6: heartbeats', () => {
  it('R6: only a leader sends heartbeats', () => {
    const run = seeded();
    const refusal = refused(run, { type: 'SendHeartbeat', node: B }, 'not-leader');
    expect(refusal).toEqual({ code: 'not-leader', rule: 'R6', message: 'Only the leader sends heartbeats; you are a follower of term 1 (you follow A) (R6).' });
  });

  it('R6: a heartbeat reaches every peer, restarts their election timers and the leader\'s reminder', () => {
    const run = seeded();
    tickBy(run, 2000);
    const events = act(run, { type: 'SendHeartbeat', node: A });
    const sent = eventsOfType(events, 'MessagesSent')[0]!.messages;
    expect(sent.map((m) => m.to)).toEqual([B, C, D, E]);
    expect(sent[0]!.payload).toEqual({ kind: 'AppendEntries', term: 1, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 });
    expect(timerAt(run, A, 'heartbeat')).toBe(5000);
    tickBy(run, 1000);
    for (const peer of [B, C, D, E]) {
      expect(timerAt(run, peer, 'election')).toBeGreaterThanOrEqual(3000 + 15_000);
      expect(node(run, peer).leaderId).toBe(A);
    }
    expectReplayMatches(run);
  });

  // A candidate of the same term conceding to the leader: scenarios/lecture-story.txt.

  it('R6: a follower whose log does not match refuses, the leader backs up, and the next heartbeat repairs it', () => {
    const run = seeded();
    act(run, { type: 'SetLink', from: A, to: D, dropRate: 1 });
    write(run, A, 'N');
    heartbeat(run, A);
    tickBy(run, 2000);
    act(run, { type: 'CrashNode', node: A });
    act(run, { type: 'SetLink', from: A, to: D, dropRate: 0 });
    untilDue(run, B);
    stand(run, B);
    tickBy(run, 1000);
    vote(run, C, B);
    vote(run, E, B);
    tickBy(run, 1000);
    expect(node(run, B).nextIndex[D]).toBe(2); // a new leader assumes everyone holds its log
    heartbeat(run, B); // D is asked to match entry 1 of term 1, which it lacks
    const events = tickBy(run, 2000);
    expect(eventsOfType(events, 'ReplicationRejected')).toEqual([{ type: 'ReplicationRejected', node: B, follower: D, nextIndex: 1 }]);
    expect(log(run, D)).toBe('');
    heartbeat(run, B);
    tickBy(run, 2000);
    expect(log(run, D)).toBe('1:N');
    expect(node(run, B).matchIndex).toEqual([0, 1, 1, 1, 1]);
    expectSafe(run);
    expectReplayMatches(run);
  });
});

describe('R7: writing and committing', () => {
  it('R7: only a leader writes, only with the log on, only a short text', () => {
    const run = seeded();
    refused(run, { type: 'WriteCommand', node: C, command: 'N' }, 'not-leader');
    refused(run, { type: 'WriteCommand', node: A, command: '  ' }, 'bad-command');
    refused(run, { type: 'WriteCommand', node: A, command: 'x'.repeat(17) }, 'bad-command');
    refused(run, { type: 'WriteCommand', node: A, command: 42 as unknown as string }, 'bad-command');
    const off = seeded({ logs: false });
    const refusal = refused(off, { type: 'WriteCommand', node: A, command: 'N' }, 'logs-off');
    expect(refusal.rule).toBe('R7');
  });

  it('R7: a write appends an entry of the leader\'s term; the ship does not move before it is committed', () => {
    const run = seeded();
    const events = act(run, { type: 'WriteCommand', node: A, command: 'port' });
    expect(eventsOfType(events, 'CommandWritten')).toEqual([{ type: 'CommandWritten', node: A, term: 1, index: 1, command: 'port' }]);
    expect(log(run, A)).toBe('1:port');
    expect(shipHeading(S(run))).toBe(null);
    heartbeat(run, A);
    tickBy(run, 2000);
    expect(shipHeading(S(run))).toBe('port');
    expectReplayMatches(run);
  });

  it('R7: with three of five holding the entry the leader commits, then the followers', () => {
    const run = seeded();
    write(run, A, 'N');
    act(run, { type: 'SetLink', from: A, to: C, dropRate: 1 });
    act(run, { type: 'SetLink', from: A, to: D, dropRate: 1 });
    act(run, { type: 'SetLink', from: A, to: E, dropRate: 1 });
    heartbeat(run, A);
    tickBy(run, 2000);
    expect(node(run, A).commitIndex).toBe(0); // only A and B: 2 of 5
    act(run, { type: 'SetLink', from: A, to: E, dropRate: 0 });
    heartbeat(run, A);
    const events = tickBy(run, 2000);
    expect(eventsOfType(events, 'CommitAdvanced')).toEqual([{ type: 'CommitAdvanced', node: A, commitIndex: 1 }]);
    expect(shipHeading(S(run))).toBe('N');
    expect(node(run, B).commitIndex).toBe(0);
    heartbeat(run, A);
    tickBy(run, 1000);
    expect(node(run, B).commitIndex).toBe(1);
    expect(node(run, C).commitIndex).toBe(0); // C never got the entry
    expectSafe(run);
    expectReplayMatches(run);
  });
});

describe('R9: PreVote', () => {
  it('R9: standing runs a pre-vote first: no term change, pre-votes answered by the server', () => {
    const run = seeded({ preVote: true });
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, C);
    const events = act(run, { type: 'StandForElection', node: C });
    expect(eventsOfType(events, 'PreVoteStarted')).toEqual([{ type: 'PreVoteStarted', node: C, term: 2 }]);
    expect(eventsOfType(events, 'MessagesSent')[0]!.messages[0]!.payload).toEqual({ kind: 'PreVoteRequest', term: 2, lastLogIndex: 0, lastLogTerm: 0 });
    expect([node(run, C).role, node(run, C).term, node(run, C).votedFor]).toEqual(['precandidate', 1, A]);
    const answered = tickBy(run, 1000);
    for (const voter of [B, D, E]) expect(node(run, voter).term).toBe(1);
    const verdicts = [...eventsOfType(answered, 'PreVoteGranted'), ...eventsOfType(answered, 'PreVoteRefused')];
    expect(verdicts.length).toBe(3);
    expectReplayMatches(run);
  });

  it('R9: a voter that heard from a leader within the minimum timeout refuses the pre-vote', () => {
    const run = seeded({ preVote: true });
    act(run, { type: 'Partition', groups: [[A, B, C, D], [E]] });
    heartbeat(run, A);
    untilDue(run, E);
    heartbeat(run, A);
    tickBy(run, 1000);
    act(run, { type: 'HealPartition' });
    stand(run, E);
    const events = tickBy(run, 1000);
    expect(eventsOfType(events, 'PreVoteRefused').map((e) => e.reason)).toEqual(['leaderAlive', 'leaderAlive', 'leaderAlive', 'leaderAlive']);
    tickBy(run, 1000);
    expect(node(run, E).role).toBe('precandidate');
    expect(node(run, E).term).toBe(1);
    expectReplayMatches(run);
  });

  it('R9: a pre-candidate with a stale log is refused, and a heartbeat makes it follow again', () => {
    const run = seeded({ preVote: true });
    act(run, { type: 'SetLink', from: A, to: E, dropRate: 1 });
    write(run, A, 'N');
    heartbeat(run, A);
    tickBy(run, 2000);
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, E);
    tickBy(run, 16_000); // everyone's contact with A is now old
    stand(run, E);
    const events = tickBy(run, 1000);
    expect(eventsOfType(events, 'PreVoteRefused').map((e) => e.reason)).toEqual(['staleLog', 'staleLog', 'staleLog']);
    untilDue(run, B);
    stand(run, B);
    tickBy(run, 2000); // pre-votes granted by C, D, E: the real election starts
    expect(node(run, B).role).toBe('candidate');
    tickBy(run, 1000);
    vote(run, C, B);
    vote(run, E, B);
    tickBy(run, 1000);
    heartbeat(run, B);
    tickBy(run, 1000);
    expect(node(run, E).role).toBe('follower');
    expect(node(run, E).leaderId).toBe(B);
    expectSafe(run);
    expectReplayMatches(run);
  });
});

describe('R10: CheckQuorum', () => {
  it('R10: a leader that hears from a majority keeps leading', () => {
    const run = seeded({ checkQuorum: true });
    for (let beat = 0; beat < 20; beat++) {
      heartbeat(run, A);
      tickBy(run, 3000);
    }
    expect(node(run, A).role).toBe('leader');
    expect(timerAt(run, A, 'checkQuorum')).not.toBeNull();
  });

  it('R10: a leader whose player never sends heartbeats loses its quorum and steps down', () => {
    const run = seeded({ checkQuorum: true });
    const events = tickBy(run, 15_000);
    expect(eventsOfType(events, 'LeaderSteppedDown')).toEqual([{ type: 'LeaderSteppedDown', node: A, term: 1, heard: 1 }]);
    expect(node(run, A).role).toBe('follower');
    expectReplayMatches(run);
  });
});

describe('R11: crash and restart', () => {
  it('R11: a crashed leader keeps term, vote and log but loses its role, bookkeeping and commit index', () => {
    const run = seeded();
    write(run, A, 'N');
    heartbeat(run, A);
    tickBy(run, 2000);
    expect(node(run, A).commitIndex).toBe(1);
    act(run, { type: 'CrashNode', node: A });
    const a = node(run, A);
    expect([a.term, a.votedFor, log(run, A)]).toEqual([1, A, '1:N']);
    expect([a.role, a.leaderId, a.commitIndex, a.votes, a.matchIndex]).toEqual(['follower', null, 0, [], []]);
    expect(run.state.nodes[A]!.timers).toEqual({});
    act(run, { type: 'RestartNode', node: A });
    const due = timerAt(run, A, 'election')! - run.state.now;
    expect(due).toBeGreaterThanOrEqual(15_000);
    expect(due).toBeLessThan(30_000);
    expect(S(run).monitor.committed.length).toBe(1); // the committed entry is not forgotten by the cluster
    expectSafe(run);
    expectReplayMatches(run);
  });
});

describe('parameters', () => {
  it('classroom defaults: heartbeat 3 s, election timeout in [15 s, 30 s), logs on, PreVote and CheckQuorum off', () => {
    expect(DEFAULT_RAFT_PARAMS).toEqual({
      heartbeatMs: 3000, electionTimeoutMinMs: 15_000, electionTimeoutMaxMs: 30_000,
      logs: true, preVote: false, checkQuorum: false, startWithLeader: null,
    });
    const run = raft();
    expect(S(run).params).toEqual(DEFAULT_RAFT_PARAMS);
    for (let i = 0; i < 5; i++) {
      const at = timerAt(run, i, 'election')!;
      expect(at).toBeGreaterThanOrEqual(15_000);
      expect(at).toBeLessThan(30_000);
    }
  });

  it('the seed preset: five nodes A-E, A leading term 1', () => {
    const state = createCluster({ algorithm: 'raft', nodeCount: RAFT_SEED_PRESET.nodeCount, seed: 3, params: RAFT_SEED_PRESET.params });
    if (state.algorithm !== 'raft') throw new Error('raft');
    expect(state.raft.map((n) => n.role)).toEqual(['leader', 'follower', 'follower', 'follower', 'follower']);
    expect(state.raft.map((n) => n.leaderId)).toEqual([A, A, A, A, A]);
    expect(state.monitor.leaders).toEqual({ 1: A });
  });

  it('G9: bad parameters are refused with a sentence, never replaced by the defaults', () => {
    for (const bad of [{ heartbeatMs: -5 }, { electionTimeoutMinMs: 'x' }, { preVote: 'yes' }, { electionTimeoutMinMs: 30_000, electionTimeoutMaxMs: 15_000 }, { heartbeatMs: 20_000 }]) {
      const answer = paramsInForce('raft', bad);
      expect(answer.ok, JSON.stringify(bad)).toBe(false);
      if (!answer.ok) expect(answer.refusal).toMatchObject({ code: 'bad-parameter', rule: 'G9' });
    }
    expect(() => createCluster({ algorithm: 'raft', nodeCount: 3, seed: 1, params: { heartbeatMs: -5 } })).toThrow();
  });

  it('a first leader beyond the cluster is ignored: everyone starts as a follower', () => {
    const state = createCluster({ algorithm: 'raft', nodeCount: 3, seed: 1, params: { startWithLeader: 7 } });
    if (state.algorithm !== 'raft') throw new Error('raft');
    expect(state.raft.every((n) => n.role === 'follower')).toBe(true);
  });
});
