/**
 * `npx tsx bench/seat-flush-cpu.ts [ROOMS_STUDENTS=30] [TEAM_SIZE=5] [SECONDS=30]`: the CPU of
 * the broadcaster's seats flushes in a room of N students in teams, looking at every seat
 * (before session 5) against looking only at the seats whose views may have changed
 * (server/changed-seats.ts). One room is played first without timing (a tick every 100 ms,
 * each student clicking once a second, an allowed move with probability 0.8, seeded), and
 * each command is followed by a flush, as in the server when clicks arrive one per turn.
 * Then the same sequence of room states is flushed by both ways, interleaved, best of 5:
 * per flush, the seats looked at (the transport's audience lookup and the seat view
 * cache's comparison) and the views built and encoded (JSON, as socket.io does). No
 * sockets: CPU time of this process. Prints figures and the load average; asserts nothing.
 */
import { loadavg } from 'node:os';
import { ChangedSeats } from '../server/changed-seats';
import { SeatViewCache } from '../server/seat-view-cache';
import type { GameSeatView } from '../shared/game/seat-view';
import type { RoomState } from '../shared/room/state';
import { clickFrom, play, seatedRoundRoom, T0 } from './synthetic-room';

const [students = 30, teamSize = 5, seconds = 30] = process.argv.slice(2).map(Number);
const CODE = 'K7P3QX';
const TICK_MS = 100;
const ROUNDS = 5;

// Play once: the room after every command (a tick or a click), each followed by a flush.
let room = seatedRoundRoom(students, { teamSize: teamSize > 0 ? teamSize : null });
const states: Array<{ room: RoomState; roomTime: number }> = [];
const views = new Map<number, GameSeatView | null>();
const cache = new SeatViewCache();
let seed = 11;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const flushAll = (roomTime: number) => {
  for (const seat of room.seats) {
    const out = cache.update(CODE, room, seat.nodeId, roomTime);
    if (out.game !== undefined) views.set(seat.nodeId, out.game);
  }
  states.push({ room, roomTime });
};
for (let t = TICK_MS; t <= seconds * 1000; t += TICK_MS) {
  room = play(room, { type: 'TickRound', at: T0 + 10_000 + t, roomTime: t });
  flushAll(t);
  for (const seat of room.seats) {
    if (random() >= TICK_MS / 1000) continue;
    const pick = clickFrom(views.get(seat.nodeId)?.moves ?? [], random);
    if (!pick) continue;
    room = play(room, { type: 'PlayMove', at: T0 + 10_000 + t, roomTime: t, nodeId: seat.nodeId, move: pick.move });
    flushAll(t);
  }
}

const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
type Way = 'every seat' | 'changed seats only';
function flushes(way: Way): { us: number; looked: number; built: number } {
  const audiences = new Map(room.seats.map((s) => [`node:${CODE}:${s.nodeId}`, 1]));
  const seatViews = new SeatViewCache();
  const changed = new ChangedSeats();
  let looked = 0;
  let built = 0;
  const start = cpuUs();
  for (const { room: state, roomTime } of states) {
    const look = way === 'every seat' ? null : changed.since(CODE, state);
    for (const seat of state.seats) {
      if (look !== null && !look.has(seat.nodeId)) continue;
      looked++;
      if (!audiences.get(`node:${CODE}:${seat.nodeId}`)) continue;
      const out = seatViews.update(CODE, state, seat.nodeId, roomTime);
      if (out.game !== undefined) {
        built++;
        JSON.stringify(out.game);
      }
    }
  }
  return { us: cpuUs() - start, looked, built };
}

console.log(`Seats flushes (${new Date().toISOString()}, node ${process.version}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`  ${students} students, ${teamSize > 0 ? `teams of ${teamSize}` : 'one cluster'}, ${seconds} s of room time: ${states.length} flushes (a tick every 100 ms, one click a second each)`);
const best = new Map<Way, { us: number; looked: number; built: number }>();
for (let round = 0; round < ROUNDS; round++) {
  for (const way of ['every seat', 'changed seats only'] as const) {
    const r = flushes(way);
    if (!best.has(way) || r.us < best.get(way)!.us) best.set(way, r);
  }
}
for (const [way, r] of best) {
  console.log(`  ${way.padEnd(19)} ${(r.us / states.length).toFixed(1)} µs a flush (best of ${ROUNDS}); seats looked at ${(r.looked / states.length).toFixed(1)}, views built and encoded ${(r.built / states.length).toFixed(2)} a flush`);
}
