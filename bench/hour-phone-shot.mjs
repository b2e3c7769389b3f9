/**
 * `node bench/hour-phone-shot.mjs URL OUT [NODE_ID]`: photographs student NODE_ID's phone
 * (default 1) of class K7P3QX (bench/hour-phone-room.ts) at 390x844 on the server at URL:
 * OUT-top.png, OUT-screen2.png (the second screenful), OUT-last.png and OUT-full.png, and
 * prints the page's height and how many vote-request rows it draws.
 */
import { chromium } from '@playwright/test';
import { createRequire } from 'node:module';
const { chromiumLaunchOptions } = createRequire(import.meta.url)('../scripts/find-browser.cjs');

const [url, out, nodeId] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 1)];
if (!url || !out) throw new Error('usage: node bench/hour-phone-shot.mjs URL OUT [NODE_ID]');
const browser = await chromium.launch(chromiumLaunchOptions());
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
await context.addInitScript((id) => {
  window.localStorage.setItem('captain-down:seat:K7P3QX', JSON.stringify({ seatToken: `screenshot-seat-${id}`, nodeId: id }));
}, nodeId);
const page = await context.newPage();
await page.goto(`${url}/join/K7P3QX`);
await page.getByText(/Term/i).first().waitFor({ timeout: 60_000 });
await page.waitForTimeout(1500);
const height = await page.evaluate(() => document.documentElement.scrollHeight);
await page.screenshot({ path: `${out}-top.png` });
await page.screenshot({ path: `${out}-screen2.png`, fullPage: true, clip: { x: 0, y: 844, width: 390, height: 844 } });
await page.screenshot({ path: `${out}-last.png`, fullPage: true, clip: { x: 0, y: Math.max(0, height - 844), width: 390, height: 844 } });
await page.screenshot({ path: `${out}-full.png`, fullPage: true });
console.log(`${out}: page ${height} px tall, ${await page.getByText(/asks for your vote/).count()} vote-request rows`);
await browser.close();
