/**
 * What an algorithm adds to the replay player's scrubber (shared/replay/markers.ts): the
 * marks only the algorithm can read, from its own events and its own cluster (Raft: a
 * leader's commit, a leader cut off in an older term; Lease: who took the lease, and
 * whether it changed hands). The player iterates the registry and never branches on an
 * algorithm's name (issue 10); the common marks (crash, partition, election...) stay there.
 */
import type { Event, NodeIndex } from './types';

/** The moments a teacher looks for (their looks: shared/replay/marker-kinds.ts). */
export type MarkerKind =
  | 'leader' | 'leader-lost' | 'crash' | 'restart' | 'pause' | 'resume'
  | 'partition' | 'heal' | 'split-brain' | 'stale-leader' | 'refused' | 'commit' | 'handover';

/** One mark of a logged batch, before the player stamps it with the row's time and team. */
export interface ReplayMark {
  kind: MarkerKind;
  node: NodeIndex | null;
  /** A short sentence for the tooltip and the list. */
  text: string;
}

export interface AlgorithmReplayMarkers<S> {
  /** The rule event types `event` reads: a batch without any of them (most) costs one scan. */
  marking: readonly string[];
  /** The mark one rule event makes, read with the team's cluster right after its batch; null: none. */
  event(event: Event, after: S, label: (node: NodeIndex) => string): ReplayMark | null;
  /** Marks of the batch as a whole, once its events made `marks` (Raft: a stale leader beside an election). */
  batch?(after: S, marks: readonly { kind: MarkerKind }[], label: (node: NodeIndex) => string): ReplayMark[];
}
