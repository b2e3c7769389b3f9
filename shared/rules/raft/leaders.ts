/**
 * Who leads a Raft cluster, read once per pair of (raft, nodes) arrays. The fold asks on
 * every clock step (hasLeader, for the leaderless time) and after every logged batch
 * (actingLeaders, for the recap and the split-brain line): about 1.5 million loops over 60
 * nodes for an hour-long class, nearly all over arrays the last question already read,
 * since a clock step or a message copies the cluster but keeps those two arrays (evolve
 * never mutates: a change makes new arrays). A one-entry memo of a pure reading, keyed by
 * the arrays' identity: a fold of one team hits it, interleaved teams just miss.
 */
import type { NodeBase, NodeIndex } from '../types';
import type { RaftNode } from './types';

interface Reading {
  raft: readonly RaftNode[];
  nodes: readonly NodeBase[];
  /** Leaders that are not crashed (a paused one still believes it leads). */
  acting: readonly NodeIndex[];
  /** A leader is live (not crashed, not paused). */
  live: boolean;
}

let last: Reading | null = null;

export function raftLeaders(state: { raft: readonly RaftNode[]; nodes: readonly NodeBase[] }): Reading {
  if (last && last.raft === state.raft && last.nodes === state.nodes) return last;
  const acting: NodeIndex[] = [];
  let live = false;
  for (let i = 0; i < state.raft.length; i++) {
    if (state.raft[i]!.role !== 'leader') continue;
    const status = state.nodes[i]?.status;
    if (status !== 'crashed') acting.push(i);
    if (status === 'live') live = true;
  }
  // Frozen: one answer is handed to every caller (and kept in the recap's spells).
  last = { raft: state.raft, nodes: state.nodes, acting: Object.freeze(acting), live };
  return last;
}
