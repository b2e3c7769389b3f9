/**
 * `npm run bench:flush`: the CPU of the broadcaster's per-tick work for one big room,
 * without sockets, so the figure holds on a shared machine (CPU time of this process, not
 * wall time). A Raft round of N students (default 300, one cluster; `teamSize` 5 for the
 * projector's teams) on the room clock, a tick every 100 ms, each student clicking once a
 * second as `npm run load`'s do (an allowed move from their phone's latest view, with
 * probability 0.8; a seeded draw); after each tick every phone's views are made as the
 * broadcaster makes them
 * (server/seat-view-cache.ts: only changed seats are rebuilt) and the watchers' view and
 * its patch (shared/game/screen-view.ts, server/screen-patches.ts). Prints the CPU per
 * tick of each part, how many phone views were rebuilt, and their JSON (socket.io's
 * encoding, once per audience) as a share; then a watcher's bytes deflated as its socket
 * carries them (bench/wire-deflate.ts: the server's settings and the alternatives).
 *
 *   npm run bench:flush                      300 students, one cluster, 30 s of room time
 *   npm run bench:flush -- 300 5 30          students, team size (0: one cluster), seconds
 * Prints figures; asserts nothing. Figures: docs/PERFORMANCE.md (issue 12).
 */
import { loadavg } from 'node:os';
import { gameScreenView } from '../shared/game/screen-view';
import { play, seatedRoundRoom, T0 } from './synthetic-room';
import { ScreenPatches } from '../server/screen-patches';
import { SeatViewCache } from '../server/seat-view-cache';
import type { GameSeatView } from '../shared/game/seat-view';
import { printDeflateChoices, socketIoFrame } from './wire-deflate';

const [students = 300, teamSizeArg = 0, seconds = 30] = process.argv.slice(2).map(Number);
const teamSize = teamSizeArg > 0 ? teamSizeArg : null;
const TICK_MS = 100;
const FLUSH_AFTER_TICK_MS = 3;
let room = seatedRoundRoom(students, { teamSize });

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const online = Array.from({ length: students }, (_, i) => i + 1);
const seats = new SeatViewCache();
const screens = new ScreenPatches(true);
const spent = { tick: 0, moves: 0, phones: 0, phoneJson: 0, screen: 0, patch: 0 };
const phones = new Map<number, GameSeatView | null>();
let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
let clicks = 0;
let watcherChars = 0;
/** What a watcher's socket receives, in order, as socket.io frames (for the deflated figures). */
const watcherFrames: string[] = [];
let wholeViews = 0;
let rebuilt = 0;
let ticks = 0;
for (let t = TICK_MS; t <= seconds * 1000; t += TICK_MS) {
  let at = cpuMs();
  room = play(room, { type: 'TickRound', at: T0 + 10_000 + t, roomTime: t });
  spent.tick += cpuMs() - at;
  at = cpuMs();
  // A tenth of the class clicks in each 100 ms: one click a second each.
  for (const seat of room.seats) {
    if (random() >= TICK_MS / 1000) continue;
    const moves = phones.get(seat.nodeId)?.moves ?? [];
    const allowed = moves.filter((m) => m.allowed);
    const pool = allowed.length > 0 && random() < 0.8 ? allowed : moves;
    const pick = pool[Math.floor(random() * pool.length)];
    if (!pick) continue;
    room = play(room, { type: 'PlayMove', at: T0 + 10_000 + t, roomTime: t, nodeId: seat.nodeId, move: pick.move });
    clicks += 1;
  }
  spent.moves += cpuMs() - at;
  at = cpuMs();
  const sent: unknown[] = [];
  for (const seat of room.seats) {
    // The server flushes a few ms after the tick: the room clock has moved on a little.
    const views = seats.update('K7P3QX', room, seat.nodeId, t + FLUSH_AFTER_TICK_MS);
    if (views.game !== undefined) {
      sent.push(views.game);
      phones.set(seat.nodeId, views.game);
    }
  }
  spent.phones += cpuMs() - at;
  rebuilt += sent.length;
  at = cpuMs();
  for (const view of sent) JSON.stringify(view);
  spent.phoneJson += cpuMs() - at;
  at = cpuMs();
  const view = gameScreenView(room, t, online);
  spent.screen += cpuMs() - at;
  at = cpuMs();
  const message = view ? screens.next('K7P3QX', view) : null;
  spent.patch += cpuMs() - at;
  if (message) {
    watcherChars += JSON.stringify(message.payload).length;
    watcherFrames.push(socketIoFrame(message.event, message.payload));
    if (message.event === 'game:view') wholeViews += 1;
  }
  ticks += 1;
}

const per = (ms: number) => (ms / ticks).toFixed(2);
console.log(`Broadcaster CPU per tick (${new Date().toISOString()}): ${students} students, ${teamSize ? `teams of ${teamSize}` : 'one cluster'}, Raft raft-classroom, ${(clicks / seconds).toFixed(0)} clicks/s, ${seconds} s of room time (${ticks} ticks); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`  tick (rules) ${per(spent.tick)} ms; moves (rules) ${per(spent.moves)} ms; phones' views ${per(spent.phones)} ms (${(rebuilt / ticks).toFixed(1)} of ${students} rebuilt a tick), their JSON ${per(spent.phoneJson)} ms; watchers' view ${per(spent.screen)} ms, its patch ${per(spent.patch)} ms  (CPU ms per tick)`);
console.log(`  to each watcher: ${(watcherChars / 1024 / seconds).toFixed(1)} KB/s of JSON, ${wholeViews} of ${ticks} views sent whole`);
void printDeflateChoices(watcherFrames, seconds, watcherFrames.reduce((sum, f) => sum + f.length, 0));
