/**
 * `npx tsx bench/tick-cpu.ts [students] [seconds]`: the CPU of a 300-node cluster's biggest
 * Tick (the one that delivers the most messages: an election's RequestVotes reaching every
 * node), in two parts: the rules' decide (shared/rules/engine.ts) and the room's fold of its
 * events (shared/room evolve, as the server folds what it logged). The synthetic room of
 * bench:flush (one cluster, Raft raft-classroom, each student clicking about once a second,
 * an allowed move from their phone with probability 0.8) is played for `seconds` of room time;
 * the biggest Tick is then run again 30 times (after 5 to warm up) from the same state.
 * CPU time of this process, so the figure holds on a shared machine. Asserts nothing.
 * Figures: docs/PERFORMANCE.md ("Session 5: the 300-node cluster's stalls").
 */
import { loadavg } from 'node:os';
import { decideGame } from '../shared/game/decide';
import type { GameCommand } from '../shared/game/commands';
import { gameSeatView } from '../shared/game/seat-view';
import { evolveRoom, type RoomEvent, type RoomState } from '../shared/room';
import { seatedRoundRoom, T0 } from './synthetic-room';

const [students = 300, seconds = 30] = process.argv.slice(2).map(Number);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const fold = (room: RoomState, events: readonly unknown[]) => events.reduce<RoomState>((s, e) => evolveRoom(s, e as RoomEvent) as RoomState, room);
const ruleEvents = (events: readonly unknown[]) => events.flatMap((e) => (e as { events?: { type: string }[] }).events ?? []);
const tickAt = (t: number): GameCommand => ({ type: 'TickRound', at: T0 + 10_000 + t, roomTime: t });

let room = seatedRoundRoom(students, { teamSize: null });
let biggest = { delivered: 0, room, t: 0 };
for (let t = 100; t <= seconds * 1000; t += 100) {
  const tick = decideGame(room, tickAt(t));
  const delivered = ruleEvents(tick.events).filter((e) => e.type === 'MessageDelivered').length;
  if (delivered > biggest.delivered) biggest = { delivered, room, t };
  room = fold(room, tick.events);
  for (const seat of room.seats) {
    if (random() >= 0.1) continue;
    const moves = gameSeatView(room, seat.nodeId, t + 3)?.moves ?? [];
    const allowed = moves.filter((m) => m.allowed);
    const pool = allowed.length > 0 && random() < 0.8 ? allowed : moves;
    const pick = pool[Math.floor(random() * pool.length)];
    if (pick) room = fold(room, decideGame(room, { type: 'PlayMove', at: T0 + 10_000 + t, roomTime: t, nodeId: seat.nodeId, move: pick.move }).events);
  }
}

const inFlight = biggest.room.round!.teams[0]!.cluster.network.inFlight.length;
const spent = { decide: 0, fold: 0 };
for (let i = 0; i < 35; i += 1) {
  let at = cpuMs();
  const tick = decideGame(biggest.room, tickAt(biggest.t));
  const decideMs = cpuMs() - at;
  at = cpuMs();
  fold(biggest.room, tick.events);
  const foldMs = cpuMs() - at;
  if (i < 5) continue; // warm-up
  spent.decide += decideMs;
  spent.fold += foldMs;
}
console.log(`The biggest Tick (${new Date().toISOString()}): ${students} students, one cluster, ${seconds} s of room time; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`  at room time ${biggest.t} ms: ${biggest.delivered} messages delivered of ${inFlight} in flight; CPU per run (30 runs): decide ${(spent.decide / 30).toFixed(1)} ms, the room's fold of its events ${(spent.fold / 30).toFixed(1)} ms`);
