// The student page's first-load JavaScript: loads /join/CODE in Chromium against a running
// server and sums the gzip sizes of the scripts it fetched (issue 11: charts must not add
// to it). Usage: node bench/join-first-load.mjs http://127.0.0.1:PORT
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const page = await browser.newPage();
const scripts = [];
page.on('response', async (res) => {
  if (res.request().resourceType() !== 'script') return;
  scripts.push({ url: res.url(), body: await res.body().catch(() => Buffer.alloc(0)) });
});
await page.goto(`${base}/join/ABCDEF`, { waitUntil: 'networkidle' });
await browser.close();
let raw = 0;
let gz = 0;
for (const s of scripts) {
  raw += s.body.length;
  gz += gzipSync(s.body).length;
}
console.log(`/join first load: ${scripts.length} scripts, ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip`);
