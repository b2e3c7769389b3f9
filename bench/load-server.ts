/**
 * The server under test for `npm run load`: the real game server (socket.io + SQLite event
 * log + registry + broadcaster + round ticker, via attachGameServer) on a bare HTTP server,
 * exactly as test/integration/game-harness.ts runs it, without Next.js: what is measured is
 * the game, not page rendering. Run as a child process by bench/load.ts:
 *
 *   node --expose-gc --import tsx bench/load-server.ts     (env PORT, DATA_DIR, SQLITE_SYNCHRONOUS, GROUP_COMMIT, ...)
 *
 * Loopback only. Besides socket.io it answers one URL, for the benchmark:
 *   GET /stats[?gc=1][&reset=1][&events=1]  -> CPU time, memory, event-loop delay (ms), run-queue
 *   wait, rooms, sockets. gc=1 collects garbage first (needs --expose-gc), reset=1 restarts the
 *   delay histogram, events=1 counts the rows of every room's event log.
 * On its first line of stdout it prints {"port", "pid"} as JSON once it listens.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventStore } from '../server/event-store';
import { attachGameServer } from '../server/game-server';
import { readConfig, readRoomSettings, readSynchronous } from '../server/config';
import { statsListener } from './server-stats';
// TURN_TRACE=FILE: record where the server's turns go around each click (bench/relay-trace.ts); nothing otherwise.
import './turn-trace';

/** After node, tsx and the imports: what follows is the server's own start (store, game, listen). */
const startedAt = performance.now();
const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('DATA_DIR is required (bench/load.ts passes a temporary one)');
const store = EventStore.openIn(dataDir, { synchronous: readSynchronous(process.env) });

const http = createServer(
  statsListener({
    // Rows in the event log, over every room (only on request: it reads the store).
    events: () => store.rooms().reduce((sum, code) => sum + store.lastSeq(code), 0),
    rooms: () => game.registry.size,
    sockets: () => game.transport.connectionCount(),
  }),
);
// The generator is ONE address opening up to 100 classes of up to 300 players at once,
// which the per-address limits (room creation, joins) exist to stop; per-connection and
// per-seat budgets stay as in production (its players click 0.1-10 times a second).
// Room settings from the environment as the real server reads them (GROUP_COMMIT=0 for before/after runs).
// WATCHER_DEFLATE=0: no permessage-deflate at all (the watchers' wire bytes before session 5).
const { watcherDeflate } = readConfig([], process.env);
const game = attachGameServer(http, store, { settings: readRoomSettings(process.env), watcherDeflate, limits: { roomCreation: { perMinute: 1_000, burst: 1_000 }, joinsPer10s: 100_000 } });

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  // startMs: opening the store, attaching the game (open rounds loaded), listening.
  console.log(JSON.stringify({ port: (http.address() as AddressInfo).port, pid: process.pid, startMs: performance.now() - startedAt }));
});

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  // A stuck connection must not keep the process alive; --cpu-prof writes on exit either way.
  setTimeout(() => process.exit(0), 3_000).unref();
  void game.close().finally(() => {
    store.close();
    http.close();
    process.exit(0);
  });
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The benchmark closes our stdin when it goes away, even if it was killed: never outlive it.
process.stdin.on('end', stop);
process.stdin.resume();
