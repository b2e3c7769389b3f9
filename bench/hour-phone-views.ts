/**
 * `npx tsx bench/hour-phone-views.ts [raft|bully|lease]`: what one team of 60 phones costs to
 * view as the class hour goes on. Folds the cached server-shaped hour (bench/class-hour.ts,
 * BENCH_CACHE) to five marks and at each builds the 60 phones' game views the way a flush
 * does with nothing cached (a fresh SeatViewCache per repetition, 20 repetitions, CPU per
 * 60 views), then prints a whole phone view's size (JSON and deflated), the moves each
 * phone lists and the cluster's JSON size. A warm-up round runs first, so the first mark
 * is not charged with compiling the code. Asserts nothing; prints the load average.
 */
import { loadavg } from 'node:os';
import { deflateRawSync } from 'node:zlib';
import { SeatViewCache } from '../server/seat-view-cache';
import { gameSeatView } from '../shared/game/seat-view';
import { evolveRoom, type MaybeRoom, type RoomState } from '../shared/room';
import { classHourRows } from './class-hour-cache';

const algorithm = process.argv[2] ?? 'raft';
const rows = classHourRows(algorithm);
const MARKS = [40_000, 120_000, 240_000, 360_000, 460_000].filter((mark) => mark <= rows.length);
const REPS = 20;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

function viewCpuMs(room: RoomState, roomNow: number): number {
  const before = process.cpuUsage();
  for (let r = 0; r < REPS; r++) {
    const cache = new SeatViewCache();
    for (const seat of room.seats) cache.update('HOUR60', room, seat.nodeId, roomNow + r);
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / REPS;
}

function phoneSizes(room: RoomState, roomNow: number) {
  let json = 0, maxJson = 0, deflated = 0, moves = 0, maxMoves = 0;
  for (const seat of room.seats) {
    const view = gameSeatView(room, seat.nodeId, roomNow)!;
    const text = JSON.stringify(view);
    json += text.length;
    maxJson = Math.max(maxJson, text.length);
    deflated += deflateRawSync(text).length;
    moves += view.moves.length;
    maxMoves = Math.max(maxMoves, view.moves.length);
  }
  const n = room.seats.length;
  return { json: json / n, maxJson, deflated: deflated / n, moves: moves / n, maxMoves };
}

console.log(`${algorithm}: ${rows.length} rows; load ${load()}`);
let room: MaybeRoom = null;
let folded = 0;
let warmedUp = false;
for (const mark of MARKS) {
  for (; folded < mark; folded++) room = evolveRoom(room, rows[folded]!.event);
  const live = room as RoomState;
  const roomNow = live.round?.clock.roomTime ?? 0;
  if (!warmedUp) viewCpuMs(live, roomNow);
  warmedUp = true;
  const cpu = viewCpuMs(live, roomNow);
  const size = phoneSizes(live, roomNow);
  const cluster = JSON.stringify(live.round!.teams[0]!.cluster).length;
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  console.log(`row ${mark}: 60 phone views ${cpu.toFixed(1)} ms; a phone view ${kb(size.json)} KB (max ${kb(size.maxJson)}), deflated ${kb(size.deflated)} KB; moves ${size.moves.toFixed(1)} (max ${size.maxMoves}); cluster ${kb(cluster)} KB; load ${load()}`);
}
