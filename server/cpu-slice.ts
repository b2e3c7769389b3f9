/**
 * A slice of the main thread's CPU time, for work that gives the event loop back after a
 * budget (the phones' flush, server/broadcaster.ts). Asking for the CPU time (a system
 * call) costs a few µs on a busy machine; asked once or
 * twice for each of the ~3,000 flushes a second at 1,200 students it was 3.4 % of the
 * server's busy time (docs/PERFORMANCE.md, "Session 6: students per process"). Most flushes
 * take well under a millisecond, so the CPU clock is first read once a slice has lasted
 * CLOCK_AFTER_MS of wall time, and then only once as much wall time has passed as the budget
 * had left: the main thread cannot have used more CPU than the time that passed (a starved
 * thread, whose wall time runs far ahead of its CPU, still asks only a few times a slice). The first
 * stretch is counted as CLOCK_AFTER_MS of CPU whatever its wall time, so a thread that waited
 * for a core in it does not lose its slice (a slice can overrun by one unit of work at most).
 */
import { openSync, readSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Wall time (ms) a slice runs before the CPU clock is first read. */
const CLOCK_AFTER_MS = 1;

/**
 * The main thread's CPU time (ms). The thread's own, not the process's: the event log's
 * checkpointer (wal-checkpointer.ts), zlib's and the garbage collector's threads use CPU the
 * event loop does not. On Linux it is read from the thread's schedstat (one pread of a file
 * kept open); elsewhere `process.cpuUsage` (every thread) stands in.
 */
export const mainThreadCpuMs: () => number = (() => {
  try {
    const fd = openSync('/proc/thread-self/schedstat', 'r');
    const buffer = Buffer.alloc(64);
    const read = () => Number(buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0)).split(' ', 1)[0]) / 1e6;
    if (Number.isFinite(read())) return read;
  } catch {
    // No procfs: below.
  }
  return () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
})();

export class CpuSlice {
  private readonly wallStart = performance.now();
  /** CPU time at which the budget is spent; set at the first read of the CPU clock. */
  private deadline: number | null = null;
  /** Wall time into the slice before which the budget cannot be spent, so the CPU clock is not read. */
  private nextReadAt: number;

  constructor(private readonly budgetMs: number) {
    this.nextReadAt = Math.min(CLOCK_AFTER_MS, budgetMs);
  }

  /** Has this slice used its budget of CPU? (Call it between units of work, not before the first.) */
  spent(): boolean {
    const wall = performance.now() - this.wallStart;
    if (wall < this.nextReadAt) return false;
    const cpu = mainThreadCpuMs();
    // The first stretch counts as CLOCK_AFTER_MS of CPU, whatever its wall time (see the file's note).
    this.deadline ??= cpu + this.budgetMs - this.nextReadAt;
    const left = this.deadline - cpu;
    if (left < 0) return true;
    // The thread cannot use more CPU than the wall time that passes: no need to ask again sooner.
    this.nextReadAt = wall + left;
    return false;
  }
}
