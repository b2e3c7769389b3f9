/**
 * `npx tsx bench/class-hour-contents.ts [raft,bully,lease]`: what an hour's room log holds,
 * the server-shaped class hour (bench/class-hour.ts) beside the synthetic hour that
 * bench:fold measured until now (bench/fold-hour.ts): rows, rule events, rows by type
 * (ClusterEvents by cause, MoveRefused, the rest), the batches that hold nothing but a clock
 * step, the commonest rule events, the students' clicks and how they were answered, the
 * host's faults, and the size of the log as an export (the file a teacher opens on /replay).
 * Both hours come from the cache (BENCH_CACHE) and are made if missing. Asserts nothing.
 */
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { headerLine, MAX_LOG_BYTES, redactEvent } from '../shared/replay/ndjson';
import { toLogRow, type SeqEvent } from '../shared/replay/log-rows';
import { classHourFile, classHourMeta, classHourRows } from './class-hour-cache';
import { hourOf, roomLog } from './fold-hour';

const fmt = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)} %`;

interface Contents {
  rows: number;
  ruleEvents: number;
  byType: Map<string, number>;
  loneClockSteps: number;
  ruleTypes: Map<string, number>;
  faults: Map<string, number>;
  exportBytes: number;
}

const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

function contentsOf(log: readonly SeqEvent[]): Contents {
  const out: Contents = { rows: log.length, ruleEvents: 0, byType: new Map(), loneClockSteps: 0, ruleTypes: new Map(), faults: new Map(), exportBytes: 0 };
  // The export as the server writes it (shared/replay/ndjson.ts exportLog), counted line by line.
  out.exportBytes = Buffer.byteLength(headerLine({ appVersion: 'bench', exportedAt: new Date(0).toISOString(), room: 'BENCH3', rounds: 'all', anonymize: false }, log.length)) + 1;
  for (const { seq, event } of log) {
    out.exportBytes += Buffer.byteLength(JSON.stringify(toLogRow(seq, redactEvent(event, false)))) + 1;
    if (event.type !== 'ClusterEvents') {
      bump(out.byType, event.type);
      continue;
    }
    bump(out.byType, `ClusterEvents (${event.cause})`);
    out.ruleEvents += event.events.length;
    if (event.events.every((e) => e.type === 'ClockAdvanced')) out.loneClockSteps++;
    for (const e of event.events) bump(out.ruleTypes, e.type);
    // A fault's batch: the clock step to its instant, then what the host did.
    if (event.cause === 'fault') bump(out.faults, event.events.find((e) => e.type !== 'ClockAdvanced')?.type ?? 'ClockAdvanced');
  }
  return out;
}

const top = (map: Map<string, number>, n: number, whole: number) =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${fmt(v)} (${pct(v, whole)})`).join(', ');

for (const algorithm of process.argv[2]?.split(',') ?? ['raft', 'bully', 'lease']) {
  const synthetic = contentsOf(roomLog(algorithm, hourOf(algorithm)));
  const rows = classHourRows(algorithm);
  const hour = contentsOf(rows);
  const meta = classHourMeta(algorithm);
  const c = meta.counts;
  console.log(`${algorithm} (load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}):`);
  for (const [name, x] of [['synthetic hour', synthetic], ['class hour', hour]] as const) {
    console.log(`  ${name}: ${fmt(x.rows)} rows, ${fmt(x.ruleEvents)} rule events (${(x.ruleEvents / x.rows).toFixed(2)} a row); export ${mb(x.exportBytes)}${x.exportBytes > MAX_LOG_BYTES ? ` (over /replay's ${mb(MAX_LOG_BYTES)} limit: refused)` : ''}`);
    console.log(`    rows by type: ${top(x.byType, 12, x.rows)}`);
    console.log(`    batches holding only a clock step: ${fmt(x.loneClockSteps)} (${pct(x.loneClockSteps, x.rows)} of rows)`);
    console.log(`    rule events by type: ${top(x.ruleTypes, 8, x.ruleEvents)}`);
    if (x.faults.size > 0) console.log(`    host's faults logged: ${[...x.faults].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  const decided = c.accepted + c.refused;
  console.log(`  class hour's clicks: ${fmt(c.clicks)} (${(c.clicks / 3600 / meta.options.students).toFixed(2)} a student a second): ${fmt(c.accepted)} accepted (${pct(c.accepted, decided)} of those decided), ${fmt(c.refused)} refused (a MoveRefused row each), ${fmt(c.doubleTaps)} answered by the double-tap rule G7 (not logged), ${fmt(c.noMove)} on a phone with no move`);
  console.log(`  class hour's host: ${c.faults} faults sent, ${c.faultsRefused} refused, ${c.hostSkipped} steps skipped (no leader within a minute); phone views rebuilt: ${fmt(c.viewsBuilt)}`);
  console.log(`  class hour's cache: ${classHourFile(algorithm)} (${mb(statSync(classHourFile(algorithm)).size)}), made in ${(meta.made.wallMs / 1000).toFixed(0)} s wall, ${(meta.made.cpuMs / 1000).toFixed(0)} s CPU (load average ${meta.made.loadBefore} -> ${meta.made.loadAfter})`);
}
