/**
 * `npx tsx bench/relay-trace.ts [--duration 20] [--warmup 25] [--students 60] [--rate 2]`:
 * where the slow clicks of issue 12's relay row spend their time. One run of the game server
 * (scenario 1 by default: one cluster of 60, 2 clicks/s) with the server's turn trace
 * (TURN_TRACE, bench/turn-trace.ts) and the generator's click trace (LOAD_CLICK_TRACE,
 * bench/load-players.ts), joined by moveId on the machine's epoch clock. Prints, for the
 * measured clicks (accepted moves that change the node), each leg's share (sent -> read by the
 * handler -> ack handed to socket.io -> the mover's view handed to socket.io -> the view read by
 * the generator), for all clicks and for the slowest 2 %; and what ran on the server while a
 * slow click waited (its spans' overlap with the click's time, per kind). Asserts nothing.
 */
import { readFileSync, rmSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fmt, percentiles } from './load-report';
import { runLoad } from './load-run';
import type { TracedClick } from './load-players';
import type { Span, SpanKind, TracedMove, TurnTrace } from './turn-trace';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '25' },
    students: { type: 'string', default: '60' },
    rate: { type: 'string', default: '2' },
    'team-size': { type: 'string' },
    slowest: { type: 'string', default: '0.02' },
    /** Node options for the server only (NODE_OPTIONS of its child process), e.g. GC settings to compare. */
    'server-node-options': { type: 'string' },
  },
});
const file = join(tmpdir(), `turn-trace-${process.pid}.json`);
process.env.TURN_TRACE = file;
process.env.LOAD_CLICK_TRACE = '1';

type Joined = { click: TracedClick; move: TracedMove; legs: Record<Leg, number>; total: number };
const LEGS = ['sent->read', 'read->run', 'run->handled', 'handled->ack', 'ack->view', 'view->seen'] as const;
type Leg = (typeof LEGS)[number];
const KINDS: SpanKind[] = ['move', 'request', 'commit', 'sqlite', 'seats', 'watchers', 'tick', 'gc'];

function legsOf(click: TracedClick, move: TracedMove): Record<Leg, number> {
  return {
    'sent->read': move.read - click.sent,
    'read->run': move.run - move.read,
    'run->handled': move.handled - move.run,
    'handled->ack': move.ack! - move.handled,
    'ack->view': move.view! - move.ack!,
    'view->seen': click.view! - move.view!,
  };
}

/** Per kind, the ms of its spans inside [from, to] (nested kinds overlap: sqlite is inside commit; gc inside anything). */
function overlap(spans: Span[], from: number, to: number): Record<SpanKind, number> {
  const out = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<SpanKind, number>;
  for (const [kind, start, end] of spans) {
    if (end <= from || start >= to) continue;
    out[kind] = (out[kind] ?? 0) + Math.min(end, to) - Math.max(start, from);
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const row = (label: string, xs: number[]) => {
  const p = percentiles(xs);
  return `    ${label.padEnd(16)} mean ${fmt(mean(xs), 2).padStart(7)}  p50 ${fmt(p.p50, 2).padStart(7)}  p99 ${fmt(p.p99, 2).padStart(7)}  max ${fmt(p.max, 2).padStart(7)} ms`;
};

/** This process's (the generator's) own GC pauses: its delays are inside every latency too. */
const generatorGc: Span[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) generatorGc.push(['gc', performance.timeOrigin + e.startTime, performance.timeOrigin + e.startTime + e.duration, (e as { detail?: { kind?: number } }).detail?.kind ?? 0, e.duration]);
}).observe({ entryTypes: ['gc'] });
/**
 * The generator's own stalls: a 1 ms timer's firings; a gap over 2 ms is this process busy (or
 * waiting for a core) while views may have been waiting in its socket.
 */
const probe: number[] = [];
const probeTimer = setInterval(() => probe.push(performance.timeOrigin + performance.now()), 1);
/** The longest gap between two probe firings that overlaps [from, to]. */
function generatorStall(from: number, to: number): number {
  let longest = 0;
  for (let i = 1; i < probe.length; i++) {
    if (probe[i]! < from) continue;
    if (probe[i - 1]! > to) break;
    longest = Math.max(longest, probe[i]! - probe[i - 1]!);
  }
  return longest;
}
const GC_KINDS: Record<number, string> = { 1: 'minor', 4: 'major', 8: 'incremental', 16: 'weak callbacks' };

