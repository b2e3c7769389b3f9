/**
 * Part of `npm run bench`: the replay player's figures for an hour-long class of 60
 * students (about 430,000 rule events). The synthetic hour of synthetic-class.ts is
 * wrapped into the room log the server would hold (RoomCreated, 60 joins, RoundStarted,
 * one ClusterEvents row per decision), then:
 *   - the whole round is folded into a timeline (the live evolveRoom, checkpoints,
 *     markers, with and without the space-time diagram);
 *   - seek + frame at random room times (the projector view of all 60 nodes and one
 *     student's phone, as the player draws it), p50/p99;
 *   - the memory the checkpoints keep (heap after GC, with and without them).
 * Prints figures; asserts nothing. Run with --expose-gc (npm run bench does).
 */
import { cpus, loadavg } from 'node:os';
import type { SeqEvent } from '../shared/replay/log-rows';
import { frameAt } from '../shared/replay/frame';
import { exportLog, importLog } from '../shared/replay/ndjson';
import { sliceRound } from '../shared/replay/rounds';
import { buildTimeline, seek, type Timeline } from '../shared/replay/timeline';
import { seedRng, drawInt } from '../shared/rules/prng';
import type { Algorithm } from '../shared/rules/types';
import { playSyntheticClass } from './synthetic-class';
import { LOG_T0, roomLog } from './fold-hour';

const gc = (globalThis as { gc?: () => void }).gc;
const T0 = LOG_T0;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** The synthetic class of `minutes` as a room log (bench/fold-hour.ts), with how many rule events it holds. */
function roomLogOf(algorithm: Algorithm, minutes: number): { log: SeqEvent[]; ruleEvents: number } {
  const run = playSyntheticClass(algorithm, { minutes });
  return { log: roomLog(algorithm, run, 'BENCH2'), ruleEvents: run.events.length };
}

function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function timeIt<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

const algorithms = (process.argv[2]?.split(',') ?? ['raft', 'bully', 'lease']) as Algorithm[];
const minutes = Number(process.env.BENCH_MINUTES ?? 60);
console.log(`Replay player benchmark: 60 students, ${minutes} min, checkpoint every 2,000 rule events (node ${process.version}, ${cpus().length} cores)`);
console.log(`load average at start: ${loadavg().map((n) => n.toFixed(2)).join(' ')} (the machine is shared)${gc ? '' : ' - run with --expose-gc for memory figures'}\n`);
for (const algorithm of algorithms) {
  const { log, ruleEvents } = roomLogOf(algorithm, minutes);
  const slice = sliceRound(log, 1)!;
  const builds = [0, 1, 2].map(() => timeIt(() => buildTimeline(slice, { diagram: false })).ms).sort((a, b) => a - b);
  const full = timeIt(() => buildTimeline(slice));
  const timeline: Timeline = full.value;
  console.log(`${algorithm}: ${fmt(ruleEvents)} rule events in ${fmt(log.length)} log rows, ${fmt(timeline.endTime / 60_000, 1)} min of room time, ${fmt(timeline.markers.length)} markers, ${fmt(timeline.checkpoints.length)} checkpoints`);
  const per430k = (ms: number) => (ms / ruleEvents) * 430_000;
  console.log(`  fold the whole round (timeline + markers + checkpoints): best ${fmt(builds[0]!)} ms, median ${fmt(builds[1]!)} ms of 3 (target <= 500 ms); per 430,000 rule events: median ${fmt(per430k(builds[1]!))} ms`);
  console.log(`  ... with the space-time diagram (${fmt(timeline.diagram!.messages.length)} messages): ${fmt(full.ms)} ms`);
  const file = timeIt(() => exportLog(log, { appVersion: 'bench', exportedAt: new Date(T0).toISOString(), room: 'BENCH2', rounds: 'all', anonymize: false }));
  const read = timeIt(() => importLog(file.value));
  console.log(`  export: ${fmt(file.value.length / 1024 / 1024, 1)} MB of NDJSON in ${fmt(file.ms)} ms; import (parse + check every line; the round's fold above plays it): ${read.value.ok ? `${fmt(read.ms)} ms` : `refused: ${read.value.problem}`}`);
  let rng = seedRng(7);
  const seekMs: number[] = [];
  const frameMs: number[] = [];
  for (let i = 0; i < 300; i++) {
    const draw = drawInt(rng, 0, Math.max(1, Math.floor(timeline.endTime)));
    rng = draw.next;
    seekMs.push(timeIt(() => seek(timeline, draw.value)).ms);
    frameMs.push(timeIt(() => frameAt(timeline, draw.value, 7)).ms);
  }
  seekMs.sort((a, b) => a - b);
  frameMs.sort((a, b) => a - b);
  console.log(`  seek to a random t (300 targets): p50 ${fmt(pct(seekMs, 0.5), 2)} ms, p99 ${fmt(pct(seekMs, 0.99), 2)} ms, max ${fmt(seekMs[seekMs.length - 1]!, 2)} ms`);
  console.log(`  seek + frame (projector view of 60 nodes + one phone): p50 ${fmt(pct(frameMs, 0.5), 2)} ms, p99 ${fmt(pct(frameMs, 0.99), 2)} ms (target <= 50 ms)`);
  if (gc) {
    const before = heapMb();
    let kept: Timeline | null = buildTimeline(slice, { diagram: false, checkpointEvery: Number.POSITIVE_INFINITY });
    const noCheckpoints = heapMb() - before;
    kept = buildTimeline(slice, { diagram: false });
    const withCheckpoints = heapMb() - before;
    console.log(`  memory (heap after GC): timeline without checkpoints ${fmt(noCheckpoints, 1)} MB, with ${fmt(kept.checkpoints.length)} checkpoints ${fmt(withCheckpoints, 1)} MB => checkpoints cost ${fmt(withCheckpoints - noCheckpoints, 1)} MB`);
    kept = null;
  }
  console.log(`  load average now: ${loadavg().map((n) => n.toFixed(2)).join(' ')}\n`);
}
