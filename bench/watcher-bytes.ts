/**
 * `npm run bench:watchers`: what a projector (or host panel) receives at 300 nodes, whole
 * views against patches, without sockets, so the figure does not depend on how busy the
 * machine is. A Raft round of N students in teams of T (default 300 / 5) is played by
 * autopilot bots (SPEC AP5: every seat offline, a bot stands in) on the room clock, the
 * server's tick every 100 ms; after each tick the watchers' view is built as the
 * broadcaster builds it (shared/game/screen-view.ts) and given to server/screen-patches.ts,
 * with patches on and off. Prints bytes per message and per second per watcher (at the
 * broadcaster's 10 views a second), and the CPU the view, the diff and the JSON cost, then
 * what a watcher's socket carries deflated (bench/wire-deflate.ts: the server's settings
 * and the alternatives).
 *
 *   npm run bench:watchers                        300 students, teams of 5, 60 s of room time
 *   npm run bench:watchers -- 120 5 30            students, team size, seconds
 * Prints figures; asserts nothing. Figures: docs/PERFORMANCE.md.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { gameScreenView } from '../shared/game/screen-view';
import { play, seatedRoundRoom, T0 } from './synthetic-room';
import { ScreenPatches } from '../server/screen-patches';
import { printDeflateChoices, socketIoFrame } from './wire-deflate';

const [students = 300, teamSize = 5, seconds = 60] = process.argv.slice(2).map(Number);
const TICK_MS = 100;
let room = seatedRoundRoom(students, { teamSize, autopilot: true });

const online: number[] = []; // nobody online: a bot plays every seat
const sizes = { full: 0, patch: 0, fullMax: 0, patchMax: 0, ops: 0, wholeSent: 0 };
const cpu = { view: 0, diff: 0, json: 0 };
const withPatches = new ScreenPatches(true);
let views = 0;
/** What a watcher's socket receives, in order, as socket.io frames (for the deflated figures). */
const frames: string[] = [];
for (let t = TICK_MS; t <= seconds * 1000; t += TICK_MS) {
  room = play(room, { type: 'TickRound', at: T0 + 10_000 + t, roomTime: t });
  let at = performance.now();
  const view = gameScreenView(room, t, online);
  cpu.view += performance.now() - at;
  if (!view) continue;
  at = performance.now();
  const fullJson = JSON.stringify(view);
  cpu.json += performance.now() - at;
  at = performance.now();
  const message = withPatches.next('K7P3QX', view);
  cpu.diff += performance.now() - at;
  views += 1;
  if (message) frames.push(socketIoFrame(message.event, message.payload));
  sizes.full += fullJson.length;
  sizes.fullMax = Math.max(sizes.fullMax, fullJson.length);
  if (message?.event === 'game:view:patch') {
    const json = JSON.stringify(message.payload);
    sizes.patch += json.length;
    sizes.patchMax = Math.max(sizes.patchMax, json.length);
    sizes.ops += message.payload.ops.length;
  } else if (message) {
    sizes.patch += fullJson.length; // the first, or a patch larger than half the whole view
    sizes.wholeSent += 1;
  }
}

const kb = (chars: number) => (chars / 1024).toFixed(1);
const perS = 1000 / TICK_MS;
console.log(`Watcher bytes (${new Date().toISOString()}): ${students} students in teams of ${teamSize}, Raft raft-classroom played by autopilot bots, ${seconds} s of room time, a view after every ${TICK_MS} ms tick (${views} views); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`  whole views (VIEW_PATCHES=0): mean ${kb(sizes.full / views)} KB, max ${kb(sizes.fullMax)} KB a message -> ${kb((sizes.full / views) * perS)} KB/s per watcher`);
console.log(`  patches (default):            mean ${kb(sizes.patch / views)} KB, max ${kb(sizes.patchMax)} KB a message (first one whole), ${(sizes.ops / Math.max(1, views - 1)).toFixed(0)} operations -> ${kb((sizes.patch / views) * perS)} KB/s per watcher; ${sizes.wholeSent} of ${views} sent whole`);
console.log(`  CPU per view (ms, this machine, shared): build ${(cpu.view / views).toFixed(2)}, JSON of the whole view ${(cpu.json / views).toFixed(2)}, diff ${(cpu.diff / views).toFixed(2)}`);
void printDeflateChoices(frames, seconds, frames.reduce((sum, f) => sum + f.length, 0));
