/**
 * Which logs are read on the game's thread rather than by a reader thread: a thread's start
 * took 650-756 ms for a class's short round (docs/PERFORMANCE.md, session 8), while reading
 * 2,000 rows here holds the loop ~15-20 ms (the synthetic hour's 434,000 took 3.7-5 s).
 */
import type { RoomRegistry } from '../room-registry';

export const INLINE_ROWS = 2_000;

/** Room `code`'s log has at most `rows` rows; a room not in memory is not loaded to count them (a fold on this thread). */
export function isShortLog(registry: RoomRegistry, code: string, rows = INLINE_ROWS): boolean {
  return registry.isInMemory(code) && registry.seqOf(code) <= rows;
}
