/**
 * The server-shaped class hour of each algorithm (bench/class-hour.ts), made once and kept
 * in BENCH_CACHE (default: the OS temp dir) as `captain-down-class-hour-<algorithm>.ndjson`
 * (the room log, a `{seq, event}` row a line) and `.json` (counts the log does not hold, and
 * what making it cost), so before/after runs on two checkouts fold the very same log.
 * A missing hour is made by bench/class-hour-make.ts, bundled by esbuild and run in a child
 * process: bundled code runs without tsx's module getters, and a larger young generation
 * spends less on the collector (about a third less CPU together, measured on 3 minutes of
 * Raft), which brings an hour down to a few minutes on this machine.
 */
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeqEvent } from '../shared/replay/log-rows';
import type { ClassHourCounts, ClassHourOptions } from './class-hour';

export interface ClassHourMeta {
  algorithm: string;
  options: Required<Omit<ClassHourOptions, 'onTenMinutes'>>;
  counts: ClassHourCounts;
  made: { wallMs: number; cpuMs: number; loadBefore: string; loadAfter: string };
}

export const classHourFile = (algorithm: string) => join(process.env.BENCH_CACHE ?? tmpdir(), `captain-down-class-hour-${algorithm}.ndjson`);

/** Makes the hour's cache files if they are missing (prints how long it took). */
export function ensureClassHour(algorithm: string): string {
  const file = classHourFile(algorithm);
  if (existsSync(file)) return file;
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'class-hour-make-'));
  try {
    const bundle = join(dir, 'make.mjs');
    buildSync({ entryPoints: [join(here, 'class-hour-make.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning' });
    execFileSync(process.execPath, ['--max-semi-space-size=64', bundle, algorithm, file], { stdio: 'inherit' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return file;
}

/** The hour's room log, row by row, as the server appended it. */
export function classHourRows(algorithm: string): SeqEvent[] {
  const bytes = readFileSync(ensureClassHour(algorithm));
  const rows: SeqEvent[] = [];
  // Line by line from the bytes: an hour's file may be longer than V8's longest string.
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    if (end > start) rows.push(JSON.parse(bytes.toString('utf8', start, end)) as SeqEvent);
    start = end + 1;
  }
  return rows;
}

export function classHourMeta(algorithm: string): ClassHourMeta {
  ensureClassHour(algorithm);
  return JSON.parse(readFileSync(classHourFile(algorithm).replace(/\.ndjson$/, '.json'), 'utf8')) as ClassHourMeta;
}
