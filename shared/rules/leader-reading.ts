/**
 * Who leads a cluster, read once per pair of (per-node, nodes) arrays. The fold asks on
 * every clock step (hasLeader, for the leaderless time) and after every logged batch
 * (actingLeaders, for the recap and the split-brain line): about 1.5 million loops over 60
 * nodes for an hour-long class, nearly all over arrays the last question already read,
 * since a clock step or a message copies the cluster but keeps those two arrays (evolve
 * never mutates: a change makes new arrays). So each algorithm that reads its leaders from
 * one per-node array (Raft's roles, Bully's coordinators) keeps a one-entry memo of that
 * pure reading, keyed by the arrays' identity: a fold of one team hits it, interleaved
 * teams just miss.
 */
import type { NodeBase, NodeIndex } from './types';

/**
 * Writes a cluster draft made in place to a per-node list or a node (draft.ts): the lists
 * keep their identity, so every memo below forgets its answer when this count moves.
 */
let writesInPlace = 0;

export function noteInPlaceWrite(): void {
  writesInPlace++;
}

export interface LeaderReading {
  /** Leaders that are not crashed (a paused one still believes it leads). */
  acting: readonly NodeIndex[];
  /** A leader is live (not crashed, not paused). */
  live: boolean;
}

/**
 * A pure reading of (per-node array, nodes) kept for the last pair it read: the same two
 * arrays give the same answer, so it is computed once per pair (and again after a draft
 * wrote into any such list in place). The answer is handed to every caller as is (the
 * reading freezes what it returns).
 */
export function readOnArrays<S extends { nodes: readonly NodeBase[] }, N, R>(perNode: (state: S) => readonly N[], read: (own: readonly N[], nodes: readonly NodeBase[]) => R): (state: S) => R {
  let lastPerNode: readonly N[] | null = null;
  let lastNodes: readonly NodeBase[] | null = null;
  let lastWrites = -1;
  let last: R;
  return (state) => {
    const own = perNode(state);
    if (own === lastPerNode && state.nodes === lastNodes && writesInPlace === lastWrites) return last;
    last = read(own, state.nodes);
    lastPerNode = own;
    lastNodes = state.nodes;
    lastWrites = writesInPlace;
    return last;
  };
}

export function leaderReading<S extends { nodes: readonly NodeBase[] }, N>(perNode: (state: S) => readonly N[], leads: (node: N, index: NodeIndex) => boolean): (state: S) => LeaderReading {
  return readOnArrays(perNode, (own, nodes) => {
    const acting: NodeIndex[] = [];
    let live = false;
    for (let i = 0; i < own.length; i++) {
      if (!leads(own[i]!, i)) continue;
      const status = nodes[i]?.status;
      if (status !== 'crashed') acting.push(i);
      if (status === 'live') live = true;
    }
    // Frozen: one answer is handed to every caller (and kept in the recap's spells).
    return { acting: Object.freeze(acting), live };
  });
}