async function main(): Promise<void> {
  const students = Number(flags.students);
  const teamSize = flags['team-size'] ? Number(flags['team-size']) : null;
  const scenario = { id: 'trace', rooms: 1, students, rate: Number(flags.rate), teamSize, targetP99Ms: null };
  console.log(`relay-trace (${new Date().toISOString()}): ${students} students, ${scenario.rate} clicks/s, ${teamSize ? `teams of ${teamSize}` : 'one cluster'}; server NODE_OPTIONS "${flags['server-node-options'] ?? ''}"; load average ${loadavg().map((l) => fmt(l, 2)).join(' ')}`);
  if (flags['server-node-options']) process.env.NODE_OPTIONS = flags['server-node-options'];
  const run = await runLoad(scenario, {
    server: 'game', durationS: Number(flags.duration), warmupS: Number(flags.warmup), presetId: 'raft-classroom',
    preferAllowed: 0.8, crashEveryS: 0, seed: 1, cpuProfile: false, clockRate: 1,
  });
  clearInterval(probeTimer);
  const trace = JSON.parse(readFileSync(file, 'utf8')) as TurnTrace;
  rmSync(file, { force: true });
  const clicks = run.rec.clickTrace ?? [];
  const byId = new Map(trace.moves.map((m) => [m.moveId, m]));
  const joined: Joined[] = [];
  for (const click of clicks) {
    const move = byId.get(click.moveId);
    if (!move || click.view === null || move.ack === null || move.view === null) continue;
    joined.push({ click, move, legs: legsOf(click, move), total: click.view - click.sent });
  }
  const all = percentiles(run.rec.viewMs);
  console.log(`  load average at the end ${run.loadAverage.map((l) => fmt(l, 2)).join(' ')}; click-to-view p50 ${fmt(all.p50)} p99 ${fmt(all.p99)} max ${fmt(all.max)} ms (n=${all.n}); joined with the server's trace: ${joined.length}`);
  const reads = clicks.map((c) => byId.get(c.moveId)).filter((m): m is TracedMove => m !== undefined);
  const skew = Math.min(...clicks.filter((c) => byId.has(c.moveId)).map((c) => byId.get(c.moveId)!.read - c.sent));
  console.log(`  clock check: the smallest sent -> read is ${fmt(skew, 3)} ms (must be >= 0; the two processes share the machine's clock); ${reads.length} clicks read`);
  if (joined.length === 0) return;

  const sorted = joined.slice().sort((a, b) => a.total - b.total);
  const cut = Math.max(1, Math.round(sorted.length * Number(flags.slowest)));
  const slow = sorted.slice(-cut);
  for (const [label, set] of [['all measured clicks', sorted], [`the slowest ${cut} (>= ${fmt(slow[0]!.total, 2)} ms)`, slow]] as const) {
    console.log(`  ${label}: legs (ms)`);
    console.log(row('total', set.map((j) => j.total)));
    for (const leg of LEGS) console.log(row(leg, set.map((j) => j.legs[leg])));
    console.log(row('views before it', set.map((j) => j.move.place ?? 0)).replace(/ ms$/, ''));
    console.log(`    views engine.io held back behind an earlier write: ${set.filter((j) => j.move.heldBack).length} of ${set.length}; the generator's longest stall inside view->seen: mean ${fmt(mean(set.map((j) => generatorStall(j.move.view!, j.click.view!))), 2)} ms`);
  }

  // What ran on the server while each slow click waited, from its send to its view leaving.
  console.log(`  the slowest ${cut}: server work overlapping each click's time (sent -> its view handed to socket.io), mean ms per click`);
  const sums = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<SpanKind, number>;
  for (const j of slow) {
    const o = overlap(trace.spans, j.click.sent, j.move.view!);
    for (const k of KINDS) sums[k] += o[k];
  }
  console.log(`    ${KINDS.map((k) => `${k} ${fmt(sums[k] / slow.length, 2)}`).join('  ')}  (of ${fmt(mean(slow.map((j) => j.move.view! - j.click.sent)), 2)} ms)`);
  for (const j of slow.slice(-8).reverse()) {
    const o = overlap(trace.spans, j.click.sent, j.move.view!);
    const biggest = trace.spans.filter(([, s, e]) => e > j.click.sent && s < j.move.view!).sort((a, b) => b[2] - b[1] - (a[2] - a[1]))[0];
    console.log(`    ${j.click.moveId} ${j.click.type}: ${fmt(j.total, 2)} ms = ${LEGS.map((l) => fmt(j.legs[l], 2)).join(' + ')}; views before it ${j.move.place}${j.move.heldBack ? ' (held back by engine.io)' : ''}; generator stall in view->seen ${fmt(generatorStall(j.move.view!, j.click.view!), 1)} ms; ${KINDS.filter((k) => o[k] > 0.05).map((k) => `${k} ${fmt(o[k], 2)}`).join(', ')}; longest span ${biggest ? `${biggest[0]} ${fmt(biggest[2] - biggest[1], 2)} ms` : 'none'}`);
  }

  // The server's spans in the window, per kind.
  const inWindow = trace.spans.filter(([, s]) => s >= performance.timeOrigin + run.rec.windowStart && s < performance.timeOrigin + run.rec.windowEnd);
  console.log('  server spans in the window, per kind: count; wall ms p50 / p99 / max; CPU ms p50 / p99 / max; spans over 1 and 2 ms of CPU');
  const line = (label: string, of: Span[]) => {
    if (of.length === 0) return;
    const w = percentiles(of.map((s) => s[2] - s[1]));
    const c = percentiles(of.map((s) => s[4]));
    const over = (ms: number) => of.filter((s) => s[4] > ms).length;
    console.log(`    ${label.padEnd(12)} ${String(of.length).padStart(6)}  wall ${fmt(w.p50, 3)} / ${fmt(w.p99, 3)} / ${fmt(w.max, 3)}  CPU ${fmt(c.p50, 3)} / ${fmt(c.p99, 3)} / ${fmt(c.max, 3)}  >1 ms ${over(1)}, >2 ms ${over(2)}; CPU total ${fmt(of.reduce((a, s) => a + s[4], 0), 0)} ms`);
  };
  for (const kind of KINDS) {
    if (kind === 'gc') for (const gcKind of [1, 4, 8, 16]) line(`gc ${GC_KINDS[gcKind]}`, inWindow.filter((s) => s[0] === 'gc' && s[3] === gcKind));
    else line(kind, inWindow.filter((s) => s[0] === kind));
  }
  const genGc = generatorGc.filter(([, s]) => s >= performance.timeOrigin + run.rec.windowStart && s < performance.timeOrigin + run.rec.windowEnd);
  for (const gcKind of [1, 4]) line(`generator gc ${GC_KINDS[gcKind]}`, genGc.filter((s) => s[3] === gcKind));
  const seenGc = slow.map((j) => overlap(generatorGc, j.move.view!, j.click.view!).gc);
  console.log(`    the slowest ${cut}: the generator's GC inside view->seen, mean ${fmt(mean(seenGc), 2)} ms (view->seen mean ${fmt(mean(slow.map((j) => j.legs['view->seen'])), 2)} ms)`);
  const t0 = performance.timeOrigin + run.rec.windowStart;
  const slowWrites = inWindow.filter((s) => s[0] === 'sqlite' && s[2] - s[1] > 3);
  console.log(`    SQLite transactions over 3 ms (wall), at s into the window (wall / CPU ms): ${slowWrites.map((s) => `${fmt((s[1] - t0) / 1000, 1)} s (${fmt(s[2] - s[1], 1)} / ${fmt(s[4], 1)})`).join(', ') || 'none'}`);
  const seats = inWindow.filter((s) => s[0] === 'seats');
  console.log(`    seats flushes: views sent p50 ${percentiles(seats.map((s) => s[3])).p50} p99 ${percentiles(seats.map((s) => s[3])).p99} max ${percentiles(seats.map((s) => s[3])).max}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
