/**
 * `npm run load`: the load benchmark. Prints figures; asserts nothing.
 *
 * Starts a server under test in a child process (bench/load-server.ts: the real game
 * server, attachGameServer on a bare HTTP server, no Next.js, NODE_ENV=production, a
 * loopback port, a temporary data directory), then plays classes against it from this
 * process with headless socket.io players (bench/load-players.ts), and reports
 * click-to-view and click-to-ack latency, views and bytes per audience, the server's CPU,
 * event-loop delay and memory (bench/load-run.ts, bench/load-report.ts).
 *
 *   npm run load                          both scenarios, 40 s measured each
 *   npm run load -- --scenario 1          one room of 60 students at 2 clicks/s
 *   npm run load -- --scenario 2          40 rooms of 30 students at 1 click/s
 *   npm run load -- --rooms 10 --students 30 --rate 1 --team-size 5     a custom scenario
 *   npm run load:relay                    scenario 1 on the game server, then on the bare relay
 *                                         (bench/relay-server.ts): both p99 and their ratio
 *   npm run load:capacity                 the largest number of students (rooms of 30, teams
 *                                         of 5, 1 click/s) with click-to-view p99 <= 100 ms
 *   npm run load:capacity -- --relay      the same search on the bare relay (--view-chars N: the
 *                                         size of its canned view, default 3800 as the game's)
 *   options: --duration S (40; 20 for --capacity)  --warmup S (5)  --preset raft-classroom
 *            --prefer-allowed 0.8  --crash-leader-every S (0 = never)  --seed N (1)
 *            --team-size N (students per team; default one cluster per room)
 *            --port N (the server under test listens there; default a free port)
 *            --runs N (--relay: pairs of interleaved runs, default 1)
 *            --from N / --max N (--capacity: first probe, largest probe; default 300 / 6000)
 *            --clock-rate R (the room clock's rate, as the host sets it; the soak's quiet rooms: 4)
 *            --cpu-prof: run the server with node --cpu-prof, keep the profile in test-results/
 *            and print where its time went (bench/load-profile.ts)
 *   env:     LOAD_DURATION_S, LOAD_WARMUP_S, LOAD_SCENARIO override the defaults too;
 *            LOAD_SERVER_NODE_FLAGS="--max-semi-space-size=32": node flags for the server under test only.
 * Figures and how to read them: docs/PERFORMANCE.md.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { findPreset } from '../shared/game/presets';
import { searchCapacity } from './load-capacity';
import { fmt, percentiles, report } from './load-report';
import { runLoad, type RunOptions, type Scenario } from './load-run';

const SCENARIOS: Record<string, Scenario> = {
  '1': { id: '1', rooms: 1, students: 60, rate: 2, teamSize: null, targetP99Ms: 50 },
  '2': { id: '2', rooms: 40, students: 30, rate: 1, teamSize: null, targetP99Ms: 100 },
};
/** The bound: the game's click-to-view p99 within 1.5 times the bare relay's. */
const RELAY_RATIO_TARGET = 1.5;

const { values: flags } = parseArgs({
  options: {
    scenario: { type: 'string', default: process.env.LOAD_SCENARIO },
    duration: { type: 'string', default: process.env.LOAD_DURATION_S },
    warmup: { type: 'string', default: process.env.LOAD_WARMUP_S ?? '5' },
    preset: { type: 'string', default: 'raft-classroom' },
    'prefer-allowed': { type: 'string', default: '0.8' },
    'crash-leader-every': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    rooms: { type: 'string' },
    students: { type: 'string' },
    rate: { type: 'string' },
    'team-size': { type: 'string' },
    port: { type: 'string' },
    relay: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    capacity: { type: 'boolean', default: false },
    from: { type: 'string', default: '300' },
    max: { type: 'string', default: '6000' },
    'view-chars': { type: 'string', default: '3800' },
    'cpu-prof': { type: 'boolean', default: false },
    'clock-rate': { type: 'string', default: '1' },
  },
});

