// Projector rendering (issue 12): opens /screen/CODE in Chromium at 1920x1080 for a
// class of 60 and one of 300 students in teams of 5, with up to 50 autopilot bots
// playing (the rest are connected, idle students), and counts over 20 s the frames the
// page paints (requestAnimationFrame) and its long tasks (PerformanceObserver
// 'longtask', > 50 ms). Prints the figures with the load average: the machine may be
// shared, so compare runs made side by side.
//   npm run bench:projector                    (starts its own server on a free port)
//   node bench/projector-fps.mjs http://127.0.0.1:PORT   (against a running server)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createRequire } from 'node:module';
const { chromiumLaunchOptions } = createRequire(import.meta.url)('../scripts/find-browser.cjs');
import { io } from 'socket.io-client';

const SIZES = (process.env.PROJECTOR_SIZES ?? '60,300').split(',').map(Number);
const MEASURE_S = Number(process.env.PROJECTOR_MEASURE_S ?? 20);
const JOINS_PER_10S = 90; // under the server's 100 per address (server/limits/limits-config.ts)

const freePort = () => new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'projector-fps-'));
  const child = spawn(process.execPath, ['scripts/start.mjs'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => { child.kill('SIGTERM'); rmSync(dataDir, { recursive: true, force: true }); } };
    } catch { /* not up yet */ }
    await sleep(500);
  }
  throw new Error('the server did not start');
}

const protocolVersion = async () => (await import('../shared/protocol.ts').catch(() => null))?.PROTOCOL_VERSION;

function connect(url, version) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { forceNew: true, transports: ['websocket'], auth: { protocolVersion: version } });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function ask(socket, event, payload) {
  const ack = await socket.timeout(10_000).emitWithAck(event, payload);
  if (!ack.ok) throw new Error(`${event}: ${JSON.stringify(ack.refusal)}`);
  return ack;
}

/** A class of `size`: bots fill the first 50 seats (they play), idle students the rest; a Raft round in teams of 5. */
async function openClass(url, version, size) {
  const host = await connect(url, version);
  const { code, hostToken } = await ask(host, 'room:create', {});
  await ask(host, 'host:bots:fill', { code, hostToken, upTo: Math.min(50, size), temperament: 'diligent' });
  const students = [];
  for (let i = 0; i < size - Math.min(50, size); i++) {
    if (i > 0 && i % JOINS_PER_10S === 0) await sleep(10_500);
    const socket = await connect(url, version);
    await ask(socket, 'seat:join', { code, nickname: `Student ${i + 1}` });
    students.push(socket);
  }
  await ask(host, 'host:round:start', { code, hostToken, algorithm: 'raft', preset: 'raft-classroom', teamSize: 5, crashOnDisconnect: false });
  return { code, close: () => [host, ...students].forEach((s) => s.disconnect()) };
}

async function measure(browser, url, code) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${url}/screen/${code}`);
  await page.getByTestId('game-stage').waitFor({ timeout: 60_000 });
  await sleep(3000); // settle: fonts, first views
  const result = await page.evaluate((seconds) => new Promise((resolve) => {
    const longTasks = [];
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
    observer.observe({ type: 'longtask', buffered: false });
    let frames = 0;
    const start = performance.now();
    const tick = () => {
      frames += 1;
      if (performance.now() - start < seconds * 1000) requestAnimationFrame(tick);
      else {
        observer.disconnect();
        resolve({ frames, ms: performance.now() - start, longTasks });
      }
    };
    requestAnimationFrame(tick);
  }), MEASURE_S);
  const nodes = await page.getByTestId('truth-node').count();
  await page.close();
  return { ...result, nodes };
}

const external = process.argv[2];
const server = external ? { url: external, stop: () => {} } : await startServer();
const version = await protocolVersion();
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  console.log(`Projector rendering, ${MEASURE_S} s per class at 1920x1080 (${new Date().toISOString()}); load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (const size of SIZES) {
    const room = await openClass(server.url, version, size);
    const r = await measure(browser, server.url, room.code);
    room.close();
    const total = r.longTasks.reduce((a, b) => a + b, 0);
    const worst = r.longTasks.length ? Math.max(...r.longTasks) : 0;
    console.log(`${String(size).padStart(4)} students (${r.nodes} nodes drawn, teams of 5): ${(r.frames / (r.ms / 1000)).toFixed(1)} fps, ${r.longTasks.length} long tasks (${total.toFixed(0)} ms in all, worst ${worst.toFixed(0)} ms); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  }
} finally {
  await browser.close();
  server.stop();
}
