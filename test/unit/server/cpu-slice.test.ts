/**
 * The phones' flush slice (server/cpu-slice.ts) counts the main thread's CPU, not wall time:
 * a slice is spent once its budget of CPU is used, and a thread that waits (for a core, or
 * here blocked without running) keeps its slice.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CpuSlice, mainThreadCpuMs } from '../../../server/cpu-slice';

const BUDGET_MS = 10;

/** Uses this thread's CPU for `ms` (by the slice's own clock: the test runner's other threads use CPU too). */
function busyFor(ms: number): void {
  const start = mainThreadCpuMs();
  while (mainThreadCpuMs() - start < ms);
}

/** Blocks the thread without using CPU (as a thread waiting for a core does). */
function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('a CPU slice of the phones flush', () => {
  it('is not spent before its budget of CPU is used, and is spent after', () => {
    const slice = new CpuSlice(BUDGET_MS);
    busyFor(2);
    expect(slice.spent()).toBe(false);
    busyFor(4);
    expect(slice.spent()).toBe(false);
    busyFor(BUDGET_MS);
    expect(slice.spent()).toBe(true);
  });

  it('is not spent by time the thread spent waiting, even in its first stretch', () => {
    const slice = new CpuSlice(BUDGET_MS);
    blockFor(3 * BUDGET_MS);
    expect(slice.spent()).toBe(false);
    blockFor(BUDGET_MS);
    expect(slice.spent()).toBe(false);
    busyFor(BUDGET_MS + 1);
    expect(slice.spent()).toBe(true);
  });

  // The event log's checkpointer runs on a worker thread: its CPU is not the event loop's.
  it.runIf(existsSync('/proc/thread-self/schedstat'))('is not spent by CPU another thread of the process used', async () => {
    const slice = new CpuSlice(5 * BUDGET_MS);
    blockFor(2);
    expect(slice.spent()).toBe(false); // the slice's first read of the clock
    const worker = new Worker('const end = Date.now() + 400; while (Date.now() < end);', { eval: true });
    await new Promise((resolve) => worker.once('exit', resolve));
    expect(slice.spent()).toBe(false);
  });
});
