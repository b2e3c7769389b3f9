/**
 * A slice of the main thread's CPU time, for work that gives the event loop back after a
 * budget (the phones' flush, server/broadcaster.ts). Asking the process for its CPU time
 * (`process.cpuUsage`, a getrusage call) costs a few µs on a busy machine; asked once or
 * twice for each of the ~3,000 flushes a second at 1,200 students it was 3.4 % of the
 * server's busy time (docs/PERFORMANCE.md, "Session 6: students per process"). Most flushes
 * send one view or none, so the clock is read only from the second unit of work on, and
 * then only once the wall clock says the budget can be spent: the main thread cannot have
 * used more CPU than the time that passed.
 */
import { performance } from 'node:perf_hooks';

/** The process's CPU time (ms). */
function cpuNow(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

export class CpuSlice {
  private readonly wallStart = performance.now();
  /** CPU time at which the budget is spent; read at the first `spent()` (see the file's note). */
  private deadline: number | null = null;

  constructor(private readonly budgetMs: number) {}

  /** Has this slice used its budget of CPU? (Call it between units of work, not before the first.) */
  spent(): boolean {
    const wall = performance.now() - this.wallStart;
    // The work so far (one unit, ~0.1-0.3 ms) counts against the budget as wall time.
    if (this.deadline === null) this.deadline = cpuNow() + this.budgetMs - wall;
    if (wall < this.budgetMs) return false;
    return cpuNow() > this.deadline;
  }
}
