/**
 * `npm run load`: the load benchmark. Prints figures; asserts nothing.
 *
 * Starts the real game server in a child process (bench/load-server.ts: attachGameServer
 * on a bare HTTP server, no Next.js, NODE_ENV=production, a free loopback port, a
 * temporary data directory), then plays classes against it from this process with
 * headless socket.io players (bench/load-players.ts), and reports click-to-view and
 * click-to-ack latency, views per second, the server's CPU, event-loop delay and memory.
 *
 *   npm run load                          both scenarios, 40 s measured each
 *   npm run load -- --scenario 1          one room of 60 students at 2 clicks/s
 *   npm run load -- --scenario 2          40 rooms of 30 students at 1 click/s
 *   npm run load -- --rooms 10 --students 30 --rate 1     a custom scenario
 *   options: --duration S (40)  --warmup S (5)  --preset raft-classroom  --prefer-allowed 0.8
 *            --crash-leader-every S (0 = never)  --seed N (1)
 *            --cpu-prof: run the server with node --cpu-prof, keep the profile in test-results/
 *            and print where its time went (bench/load-profile.ts)
 *   env:     LOAD_DURATION_S, LOAD_WARMUP_S, LOAD_SCENARIO override the defaults too.
 * Figures and how to read them: docs/PERFORMANCE.md.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { findPreset } from '../shared/game/presets';
import { startChildServer, type ChildServer, type ServerStats } from './load-child';
import { disconnectAll, openClass, Recorder, untilInRound, warmUp, type LoadClass } from './load-players';
import { summarizeProfile } from './load-profile';

interface Scenario {
  id: string;
  rooms: number;
  students: number;
  rate: number;
  targetP99Ms: number | null;
}

const SCENARIOS: Record<string, Scenario> = {
  '1': { id: '1', rooms: 1, students: 60, rate: 2, targetP99Ms: 50 },
  '2': { id: '2', rooms: 40, students: 30, rate: 1, targetP99Ms: 100 },
};
const TARGET_KB_PER_STUDENT = 40;
/** Classes opened at once while setting up (each opens its students in parallel). */
const OPEN_CONCURRENCY = 4;
const DRAIN_MS = 2_000;

