/**
 * Raft's marks on the replay scrubber (shared/rules/replay-hooks.ts): a commit by the
 * leader, and a leader cut off from the majority that keeps leading an older term (the
 * lecture's story), told beside the election that made the newer leader.
 */
import type { AlgorithmReplayMarkers } from '../replay-hooks';
import { staleLeaders } from './monitor';
import type { RaftCluster } from './types';

export const raftReplayMarkers: AlgorithmReplayMarkers<RaftCluster> = {
  marking: ['CommitAdvanced'],
  event(event, after, label) {
    // Followers advance their commit index too; only the leader's commit is the moment.
    if (event.type !== 'CommitAdvanced' || after.raft[event.node]?.role !== 'leader') return null;
    return { kind: 'commit', node: event.node, text: `${label(event.node)} commits entry ${event.commitIndex}` };
  },
  batch(after, marks, label) {
    if (!marks.some((mark) => mark.kind === 'leader')) return [];
    const stale = staleLeaders(after);
    return stale.length === 0 ? [] : [{ kind: 'stale-leader', node: stale[0]!, text: `Stale leader ${stale.map(label).join(', ')} still leads an older term` }];
  },
};
