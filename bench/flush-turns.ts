/**
 * `npx tsx bench/flush-turns.ts [students] [seconds]`: how long the real broadcaster
 * (server/broadcaster.ts) holds the event loop in one turn for one big cluster, without
 * sockets, in CPU time (so the figure holds on a shared machine). The synthetic room of
 * bench:flush (300 students in one cluster by default, Raft raft-classroom, a tick every
 * 100 ms, each student clicking about once a second); after each tick and each click the
 * broadcaster is told, with the click's events (whose move it was), and its flushes run in
 * their own turns as on the server (setImmediate, the durable gate open). The transport
 * encodes each message as socket.io does (JSON.stringify of the packet), sends nothing.
 * Prints the CPU of the flush turns (p50 / p99 / max) and the phone flushes' turns per tick.
 * Asserts nothing. Figures: docs/PERFORMANCE.md ("Session 5: the 300-node cluster's stalls").
 */
import { loadavg } from 'node:os';
import { Broadcaster } from '../server/broadcaster';
import type { RoomRegistry } from '../server/room-registry';
import type { RoundClocks } from '../server/round-clocks';
import type { Transport } from '../server/transport';
import { decideGame } from '../shared/game/decide';
import type { GameCommand } from '../shared/game/commands';
import type { GameSeatView } from '../shared/game/seat-view';
import { evolveRoom, type RoomEvent, type RoomState } from '../shared/room';
import { clickFrom, seatedRoundRoom, T0 } from './synthetic-room';

const [students = 300, seconds = 30] = process.argv.slice(2).map(Number);
const TICK_MS = 100;
const CODE = 'K7P3QX';
let room = seatedRoundRoom(students, { teamSize: null });
let roomTime = 0;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const phones = new Map<number, GameSeatView | null>();
let encodedChars = 0;
let watchersSent = false;
const transport = {
  audienceSize: () => 1,
  broadcast(audience: string, event: string, payload: unknown) {
    const json = JSON.stringify([event, payload]);
    encodedChars += json.length;
    if (event.startsWith('game:view')) watchersSent = true;
    if (event === 'game:seat') phones.set(Number(audience.split(':')[2]), payload as GameSeatView | null);
  },
  disband() {},
} as unknown as Transport;
/** Each flush turn's CPU, taken where the server's flushes enter (through the durable gate). */
const turns: number[] = [];
const watcherTurns: number[] = [];
/** The round ticker's turns: the rules' Tick (deliveries, timers) with its events folded in. */
const tickTurns: number[] = [];
const registry = {
  peek: () => room,
  endOfTurn: (fn: () => void) => setImmediate(fn),
  whenDurable(fn: (durable: boolean) => void) {
    const at = cpuMs();
    watchersSent = false;
    fn(true);
    (watchersSent ? watcherTurns : turns).push(cpuMs() - at);
  },
} as unknown as RoomRegistry;
const clocks = { now: () => roomTime + 3 } as unknown as RoundClocks;
const broadcaster = new Broadcaster(transport, registry, clocks);

function play(command: GameCommand): void {
  const decision = decideGame(room, command);
  const events = decision.events as RoomEvent[];
  room = events.reduce<RoomState>((s, e) => evolveRoom(s, e) as RoomState, room);
  // An accepted move: its phone's view goes first (server/game-handlers.ts tells the broadcaster so).
  if (command.type === 'PlayMove' && !decision.refusal) broadcaster.moved(CODE, command.nodeId);
  if (events.length > 0) broadcaster.markDirty(CODE);
}

let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const drain = async () => {
  // The flushes and their continuations run in turns of their own (setImmediate).
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
};

async function main(): Promise<void> {
const started = cpuMs();
let clicks = 0;
for (let t = TICK_MS; t <= seconds * 1000; t += TICK_MS) {
  roomTime = t;
  const at = cpuMs();
  play({ type: 'TickRound', at: T0 + 10_000 + t, roomTime: t });
  tickTurns.push(cpuMs() - at);
  await drain();
  for (const seat of room.seats) {
    if (random() >= TICK_MS / 1000) continue;
    const pick = clickFrom(phones.get(seat.nodeId)?.moves ?? [], random);
    if (!pick) continue;
    play({ type: 'PlayMove', at: T0 + 10_000 + t, roomTime: t, nodeId: seat.nodeId, move: pick.move });
    clicks += 1;
    // A few clicks share a turn on the server; here every tenth click lets the flushes run.
    if (clicks % 10 === 0) await drain();
  }
  await drain();
}
for (let i = 0; i < 200; i += 1) await drain();

const figures = (xs: number[]) => {
  const sorted = xs.slice().sort((a, b) => a - b);
  const q = (p: number) => (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(1);
  return `${xs.length}, CPU per turn p50 / p99 / max: ${q(0.5)} / ${q(0.99)} / ${(sorted.at(-1) ?? 0).toFixed(1)} ms; ${xs.filter((ms) => ms > 50).length} over 50 ms`;
};
console.log(`Broadcaster turns (${new Date().toISOString()}): ${students} students, one cluster, Raft raft-classroom, ${(clicks / seconds).toFixed(0)} clicks/s, ${seconds} s of room time; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`  phones' flush turns: ${figures(turns)}`);
console.log(`  watchers' flush turns: ${figures(watcherTurns)}`);
console.log(`  ticks (the rules, no flush): ${figures(tickTurns)}`);
console.log(`  CPU of all flush turns ${([...turns, ...watcherTurns].reduce((a, b) => a + b, 0) / (seconds * 10)).toFixed(1)} ms per tick; whole run ${((cpuMs() - started) / 1000).toFixed(1)} s CPU; ${(encodedChars / 1024 / 1024 / seconds).toFixed(1)} MB/s encoded`);
}
void main();
