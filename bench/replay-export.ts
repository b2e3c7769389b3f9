/**
 * What one export (or published link) of the synthetic hour costs the game's thread:
 * read the room's rows from SQLite, turn them into events, cut the round, write NDJSON.
 * Two ways of turning rows into events, interleaved (A B A B): each row checked by the
 * log's zod schemas (before session 6) and the rows as stored (server/http/replay-routes.ts
 * now; the importer still checks every line). Prints wall and CPU ms with the load average.
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

const ways: Record<string, (row: ReturnType<EventStore['read']>[number]) => SeqEvent> = {
  'zod per row': (row) => ({ seq: row.seq, event: parseLogRow(row) }),
  'rows as stored': (row) => ({ seq: row.seq, event: { ...row.payload, type: row.type, at: row.at } as RoomEvent }),
};

const load = () => loadavg()[0]!.toFixed(1);
console.log(`export of the ${algorithm} hour: ${log.length} rows, ${runs} interleaved runs`);
for (let run = 1; run <= runs; run++) {
  for (const [name, toEvent] of Object.entries(ways)) {
    const before = load();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const events = store.read(code).map(toEvent);
    const slice = sliceRound(events, 1)!;
    const text = exportLog([...slice.prelude, ...slice.rows], { appVersion: 'bench', exportedAt: new Date().toISOString(), room: code, rounds: [1], anonymize: false });
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    console.log(`  run ${run} ${name.padEnd(15)} wall ${wall.toFixed(0).padStart(6)} ms  cpu ${((used.user + used.system) / 1000).toFixed(0).padStart(6)} ms  ${(text.length / 1024 / 1024).toFixed(1)} MB  load ${before} -> ${load()}`);
  }
}
store.close();
rmSync(dir, { recursive: true, force: true });
