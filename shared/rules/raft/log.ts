/**
 * A Raft log as plain JSON that is cheap to extend: entries live in fixed-size chunks, so
 * appending copies the last chunk and the (short) list of chunks, never the whole log.
 * An hour-long class can grow logs to thousands of entries; an event must not copy them.
 * Positions are 1-based as in the paper; index 0 is the empty prefix with term 0.
 */
import { owned, ownedList, type ClusterDraft } from '../draft';

export interface RaftLogEntry {
  term: number;
  command: string;
}

export interface RaftLog {
  length: number;
  /** Every chunk but the last is full (CHUNK entries). */
  chunks: RaftLogEntry[][];
}

const CHUNK = 64;

export const EMPTY_LOG: RaftLog = { length: 0, chunks: [] };

export function entryAt(log: RaftLog, index: number): RaftLogEntry | undefined {
  if (index < 1 || index > log.length) return undefined;
  const i = index - 1;
  return log.chunks[Math.floor(i / CHUNK)]?.[i % CHUNK];
}

/** The term of the entry at `index`; 0 for index 0; undefined past the end. */
export function termAt(log: RaftLog, index: number): number | undefined {
  if (index === 0) return 0;
  return entryAt(log, index)?.term;
}

export function lastIndex(log: RaftLog): number {
  return log.length;
}

export function lastTerm(log: RaftLog): number {
  return termAt(log, log.length) ?? 0;
}

/** Keeps the first `length` entries (the paper's "delete the existing entry and all that follow it"). */
export function truncate(log: RaftLog, length: number): RaftLog {
  if (length >= log.length) return log;
  if (length <= 0) return EMPTY_LOG;
  const full = Math.floor(length / CHUNK);
  const rest = length % CHUNK;
  const chunks = log.chunks.slice(0, full);
  if (rest > 0) chunks.push((log.chunks[full] as RaftLogEntry[]).slice(0, rest));
  return { length, chunks };
}

export function append(log: RaftLog, entries: readonly RaftLogEntry[]): RaftLog {
  if (entries.length === 0) return log;
  const chunks = log.chunks.slice();
  let tail: RaftLogEntry[] = log.length % CHUNK === 0 ? [] : (chunks.pop() as RaftLogEntry[]).slice();
  for (const entry of entries) {
    if (tail.length === CHUNK) {
      chunks.push(tail);
      tail = [];
    }
    tail.push({ term: entry.term, command: entry.command });
  }
  chunks.push(tail);
  return { length: log.length + entries.length, chunks };
}

/**
 * `append` with a cluster draft (shared/rules/draft.ts): the log, its list of chunks and
 * its last chunk are written in place when the draft made them, copied once otherwise.
 * Followers copy the leader's entries all hour: a copy of the last chunk per copy was
 * most of what the fold allocated for Raft's logs.
 */
export function appendOn(draft: ClusterDraft | undefined, log: RaftLog, entries: readonly RaftLogEntry[]): RaftLog {
  if (draft === undefined || entries.length === 0) return append(log, entries);
  const mine = owned(draft, log, copyLog);
  const chunks = ownedList(draft, mine.chunks);
  mine.chunks = chunks;
  let tail: RaftLogEntry[] | null = null;
  if (mine.length % CHUNK !== 0) {
    tail = ownedList(draft, chunks[chunks.length - 1] as RaftLogEntry[]);
    chunks[chunks.length - 1] = tail;
  }
  for (const entry of entries) {
    if (tail === null || tail.length === CHUNK) {
      tail = [];
      draft.add(tail);
      chunks.push(tail);
    }
    tail.push({ term: entry.term, command: entry.command });
  }
  mine.length += entries.length;
  return mine;
}

function copyLog(log: RaftLog): RaftLog {
  return { length: log.length, chunks: log.chunks };
}

/** Entries from `from` (1-based, inclusive), at most `max` of them. */
export function entriesFrom(log: RaftLog, from: number, max: number): RaftLogEntry[] {
  const out: RaftLogEntry[] = [];
  for (let i = Math.max(from, 1); i <= log.length && out.length < max; i++) out.push(entryAt(log, i) as RaftLogEntry);
  return out;
}

export function toArray(log: RaftLog): RaftLogEntry[] {
  return entriesFrom(log, 1, log.length);
}

/** The paper's election restriction (5.4.1): a higher last term wins; equal last terms compare length. */
export function atLeastAsUpToDate(lastLogTerm: number, lastLogIndex: number, log: RaftLog): boolean {
  const myTerm = lastTerm(log);
  return lastLogTerm > myTerm || (lastLogTerm === myTerm && lastLogIndex >= log.length);
}

export function sameEntry(a: RaftLogEntry | undefined, b: RaftLogEntry | undefined): boolean {
  return a !== undefined && b !== undefined && a.term === b.term && a.command === b.command;
}
