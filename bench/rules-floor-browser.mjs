// `npm run bench:floor:browser [raft,bully,lease] [--class]`: the floor of issue 7's whole-log
// fold in Chromium. Every rule event of the hour through the game's own rules on a draft
// (bench/rules-floor.ts, bundled by esbuild as the app's code is), nothing else: the least
// any replay player must fold if it folds with the live game's rules, as the issue asks.
// If this alone takes longer than 500 ms, no player built on the rules meets the target here.
// Three folds per algorithm, each in a fresh page, after one untimed warm-up fold in that page
// (the player's fold also runs on code the page has already run). Prints figures with the load
// average; asserts nothing. Default: the synthetic hour (bench/fold-hour.ts); --class: the
// server-shaped class hour (bench/class-hour.ts).
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { foldRoom } from '../shared/room/evolve.ts';
import { classHourRows } from './class-hour-cache.ts';
import { hourOf, roomLog } from './fold-hour.ts';

const { chromiumLaunchOptions } = createRequire(import.meta.url)('../scripts/find-browser.cjs');
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const algorithms = (process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'raft,bully,lease').split(',');
const classHour = flags.includes('--class');
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** The team's cluster as the round started and every rule event of its batches, in log order. */
function hourData(algorithm) {
  const log = classHour ? classHourRows(algorithm) : roomLog(algorithm, hourOf(algorithm));
  const start = log.findIndex((row) => row.event.type === 'RoundStarted');
  const room = foldRoom(log.slice(0, start + 1).map((row) => row.event));
  const events = [];
  for (const { event } of log) if (event.type === 'ClusterEvents' && event.team === 0) for (const e of event.events) events.push(e);
  return { initial: room.round.teams[0].cluster, events };
}

const bundle = await build({
  stdin: { contents: "import { foldRulesOnDraft } from './bench/rules-floor.ts'; globalThis.foldRulesOnDraft = foldRulesOnDraft;", resolveDir: process.cwd(), loader: 'ts' },
  bundle: true, minify: true, format: 'iife', platform: 'browser', target: 'es2022', write: false,
});
const script = bundle.outputFiles[0].text;
let body = '';
const server = createServer((req, res) => {
  if (req.url === '/floor.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  if (req.url === '/hour.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script src="/floor.js"></script>');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch(chromiumLaunchOptions());
console.log(`Chromium ${browser.version()}, the rules' fold on a draft (bench/rules-floor.ts, minified bundle), ${classHour ? 'class hour (server-shaped)' : 'synthetic hour'}`);
for (const algorithm of algorithms) {
  const data = hourData(algorithm);
  body = JSON.stringify(data);
  const before = load();
  const times = [];
  for (let run = 0; run < 3; run++) {
    const page = await browser.newPage();
    await page.goto(url);
    times.push(await page.evaluate(async () => {
      const { initial, events } = await (await fetch('/hour.json')).json();
      globalThis.foldRulesOnDraft(initial, events); // warm-up, untimed
      const t0 = performance.now();
      globalThis.foldRulesOnDraft(initial, events);
      return performance.now() - t0;
    }));
    await page.close();
  }
  times.sort((a, b) => a - b);
  const verdict = times[0] <= 500 ? 'under' : 'OVER';
  console.log(`${algorithm}: ${fmt(data.events.length)} rule events, best ${fmt(times[0])} ms (all ${times.map(fmt).join(' / ')}): ${verdict} the 500 ms target on its own; per 430,000 rule events ${fmt((times[0] / data.events.length) * 430_000)} ms (load average ${before} -> ${load()})`);
}
await browser.close();
server.close();
