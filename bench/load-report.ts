/**
 * Prints one run of `npm run load` (bench/load-run.ts): latencies, views, bytes per
 * audience, the server's CPU, event-loop delay and memory, and the generator's share.
 */
import type { ServerStats } from './load-child';
import type { Audience } from './load-bytes';
import { summarizeProfile } from './load-profile';
import { cpuMs, cpuShare, type Measured } from './load-run';

const TARGET_KB_PER_STUDENT = 40;

export const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const kb = (bytes: number) => bytes / 1024;
const mb = (bytes: number) => fmt(bytes / 1024 / 1024, 1);

export function percentiles(samples: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const sorted = samples.slice().sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

export const latencyLine = (samples: number[]) => {
  const p = percentiles(samples);
  return `p50 ${fmt(p.p50)} ms  p95 ${fmt(p.p95)} ms  p99 ${fmt(p.p99)} ms  max ${fmt(p.max)} ms  (n=${p.n})`;
};

const top = (map: Map<string, number>, count = 6) =>
  [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([k, v]) => `${k} ${v}`).join(', ');

/** Bytes a second per socket of an audience, and each event's count and mean / max size. */
function audienceLine(m: Measured, audience: Audience, sockets: number): string {
  const bytes = m.rec.bytes;
  const total = bytes.total(audience);
  const events = [...bytes.byAudience[audience].entries()]
    .sort((a, b) => b[1].chars - a[1].chars)
    .map(([event, s]) => `${event} ${fmt(s.count / m.windowS)}/s mean ${fmt(kb(s.chars / s.count))} KB max ${fmt(kb(s.max))} KB`)
    .join('; ');
  const wire = kb(bytes.wire[audience]) / m.windowS;
  return `${audience} (${sockets} sockets): ${fmt(kb(total.chars) / m.windowS)} KB/s of JSON in all, ${fmt(kb(total.chars) / m.windowS / Math.max(1, sockets), 2)} KB/s per socket (on the wire, compressed where sent so: ${fmt(wire / Math.max(1, sockets), 2)} KB/s per socket); ${events}`;
}

export function report(m: Measured): void {
  const { rec, windowS, students, scenario } = m;
  const view = percentiles(rec.viewMs);
  const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
  const target = scenario.targetP99Ms;
  console.log(`  setup: ${students} students + ${scenario.rooms * 2} host/projector sockets connected and seated in ${fmt(m.setupMs / 1000)} s`);
  console.log(`  clicks sent ${rec.clicks} (${fmt(rec.clicks / windowS)}/s): accepted ${rec.accepted}, refused ${rec.refused}, no ack within 5 s ${rec.noAck}; no move to click ${rec.idle}`);
  console.log(`    accepted: ${top(rec.acceptedByType)}`);
  if (rec.refused > 0) console.log(`    refused:  ${top(rec.refusedByCode)}`);
  console.log(`  click-to-view (accepted moves that change the node): ${latencyLine(rec.viewMs)}`);
  if (target !== null) console.log(`    target p99 <= ${target} ms: ${verdict(view.p99 <= target)}`);
  for (const [type, samples] of [...rec.viewMsByType.entries()].sort()) console.log(`    ${type.padEnd(17)} ${latencyLine(samples)}`);
  console.log(`    not measured: ${rec.doubleTaps} double taps (same move as one in flight or accepted < 450 ms before: the server folds it into the first answer), ${rec.acceptedByType.get('RefuseVote') ?? 0} RefuseVote (only sends a message); views that never came: ${rec.missingViews}`);
  console.log(`  click-to-ack (all moves): ${latencyLine(rec.ackMs)}`);
  const bytes = m.viewBytes.reduce((a, b) => a + b, 0) / Math.max(1, m.viewBytes.length);
  console.log(`  views received: game:seat ${fmt(rec.seatViews / windowS)}/s to students (${fmt(rec.seatViews / windowS / students, 2)}/s each, last one ~${fmt(bytes / 1024)} KB of JSON), game:view ${fmt(rec.screenViews / windowS)}/s (last one ~${fmt(m.screenBytes / 1024)} KB) and room:view ${fmt(rec.roomViews / windowS)}/s to hosts and projectors; unexpected disconnects: ${rec.disconnects.size === 0 ? 'none' : top(rec.disconnects)}`);
  console.log(`  bytes received in the window (text frames, acks included), per audience:`);
  console.log(`    ${audienceLine(m, 'students', students)}`);
  console.log(`    ${audienceLine(m, 'watchers', scenario.rooms * 2)}`);
  const eld = m.s1.eventLoopDelayMs;
  const peak = m.perSecond.length ? Math.max(...m.perSecond) : Number.NaN;
  const cpuPerClick = (cpuMs(m.s1) - cpuMs(m.s0)) / Math.max(1, rec.clicks);
  console.log(`  server CPU: ${fmt(cpuShare(m.s0, m.s1) * 100, 0)} % of one core on average, peak ${fmt(peak * 100, 0)} % (1-s samples); ${fmt(cpuPerClick, 2)} ms of CPU per click, all work included (ticks, views)`);
  if (m.s1.events !== null) {
    const rows = (m.s1.events ?? 0) - (m.s0.events ?? 0);
    console.log(`  event log: ${rows} rows appended in the window (${fmt(rows / windowS, 0)}/s, ${fmt(rows / Math.max(1, rec.clicks), 2)} per click; refused moves are logged too)`);
  }
  const a = m.s0.scheduler;
  const b = m.s1.scheduler;
  if (a && b) {
    const wallS = (m.s1.wallMs - m.s0.wallMs) / 1000;
    console.log(`  server main thread runnable but waiting for a core (run queue): ${fmt((b.waiting - a.waiting) / wallS, 0)} ms per second; machine load average ${m.loadAverage.map((l) => fmt(l, 2)).join(' ')} (1/5/15 min) at the end`);
  }
  console.log(`  server event-loop delay: p50 ${fmt(eld.p50)} ms  p90 ${fmt(eld.p90)} ms  p99 ${fmt(eld.p99)} ms  max ${fmt(eld.max)} ms  (mean ${fmt(eld.mean)} ms; lateness of a ${eld.resolution} ms timer)`);
  const stalls = m.s1.loopCpuMs;
  if (stalls) console.log(`  server main-thread CPU between two 10 ms timer firings (the loop's stalls, without the wait for a core): p50 ${fmt(stalls.p50)} ms  p99 ${fmt(stalls.p99)} ms  max ${fmt(stalls.max)} ms; ${stalls.over50} of ${stalls.count} over 50 ms`);
  const perStudent = (x: ServerStats, y: ServerStats, key: 'rss' | 'heapUsed' | 'external') => kb(y.memory[key] - x.memory[key]) / students;
  const rssPer = perStudent(m.idle, m.connected, 'rss');
  console.log(`  server memory (after GC; "idle" is after a 5-student warm-up class came and went): idle rss ${mb(m.idle.memory.rss)} MB heap ${mb(m.idle.memory.heapUsed)} MB; all connected and seated rss ${mb(m.connected.memory.rss)} MB heap ${mb(m.connected.memory.heapUsed)} MB; round running rss ${mb(m.inRound.memory.rss)} MB heap ${mb(m.inRound.memory.heapUsed)} MB; after the run rss ${mb(m.end.memory.rss)} MB heap ${mb(m.end.memory.heapUsed)} MB`);
  console.log(`    per connected student, idle -> connected: rss ${fmt(rssPer)} KB, heap ${fmt(perStudent(m.idle, m.connected, 'heapUsed'))} KB, external ${fmt(perStudent(m.idle, m.connected, 'external'))} KB   target <= ${TARGET_KB_PER_STUDENT} KB (rss): ${verdict(rssPer <= TARGET_KB_PER_STUDENT)}`);
  const sample = (q: number) => m.rssMb[Math.min(m.rssMb.length - 1, Math.floor((q * m.rssMb.length) / 4))] ?? Number.NaN;
  console.log(`    rss during the window (no GC) at 0/25/50/75/100 %: ${[0, 1, 2, 3, 4].map((q) => fmt(sample(q), 0)).join(' / ')} MB; after the run heapTotal ${mb(m.end.memory.heapTotal)} MB, arrayBuffers ${mb(m.end.memory.arrayBuffers)} MB`);
  console.log(`    per student with the round: idle -> round running rss ${fmt(perStudent(m.idle, m.inRound, 'rss'))} KB, heap ${fmt(perStudent(m.idle, m.inRound, 'heapUsed'))} KB; idle -> after the run rss ${fmt(perStudent(m.idle, m.end, 'rss'))} KB, heap ${fmt(perStudent(m.idle, m.end, 'heapUsed'))} KB`);
  const genShare = (m.genCpu.user + m.genCpu.system) / 1000 / (windowS * 1000);
  console.log(`  generator (this process, same machine): CPU ${fmt(genShare * 100, 0)} % of one core, event-loop delay p99 ${fmt(Math.max(0, m.genDelay.percentile(99) / 1e6 - 10))} ms max ${fmt(Math.max(0, m.genDelay.max / 1e6 - 10))} ms (its delays are inside the latencies above)`);
  if (m.profile) printProfile(m.profile);
}

function printProfile(file: string): void {
  const summary = summarizeProfile(file, process.cwd());
  const busy = summary.totalMs - summary.idleMs;
  console.log(`\n  Server CPU profile (${file}): ${fmt(summary.totalMs / 1000)} s profiled, ${fmt(busy / 1000)} s busy (whole child life, setup included)`);
  console.log('    self time (share of busy time):');
  for (const f of summary.self) console.log(`      ${fmt(f.share * 100).padStart(5)} %  ${fmt(f.ms, 0).padStart(7)} ms  ${f.name}  ${f.where}`);
  console.log("    total time of the project's functions (self + callees):");
  for (const f of summary.inclusive) console.log(`      ${fmt(f.share * 100).padStart(5)} %  ${fmt(f.ms, 0).padStart(7)} ms  ${f.name}  ${f.where}`);
}
