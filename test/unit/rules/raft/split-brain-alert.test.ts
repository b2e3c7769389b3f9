/**
 * Issue 8: the projector's stale-leader alert fires whenever two Raft nodes act as leader
 * at once (A cut off in a minority while C leads the majority), and clears when A learns
 * the newer term after the partition heals.
 */
import { describe, expect, it } from 'vitest';
import { raftTeam } from '../../../../shared/rules/raft/screen';
import { act, tickBy } from '../harness';
import { A, C, D, E, S, heartbeat, node, seeded, stand, untilDue, vote } from './helpers';

describe('Raft split brain on the projector', () => {
  it('one leader: no alert; A stale in a minority while C leads: the alert names A; healed: it clears', () => {
    const run = seeded();
    expect(raftTeam(S(run)).alerts).toEqual([]);
    act(run, { type: 'Partition', groups: [[A, 1], [C, D, E]] });
    untilDue(run, C);
    stand(run, C);
    tickBy(run, 1000);
    vote(run, D, C);
    vote(run, E, C);
    tickBy(run, 1000);
    expect(node(run, C).role).toBe('leader');
    expect(node(run, A).role).toBe('leader');
    expect(raftTeam(S(run)).alerts).toEqual(['Stale leader A: still leading an older term, cut off from the majority.']);
    act(run, { type: 'HealPartition' });
    heartbeat(run, C);
    tickBy(run, 2000);
    expect(node(run, A).role).toBe('follower');
    expect(raftTeam(S(run)).alerts).toEqual([]);
  });
});
