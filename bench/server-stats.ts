/**
 * GET /stats for a server under test (bench/load-server.ts, bench/relay-server.ts): CPU
 * time, memory, event-loop delay (ms), run-queue wait, rooms, sockets. `gc=1` collects
 * garbage first (needs --expose-gc), `reset=1` restarts the delay histogram, `events=1`
 * asks for the event log's row count (null where there is no log).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/**
 * Period of the event-loop delay timer (Node's default). The histogram records the time
 * between two firings, so the delay is that minus this period.
 */
const ELD_RESOLUTION_MS = 10;
const ns = (value: number) => value / 1e6;

/**
 * Linux only: how long this process's main thread ran, and how long it was runnable but
 * waiting for a core (other processes on the machine, the generator included), in ms.
 */
function schedulerMs(): { onCpu: number; waiting: number } | null {
  try {
    const [onCpu, waiting] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
    return onCpu === undefined || waiting === undefined ? null : { onCpu: ns(onCpu), waiting: ns(waiting) };
  } catch {
    return null;
  }
}
/**
 * The main thread's CPU between two firings of a 10 ms timer: while the loop is free it is at
 * most ~10 ms; a 200 ms stretch of work (a flush of 300 phone views) shows as 200 ms, however
 * long the thread then waited for a core. So the event loop's stalls can be told apart from a
 * busy machine's (the delay histogram mixes both). Linux only (schedstat); costs ~100 small
 * reads a second.
 */
function loopCpuMonitor(): { summary: () => { p50: number; p99: number; max: number; over50: number; count: number }; reset: () => void } | null {
  let last = schedulerMs()?.onCpu;
  if (last === undefined) return null;
  let gaps: number[] = [];
  setInterval(() => {
    const now = schedulerMs()?.onCpu;
    if (now === undefined || last === undefined) return;
    gaps.push(now - last);
    last = now;
  }, ELD_RESOLUTION_MS).unref();
  return {
    summary() {
      const sorted = gaps.slice().sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
      return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0, over50: sorted.filter((g) => g > 50).length, count: sorted.length };
    },
    reset() {
      gaps = [];
    },
  };
}

const late = (value: number) => (Number.isFinite(value) ? Math.max(0, ns(value) - ELD_RESOLUTION_MS) : 0);
const gc = (globalThis as { gc?: () => void }).gc;

export interface StatsSources {
  rooms: () => number;
  sockets: () => number;
  events: () => number | null;
}

/** A request listener answering /stats (404 for anything else). */
export function statsListener(sources: StatsSources): (req: IncomingMessage, res: ServerResponse) => void {
  const eld = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
  eld.enable();
  const loopCpu = loopCpuMonitor();
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/stats') {
      res.writeHead(404).end();
      return;
    }
    if (url.searchParams.has('gc') && gc) {
      gc();
      gc();
    }
    const body = {
      wallMs: performance.now(),
      cpu: process.cpuUsage(),
      memory: process.memoryUsage(),
      eventLoopDelayMs: {
        count: eld.count,
        mean: late(eld.mean),
        p50: late(eld.percentile(50)),
        p90: late(eld.percentile(90)),
        p99: late(eld.percentile(99)),
        max: late(eld.max),
        resolution: ELD_RESOLUTION_MS,
      },
      scheduler: schedulerMs(),
      loopCpuMs: loopCpu?.summary() ?? null,
      events: url.searchParams.has('events') ? sources.events() : null,
      rooms: sources.rooms(),
      sockets: sources.sockets(),
    };
    if (url.searchParams.has('reset')) {
      eld.reset();
      loopCpu?.reset();
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}
