/**
 * `npm run bench`: how fast the rules fold a class's log, and what one decision costs.
 * Prints figures; asserts nothing (performance is measured, not tested).
 *
 * For each algorithm: a synthetic 60-player hour (see synthetic-class.ts) is generated
 * through the real engine, then its event log is replayed with evolve from the initial
 * state. The replay is repeated over the first quarter, half and all of the log, to show
 * that the cost per event stays flat as the log grows (no copy of a growing structure).
 */
import { evolve } from '../shared/rules/engine';
import type { Algorithm, ClusterState, Event } from '../shared/rules/types';
import { playSyntheticClass } from './synthetic-class';

function replayMs(initial: ClusterState, events: Event[], count: number): { ms: number; state: ClusterState } {
  let best = Number.POSITIVE_INFINITY;
  let state = initial;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    state = initial;
    for (let i = 0; i < count; i++) state = evolve(state, events[i]!);
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, state };
}

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
  for (const fraction of [0.25, 0.5, 1]) {
    const count = Math.floor(run.events.length * fraction);
    const { ms, state } = replayMs(run.initial, run.events, count);
    const perEvent = (ms * 1e6) / count;
    console.log(`  replay ${fmt(fraction * 100)}% (${fmt(count)} events): ${fmt(ms)} ms, ${fmt(count / (ms / 1000))} events/s, ${fmt(perEvent)} ns/event`);
    if (fraction === 1 && JSON.stringify(state) !== JSON.stringify(run.final)) console.log('  !! replayed state differs from the live state');
  }
  const per430k = (replayMs(run.initial, run.events, Math.min(430_000, run.events.length)).ms / Math.min(430_000, run.events.length)) * 430_000;
  console.log(`  => 430,000 events would replay in ${fmt(per430k)} ms (target < 1000 ms)\n`);
}
