/** Building and reading Raft state: the initial cluster, labels, majorities and local clocks. */
import { localTime } from '../clock';
import { copyCore, finishCopy } from '../copy-cluster';
import { letterLabel } from '../labels';
import { drawInt } from '../prng';
import type { ClusterCore, NodeIndex } from '../types';
import { EMPTY_LOG } from './log';
import type { RaftCluster, RaftNode, RaftParams } from './types';

export const ELECTION_TIMER = 'election';
export const HEARTBEAT_TIMER = 'heartbeat';
export const QUORUM_TIMER = 'checkQuorum';

/** Raft nodes are named by letter in every sentence: 0 -> A, 1 -> B, 26 -> A2. */
export const nodeLabel = letterLabel;

/** A majority of the whole cluster, crashed nodes included (R5). */
export function majority(state: RaftCluster): number {
  return Math.floor(state.nodes.length / 2) + 1;
}

/** A copy of the cluster to change, field by field (see copy-cluster.ts), in initRaft's order. */
export function copyRaftCluster(state: RaftCluster): RaftCluster {
  const copy = copyCore(state) as RaftCluster;
  copy.algorithm = state.algorithm;
  copy.params = state.params;
  copy.raft = state.raft;
  copy.monitor = state.monitor;
  return finishCopy(copy, state);
}

export function raftNode(state: RaftCluster, index: NodeIndex): RaftNode {
  const node = state.raft[index];
  if (!node) throw new Error(`no raft node ${index}`);
  return node;
}

export function localNow(state: RaftCluster, index: NodeIndex): number {
  const node = state.nodes[index];
  if (!node) throw new Error(`no node ${index}`);
  return localTime(node.clock, state.now);
}

export function followerNode(): RaftNode {
  return {
    term: 0, votedFor: null, log: EMPTY_LOG,
    role: 'follower', leaderId: null, electionDue: false, votes: [], preVotes: [], requests: [],
    commitIndex: 0, leaderContactAt: null, nextIndex: [], matchIndex: [], heardAt: [],
  };
}

/**
 * Every node starts as a follower of term 0 with a randomized election timer. With
 * `startWithLeader`, that node already leads term 1 (everyone voted for it) so the class
 * can start from the lecture's opening: a working captain about to go down.
 */
/** `params` are the values in force, already validated (raftParamsSchema). */
export function initRaft(core: ClusterCore, params: RaftParams): RaftCluster {
  const n = core.nodes.length;
  const leader = params.startWithLeader !== null && params.startWithLeader < n ? params.startWithLeader : null;
  let rng = core.rng;
  const nodes = core.nodes.map((node) => {
    const local = localTime(node.clock, core.now);
    if (node.index === leader) {
      const quorum: Record<string, number> = params.checkQuorum ? { [QUORUM_TIMER]: local + params.electionTimeoutMinMs } : {};
      return { ...node, timers: { ...node.timers, [HEARTBEAT_TIMER]: local + params.heartbeatMs, ...quorum } };
    }
    const d = drawInt(rng, params.electionTimeoutMinMs, params.electionTimeoutMaxMs);
    rng = d.next;
    return { ...node, timers: { ...node.timers, [ELECTION_TIMER]: local + d.value } };
  });
  const all = core.nodes.map((node) => node.index);
  const raft = core.nodes.map((node): RaftNode => {
    if (leader === null) return followerNode();
    const base = { ...followerNode(), term: 1, votedFor: leader };
    const local = localTime(node.clock, core.now);
    if (node.index !== leader) return { ...base, leaderId: leader, leaderContactAt: local };
    return {
      ...base, role: 'leader', leaderId: leader, votes: all,
      nextIndex: all.map(() => 1), matchIndex: all.map(() => 0), heardAt: all.map(() => local),
    };
  });
  return {
    ...core,
    rng,
    nodes,
    algorithm: 'raft',
    params,
    raft,
    monitor: {
      leaders: leader === null ? {} : { '1': leader },
      lastGrant: core.nodes.map(() => (leader === null ? null : { term: 1, candidate: leader })),
      committed: EMPTY_LOG,
      commitMarks: [],
      violations: [],
    },
  };
}
