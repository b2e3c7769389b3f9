// `npm run bench:fold:browser [raft,bully,lease] [--class | --both]`: the replay player's
// whole-round fold as a student or teacher gets it, in Chromium, on the production bundle
// (issue 7: "the whole log folds in at most 0.5 s"). bench:fold times the same fold in Node
// under tsx, whose module getters (tsx turns each import into a property getter) are not the
// code the browser runs. For each algorithm the synthetic hour (bench/fold-hour.ts, the same
// cached log as bench:fold), with `--class` the server-shaped class hour instead
// (bench/class-hour.ts), with `--both` each, is exported as an NDJSON file (the bytes of the
// server's export), opened on /replay as a teacher would (file picker), and the page's own
// User Timing entries are read (app/client/replay-measures.ts):
// checking the file's every line (its work, and its time until done with the page's turns),
// and the round's whole fold (with the space-time diagram, as the player builds it). Three
// openings per algorithm, each in a fresh page. Prints figures
// with the load average; asserts nothing.
// A file over the page's size limit (MAX_LOG_BYTES) is refused by the page before it is
// read: that is printed, and the longest start of the round that fits is opened instead.
//   npm run bench:fold:browser             (builds if needed, starts its own server)
//   npm run bench:fold:browser -- raft --class
//   node --import tsx bench/replay-fold-browser.mjs raft http://127.0.0.1:PORT
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { FOLD_MEASURE, IMPORT_MEASURE } from '../app/client/replay-measures.ts';
import { headerLine, MAX_LOG_BYTES, redactEvent } from '../shared/replay/ndjson.ts';
import { toLogRow } from '../shared/replay/log-rows.ts';
import { classHourRows } from './class-hour-cache.ts';
import { hourOf, LOG_T0, roomLog } from './fold-hour.ts';
import { createRequire } from 'node:module';

// The browser the journeys use (CHROMIUM_PATH, a system Chromium/Chrome, else Playwright's own).
const { chromiumLaunchOptions } = createRequire(import.meta.url)('../scripts/find-browser.cjs');
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const [algorithmsArg, urlArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const ALGORITHMS = (algorithmsArg ?? 'raft,bully,lease').split(',');
const HOURS = [
  { name: 'synthetic hour', room: 'BENCH3', rows: (algorithm) => roomLog(algorithm, hourOf(algorithm)), on: !flags.includes('--class') || flags.includes('--both') },
  { name: 'class hour (server-shaped)', room: 'HOUR60', rows: classHourRows, on: flags.includes('--class') || flags.includes('--both') },
].filter((hour) => hour.on);
const OPENINGS = Number(process.env.FOLD_OPENINGS ?? 3);
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const freePort = () => new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startServer(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/start.mjs'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data') }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, stop: () => child.kill('SIGTERM') };
    } catch { /* not up yet */ }
    await sleep(500);
  }
  child.kill('SIGTERM');
  throw new Error('the server did not start');
}

/** One opening of `file` on /replay in a fresh page: the page's two User Timing entries. */
async function openOnce(browser, url, file) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.goto(`${url}/replay`);
    await page.getByLabel('Log file').setInputFiles(file);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, FOLD_MEASURE, { timeout: 300_000, polling: 250 });
    const [check, fold] = await page.evaluate(([a, b]) => [a, b].map((name) => { const e = performance.getEntriesByName(name)[0]; return { ms: e.duration, detail: e.detail }; }), [IMPORT_MEASURE, FOLD_MEASURE]);
    await page.getByTestId('replay-player').waitFor({ timeout: 60_000 });
    return { check, fold };
  } finally {
    await page.close();
  }
}

/**
 * The export of `rows` as the server writes it (exportLog's bytes), a line at a time: a class
 * hour's file can be longer than V8's longest string.
 */
function writeExport(file, rows, room) {
  const fd = openSync(file, 'w');
  writeSync(fd, `${headerLine({ appVersion: 'bench', exportedAt: new Date(LOG_T0).toISOString(), room, rounds: 'all', anonymize: false }, rows.length)}\n`);
  for (let i = 0; i < rows.length; i += 2_000) {
    writeSync(fd, `${rows.slice(i, i + 2_000).map(({ seq, event }) => JSON.stringify(toLogRow(seq, redactEvent(event, false)))).join('\n')}\n`);
  }
  closeSync(fd);
  return statSync(file).size;
}

const dir = mkdtempSync(join(tmpdir(), 'replay-fold-browser-'));
const server = urlArg ? { url: urlArg, stop: () => {} } : await startServer(dir);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  console.log(`Chromium ${browser.version()}, ${server.url} (production bundle)`);
  for (const algorithm of ALGORITHMS) {
    for (const hour of HOURS) {
      const file = join(dir, `${algorithm}-hour.ndjson`);
      const log = hour.rows(algorithm);
      let bytes = writeExport(file, log, hour.room);
      let what = hour.name;
      if (bytes > MAX_LOG_BYTES) {
        console.log(`${algorithm}, ${hour.name}: file ${fmt(bytes / 1024 / 1024)} MB, over the page's ${fmt(MAX_LOG_BYTES / 1024 / 1024)} MB limit: /replay refuses it before reading (load average ${load()})`);
        // What does open: the longest start of the round under the limit, as an export made during the round would be.
        const kept = log.slice(0, Math.floor(log.length * (MAX_LOG_BYTES / bytes) * 0.98));
        bytes = writeExport(file, kept, hour.room);
        what = `${hour.name}, its first ${fmt((kept.at(-1).event.at - log.find((r) => r.event.type === 'RoundStarted').event.at) / 60_000)} minutes (the start that fits the limit)`;
      }
      const runs = [];
      for (let k = 0; k < OPENINGS; k++) runs.push(await openOnce(browser, server.url, file));
      const { rows, ruleEvents } = runs[0].fold.detail;
      // The fold runs in slices with the page's turns between them: its work is the figure, the wall time until done beside it.
      const folds = runs.map((r) => r.fold.detail.workMs).sort((a, b) => a - b);
      const foldWalls = runs.map((r) => r.fold.ms).sort((a, b) => a - b);
      const checks = runs.map((r) => r.check.ms).sort((a, b) => a - b);
      const work = runs.map((r) => r.check.detail.workMs).sort((a, b) => a - b);
      console.log(`${algorithm}, ${what}: ${fmt(rows)} rows, ${fmt(ruleEvents)} rule events, file ${fmt(bytes / 1024 / 1024)} MB (load average ${load()})`);
      console.log(`  whole-round fold with the diagram (in steps): work best ${fmt(folds[0])} ms, all ${folds.map(fmt).join(' / ')} ms (target <= 500 ms: ${folds[0] <= 500 ? 'met' : 'MISSED'}); per 430,000 rule events best ${fmt((folds[0] / ruleEvents) * 430_000)} ms; until done best ${fmt(foldWalls[0])} ms`);
      console.log(`  checking the file (importLog in steps, the page painting between them): work best ${fmt(work[0])} ms (all ${work.map(fmt).join(' / ')}), until done best ${fmt(checks[0])} ms (all ${checks.map(fmt).join(' / ')})`);
    }
  }
} finally {
  await browser.close();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
