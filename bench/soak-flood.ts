/**
 * The soak's flood phase: do other classes notice one seat flooding the server? Quiet
 * classes (the load benchmark's players, bench/load-players.ts) are measured for
 * click-to-view alone, then while a seat in another room sends moves as fast as its
 * socket lets it (up to FLOOD_IN_FLIGHT unanswered at a time). Whatever the server does
 * about the flood (answers, `rate-limited` refusals, a disconnect) is printed.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { startChildServer, type ChildServer, type ServerStats } from './load-child';
import { disconnectAll, openClass, Recorder, untilInRound, type LoadClass } from './load-players';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
export function pct(samples: number[], p: number): number {
  const sorted = samples.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

const STUDENTS_PER_QUIET_ROOM = 20;
/** Until the first election timers run out (15-30 s of room time at 4x), nobody may stand. */
const WARM_UP_MS = 10_000;

async function measureWindow(rec: Recorder, classes: LoadClass[], windowS: number): Promise<{ p50: number; p99: number; n: number }> {
  rec.viewMs.splice(0);
  rec.windowStart = performance.now();
  rec.windowEnd = rec.windowStart + windowS * 1000;
  await sleep(windowS * 1000 + 1_000);
  for (const s of classes.flatMap((c) => c.students)) s.finish();
  return { p50: pct(rec.viewMs, 0.5), p99: pct(rec.viewMs, 0.99), n: rec.viewMs.length };
}

type FloodSeen = { sent: number; answers: Record<string, number>; cuts: number; firstCut: string; seconds: number };

/** Runs bench/soak-flooder.ts in its own process for `ms`; resolves with what it saw. */
function floodFromAnotherProcess(url: string, code: string, seatToken: string, ms: number): Promise<FloodSeen> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/soak-flooder.ts', url, code, seatToken, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (status) => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as FloodSeen);
      } catch {
        reject(new Error(`the flooder exited (${status}) without its figures: ${out}`));
      }
    });
  });
}

/**
 * The server since `since`: CPU (% of one core), event-loop delay p99, and how long its main
 * thread was runnable but waiting for a core, per second (other processes on the machine).
 */
async function serverLoad(server: ChildServer, since: ServerStats): Promise<{ cpu: number; loopP99: number; waitMsPerS: number; now: ServerStats }> {
  const now = await server.stats({ reset: true });
  const wallS = (now.wallMs - since.wallMs) / 1000;
  const cpuMs = (now.cpu.user + now.cpu.system - since.cpu.user - since.cpu.system) / 1000;
  const waitMsPerS = now.scheduler && since.scheduler ? (now.scheduler.waiting - since.scheduler.waiting) / wallS : Number.NaN;
  return { cpu: cpuMs / wallS / 10, loopP99: now.eventLoopDelayMs.p99, waitMsPerS, now };
}

const describeServer = (s: { cpu: number; loopP99: number; waitMsPerS: number }) =>
  `server CPU ${fmt(s.cpu)} %, event-loop delay p99 ${fmt(s.loopP99, 1)} ms, waited for a core ${fmt(s.waitMsPerS)} ms/s`;

export async function runFloodPhase({ rooms, windowS }: { rooms: number; windowS: number }): Promise<void> {
  const server = await startChildServer({ cpuProfile: false });
  try {
    const rec = new Recorder();
    const classes: LoadClass[] = [];
    for (let i = 0; i < rooms; i++) classes.push(await openClass(server.url, i, STUDENTS_PER_QUIET_ROOM, rec, 7, 0.8));
    for (const cls of classes) {
      await cls.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-classroom', teamSize: null, crashOnDisconnect: false });
      // 4x: election timers run out soon and often, so votes (measured moves) keep coming.
      await cls.hostAsk('host:clock', { action: 'rate', rate: 4 });
    }
    await Promise.all(classes.map((c) => untilInRound(c, 15_000)));
    for (const s of classes.flatMap((c) => c.students)) s.start(1);
    console.log(`\nFlood phase: ${rooms} quiet rooms x ${STUDENTS_PER_QUIET_ROOM} students at 1 click/s (Raft, room clock at 4x), click-to-view measured ${windowS} s alone, then ${windowS} s while one seat of another room floods`);
    await sleep(WARM_UP_MS);
    let mark = await server.stats({ reset: true });
    const quiet = await measureWindow(rec, classes, windowS);
    const quietServer = await serverLoad(server, mark);
    mark = quietServer.now;
    console.log(`  quiet:   click-to-view p50 ${fmt(quiet.p50, 1)} ms, p99 ${fmt(quiet.p99, 1)} ms (n=${quiet.n}); ${describeServer(quietServer)}  (load average ${load()})`);

    const floodRoom = await openClass(server.url, 50, 2, new Recorder(), 9, 1);
    await floodRoom.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-classroom', teamSize: null, crashOnDisconnect: false });
    const flooder = floodRoom.students[0]!;
    const before = await server.stats({ events: true });
    const seatToken = flooder.seatToken;
    flooder.socket.disconnect(); // the flooding is done by another process, with the seat's token
    mark = await server.stats({ reset: true });
    const flooding = floodFromAnotherProcess(server.url, floodRoom.code, seatToken, (windowS + 1) * 1000);
    const flooded = await measureWindow(rec, classes, windowS);
    const floodedServer = await serverLoad(server, mark);
    const seen = await flooding;
    const after = await server.stats({ events: true });
    const seconds = seen.seconds;
    console.log(`  flooded: click-to-view p50 ${fmt(flooded.p50, 1)} ms, p99 ${fmt(flooded.p99, 1)} ms (n=${flooded.n}); ${describeServer(floodedServer)}  (load average ${load()})`);
    console.log(`  p99 flooded / quiet = ${fmt(flooded.p99 / quiet.p99, 2)} (the issue asks for at most 1.50)`);
    const answers = Object.entries(seen.answers).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${fmt(v)}`).join(', ');
    const cuts = seen.cuts ? `cut by the server ${fmt(seen.cuts)} times (${seen.firstCut}), connecting again at once each time` : 'never disconnected';
    console.log(`  the flooder sent ${fmt(seen.sent)} moves (${fmt(seen.sent / seconds)}/s); answers: ${answers || 'none'}; ${cuts}`);
    console.log(`  event-log rows written during the flood (all rooms): ${fmt((after.events ?? 0) - (before.events ?? 0))}; server RSS ${fmt(after.memory.rss / 1048576, 1)} MB`);
    for (const s of classes.flatMap((c) => c.students)) s.stop();
  } finally {
    disconnectAll();
    await server.stop();
  }
}
