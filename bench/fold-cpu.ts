/**
 * `npm run bench:fold [raft,bully,lease]`: the two folds of an hour-long class, timed in
 * CPU time as well as wall time (on a shared machine the wall clock mostly measures the
 * other processes). Prints figures; asserts nothing.
 *   - the rules' fold: `evolve` over the synthetic hour's rule events (best of 3);
 *   - the replay player's whole-round fold: `buildTimeline` of the same hour as a room log
 *     (best of 3), printed for the whole hour and per 430,000 rule events (the issue's round;
 *     the synthetic Raft and Lease hours hold twice that), against the 500 ms target;
 *   - 100 frames (seek + projector view + one phone) at spread-out room times.
 * The synthetic hour is generated once and kept as JSON in BENCH_CACHE (default: the OS
 * temp dir), so before/after runs on two checkouts fold the very same log: copy this file
 * and synthetic-class.ts into a checkout of the older commit and run it there too.
 */
import { loadavg } from 'node:os';
import { frameAt } from '../shared/replay/frame';
import { sliceRound } from '../shared/replay/rounds';
import { buildTimeline } from '../shared/replay/timeline';
import { evolve } from '../shared/rules/engine';
import { hourOf, roomLog } from './fold-hour';

/** Best of 3: wall ms and the CPU ms of that run. */
function best(fn: () => void): { wall: number; cpu: number } {
  let out = { wall: Number.POSITIVE_INFINITY, cpu: 0 };
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    fn();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (wall < out.wall) out = { wall, cpu: (c.user + c.system) / 1000 };
  }
  return out;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

for (const algorithm of process.argv[2]?.split(',') ?? ['raft', 'bully', 'lease']) {
  const hour = hourOf(algorithm);
  const rules = best(() => {
    let state = hour.initial;
    for (const event of hour.events) state = evolve(state, event);
  });
  const slice = sliceRound(roomLog(algorithm, hour), 1)!;
  const replay = best(() => buildTimeline(slice, { diagram: false }));
  const timeline = buildTimeline(slice, { diagram: false });
  const frames: number[] = [];
  for (let k = 0; k < 100; k++) {
    const t = (((k * 7919) % 100) / 100) * timeline.endTime;
    const t0 = performance.now();
    frameAt(timeline, t, 7);
    frames.push(performance.now() - t0);
  }
  frames.sort((a, b) => a - b);
  console.log(`${algorithm}: ${fmt(hour.events.length)} rule events in ${fmt(timeline.rows.length)} rows (load average ${load()})`);
  console.log(`  rules fold (evolve):       CPU ${fmt(rules.cpu)} ms, wall ${fmt(rules.wall)} ms; per 430,000 events CPU ${fmt((rules.cpu / hour.events.length) * 430_000)} ms`);
  // The target: the whole round folds in <= 500 ms. The synthetic hour holds more
  // rule events than the 430,000 for Raft and Lease, so both figures are printed.
  const per430k = (ms: number) => (ms / hour.events.length) * 430_000;
  const verdict = (ms: number) => (ms <= 500 ? 'met' : 'MISSED');
  console.log(`  replay player, whole-round fold (buildTimeline: every row through the live fold, a team's batches as runs, markers, ${fmt(timeline.checkpoints.length)} checkpoints; no diagram):`);
  console.log(`    the whole hour:         CPU ${fmt(replay.cpu)} ms, wall ${fmt(replay.wall)} ms (target <= 500 ms: ${verdict(replay.wall)})`);
  console.log(`    per 430,000 rule events: CPU ${fmt(per430k(replay.cpu))} ms, wall ${fmt(per430k(replay.wall))} ms (target <= 500 ms: ${verdict(per430k(replay.wall))}); the rules alone are ${fmt((rules.cpu / replay.cpu) * 100)} % of its CPU`);
  console.log(`  seek + frame (100 times):  p50 ${fmt(frames[50]!, 2)} ms, p99 ${fmt(frames[98]!, 2)} ms, max ${fmt(frames[99]!, 2)} ms`);
}
