/**
 * Which logs are read on the game's thread rather than by a reader thread: a thread's start
 * took 650-756 ms for a class's short round (docs/PERFORMANCE.md, session 8), while reading
 * 2,000 rows here holds the loop ~15-20 ms (the synthetic hour's 434,000 took 3.7-5 s).
 */
import type { RoomRegistry } from '../room-registry';
import type { LogReader } from './log-reader';

export const INLINE_ROWS = 2_000;

/** Room `code`'s log has at most `rows` rows; a room not in memory is not loaded to count them (a fold on this thread). */
export function isShortLog(registry: RoomRegistry, code: string, rows = INLINE_ROWS): boolean {
  return registry.isInMemory(code) && registry.seqOf(code) <= rows;
}

/**
 * A job over room `code`'s whole log (an export, a fork's source, a report): `here` on the
 * game's thread for a short log, or with no reader (a log in memory, tests' stores); else
 * `onThread` on a log reader thread, which reads what is committed up to `upToSeq`, the seq
 * the request saw: what waits is written first.
 */
export async function hereOrOnThread<T>(registry: RoomRegistry, reader: LogReader | null, code: string, here: () => T, onThread: (reader: LogReader, upToSeq: number) => Promise<T>, inlineRows = INLINE_ROWS): Promise<T> {
  if (!reader || isShortLog(registry, code, inlineRows)) return here();
  registry.flush();
  return onThread(reader, registry.seqOf(code));
}