const num = (name: string, value: string | undefined, min: number, max: number): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}, got "${value}"`);
  return n;
};
const preset = findPreset(flags.preset);
if (!preset || preset.algorithm !== 'raft') throw new Error(`--preset must be a Raft preset (raft-classroom, raft-lecture, raft-prevote), got "${flags.preset}"`);
const teamSize = flags['team-size'] ? num('team-size', flags['team-size'], 2, 300) : null;
const options: RunOptions = {
  server: 'game',
  durationS: num('duration', flags.duration ?? (flags.capacity ? '20' : '40'), 1, 600),
  warmupS: num('warmup', flags.warmup, 0, 120),
  presetId: preset.id,
  preferAllowed: num('prefer-allowed', flags['prefer-allowed'], 0, 1),
  crashEveryS: num('crash-leader-every', flags['crash-leader-every'], 0, 600),
  seed: num('seed', flags.seed, 0, 2 ** 31),
  cpuProfile: flags['cpu-prof'],
  clockRate: num('clock-rate', flags['clock-rate'], 0.25, 8),
  ...(flags.port && { port: num('port', flags.port, 1, 65_535) }),
};

function chosenScenarios(): Scenario[] {
  if (flags.rooms || flags.students || flags.rate) {
    const rooms = num('rooms', flags.rooms ?? '1', 1, 400);
    return [{ id: 'custom', rooms, students: num('students', flags.students ?? '30', 2, 300), rate: num('rate', flags.rate ?? '1', 0.1, 10), teamSize, targetP99Ms: null }];
  }
  const id = flags.scenario ?? (flags.relay ? '1' : 'all');
  if (id === 'all') return Object.values(SCENARIOS).map((s) => ({ ...s, teamSize }));
  const scenario = SCENARIOS[id];
  if (!scenario) throw new Error(`--scenario must be 1, 2 or all, got "${id}"`);
  return [{ ...scenario, teamSize }];
}

function title(scenario: Scenario, server: string): void {
  const students = scenario.rooms * scenario.students;
  const name = scenario.id === 'custom' ? 'Custom scenario' : `Scenario ${scenario.id}`;
  const teams = scenario.teamSize === null ? 'one cluster per room (teamSize null)' : `teams of ${scenario.teamSize}`;
  console.log(`\n${name} on the ${server}: ${scenario.rooms} room${scenario.rooms > 1 ? 's' : ''} x ${scenario.students} students = ${students} students, ${scenario.rate} click/s each (${fmt(students * scenario.rate, 0)} clicks/s offered)`);
  console.log(`  Raft, preset ${preset!.id}, ${teams}, a host and a projector per room; ${options.warmupS} s warm-up, then ${options.durationS} s measured`);
}

/** The game and the bare relay, interleaved, on the same scenario: p99 of each and the ratio. */
async function compareWithRelay(scenario: Scenario, runs: number): Promise<void> {
  const rows: string[] = [];
  for (let run = 1; run <= runs; run++) {
    title(scenario, 'GAME SERVER');
    const game = await runLoad(scenario, options);
    report(game);
    const seat = game.rec.bytes.byAudience.students.get('game:seat');
    const relayViewChars = seat && seat.count > 0 ? seat.chars / seat.count : undefined;
    title(scenario, `BARE RELAY (views of ${fmt((relayViewChars ?? 6000) / 1024)} KB, the game's mean)`);
    const relay = await runLoad(scenario, { ...options, server: 'relay', cpuProfile: false, relayViewChars });
    report(relay);
    const g = percentiles(game.rec.viewMs).p99;
    const r = percentiles(relay.rec.viewMs).p99;
    rows.push(`  run ${run}: game p99 ${fmt(g)} ms, relay p99 ${fmt(r)} ms, ratio ${fmt(g / r, 2)}x (target <= ${RELAY_RATIO_TARGET}x: ${g / r <= RELAY_RATIO_TARGET ? 'MET' : 'MISSED'}); load average ${game.loadAverage.map((l) => fmt(l, 2)).join(' ')} / ${relay.loadAverage.map((l) => fmt(l, 2)).join(' ')}`);
  }
  console.log(`\nClick-to-view p99, game server against the bare relay (${scenario.rooms * scenario.students} students, ${scenario.rate} clicks/s each):`);
  for (const row of rows) console.log(row);
}

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Load benchmark (${new Date().toISOString()}): node ${process.version}, ${availableParallelism()} cores (${cpu}), load average ${loadavg().map((l) => fmt(l, 2)).join(' ')}, SQLite synchronous=${process.env.SQLITE_SYNCHRONOUS ?? 'NORMAL'}, watchers' deflate ${process.env.WATCHER_DEFLATE === '0' ? 'off (WATCHER_DEFLATE=0)' : 'on'}`);
  console.log('Server: a child process on 127.0.0.1: the real game server (bench/load-server.ts: attachGameServer, socket.io, SQLite event log in a temp dir,');
  console.log('  registry, broadcaster, round ticker; no Next.js; NODE_ENV=production) or the bare relay (bench/relay-server.ts).');
  console.log('Generator: this process, headless socket.io-client players (websocket transport), on the SAME machine: it competes with');
  console.log(`  the server for the ${availableParallelism()} cores, and its own event-loop delay is part of every latency below.`);
  console.log(`Students pick an allowed move from their latest game:seat with probability ${options.preferAllowed} (when one is allowed), else any move shown`);
  console.log('  (greyed ones are refused with their rule); RefuseVote is picked 5x less often than other moves.');
  // Bounded: whatever happens, stop (the child dies with our stdin).
  const perRunS = options.durationS + options.warmupS + 180;
  const runs = flags.capacity ? 12 : flags.relay ? 2 * num('runs', flags.runs, 1, 10) : chosenScenarios().length;
  setTimeout(() => {
    console.error(`load benchmark: still running after ${runs * perRunS} s, giving up`);
    process.exit(2);
  }, runs * perRunS * 1000).unref();

  if (flags.capacity) {
    // --relay: the same search on the bare relay, the most any server can hold on this machine with this generator.
    const searched: RunOptions = flags.relay ? { ...options, server: 'relay', relayViewChars: num('view-chars', flags['view-chars'], 100, 100_000) } : options;
    if (flags.relay) console.log(`\nOn the BARE RELAY (bench/relay-server.ts), answering each click with a view of ${searched.relayViewChars} characters (--view-chars; the game's students in teams of 5 get ~3,700-4,000).`);
    await searchCapacity(searched, { from: num('from', flags.from, 30, 20_000), max: num('max', flags.max, 30, 20_000), teamSize: teamSize ?? 5 });
    return;
  }
  if (flags.relay) {
    for (const scenario of chosenScenarios()) await compareWithRelay(scenario, num('runs', flags.runs, 1, 10));
    return;
  }
  for (const scenario of chosenScenarios()) {
    title(scenario, 'game server');
    report(await runLoad(scenario, options));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
