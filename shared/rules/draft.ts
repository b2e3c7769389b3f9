/**
 * A cluster draft: the objects one run of evolve made itself, which it may change in place.
 *
 * `evolve` never mutates a state it was given: each event copies what it changes (the
 * cluster, the per-node arrays of 60 entries, the node). Folding a team's run of logged
 * batches (shared/game/team-run.ts: the replay player folds an hour of ~940,000 events)
 * made those copies for every event, and they and their garbage were most of the fold
 * (issue 7). A run that passes a draft copies each object once, on its first write, and
 * changes that copy in place from then on:
 *
 *   - an object reachable from the state the run opened with (a checkpoint, a room the
 *     live game holds) is never in the draft, so it is copied, never written;
 *   - a copy the draft made goes into it, and is reachable only from the run's own
 *     states, which nobody else holds until the run closes (a closed run's draft is
 *     dropped, so what it handed out never changes again);
 *   - copies are shallow: a copied node's arrays are still the old node's, and are
 *     themselves copied on their first write. Objects that come from events (messages,
 *     log entries, partition groups) or from shared constants are never in a draft.
 *
 * Without a draft (`undefined`) every helper copies: the plain `evolve`, unchanged.
 */
import { noteInPlaceWrite } from './leader-reading';

export type ClusterDraft = Set<object>;

/** `value` ready to be written: itself when the draft made it, else a copy (which the draft now owns). */
export function owned<T extends object>(draft: ClusterDraft | undefined, value: T, copy: (value: T) => T): T {
  if (draft === undefined) return copy(value);
  if (draft.has(value)) return value;
  const mine = copy(value);
  draft.add(mine);
  return mine;
}

const sliced = <T>(list: readonly T[]): T[] => list.slice();

/** A list ready to be written (see `owned`). */
export function ownedList<T>(draft: ClusterDraft | undefined, list: readonly T[]): T[] {
  return owned(draft, list as T[], sliced);
}

/** Entry `index` of a writable per-node list (from `ownedList`), ready to be written and stored back. */
export function ownedAt<T extends object>(draft: ClusterDraft | undefined, list: T[], index: number, copy: (value: T) => T): T {
  const entry = owned(draft, list[index] as T, copy);
  list[index] = entry;
  return entry;
}

/**
 * Tells the leader readings (leader-reading.ts) that the draft wrote in place what one of
 * them reads: a node's status, or an algorithm's per-node field its reading names (Raft's
 * role, Bully's coordinator, Lease's belief). Their memo is keyed by the lists' identity,
 * which a write in place keeps; without a draft a write makes new lists, nothing to tell.
 * Told after the write, before anything reads the leaders again.
 */
export function leadersMayHaveChanged(draft: ClusterDraft | undefined): void {
  if (draft !== undefined) noteInPlaceWrite();
}

/** Entry `index` of a writable per-node list replaced by `value` (a new entry: the readings are told). */
export function replaceAt<T>(draft: ClusterDraft | undefined, list: T[], index: number, value: T): void {
  list[index] = value;
  leadersMayHaveChanged(draft);
}

/** A shallow copy keeping the keys' order (a node's fields, a record of timers). */
export function spread<T extends object>(value: T): T {
  return { ...value };
}
