/**
 * What one export (or published link) of the synthetic hour costs the game's thread:
 * read the room's rows from SQLite, turn them into events, cut the round, write NDJSON.
 * Three ways, interleaved (A B C A B C): each row parsed and checked by the log's zod
 * schemas, then exportLog (before session 6); each row parsed without zod, then exportLog;
 * the stored JSON text copied as is (server/http/stored-export.ts, what the routes do now;
 * the importer still checks every line). Prints wall and CPU ms with the load average.
 *   npx tsx bench/replay-export.ts [--runs 3] [--algorithm raft]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore } from '../server/event-store';
import { parseLogRow, toLogRow, type SeqEvent } from '../shared/replay/log-rows';
import { exportLog } from '../shared/replay/ndjson';
import { sliceRound } from '../shared/replay/rounds';
import type { RoomEvent } from '../shared/room/events';
import { exportStored } from '../server/http/stored-export';
import { hourOf, roomLog } from './fold-hour';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const runs = Number(arg('runs', '3'));
const algorithm = arg('algorithm', 'raft');

const dir = mkdtempSync(join(tmpdir(), 'captain-down-export-bench-'));
const store = EventStore.openIn(dir);
const log = roomLog(algorithm, hourOf(algorithm));
const code = 'BENCH3';
for (let i = 0; i < log.length; i += 5_000) {
  const rows = log.slice(i, i + 5_000).map(({ event }) => { const { type, at, payload } = toLogRow(0, event); return { type, at, payload }; });
  store.append(code, i, rows);
}

const options = () => ({ appVersion: 'bench', exportedAt: new Date().toISOString(), room: code, anonymize: false });
const viaEvents = (toEvent: (row: ReturnType<EventStore['read']>[number]) => SeqEvent) => () => {
  const slice = sliceRound(store.read(code).map(toEvent), 1)!;
  return exportLog([...slice.prelude, ...slice.rows], { ...options(), rounds: [1] });
};
const ways: Record<string, () => string> = {
  'zod per row': viaEvents((row) => ({ seq: row.seq, event: parseLogRow(row) })),
  'parsed, no zod': viaEvents((row) => ({ seq: row.seq, event: { ...row.payload, type: row.type, at: row.at } as RoomEvent })),
  'stored text': () => exportStored(store.readText(code), 1, options())!,
};

const load = () => loadavg()[0]!.toFixed(1);
console.log(`export of the ${algorithm} hour: ${log.length} rows, ${runs} interleaved runs`);
for (let run = 1; run <= runs; run++) {
  for (const [name, exportOnce] of Object.entries(ways)) {
    const before = load();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const text = exportOnce();
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    console.log(`  run ${run} ${name.padEnd(15)} wall ${wall.toFixed(0).padStart(6)} ms  cpu ${((used.user + used.system) / 1000).toFixed(0).padStart(6)} ms  ${(text.length / 1024 / 1024).toFixed(1)} MB  load ${before} -> ${load()}`);
  }
}
store.close();
rmSync(dir, { recursive: true, force: true });
