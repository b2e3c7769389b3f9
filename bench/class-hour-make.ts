/**
 * Plays one server-shaped class hour (bench/class-hour.ts) and writes it where
 * bench/class-hour-cache.ts reads it: the room log as NDJSON, one `{"seq":..,"event":..}`
 * row a line, and beside it a JSON of what the log alone does not say (clicks answered by
 * the double-tap rule, the host's refused faults) and what making it cost. Run by the cache
 * in a process of its own (bundled, a larger young generation), so the fold benchmarks never
 * time a heap full of the generator's garbage:
 *   node --import tsx bench/class-hour-make.ts raft /tmp/captain-down-class-hour-raft.ndjson
 */
import { closeSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg } from 'node:os';
import { playClassHour } from './class-hour';

const [algorithm = 'raft', file = `captain-down-class-hour-${algorithm}.ndjson`, minutes = '60'] = process.argv.slice(2);
const load = loadavg().map((n) => n.toFixed(2)).join(' ');
const t0 = performance.now();
const c0 = process.cpuUsage();
let lastCpu = 0;
const cpuMs = () => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const hour = playClassHour(algorithm, {
  minutes: Number(minutes),
  onTenMinutes: (minute, rows) => {
    console.log(`  ${algorithm} at ${minute} min: ${rows.toLocaleString('en-US')} rows, the last ten minutes ${((cpuMs() - lastCpu) / 1000).toFixed(1)} s CPU (load average ${loadavg()[0]!.toFixed(2)})`);
    lastCpu = cpuMs();
  },
});
const cpu = process.cpuUsage(c0);
const made = { wallMs: Math.round(performance.now() - t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000), loadBefore: load, loadAfter: loadavg().map((n) => n.toFixed(2)).join(' ') };

// Written under a temporary name and renamed: a cache file that exists is a whole one.
const partial = `${file}.partial`;
const fd = openSync(partial, 'w');
const CHUNK = 2_000;
for (let i = 0; i < hour.rows.length; i += CHUNK) {
  writeSync(fd, `${hour.rows.slice(i, i + CHUNK).map((row) => JSON.stringify(row)).join('\n')}\n`);
}
closeSync(fd);
writeFileSync(file.replace(/\.ndjson$/, '.json'), JSON.stringify({ algorithm, options: hour.options, counts: hour.counts, made }));
renameSync(partial, file);
console.log(`${algorithm}: class hour played (${hour.rows.length.toLocaleString('en-US')} rows) in ${(made.wallMs / 1000).toFixed(1)} s wall, ${(made.cpuMs / 1000).toFixed(1)} s CPU (load average ${made.loadBefore} -> ${made.loadAfter})`);
