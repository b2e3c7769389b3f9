/**
 * `npm run bench`: how fast the rules fold a class's log, and what one decision costs.
 * Prints figures; asserts nothing (performance is measured, not tested).
 *
 * For each algorithm: a synthetic 60-player hour (see synthetic-class.ts) is generated
 * through the real engine, then its event log is replayed with evolve from the initial
 * state. The replay is repeated over the first quarter, half and all of the log, to show
 * that the cost per event stays flat as the log grows (no copy of a growing structure).
 */
import { loadavg } from 'node:os';
import { evolve } from '../shared/rules/engine';
import type { Algorithm, ClusterState, Event } from '../shared/rules/types';
import { playSyntheticClass } from './synthetic-class';

/** Best of 3 folds: wall-clock ms, and the CPU ms of the same run (less sensitive to a shared machine). */
function replayMs(initial: ClusterState, events: Event[], count: number): { ms: number; cpuMs: number; state: ClusterState } {
  let best = Number.POSITIVE_INFINITY;
  let cpuMs = 0;
  let state = initial;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    state = initial;
    for (let i = 0; i < count; i++) state = evolve(state, events[i]!);
    const ms = performance.now() - t0;
    if (ms < best) {
      best = ms;
      const c = process.cpuUsage(c0);
      cpuMs = (c.user + c.system) / 1000;
    }
  }
  return { ms: best, cpuMs, state };
}

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const algorithms = (process.argv[2]?.split(',') ?? ['raft', 'bully', 'lease']) as Algorithm[];
const minutes = Number(process.env.BENCH_MINUTES ?? 60);
console.log(`Replay benchmark: 60 nodes, ${minutes} min of clicks at 2/s each (node ${process.version}, best of 3 replays)\n`);
for (const algorithm of algorithms) {
  const t0 = performance.now();
  const run = playSyntheticClass(algorithm, { minutes });
  const generateMs = performance.now() - t0;
  const accepted = run.decideMs.accepted.slice().sort((a, b) => a - b);
  const refusedMs = run.decideMs.refused.slice().sort((a, b) => a - b);
  console.log(`${algorithm}: ${fmt(run.clicks)} clicks (${fmt(run.refused)} refused), ${fmt(run.events.length)} events, generated in ${fmt(generateMs / 1000, 1)} s`);
  console.log(`  decide, accepted click: median ${fmt(percentile(accepted, 0.5) * 1000, 1)} µs, p99 ${fmt(percentile(accepted, 0.99) * 1000, 1)} µs`);
  console.log(`  decide, refused click:  median ${fmt(percentile(refusedMs, 0.5) * 1000, 1)} µs, p99 ${fmt(percentile(refusedMs, 0.99) * 1000, 1)} µs`);
  const ticks = run.decideMs.tick.slice().sort((a, b) => a - b);
  console.log(`  decide, Tick:           median ${fmt(percentile(ticks, 0.5) * 1000, 1)} µs, p99 ${fmt(percentile(ticks, 0.99) * 1000, 1)} µs, all ${fmt(ticks.length)} ticks ${fmt(ticks.reduce((a, b) => a + b, 0))} ms`);
  for (const fraction of [0.25, 0.5, 1]) {
    const count = Math.floor(run.events.length * fraction);
    const { ms, cpuMs, state } = replayMs(run.initial, run.events, count);
    const perEvent = (ms * 1e6) / count;
    console.log(`  replay ${fmt(fraction * 100)}% (${fmt(count)} events): ${fmt(ms)} ms (CPU ${fmt(cpuMs)} ms), ${fmt(count / (ms / 1000))} events/s, ${fmt(perEvent)} ns/event`);
    if (fraction === 1 && JSON.stringify(state) !== JSON.stringify(run.final)) console.log('  !! replayed state differs from the live state');
  }
  const per430k = (replayMs(run.initial, run.events, Math.min(430_000, run.events.length)).ms / Math.min(430_000, run.events.length)) * 430_000;
  console.log(`  => 430,000 events would replay in ${fmt(per430k)} ms (target <= 500 ms); load average ${load()}\n`);
}

// One big cluster (issue 12): 300 nodes clicking at 2/s each, a few minutes. What a Tick
// costs here is what the server pays per room tick and before every move.
const bigNodes = Number(process.env.BENCH_BIG_NODES ?? 300);
const bigMinutes = Number(process.env.BENCH_BIG_MINUTES ?? 2);
console.log(`One cluster of ${bigNodes} nodes, ${bigMinutes} min of clicks at 2/s each (load average ${load()})`);
for (const algorithm of algorithms) {
  const c0 = process.cpuUsage();
  const run = playSyntheticClass(algorithm, { nodes: bigNodes, minutes: bigMinutes });
  const c = process.cpuUsage(c0);
  const clicks = [...run.decideMs.accepted, ...run.decideMs.refused].sort((a, b) => a - b);
  const ticks = run.decideMs.tick.slice().sort((a, b) => a - b);
  const line = (xs: number[]) => `p50 ${fmt(percentile(xs, 0.5) * 1000, 1)} µs, p99 ${fmt(percentile(xs, 0.99) * 1000, 1)} µs, max ${fmt(xs[xs.length - 1]! * 1000, 0)} µs`;
  console.log(`${algorithm}: ${fmt(run.clicks)} clicks, ${fmt(run.events.length)} events; CPU ${fmt((c.user + c.system) / 1000)} ms for ${fmt(bigMinutes * 60)} s of class`);
  console.log(`  decide, click: ${line(clicks)}`);
  console.log(`  decide, Tick:  ${line(ticks)}`);
}
console.log(`load average at the end: ${load()}`);
