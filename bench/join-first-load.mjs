// The student page's first-load JavaScript: loads /join/CODE in Chromium against a running
// server and sums the gzip sizes of the scripts it fetched (issue 11: charts must not add
// to it; issue 12: every chunk is listed). Since session 5 /join is the lean page (React
// without Next's runtime, scripts/build-lean-join.mjs): every script it fetches is counted,
// the module preloads and any chunk imported before the join form shows included; the game
// screen's chunk is fetched only once seated, so it is not in a first load. The HTML shell
// and the stylesheet are printed on their own lines, outside the JavaScript total. A second path may be given to compare (e.g. /report/ABCDEF, which alone loads the
// chart library). Usage: node bench/join-first-load.mjs http://127.0.0.1:PORT [PATH]
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { createRequire } from 'node:module';
const { chromiumLaunchOptions } = createRequire(import.meta.url)('../scripts/find-browser.cjs');

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const path = process.argv[3] ?? '/join/ABCDEF';
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage();
const scripts = [];
const others = [];
page.on('response', async (res) => {
  const type = res.request().resourceType();
  if (type === 'document' || type === 'stylesheet') others.push({ type, url: res.url(), body: await res.body().catch(() => Buffer.alloc(0)) });
  if (type !== 'script') return;
  scripts.push({ url: res.url(), body: await res.body().catch(() => Buffer.alloc(0)) });
});
await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
// The report page loads its charts after its data: give the dynamic chunk time to arrive.
await page.waitForTimeout(1500);
// When the page first painted something (the lean page's shell carries the form, so it is the form).
const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
await browser.close();
let raw = 0;
let gz = 0;
const rows = scripts.map((s) => ({ name: new URL(s.url).pathname.split('/').pop(), raw: s.body.length, gz: gzipSync(s.body).length }));
for (const r of rows) {
  raw += r.raw;
  gz += r.gz;
}
const kib = (n) => (n / 1024).toFixed(1);
console.log(`${path} first load: ${scripts.length} scripts, ${kib(raw)} KiB raw, ${kib(gz)} KiB gzip`);
// Every chunk, largest first (issue 12 compares them change by change).
for (const r of rows.sort((a, b) => b.gz - a.gz)) console.log(`  ${kib(r.gz).padStart(6)} KiB gzip  ${r.name}`);
for (const o of others) console.log(`  (not counted) ${o.type} ${new URL(o.url).pathname}: ${kib(o.body.length)} KiB raw, ${kib(gzipSync(o.body).length)} KiB gzip`);
console.log(`first contentful paint: ${paint === null ? 'none' : `${Math.round(paint)} ms`} (loopback, no throttling; a timing, so read it with the load average)`);
console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
