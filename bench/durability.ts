/**
 * `npm run bench:durability`: what `synchronous=FULL` costs the event store, beside the
 * default NORMAL (both with WAL, as server/event-store.ts opens the file). Prints figures;
 * asserts nothing.
 *
 * Appends rows like a live round's (a ClusterEvents batch of ~600 bytes) through the real
 * EventStore, in a temporary data directory on the same disk as the system temp dir:
 *   - one append per transaction, as the server does per command (`--appends`, 2,000);
 *   - "group commit per tick": the same rows, 100 per transaction (a 100-ms tick's worth
 *     at 1,000 rows/s), which is what FULL would need to keep up if commits were batched.
 * The load benchmark (`npm run load` with SQLITE_SYNCHRONOUS=FULL) measures the same choice
 * end to end; on a shared machine its figures are dominated by CPU contention, these are not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EventStore, type NewEvent } from '../server/event-store';

const { values: flags } = parseArgs({ options: { appends: { type: 'string', default: '2000' } } });
const APPENDS = Number(flags.appends);
const GROUP = 100;
const fmt = (x: number, digits = 1) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

const row: NewEvent = {
  type: 'ClusterEvents',
  at: Date.now(),
  payload: { team: 0, cause: 'move', node: 3, events: Array.from({ length: 6 }, (_, i) => ({ type: 'MessageSent', id: 1000 + i, from: 3, to: i, sentAt: 12_345, deliverAt: 13_345, payload: { kind: 'AppendEntries', term: 4, entries: [] } })) },
};

function run(synchronous: 'NORMAL' | 'FULL', perTransaction: number): { p50: number; p99: number; perSecond: number } {
  const dir = mkdtempSync(join(tmpdir(), 'captain-down-durability-'));
  const store = EventStore.openIn(dir, { synchronous });
  try {
    const latencies: number[] = [];
    let seq = 0;
    const start = performance.now();
    for (let done = 0; done < APPENDS; done += perTransaction) {
      const rows = Array.from({ length: Math.min(perTransaction, APPENDS - done) }, () => row);
      const t = performance.now();
      seq = store.append('SOAKAA', seq, rows);
      latencies.push(performance.now() - t);
    }
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]!;
    return { p50: at(0.5), p99: at(0.99), perSecond: APPENDS / seconds };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`Durability benchmark (${new Date().toISOString()}), node ${process.version}, ${fmt(APPENDS, 0)} rows of ~${JSON.stringify(row.payload).length} bytes, temp dir ${tmpdir()}, load average ${load()} (shared machine)`);
for (const perTransaction of [1, GROUP]) {
  for (const mode of ['NORMAL', 'FULL'] as const) {
    const r = run(mode, perTransaction);
    const label = perTransaction === 1 ? 'one row per commit' : `${perTransaction} rows per commit`;
    console.log(`  WAL + synchronous=${mode.padEnd(6)} ${label.padEnd(20)}: commit p50 ${fmt(r.p50, 3)} ms, p99 ${fmt(r.p99, 3)} ms; ${fmt(r.perSecond, 0)} rows/s  (load average ${load()})`);
  }
}
