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
import { clickFrom, play, seatedRoundRoom, T0 } from './synthetic-room';
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
/** Per tick: the phones' views and their JSON together (what one flush holds the event loop for). */
const flushMs: number[] = [];
let viewChars = 0;
let biggestView = 0;
let mostMoves = 0;
/** The room at the tick whose phones cost most: rebuilt whole below, 300 phones at once. */
let worst: { ms: number; room: typeof room; t: number } | undefined;
for (let t = TICK_MS; t <= seconds * 1000; t += TICK_MS) {
  let at = cpuMs();
  room = play(room, { type: 'TickRound', at: T0 + 10_000 + t, roomTime: t });
  spent.tick += cpuMs() - at;
  at = cpuMs();
  // A tenth of the class clicks in each 100 ms: one click a second each.
  for (const seat of room.seats) {
    if (random() >= TICK_MS / 1000) continue;
    const pick = clickFrom(phones.get(seat.nodeId)?.moves ?? [], random);
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
  const phonesMs = cpuMs() - at;
  spent.phones += phonesMs;
  rebuilt += sent.length;
  at = cpuMs();
  for (const view of sent) {
    const chars = JSON.stringify(view).length;
    viewChars += chars;
    biggestView = Math.max(biggestView, chars);
    mostMoves = Math.max(mostMoves, (view as GameSeatView | null)?.moves.length ?? 0);
  }
  const jsonMs = cpuMs() - at;
  spent.phoneJson += jsonMs;
  flushMs.push(phonesMs + jsonMs);
  if (phonesMs + jsonMs > (worst?.ms ?? 0)) worst = { ms: phonesMs + jsonMs, room, t };
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
const sorted = flushMs.slice().sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
console.log(`  phones' views + JSON per tick p50 / p99 / max: ${q(0.5)} / ${q(0.99)} / ${sorted.at(-1)!.toFixed(1)} ms; a view's JSON ${(viewChars / Math.max(1, rebuilt) / 1024).toFixed(1)} KB on average, ${(biggestView / 1024).toFixed(1)} KB at most; at most ${mostMoves} moves on a phone`);
// Every phone of the worst tick's room rebuilt from nothing (a fresh cache), as when one
// event reaches the whole cluster at once; the median of 7 rounds, build and JSON apart.
const whole = { build: [] as number[], json: [] as number[] };
for (let r = 0; r < 7 && worst; r += 1) {
  const fresh = new SeatViewCache();
  let at = cpuMs();
  const views = worst.room.seats.map((seat) => fresh.update('K7P3QX', worst!.room, seat.nodeId, worst!.t + FLUSH_AFTER_TICK_MS).game);
  whole.build.push(cpuMs() - at);
  at = cpuMs();
  for (const view of views) JSON.stringify(view);
  whole.json.push(cpuMs() - at);
}
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
console.log(`  all ${students} phones of the worst tick rebuilt at once (median of 7): views ${median(whole.build)} ms, their JSON ${median(whole.json)} ms`);
console.log(`  to each watcher: ${(watcherChars / 1024 / seconds).toFixed(1)} KB/s of JSON, ${wholeViews} of ${ticks} views sent whole`);
void printDeflateChoices(watcherFrames, seconds, watcherFrames.reduce((sum, f) => sum + f.length, 0));
