/**
 * The safety monitor (it must notice an impossible history), the stale-leader helper,
 * the player's view (own knowledge only, own clock) and moves (a dry run through the
 * engine), and the ticker's sentences.
 */
import { describe, expect, it } from 'vitest';
import { evolve } from '../../../../shared/rules/engine';
import { narrateRaft } from '../../../../shared/rules/raft/narrate';
import { raftInvariants, staleLeaders } from '../../../../shared/rules/raft/monitor';
import { letterLabel } from '../../../../shared/rules/labels';
import type { RaftCluster } from '../../../../shared/rules/raft/types';
import { answeredMoves as raftMoves } from '../../../../shared/rules/answered-moves';
import { raftNodeView } from '../../../../shared/rules/raft/view';
import type { Event } from '../../../../shared/rules/types';
import { act, tickBy } from '../harness';
import { A, B, C, D, E, heartbeat, node, S, seeded, stand, untilDue, vote, write } from './helpers';

function fold(state: RaftCluster, event: Event): RaftCluster {
  return evolve(state, event) as RaftCluster;
}

describe('safety monitor', () => {
  it('records two leaders in one term (the engine would be wrong)', () => {
    const run = seeded();
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, B, C);
    stand(run, B);
    stand(run, C);
    let state = fold(S(run), { type: 'VoteCounted', node: B, voter: D, term: 2 }); // D never granted it
    state = fold(state, { type: 'VoteCounted', node: B, voter: E, term: 2 });
    state = fold(state, { type: 'LeaderElected', node: B, term: 2, votes: 3, clusterSize: 5 });
    state = fold(state, { type: 'LeaderElected', node: C, term: 2, votes: 1, clusterSize: 5 });
    const found = raftInvariants(state);
    expect(found).toContain('Two leaders in term 2: B and C.');
    expect(found).toContain('C became leader of term 2 with 1 of 5 votes, short of a majority.');
    expect(found).toContain('B counted a vote from D in term 2 that D never granted it.');
  });

  it('records a double vote, a term going down and a lost committed entry', () => {
    const run = seeded();
    write(run, A, 'N');
    heartbeat(run, A);
    tickBy(run, 2000);
    let state = fold(S(run), { type: 'VoteGranted', node: D, candidate: C, term: 1 });
    state = fold(state, { type: 'TermAdopted', node: E, term: 0, from: A });
    state = fold(state, { type: 'LogReplicated', node: B, leader: C, from: 1, entries: [{ term: 1, command: 'S' }] });
    expect(raftInvariants(state)).toEqual([
      'One vote per term: D voted for both A and C in term 1.',
      'Terms never decrease: E went from term 1 to term 0.',
      "B lost committed entry 1 while copying C's log.",
    ]);
  });

  it('a stale leader in a minority is legal and listed by staleLeaders', () => {
    const run = seeded();
    act(run, { type: 'Partition', groups: [[A, B], [C, D, E]] });
    untilDue(run, C);
    stand(run, C);
    tickBy(run, 1000);
    vote(run, D, C);
    vote(run, E, C);
    tickBy(run, 1000);
    expect(staleLeaders(S(run))).toEqual([A]);
    expect(raftInvariants(S(run))).toEqual([]);
  });
});

describe('player view', () => {
  it('shows a node its own state on its own clock, and nothing of the others', () => {
    const run = seeded();
    act(run, { type: 'SkewClock', node: C, rate: 2 });
    write(run, A, 'N');
    heartbeat(run, A);
    tickBy(run, 2000);
    const view = raftNodeView(S(run), C);
    expect(view).toMatchObject({ label: 'C', role: 'follower', term: 1, votedFor: A, leader: A, logLength: 1, commitIndex: 0, heading: null, followers: [] });
    // C's clock runs double since 0 s: at 2 s room time it reads 4 s, and its timer is measured on it.
    const deadline = S(run).nodes[C]!.timers.election! - 4000;
    expect(view.electionTimerMs).toBe(deadline);
    expect(JSON.stringify(view)).not.toContain('monitor');
    const leader = raftNodeView(S(run), A);
    expect(leader.heartbeatDueMs).toBe(1000);
    expect(leader.followers.map((f) => [f.index, f.matchIndex])).toEqual([[B, 1], [C, 1], [D, 1], [E, 1]]);
    expect(leader.log).toEqual([{ index: 1, term: 1, command: 'N', committed: true }]);
    expect(leader.heading).toBe('N');
  });

  it('lists the moves with the engine\'s own verdicts, one vote entry per candidate that asked', () => {
    const run = seeded();
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, B, C);
    stand(run, B);
    stand(run, C);
    tickBy(run, 1000);
    const moves = raftMoves(S(run), D);
    const byLabel = Object.fromEntries(moves.map((m) => [m.label, m.refusal?.code ?? 'OK']));
    expect(byLabel).toEqual({
      'Stand for election': 'election-timer-running',
      'Send heartbeat': 'not-leader',
      'Steer N': 'not-leader', 'Steer E': 'not-leader', 'Steer S': 'not-leader', 'Steer W': 'not-leader',
      'Vote for B': 'OK', 'Refuse B': 'OK', 'Vote for C': 'OK', 'Refuse C': 'OK',
    });
    vote(run, D, B);
    const after = raftMoves(S(run), D).find((m) => m.label === 'Vote for C');
    expect(after?.refusal?.code).toBe('already-voted');
    act(run, { type: 'CrashNode', node: D });
    expect(raftMoves(S(run), D).every((m) => m.refusal?.code === 'node-crashed')).toBe(true);
  });
});

describe('ticker', () => {
  it('tells the seed story in plain sentences and stays quiet about the noise', () => {
    const run = seeded();
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, B, C);
    stand(run, B);
    stand(run, C);
    tickBy(run, 1000);
    vote(run, D, B);
    vote(run, E, B);
    tickBy(run, 1000);
    heartbeat(run, B);
    write(run, B, 'N');
    heartbeat(run, B);
    tickBy(run, 3000);
    let state = run.initial as RaftCluster;
    const lines: string[] = [];
    for (const event of run.events) {
      const next = fold(state, event);
      const line = narrateRaft(event, state, next);
      if (line) lines.push(line);
      else expect(['ClockAdvanced', 'TimerSet', 'MessageDelivered', 'VoteRequestReceived', 'VoteCounted', 'LeaderHeard', 'TermAdopted', 'ReplicationAcked', 'CommitAdvanced', 'MessagesSent', 'TimerFired', 'LogReplicated', 'MessageDropped', 'TimerCleared']).toContain(event.type);
      state = next;
    }
    expect(lines).toContain('The captain is down: leader A of term 1 crashed.');
    expect(lines).toContain('B stood for election in term 2 and asked 4 nodes for votes.');
    expect(lines).toContain('D voted for B in term 2.');
    expect(lines).toContain('B became leader of term 2 with 3 of 5 votes.');
    expect(lines).toContain('C conceded: B leads term 2 (R6).');
    expect(lines).toContain('B wrote "N" as entry 1 of term 2; the ship follows once a majority holds it.');
    expect(lines).toContain('Entry 1 committed by B: the ship now steers "N".');
    expect(lines.filter((l) => l.startsWith('B sent a heartbeat')).length).toBe(2);
  });

  it('labels nodes by letter, then A2, B2...', () => {
    expect([0, 1, 25, 26, 27, 52].map(letterLabel)).toEqual(['A', 'B', 'Z', 'A2', 'B2', 'A3']);
    expect(node(seeded(), A).role).toBe('leader');
  });
});
