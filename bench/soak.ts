/**
 * `npm run soak`: crash the real server again and again mid-round while headless students
 * play, then flood it from one seat. Prints figures; asserts nothing.
 *
 * Crash phase: the game server (bench/load-server.ts, as `npm run load` runs it) serves
 * `--rooms` classes of `--students` bots playing a Raft round (crash-on-disconnect on),
 * each clicking `--rate` times a second. Every `--every` seconds the server is killed
 * with SIGKILL (kill -9) and started again on the same port and data file; the bots
 * reconnect and present their seat tokens as the browser does. Printed per crash: how
 * long the server took to be ready, and how long after that each student was back on
 * their node (resume answered, then a round view; the target is 2 s). Afterwards every
 * answered move is looked up in the SQLite file (bench/soak-check.ts).
 *
 * Flood phase: a fresh server, `--flood-rooms` quiet classes measured for click-to-view
 * (as `npm run load` measures it) for `--window` seconds alone, then again while one seat
 * in another room sends moves as fast as its socket lets it. Rate limits (if the server
 * has them) show up in what the flooder saw, which is printed too.
 *
 *   npm run soak
 *   npm run soak -- --kills 30 --every 4 --rooms 4 --students 15 --rate 2 --flood-rooms 3 --window 15
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startChildServer, type ChildServer } from './load-child';
import { checkLedger } from './soak-check';
import { openSoakClass, SoakStudent, type LedgerEntry, type SoakClass } from './soak-bots';
import { fmt, load, pct, runFloodPhase, sleep } from './soak-flood';

const { values: flags } = parseArgs({
  options: {
    kills: { type: 'string', default: '10' },
    every: { type: 'string', default: '4' },
    rooms: { type: 'string', default: '4' },
    students: { type: 'string', default: '15' },
    rate: { type: 'string', default: '2' },
    'flood-rooms': { type: 'string', default: '3' },
    window: { type: 'string', default: '15' },
  },
});
const n = (name: keyof typeof flags) => Number(flags[name]);

async function startServer(dataDir: string, port?: number): Promise<{ server: ChildServer; readyAt: number; readyMs: number }> {
  const spawnedAt = performance.now();
  const server = await startChildServer({ cpuProfile: false, dataDir, port });
  const readyAt = performance.now();
  return { server, readyAt, readyMs: readyAt - spawnedAt };
}

async function crashPhase(root: string): Promise<void> {
  const dataDir = join(root, 'crash-data');
  const ledger: LedgerEntry[] = [];
  let { server } = await startServer(dataDir);
  const port = Number(new URL(server.url).port);
  const classes: SoakClass[] = [];
  for (let i = 0; i < n('rooms'); i++) classes.push(await openSoakClass(server.url, i, n('students'), ledger));
  for (const cls of classes) {
    const started = await cls.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-classroom', teamSize: null, crashOnDisconnect: true });
    if (!started.ok) throw new Error(`round:start refused: ${JSON.stringify(started)}`);
  }
  const students = classes.flatMap((c) => c.students);
  await sleep(500);
  for (const s of students) s.start(n('rate'));
  console.log(`\nCrash phase: ${classes.length} rooms x ${n('students')} students, ${n('rate')} clicks/s each, a Raft round with crash-on-disconnect; kill -9 every ${n('every')} s, ${n('kills')} times`);

  const backMs: number[] = [];
  // Where a return's time goes: waiting to reconnect, the seat claim, the first round view.
  const steps = { connect: [] as number[], resume: [] as number[], view: [] as number[] };
  let neverBack = 0;
  for (let kill = 1; kill <= n('kills'); kill++) {
    await sleep(n('every') * 1000);
    const killedAt = performance.now();
    await server.kill9();
    const restarted = await startServer(dataDir, port);
    server = restarted.server;
    // Everyone back on their node, or 10 s: whichever first.
    const deadline = restarted.readyAt + 10_000;
    while (students.some((s) => s.backAt < killedAt) && performance.now() < deadline) await sleep(20);
    // A student can be back before this process has read the server's "ready" line: 0 ms.
    const back = students.filter((s) => s.backAt >= killedAt);
    const times = back.map((s) => Math.max(0, s.backAt - restarted.readyAt));
    for (const { lastReturn: r } of back) {
      steps.connect.push(Math.max(0, r.connectedAt - restarted.readyAt));
      steps.resume.push(r.resumedAt - r.connectedAt);
      steps.view.push(r.backAt - r.resumedAt);
    }
    const missing = students.length - times.length;
    backMs.push(...times);
    neverBack += missing;
    console.log(
      `  kill ${String(kill).padStart(2)}: server ready ${fmt(restarted.readyMs)} ms after spawn; students back on their node after ready: p50 ${fmt(pct(times, 0.5))} ms, max ${fmt(Math.max(...times))} ms` +
        `${missing ? `, ${missing} not back within 10 s` : ''}  (load average ${load()})`,
    );
  }
  for (const s of students) s.stop();
  await sleep(1_500); // the last answers come in
  for (const socket of classes.flatMap((c) => [c.host, c.projector, ...c.students.map((s) => s.socket)])) socket.disconnect();
  await server.stop();

  const verdict = checkLedger(join(dataDir, 'captain-down.sqlite'), ledger);
  if (process.env.SOAK_KEEP) {
    // For a closer look: the data file and the ledger of answered moves are kept here.
    cpSync(dataDir, process.env.SOAK_KEEP, { recursive: true });
    writeFileSync(join(process.env.SOAK_KEEP, 'ledger.json'), JSON.stringify(ledger));
  }
  const problems = [...SoakStudent.resumeProblems.entries()].map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`  seat:resume that did not succeed: ${problems || 'none'}`);
  console.log(`  Back on their node after the server was ready, all crashes: p50 ${fmt(pct(backMs, 0.5))} ms, p99 ${fmt(pct(backMs, 0.99))} ms, max ${fmt(Math.max(...backMs))} ms (target <= 2,000 ms); ${neverBack} student-returns missing`);
  const step = (xs: number[]) => `p50 ${fmt(pct(xs, 0.5))} / p99 ${fmt(pct(xs, 0.99))} / max ${fmt(Math.max(...xs))} ms`;
  console.log(`  where the time went: socket connected after ready ${step(steps.connect)}; seat:resume answered after that ${step(steps.resume)}; round view after that ${step(steps.view)}`);
  console.log(`  Answered moves: ${fmt(verdict.acknowledged)}; looked up in the log: ${fmt(verdict.checked)} (accepted, or refused by a rule); MISSING from the log: ${verdict.missing}${verdict.examples.length ? ` e.g. ${verdict.examples.join('; ')}` : ''}`);
}

async function main(): Promise<void> {
  console.log(`Soak (${new Date().toISOString()}): node ${process.version}, load average ${load()} (a shared machine: read every figure with the load average beside it)`);
  const root = mkdtempSync(join(tmpdir(), 'captain-down-soak-'));
  try {
    if (n('kills') > 0) await crashPhase(root);
    if (n('window') > 0) await runFloodPhase({ rooms: n('flood-rooms'), windowS: n('window') });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