const { values: flags } = parseArgs({
  options: {
    scenario: { type: 'string', default: process.env.LOAD_SCENARIO ?? 'all' },
    duration: { type: 'string', default: process.env.LOAD_DURATION_S ?? '40' },
    warmup: { type: 'string', default: process.env.LOAD_WARMUP_S ?? '5' },
    preset: { type: 'string', default: 'raft-classroom' },
    'prefer-allowed': { type: 'string', default: '0.8' },
    'crash-leader-every': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    rooms: { type: 'string' },
    students: { type: 'string' },
    rate: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});

const num = (name: string, value: string | undefined, min: number, max: number): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}, got "${value}"`);
  return n;
};
const durationS = num('duration', flags.duration, 1, 600);
const warmupS = num('warmup', flags.warmup, 0, 120);
const preferAllowed = num('prefer-allowed', flags['prefer-allowed'], 0, 1);
const crashEveryS = num('crash-leader-every', flags['crash-leader-every'], 0, 600);
const seed = num('seed', flags.seed, 0, 2 ** 31);
const preset = findPreset(flags.preset);
if (!preset || preset.algorithm !== 'raft') throw new Error(`--preset must be a Raft preset (raft-classroom, raft-lecture, raft-prevote), got "${flags.preset}"`);

function chosenScenarios(): Scenario[] {
  if (flags.rooms || flags.students || flags.rate) {
    return [{ id: 'custom', rooms: num('rooms', flags.rooms ?? '1', 1, 100), students: num('students', flags.students ?? '30', 2, 300), rate: num('rate', flags.rate ?? '1', 0.1, 10), targetP99Ms: null }];
  }
  if (flags.scenario === 'all') return Object.values(SCENARIOS);
  const scenario = SCENARIOS[flags.scenario];
  if (!scenario) throw new Error(`--scenario must be 1, 2 or all, got "${flags.scenario}"`);
  return [scenario];
}

// ---------------------------------------------------------------------------
// Figures.

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const kb = (bytes: number) => bytes / 1024;
const mb = (bytes: number) => fmt(bytes / 1024 / 1024, 1);

function percentiles(samples: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const sorted = samples.slice().sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

const latencyLine = (samples: number[]) => {
  const p = percentiles(samples);
  return `p50 ${fmt(p.p50)} ms  p95 ${fmt(p.p95)} ms  p99 ${fmt(p.p99)} ms  max ${fmt(p.max)} ms  (n=${p.n})`;
};

const cpuMs = (s: ServerStats) => (s.cpu.user + s.cpu.system) / 1000;
const cpuShare = (a: ServerStats, b: ServerStats) => (cpuMs(b) - cpuMs(a)) / (b.wallMs - a.wallMs);
const top = (map: Map<string, number>, count = 6) =>
  [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([k, v]) => `${k} ${v}`).join(', ');

// ---------------------------------------------------------------------------
// One scenario.

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))));
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The host crashes each class's leader every `everyS` seconds and restarts it 5 s later. */
function crashLeaders(classes: LoadClass[], everyS: number): () => void {
  if (everyS <= 0) return () => {};
  const timers: NodeJS.Timeout[] = [];
  timers.push(
    setInterval(() => {
      for (const cls of classes) {
        const leader = cls.screen()?.teams[0]?.nodes.find((n) => n.role === 'leader' && n.status === 'live');
        if (!leader) continue;
        void cls.hostAsk('host:fault', { team: 0, fault: { type: 'CrashNode', node: leader.index } });
        timers.push(setTimeout(() => void cls.hostAsk('host:fault', { team: 0, fault: { type: 'RestartNode', node: leader.index } }), 5_000));
      }
    }, everyS * 1000),
  );
  return () => timers.forEach((t) => clearTimeout(t));
}

async function runScenario(scenario: Scenario): Promise<void> {
  const students = scenario.rooms * scenario.students;
  const title = scenario.id === 'custom' ? 'Custom scenario' : `Scenario ${scenario.id}`;
  console.log(`\n${title}: ${scenario.rooms} room${scenario.rooms > 1 ? 's' : ''} x ${scenario.students} students = ${students} students, ${scenario.rate} click/s each (${fmt(students * scenario.rate, 0)} clicks/s offered)`);
  console.log(`  Raft, preset ${preset!.id}, one cluster per room (teamSize null), a host and a projector per room; ${warmupS} s warm-up, then ${durationS} s measured`);

  const server: ChildServer = await startChildServer({ cpuProfile: flags['cpu-prof'] });
  const rec = new Recorder();
  let classes: LoadClass[] = [];
  let stopCrashing = () => {};
  try {
    await warmUp(server.url);
    const idle = await server.stats({ gc: true });
    const setupStart = performance.now();
    classes = await inBatches(scenario.rooms, OPEN_CONCURRENCY, (i) => openClass(server.url, i, scenario.students, rec, seed, preferAllowed));
    const setupMs = performance.now() - setupStart;
    const connected = await server.stats({ gc: true });

    const starts = await Promise.all(classes.map((cls) => cls.hostAsk('host:round:start', { algorithm: 'raft', preset: preset!.id, teamSize: null, crashOnDisconnect: true })));
    const refusedStart = starts.find((a) => !a.ok);
    if (refusedStart && !refusedStart.ok) throw new Error(`host:round:start refused: ${refusedStart.refusal.message}`);
    await Promise.all(classes.map((cls) => untilInRound(cls, 15_000)));
    const inRound = await server.stats({ gc: true });

    for (const cls of classes) for (const s of cls.students) s.start(scenario.rate);
    stopCrashing = crashLeaders(classes, crashEveryS);
    await sleep(warmupS * 1000);

    // The measured window.
    const genDelay = monitorEventLoopDelay({ resolution: 10 });
    genDelay.enable();
    const genCpu0 = process.cpuUsage();
    const s0 = await server.stats({ reset: true, events: true });
    rec.windowStart = performance.now();
    const perSecond: number[] = [];
    const rssMb: number[] = [];
    let previous = s0;
    const sampler = setInterval(() => {
      // An overloaded server answers late; a missed sample is only a missed sample.
      server.stats().then(
        (s) => {
          perSecond.push(cpuShare(previous, s));
          rssMb.push(s.memory.rss / 1024 / 1024);
          previous = s;
        },
        () => {},
      );
    }, 1000);
    await sleep(durationS * 1000);
    rec.windowEnd = performance.now();
    clearInterval(sampler);
    const s1 = await server.stats({ events: true });
    const genCpu = process.cpuUsage(genCpu0);
    const loadAverage = loadavg();
    genDelay.disable();
    const windowS = (rec.windowEnd - rec.windowStart) / 1000;

    for (const cls of classes) for (const s of cls.students) s.stop();
    stopCrashing();
    await sleep(DRAIN_MS);
    for (const cls of classes) for (const s of cls.students) s.finish();
    const end = await server.stats({ gc: true });

    const viewBytes = classes.flatMap((c) => c.students).map((s) => JSON.stringify(s.latest).length);
    const screenBytes = classes.reduce((sum, c) => sum + JSON.stringify(c.screen()).length, 0) / classes.length;
    report({ scenario, students, rec, windowS, setupMs, idle, connected, inRound, end, s0, s1, perSecond, genCpu, genDelay, viewBytes, screenBytes, loadAverage, rssMb });
  } finally {
    stopCrashing();
    for (const cls of classes) for (const s of cls.students) s.stop();
    disconnectAll();
    const profile = await server.stop();
    if (profile) printProfile(profile);
  }
}

interface Measured {
  scenario: Scenario;
  students: number;
  rec: Recorder;
  windowS: number;
  setupMs: number;
  idle: ServerStats;
  connected: ServerStats;
  inRound: ServerStats;
  end: ServerStats;
  s0: ServerStats;
  s1: ServerStats;
  perSecond: number[];
  genCpu: NodeJS.CpuUsage;
  genDelay: ReturnType<typeof monitorEventLoopDelay>;
  viewBytes: number[];
  screenBytes: number;
  loadAverage: number[];
  rssMb: number[];
}

function report(m: Measured): void {
  const { rec, windowS, students, scenario } = m;
  const view = percentiles(rec.viewMs);
  const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
  const target = scenario.targetP99Ms;
  console.log(`  setup: ${students} students + ${scenario.rooms * 2} host/projector sockets connected and seated in ${fmt(m.setupMs / 1000)} s`);
  console.log(`  clicks sent ${rec.clicks} (${fmt(rec.clicks / windowS)}/s): accepted ${rec.accepted}, refused ${rec.refused}, no ack within 5 s ${rec.noAck}; no move to click ${rec.idle}`);
  console.log(`    accepted: ${top(rec.acceptedByType)}`);
  console.log(`    refused:  ${top(rec.refusedByCode)}`);
  console.log(`  click-to-view (accepted moves that change the node): ${latencyLine(rec.viewMs)}`);
  if (target !== null) console.log(`    target p99 <= ${target} ms: ${verdict(view.p99 <= target)}`);
  for (const [type, samples] of [...rec.viewMsByType.entries()].sort()) console.log(`    ${type.padEnd(17)} ${latencyLine(samples)}`);
  console.log(`    not measured: ${rec.doubleTaps} double taps (same move as one in flight or accepted < 450 ms before: the server folds it into the first answer), ${rec.acceptedByType.get('RefuseVote') ?? 0} RefuseVote (only sends a message); views that never came: ${rec.missingViews}`);
  console.log(`  click-to-ack (all moves): ${latencyLine(rec.ackMs)}`);
  const bytes = m.viewBytes.reduce((a, b) => a + b, 0) / Math.max(1, m.viewBytes.length);
  console.log(`  views received: game:seat ${fmt(rec.seatViews / windowS)}/s to students (${fmt(rec.seatViews / windowS / students, 2)}/s each, ~${fmt(bytes / 1024)} KB of JSON each), game:view ${fmt(rec.screenViews / windowS)}/s (~${fmt(m.screenBytes / 1024)} KB each) and room:view ${fmt(rec.roomViews / windowS)}/s to hosts and projectors; unexpected disconnects: ${rec.disconnects.size === 0 ? 'none' : top(rec.disconnects)}`);
  const eld = m.s1.eventLoopDelayMs;
  const peak = m.perSecond.length ? Math.max(...m.perSecond) : Number.NaN;
  const cpuPerClick = (cpuMs(m.s1) - cpuMs(m.s0)) / Math.max(1, rec.clicks);
  console.log(`  server CPU: ${fmt(cpuShare(m.s0, m.s1) * 100, 0)} % of one core on average, peak ${fmt(peak * 100, 0)} % (1-s samples); ${fmt(cpuPerClick, 2)} ms of CPU per click, all work included (ticks, views)`);
  const rows = (m.s1.events ?? 0) - (m.s0.events ?? 0);
  console.log(`  event log: ${rows} rows appended in the window (${fmt(rows / windowS, 0)}/s, ${fmt(rows / Math.max(1, rec.clicks), 2)} per click; refused moves are logged too)`);
  const a = m.s0.scheduler;
  const b = m.s1.scheduler;
  if (a && b) {
    const wallS = (m.s1.wallMs - m.s0.wallMs) / 1000;
    console.log(`  server main thread runnable but waiting for a core (run queue): ${fmt((b.waiting - a.waiting) / wallS, 0)} ms per second; machine load average ${m.loadAverage.map((l) => fmt(l, 2)).join(' ')} (1/5/15 min) at the end`);
  }
  console.log(`  server event-loop delay: p50 ${fmt(eld.p50)} ms  p90 ${fmt(eld.p90)} ms  p99 ${fmt(eld.p99)} ms  max ${fmt(eld.max)} ms  (mean ${fmt(eld.mean)} ms; lateness of a ${eld.resolution} ms timer)`);
  const perStudent = (a: ServerStats, b: ServerStats, key: 'rss' | 'heapUsed' | 'external') => kb(b.memory[key] - a.memory[key]) / students;
  const rssPer = perStudent(m.idle, m.connected, 'rss');
  console.log(`  server memory (after GC; "idle" is after a 5-student warm-up class came and went): idle rss ${mb(m.idle.memory.rss)} MB heap ${mb(m.idle.memory.heapUsed)} MB; all connected and seated rss ${mb(m.connected.memory.rss)} MB heap ${mb(m.connected.memory.heapUsed)} MB; round running rss ${mb(m.inRound.memory.rss)} MB heap ${mb(m.inRound.memory.heapUsed)} MB; after the run rss ${mb(m.end.memory.rss)} MB heap ${mb(m.end.memory.heapUsed)} MB`);
  console.log(`    per connected student, idle -> connected: rss ${fmt(rssPer)} KB, heap ${fmt(perStudent(m.idle, m.connected, 'heapUsed'))} KB, external ${fmt(perStudent(m.idle, m.connected, 'external'))} KB   target <= ${TARGET_KB_PER_STUDENT} KB (rss): ${verdict(rssPer <= TARGET_KB_PER_STUDENT)}`);
  const sample = (q: number) => m.rssMb[Math.min(m.rssMb.length - 1, Math.floor((q * m.rssMb.length) / 4))] ?? Number.NaN;
  console.log(`    rss during the window (no GC) at 0/25/50/75/100 %: ${[0, 1, 2, 3, 4].map((q) => fmt(sample(q), 0)).join(' / ')} MB; after the run heapTotal ${mb(m.end.memory.heapTotal)} MB, arrayBuffers ${mb(m.end.memory.arrayBuffers)} MB`);
  console.log(`    per student with the round: idle -> round running rss ${fmt(perStudent(m.idle, m.inRound, 'rss'))} KB, heap ${fmt(perStudent(m.idle, m.inRound, 'heapUsed'))} KB; idle -> after the run rss ${fmt(perStudent(m.idle, m.end, 'rss'))} KB, heap ${fmt(perStudent(m.idle, m.end, 'heapUsed'))} KB`);
  const genShare = (m.genCpu.user + m.genCpu.system) / 1000 / (windowS * 1000);
  console.log(`  generator (this process, same machine): CPU ${fmt(genShare * 100, 0)} % of one core, event-loop delay p99 ${fmt(Math.max(0, m.genDelay.percentile(99) / 1e6 - 10))} ms max ${fmt(Math.max(0, m.genDelay.max / 1e6 - 10))} ms (its delays are inside the latencies above)`);
}

function printProfile(file: string): void {
  const summary = summarizeProfile(file, process.cwd());
  const busy = summary.totalMs - summary.idleMs;
  console.log(`\n  Server CPU profile (${file}): ${fmt(summary.totalMs / 1000)} s profiled, ${fmt(busy / 1000)} s busy (whole child life, setup included)`);
  console.log('    self time (share of busy time):');
  for (const f of summary.self) console.log(`      ${fmt(f.share * 100).padStart(5)} %  ${fmt(f.ms, 0).padStart(7)} ms  ${f.name}  ${f.where}`);
  console.log('    total time of the project\'s functions (self + callees):');
  for (const f of summary.inclusive) console.log(`      ${fmt(f.share * 100).padStart(5)} %  ${fmt(f.ms, 0).padStart(7)} ms  ${f.name}  ${f.where}`);
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const scenarios = chosenScenarios();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Load benchmark (${new Date().toISOString()}): node ${process.version}, ${availableParallelism()} cores (${cpu}), load average ${loadavg().map((l) => fmt(l, 2)).join(' ')}, SQLite synchronous=${process.env.SQLITE_SYNCHRONOUS ?? 'NORMAL'}`);
  console.log('Server: bench/load-server.ts in a child process: the real game server (attachGameServer: socket.io, SQLite event log in a temp dir,');
  console.log('  registry, broadcaster, round ticker) on a bare HTTP server at 127.0.0.1, without Next.js; NODE_ENV=production.');
  console.log('Generator: this process, headless socket.io-client players (websocket transport), on the SAME machine: it competes with');
  console.log(`  the server for the ${availableParallelism()} cores, and its own event-loop delay is part of every latency below.`);
  console.log(`Students pick an allowed move from their latest game:seat with probability ${preferAllowed} (when one is allowed), else any move shown`);
  console.log('  (greyed ones are refused with their rule); RefuseVote is picked 5x less often than other moves.');
  // Bounded: whatever happens, stop (the child dies with our stdin).
  const budgetMs = scenarios.length * (durationS + warmupS + 120) * 1000;
  setTimeout(() => {
    console.error(`load benchmark: still running after ${budgetMs / 1000} s, giving up`);
    process.exit(2);
  }, budgetMs).unref();
  for (const scenario of scenarios) await runScenario(scenario);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
