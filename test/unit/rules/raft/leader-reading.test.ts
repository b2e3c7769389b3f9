/**
 * Raft's leader reading (shared/rules/leader-reading.ts, raft/leaders.ts) is asked on every clock step and
 * after every logged batch, and remembers its last answer by the identity of the cluster's
 * `raft` and `nodes` arrays. It must answer exactly what a fresh loop over the nodes says,
 * for every state the rules produce: a pause changes `nodes` while `raft` stays shared.
 */
import { describe, expect, it } from 'vitest';
import { raftModule } from '../../../../shared/rules/raft/module';
import type { RaftCluster } from '../../../../shared/rules/raft/types';
import { act, tickBy } from '../harness';
import { A, S, seeded } from './helpers';

function freshReading(state: RaftCluster): { acting: number[]; live: boolean } {
  const acting = state.raft.flatMap((node, i) => (node.role === 'leader' && state.nodes[i]?.status !== 'crashed' ? [i] : []));
  const live = state.raft.some((node, i) => node.role === 'leader' && state.nodes[i]?.status === 'live');
  return { acting, live };
}

function reading(state: RaftCluster): { acting: number[]; live: boolean } {
  return { acting: raftModule.actingLeaders!(state), live: raftModule.rules.hasLeader(state) };
}

describe('Raft leader reading, remembered per (raft, nodes) arrays', () => {
  it('answers as a fresh reading before and after the leader pauses, resumes and crashes, and across clusters', () => {
    const run = seeded();
    const states: RaftCluster[] = [S(run)];
    expect(reading(S(run))).toEqual({ acting: [A], live: true });
    act(run, { type: 'PauseNode', node: A });
    states.push(S(run));
    expect(S(run).raft).toBe(states[0]!.raft); // the case the memo must see: same raft array, new nodes
    expect(reading(S(run))).toEqual({ acting: [A], live: false }); // a paused leader still believes it leads
    act(run, { type: 'ResumeNode', node: A });
    states.push(S(run));
    act(run, { type: 'CrashNode', node: A });
    const crashed = S(run);
    states.push(crashed);
    expect(reading(crashed)).toEqual({ acting: [], live: false });
    tickBy(run, 60_000);
    states.push(S(run));
    // Asked again in any order (as interleaved teams would), every answer is the fresh one.
    for (const state of [...states, ...states.slice().reverse()]) expect(reading(state)).toEqual(freshReading(state));
  });
});
