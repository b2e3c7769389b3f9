/**
 * One measured run of `npm run load`: start a server under test in a child process (the
 * real game server, or the bare relay of bench/relay-server.ts), open the classes, start
 * their rounds, click for the warm-up and the measured window, and return what was seen.
 * Printing is bench/load-report.ts's job; choosing runs is bench/load.ts's.
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startChildServer, type ChildServer, type ServerStats } from './load-child';
import { disconnectAll, openClass, Recorder, untilInRound, warmUp, type LoadClass } from './load-players';

export interface Scenario {
  id: string;
  rooms: number;
  students: number;
  rate: number;
  /** Students per team (teams of the round), or null for one cluster per room. */
  teamSize: number | null;
  targetP99Ms: number | null;
}

export type ServerKind = 'game' | 'relay';

export interface RunOptions {
  server: ServerKind;
  durationS: number;
  warmupS: number;
  presetId: string;
  preferAllowed: number;
  crashEveryS: number;
  seed: number;
  cpuProfile: boolean;
  /** The room clock's rate (the host's 'host:clock' rate; the soak's quiet rooms run at 4). */
  clockRate: number;
  port?: number;
  /** The relay answers with views of this many characters (the game's mean seat view). */
  relayViewChars?: number;
}

export interface Measured {
  scenario: Scenario;
  server: ServerKind;
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
  profile: string | null;
}

/** Classes opened at once while setting up (each opens its students in parallel). */
const OPEN_CONCURRENCY = 4;
const DRAIN_MS = 2_000;
const SCRIPTS: Record<ServerKind, string> = { game: 'bench/load-server.ts', relay: 'bench/relay-server.ts' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const cpuMs = (s: ServerStats) => (s.cpu.user + s.cpu.system) / 1000;
export const cpuShare = (a: ServerStats, b: ServerStats) => (cpuMs(b) - cpuMs(a)) / (b.wallMs - a.wallMs);

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))));
  return out;
}

/** The host crashes each team's leader every `everyS` seconds and restarts it 5 s later. */
function crashLeaders(classes: LoadClass[], everyS: number): () => void {
  if (everyS <= 0) return () => {};
  const timers: NodeJS.Timeout[] = [];
  timers.push(
    setInterval(() => {
      for (const cls of classes) {
        (cls.screen()?.teams ?? []).forEach((team, t) => {
          const leader = team.nodes.find((n) => n.role === 'leader' && n.status === 'live');
          if (!leader) return;
          void cls.hostAsk('host:fault', { team: t, fault: { type: 'CrashNode', node: leader.index } });
          timers.push(setTimeout(() => void cls.hostAsk('host:fault', { team: t, fault: { type: 'RestartNode', node: leader.index } }), 5_000));
        });
      }
    }, everyS * 1000),
  );
  return () => timers.forEach((t) => clearTimeout(t));
}

export async function runLoad(scenario: Scenario, options: RunOptions): Promise<Measured> {
  const server: ChildServer = await startChildServer({ cpuProfile: options.cpuProfile, script: SCRIPTS[options.server], port: options.port, env: { ...process.env, ...(options.relayViewChars && { RELAY_VIEW_CHARS: String(Math.round(options.relayViewChars)) }) } });
  const rec = new Recorder();
  let classes: LoadClass[] = [];
  let stopCrashing = () => {};
  let measured: Omit<Measured, 'profile'> | null = null;
  let profile: string | null = null;
  try {
    await warmUp(server.url);
    const idle = await server.stats({ gc: true });
    const setupStart = performance.now();
    // Every class's screen is followed only when the host crashes leaders from it; else one is (its size is reported).
    const followScreen = (i: number) => options.crashEveryS > 0 || i === 0;
    classes = await inBatches(scenario.rooms, OPEN_CONCURRENCY, (i) => openClass(server.url, i, scenario.students, rec, options.seed, options.preferAllowed, followScreen(i)));
    const setupMs = performance.now() - setupStart;
    const connected = await server.stats({ gc: true });

    const start = { algorithm: 'raft', preset: options.presetId, teamSize: scenario.teamSize, crashOnDisconnect: true };
    const starts = await Promise.all(classes.map((cls) => cls.hostAsk('host:round:start', start)));
    const refusedStart = starts.find((a) => !a.ok);
    if (refusedStart && !refusedStart.ok) throw new Error(`host:round:start refused: ${refusedStart.refusal.message}`);
    if (options.clockRate !== 1) await Promise.all(classes.map((cls) => cls.hostAsk('host:clock', { action: 'rate', rate: options.clockRate })));
    await Promise.all(classes.map((cls) => untilInRound(cls, 30_000)));
    const inRound = await server.stats({ gc: true });

    for (const cls of classes) for (const s of cls.students) s.start(scenario.rate);
    stopCrashing = crashLeaders(classes, options.crashEveryS);
    await sleep(options.warmupS * 1000);

    // The measured window.
    const genDelay = monitorEventLoopDelay({ resolution: 10 });
    genDelay.enable();
    const genCpu0 = process.cpuUsage();
    const s0 = await server.stats({ reset: true, events: true });
    rec.windowStart = performance.now();
    rec.bytes.markWire('start');
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
    await sleep(options.durationS * 1000);
    rec.windowEnd = performance.now();
    rec.bytes.markWire('end');
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

    const viewBytes = classes.flatMap((c) => c.students).map((s) => s.latestChars);
    const followed = classes.filter((c) => c.screen() !== null);
    const screenBytes = followed.reduce((sum, c) => sum + JSON.stringify(c.screen()).length, 0) / Math.max(1, followed.length);
    const students = scenario.rooms * scenario.students;
    measured = { scenario, server: options.server, students, rec, windowS, setupMs, idle, connected, inRound, end, s0, s1, perSecond, genCpu, genDelay, viewBytes, screenBytes, loadAverage, rssMb };
  } finally {
    stopCrashing();
    for (const cls of classes) for (const s of cls.students) s.stop();
    disconnectAll();
    profile = await server.stop();
  }
  return { ...measured, profile };
}
