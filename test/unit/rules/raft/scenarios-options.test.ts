/**
 * Scenarios around the subtle parts: Figure 8 of the paper (committing entries of earlier
 * terms), PreVote keeping a lonely node from raising its term, and CheckQuorum making a
 * cut-off leader step down and healthy followers ignore disruptive vote requests.
 * Each ends with a byte-for-byte replay.
 */
import { describe, expect, it } from 'vitest';
import { act, eventsOfType, expectReplayMatches, refused, tickBy, tickTo } from '../harness';
import { shipHeading } from '../../../../shared/rules/raft/monitor';
import { A, B, C, D, E, expectSafe, heartbeat, log, node, S, seeded, stand, untilDue, vote, write } from './helpers';

describe('Raft scenarios: Figure 8, PreVote, CheckQuorum', () => {
  it('Figure 8: an old-term entry held by a majority is not committed by counting, so it may be overwritten safely (R7)', () => {
    const run = seeded();
    act(run, { type: 'Partition', groups: [[A, B], [C, D, E]] });
    write(run, A, 'N');
    heartbeat(run, A);
    tickBy(run, 2000);
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, E);
    stand(run, E); // term 2
    tickBy(run, 1000);
    vote(run, C, E);
    vote(run, D, E);
    tickBy(run, 1000);
    expect(node(run, E).role).toBe('leader');
    write(run, E, 'S'); // only E ever holds it
    act(run, { type: 'CrashNode', node: E });
    act(run, { type: 'RestartNode', node: A });
    act(run, { type: 'Partition', groups: [[A, B, C], [D, E]] });
    untilDue(run, A);
    stand(run, A); // term 2: C already voted for E in term 2
    tickBy(run, 1000);
    refused(run, { type: 'GrantVote', node: C, candidate: A }, 'already-voted');
    untilDue(run, A);
    stand(run, A); // term 3
    tickBy(run, 1000);
    vote(run, B, A);
    vote(run, C, A);
    tickBy(run, 1000);
    expect(node(run, A).role).toBe('leader');
    expect(node(run, A).term).toBe(3);
    heartbeat(run, A); // C's log is empty: the first try fails and A backs up (R6)
    tickBy(run, 2000);
    heartbeat(run, A);
    tickBy(run, 2000);
    expect(log(run, C)).toBe('1:N'); // A, B and C hold entry 1 of term 1...
    expect(node(run, A).commitIndex).toBe(0); // ...but a leader of term 3 does not commit it by counting
    act(run, { type: 'CrashNode', node: A });
    act(run, { type: 'RestartNode', node: E });
    act(run, { type: 'HealPartition' });
    untilDue(run, E);
    stand(run, E); // term 3: B and C voted for A
    tickBy(run, 1000);
    untilDue(run, E);
    stand(run, E); // term 4
    tickBy(run, 1000);
    vote(run, B, E); // E's last entry has term 2 > 1: its log is more up to date
    vote(run, C, E);
    tickBy(run, 1000);
    expect(node(run, E).role).toBe('leader');
    heartbeat(run, E);
    tickBy(run, 2000);
    heartbeat(run, E);
    tickBy(run, 2000);
    expect(log(run, B)).toBe('2:S'); // the uncommitted 1:N is overwritten: no harm done
    expect(shipHeading(S(run))).toBe(null);
    write(run, E, 'W');
    heartbeat(run, E);
    tickBy(run, 2000);
    expect(shipHeading(S(run))).toBe('W');
    expect(S(run).monitor.committed.length).toBe(2); // 2:S committed along with 4:W
    expectSafe(run);
    expectReplayMatches(run);
  });

  it('PreVote: a node cut off alone cannot raise its term, and rejoins without disrupting the leader (R9)', () => {
    const run = seeded({ preVote: true });
    act(run, { type: 'Partition', groups: [[A, B, C, D], [E]] });
    const beatUntilDue = () => {
      while (!node(run, E).electionDue) {
        heartbeat(run, A);
        tickBy(run, 3000);
      }
    };
    beatUntilDue();
    stand(run, E); // alone: its pre-votes are lost
    expect(node(run, E).role).toBe('precandidate');
    expect(node(run, E).term).toBe(1); // a pre-vote changes no term
    beatUntilDue();
    stand(run, E);
    expect(node(run, E).term).toBe(1);
    beatUntilDue();
    act(run, { type: 'HealPartition' });
    stand(run, E); // back in the room, still term 1, it asks again
    heartbeat(run, A);
    const events = tickBy(run, 2000);
    const refusals = eventsOfType(events, 'PreVoteRefused');
    expect(refusals.map((e) => [e.node, e.reason])).toEqual([[A, 'leaderAlive'], [B, 'leaderAlive'], [C, 'leaderAlive'], [D, 'leaderAlive']]);
    expect(node(run, A).role).toBe('leader');
    expect(node(run, A).term).toBe(1);
    expect(node(run, E).role).toBe('follower'); // A's heartbeat brought it back
    expect(node(run, E).leaderId).toBe(A);
    expectSafe(run);
    expectReplayMatches(run);
  });

  it('PreVote: after the leader crashes, a pre-vote majority starts the real election (R9)', () => {
    const run = seeded({ preVote: true });
    act(run, { type: 'CrashNode', node: A });
    untilDue(run, B);
    // By now the others have not heard from A for longer than the minimum timeout.
    tickTo(run, Math.max(run.state.now, 15_000));
    stand(run, B);
    expect(node(run, B).term).toBe(1);
    tickBy(run, 2000); // pre-votes out and back
    expect(node(run, B).role).toBe('candidate');
    expect(node(run, B).term).toBe(2);
    tickBy(run, 1000);
    vote(run, C, B);
    vote(run, D, B);
    tickBy(run, 1000);
    expect(node(run, B).role).toBe('leader');
    expectSafe(run);
    expectReplayMatches(run);
  });

  it('CheckQuorum: a leader cut off from the majority steps down by itself (R10)', () => {
    const run = seeded({ checkQuorum: true });
    heartbeat(run, A);
    tickBy(run, 2000);
    act(run, { type: 'Partition', groups: [[A, B], [C, D, E]] });
    const down = [];
    while (node(run, A).role === 'leader' && run.state.now < 60_000) {
      heartbeat(run, A);
      down.push(...eventsOfType(tickBy(run, 3000), 'LeaderSteppedDown'));
    }
    // Checked every 15 s: at 15 s C, D and E had answered 13 s before; at 30 s they had not.
    expect(down).toEqual([{ type: 'LeaderSteppedDown', node: A, term: 1, heard: 2 }]);
    expect(run.state.now).toBe(32_000);
    expect(node(run, A).term).toBe(1);
    expect(run.state.nodes[A]!.timers.election).toBeDefined();
    refused(run, { type: 'SendHeartbeat', node: A }, 'not-leader');
    expectSafe(run);
    expectReplayMatches(run);
  });

  it('CheckQuorum: nodes in touch with their leader ignore a rejoining node\'s vote request (R10)', () => {
    const run = seeded({ checkQuorum: true });
    act(run, { type: 'Partition', groups: [[A, B, C, D], [E]] });
    while (!node(run, E).electionDue) {
      heartbeat(run, A);
      tickBy(run, 3000);
    }
    act(run, { type: 'HealPartition' });
    stand(run, E); // term 2, the moment it is back
    heartbeat(run, A);
    const events = tickBy(run, 1000);
    expect(eventsOfType(events, 'VoteRequestIgnored').map((e) => e.node)).toEqual([A, B, C, D]);
    expect(eventsOfType(events, 'TermAdopted')).toEqual([]);
    expect(node(run, A).role).toBe('leader');
    expect(node(run, B).term).toBe(1);
    // As in etcd, the leader's heartbeat still meets E's higher term (R2) and A steps down:
    // CheckQuorum alone cannot stop a node that already raised its term; PreVote can (R9).
    const later = tickBy(run, 1000);
    expect(eventsOfType(later, 'TermAdopted').map((e) => [e.node, e.term])).toEqual([[A, 2]]);
    expectSafe(run);
    expectReplayMatches(run);
  });
});
