/**
 * `npm run bench:fold [raft,bully,lease] [--class | --both]`: the two folds of an hour-long
 * class, timed in CPU time as well as wall time (on a shared machine the wall clock mostly
 * measures the other processes). Prints figures; asserts nothing.
 *   - the rules' fold: `evolve` over the hour's rule events (best of 3), and the same on a
 *     draft as the player folds (bench/rules-floor.ts: the floor of any player that folds
 *     with the game's own rules);
 *   - the replay player's whole-round fold: `buildTimeline` of the hour's room log, without
 *     the space-time diagram and with it (as the player builds it), best of 3 each, printed
 *     for the whole hour and per 430,000 rule events (the issue's round), against the
 *     500 ms target;
 *   - 100 frames (seek + projector view + one phone) at spread-out room times.
 * Which hour: the synthetic one (default; bench/fold-hour.ts: a rules-level class whose
 * every clock step is a row, compared with earlier sessions), `--class` the server-shaped
 * one (bench/class-hour.ts: 60 students through the game layer, logged as the server logs
 * it), `--both` each algorithm's two, one after the other.
 * Both hours are made once and kept in BENCH_CACHE (default: the OS temp dir), so
 * before/after runs on two checkouts fold the very same log: copy the bench files into a
 * checkout of the older commit and run them there too.
 */
import { loadavg } from 'node:os';
import { frameAt } from '../shared/replay/frame';
import type { SeqEvent } from '../shared/replay/log-rows';
import { sliceRound } from '../shared/replay/rounds';
import { buildTimeline } from '../shared/replay/timeline';
import { foldRoom, type RoomState } from '../shared/room';
import { evolve } from '../shared/rules/engine';
import type { ClusterState, Event } from '../shared/rules/types';
import { classHourRows } from './class-hour-cache';
import { hourOf, roomLog } from './fold-hour';
import { foldRulesOnDraft } from './rules-floor';

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

type Hour = { name: string; initial: ClusterState; events: Event[]; log: SeqEvent[] };

function syntheticHour(algorithm: string): Hour {
  const hour = hourOf(algorithm);
  return { name: 'synthetic hour', initial: hour.initial, events: hour.events, log: roomLog(algorithm, hour) };
}

/** The class hour's rule events are its batches' (every cause: moves, ticks, faults, clock), its start cluster the round's. */
function classHour(algorithm: string): Hour {
  const log = classHourRows(algorithm);
  const start = log.findIndex((row) => row.event.type === 'RoundStarted');
  const room = foldRoom(log.slice(0, start + 1).map((row) => row.event)) as RoomState;
  const events: Event[] = [];
  for (const { event } of log) if (event.type === 'ClusterEvents') for (const e of event.events) events.push(e);
  return { name: 'class hour (server-shaped)', initial: room.round!.teams[0]!.cluster, events, log };
}

function measure(algorithm: string, hour: Hour): void {
  const rules = best(() => {
    let state = hour.initial;
    for (const event of hour.events) state = evolve(state, event);
  });
  const floor = best(() => foldRulesOnDraft(hour.initial, hour.events));
  const slice = sliceRound(hour.log, 1)!;
  const loadBefore = load();
  const replay = best(() => buildTimeline(slice, { diagram: false }));
  const withDiagram = best(() => buildTimeline(slice));
  const timeline = buildTimeline(slice, { diagram: false });
  const frames: number[] = [];
  for (let k = 0; k < 100; k++) {
    const t = (((k * 7919) % 100) / 100) * timeline.endTime;
    const t0 = performance.now();
    frameAt(timeline, t, 7);
    frames.push(performance.now() - t0);
  }
  frames.sort((a, b) => a - b);
  console.log(`${algorithm}, ${hour.name}: ${fmt(hour.events.length)} rule events in ${fmt(timeline.rows.length)} rows (load average ${loadBefore} -> ${load()})`);
  console.log(`  rules fold (evolve):       CPU ${fmt(rules.cpu)} ms, wall ${fmt(rules.wall)} ms; per 430,000 events CPU ${fmt((rules.cpu / hour.events.length) * 430_000)} ms`);
  console.log(`  rules fold on a draft (the floor of any player folding with the game's rules): CPU ${fmt(floor.cpu)} ms, wall ${fmt(floor.wall)} ms`);
  // The target: the whole round folds in <= 500 ms; per 430,000 rule events too,
  // since neither hour holds exactly the count.
  const per430k = (ms: number) => (ms / hour.events.length) * 430_000;
  const verdict = (ms: number) => (ms <= 500 ? 'met' : 'MISSED');
  console.log(`  replay player, whole-round fold (buildTimeline: every row through the live fold, a team's batches as runs, markers, ${fmt(timeline.checkpoints.length)} checkpoints):`);
  for (const [what, m] of [['no diagram', replay], ['with diagram', withDiagram]] as const) {
    console.log(`    ${what}, the whole hour: CPU ${fmt(m.cpu)} ms, wall ${fmt(m.wall)} ms (target <= 500 ms: ${verdict(m.wall)}); per 430,000 rule events CPU ${fmt(per430k(m.cpu))} ms, wall ${fmt(per430k(m.wall))} ms`);
  }
  console.log(`    the rules alone are ${fmt((rules.cpu / replay.cpu) * 100)} % of the fold's CPU without the diagram`);
  console.log(`  seek + frame (100 times):  p50 ${fmt(frames[50]!, 2)} ms, p99 ${fmt(frames[98]!, 2)} ms, max ${fmt(frames[99]!, 2)} ms`);
}

const args = process.argv.slice(2);
const hours = args.includes('--both') ? [syntheticHour, classHour] : args.includes('--class') ? [classHour] : [syntheticHour];
for (const algorithm of args.find((a) => !a.startsWith('--'))?.split(',') ?? ['raft', 'bully', 'lease']) {
  for (const hourFor of hours) measure(algorithm, hourFor(algorithm));
}
