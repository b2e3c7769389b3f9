/**
 * `npm run bench:startup`: start-up with a data file of many old rooms versus an empty one.
 * Prints figures; asserts nothing.
 *
 * Builds a data file holding `--rooms` (300,000) finished classes (each: RoomCreated,
 * three NodeJoined, RoomLocked; last used 40 days ago would be past retention, so they are
 * stamped 10 days ago), then starts the real game server (bench/load-server.ts, as
 * `npm run load` does) on it and on an empty data directory, `--runs` times each, and
 * prints the time from spawn to the port being open, the memory after a forced GC, and
 * how long the first use of one old room takes (it is loaded then, not at start).
 *
 *   npm run bench:startup                    300,000 rooms, 3 runs each
 *   npm run bench:startup -- --rooms 50000 --runs 5
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { io as connect } from 'socket.io-client';
import { EventStore } from '../server/event-store';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { startChildServer } from './load-child';

const { values: flags } = parseArgs({ options: { rooms: { type: 'string', default: '300000' }, runs: { type: 'string', default: '3' } } });
const ROOMS = Number(flags.rooms);
const RUNS = Number(flags.runs);
const DAY = 86_400_000;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => fmt(bytes / 1024 / 1024, 1);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** Room codes in the server's alphabet (6 of 32 symbols), one per index. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const codeOf = (i: number) => Array.from({ length: 6 }, (_, k) => ALPHABET[Math.floor(i / 32 ** k) % 32]).join('');
const hex = (i: number, salt: string) => (salt + i.toString(16)).padStart(64, '0').slice(-64);

function buildOldRooms(dataDir: string, rooms: number): void {
  const store = EventStore.openIn(dataDir);
  const db = store.database;
  const insertEvent = db.prepare('INSERT INTO events (room, seq, type, at, payload) VALUES (?, ?, ?, ?, ?)');
  const insertRoom = db.prepare('INSERT INTO rooms (room, last_seq, last_at, open_round) VALUES (?, ?, ?, 0)');
  const at = Date.now() - 10 * DAY;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const code = codeOf(i);
      insertEvent.run(code, 1, 'RoomCreated', at, JSON.stringify({ code, hostTokenHash: hex(i, 'a') }));
      for (let n = 1; n <= 3; n++) insertEvent.run(code, 1 + n, 'NodeJoined', at + n, JSON.stringify({ nodeId: n, nickname: `student ${n}`, seatTokenHash: hex(i, `b${n}`) }));
      insertEvent.run(code, 5, 'RoomLocked', at + 4, '{}');
      insertRoom.run(code, 5, at + 4);
    }
  });
  for (let i = 0; i < rooms; i += 10_000) batch(i, Math.min(rooms, i + 10_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
}

async function firstUseMs(url: string, code: string): Promise<number> {
  const socket = connect(url, { forceNew: true, transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const start = performance.now();
  const ack = (await socket.timeout(10_000).emitWithAck('screen:watch', { code })) as { ok: boolean };
  const ms = performance.now() - start;
  socket.disconnect();
  if (!ack.ok) throw new Error(`screen:watch ${code} was refused: ${JSON.stringify(ack)}`);
  return ms;
}

async function measure(label: string, dataDir: string, oldCode: string | null): Promise<void> {
  for (let run = 1; run <= RUNS; run++) {
    const start = performance.now();
    const server = await startChildServer({ cpuProfile: false, dataDir });
    const portOpenMs = performance.now() - start;
    const stats = await server.stats({ gc: true });
    const firstUse = oldCode ? await firstUseMs(server.url, oldCode) : null;
    await server.stop();
    console.log(
      `  ${label.padEnd(22)} run ${run}: port open after ${fmt(portOpenMs)} ms (the server's own start ${fmt(server.startMs, 1)} ms); RSS ${mb(stats.memory.rss)} MB, heap used ${mb(stats.memory.heapUsed)} MB, rooms in memory ${stats.rooms}` +
        (firstUse === null ? '' : `; first use of an old room ${fmt(firstUse, 1)} ms`) +
        `  (load average ${load()})`,
    );
  }
}

async function main(): Promise<void> {
  console.log(`Start-up benchmark (${new Date().toISOString()}), node ${process.version}, load average ${load()} (the machine may be shared: read figures with it)`);
  const root = mkdtempSync(join(tmpdir(), 'captain-down-startup-'));
  try {
    const empty = join(root, 'empty');
    const full = join(root, 'old-rooms');
    const built = performance.now();
    buildOldRooms(full, ROOMS);
    const bytes = statSync(join(full, 'captain-down.sqlite')).size;
    console.log(`Built ${fmt(ROOMS)} old rooms (${fmt(ROOMS * 5)} log rows, ${mb(bytes)} MB file) in ${fmt((performance.now() - built) / 1000, 1)} s`);
    console.log('Server: bench/load-server.ts (the real game server, no Next.js) in a child process; "port open" includes starting node + tsx.');
    await measure('empty data directory', empty, null);
    await measure(`${fmt(ROOMS)} old rooms`, full, codeOf(Math.floor(ROOMS / 2)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
