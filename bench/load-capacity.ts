/**
 * `npm run load:capacity`: the largest number of students one server process holds with
 * click-to-view p99 <= 100 ms, in rooms of 30 (teams of 5), each student clicking once a
 * second. Probes double from `from` until one fails, then bisect between the last that
 * held and the first that did not, to one room (30 students) or 10 %, whichever is more.
 * Each probe is a fresh server and a full run of bench/load-run.ts.
 */
import { loadavg } from 'node:os';
import { fmt, percentiles } from './load-report';
import { cpuShare, runLoad, type Measured, type RunOptions } from './load-run';

const ROOM = 30;
const RATE = 1;
const TARGET_P99_MS = 100;

export interface CapacityOptions {
  from: number;
  max: number;
  teamSize: number;
}

/** A probe holds when the p99 is within the target and no student lost a move or its socket. */
function verdict(m: Measured): { holds: boolean; why: string } {
  const p99 = percentiles(m.rec.viewMs).p99;
  const lost = m.rec.noAck + m.rec.missingViews + [...m.rec.disconnects.values()].reduce((a, b) => a + b, 0);
  if (m.rec.viewMs.length === 0) return { holds: false, why: 'no view measured' };
  if (lost > 0) return { holds: false, why: `${m.rec.noAck} moves unanswered, ${m.rec.missingViews} views missing, ${lost - m.rec.noAck - m.rec.missingViews} sockets dropped` };
  return p99 <= TARGET_P99_MS ? { holds: true, why: `p99 ${fmt(p99)} ms <= ${TARGET_P99_MS}` } : { holds: false, why: `p99 ${fmt(p99)} ms > ${TARGET_P99_MS}` };
}

async function probe(students: number, options: RunOptions, teamSize: number): Promise<boolean> {
  const rooms = Math.ceil(students / ROOM);
  const scenario = { id: `capacity-${rooms * ROOM}`, rooms, students: ROOM, rate: RATE, teamSize, targetP99Ms: TARGET_P99_MS };
  const before = loadavg()[0]!;
  let m: Measured;
  try {
    m = await runLoad(scenario, options);
  } catch (error) {
    console.log(`  ${String(rooms * ROOM).padStart(5)} students: FAILED to run (${(error as Error).message}); load average ${fmt(before, 2)}`);
    return false;
  }
  const { holds, why } = verdict(m);
  const ack = percentiles(m.rec.ackMs);
  const view = percentiles(m.rec.viewMs);
  const wait = m.s0.scheduler && m.s1.scheduler ? (m.s1.scheduler.waiting - m.s0.scheduler.waiting) / ((m.s1.wallMs - m.s0.wallMs) / 1000) : Number.NaN;
  console.log(
    `  ${String(rooms * ROOM).padStart(5)} students (${rooms} rooms): ${holds ? 'HOLDS ' : 'MISSES'} ${why}; view p50 ${fmt(view.p50)} p99 ${fmt(view.p99)} max ${fmt(view.max)} ms (n=${view.n}); ack p99 ${fmt(ack.p99)} ms; ` +
      `server CPU ${fmt(cpuShare(m.s0, m.s1) * 100, 0)} %, waited ${fmt(wait, 0)} ms/s for a core; load average ${fmt(before, 2)} -> ${fmt(m.loadAverage[0]!, 2)}`,
  );
  return holds;
}

export async function searchCapacity(options: RunOptions, { from, max, teamSize }: CapacityOptions): Promise<void> {
  const rounded = (n: number) => Math.max(ROOM, Math.round(n / ROOM) * ROOM);
  console.log(`\nCapacity search: rooms of ${ROOM}, teams of ${teamSize}, ${RATE} click/s each, target click-to-view p99 <= ${TARGET_P99_MS} ms, no lost move or socket;`);
  console.log(`  each probe: a fresh server, ${options.warmupS} s warm-up, ${options.durationS} s measured. Doubling from ${rounded(from)}, then bisection.`);
  let low = 0;
  let high: number | null = null;
  for (let n = rounded(from); n <= max; n = rounded(n * 2)) {
    if (await probe(n, options, teamSize)) low = n;
    else {
      high = n;
      break;
    }
  }
  if (high === null) {
    console.log(`\nCapacity: at least ${low} students (every probe up to --max ${max} held)`);
    return;
  }
  while (high - low > Math.max(ROOM, Math.round(low * 0.1))) {
    const middle = rounded((low + high) / 2);
    if (middle <= low || middle >= high) break;
    if (await probe(middle, options, teamSize)) low = middle;
    else high = middle;
  }
  console.log(`\nCapacity: ${low} students held (p99 <= ${TARGET_P99_MS} ms); ${high} did not. Load average now ${loadavg().map((l) => fmt(l, 2)).join(' ')} (shared machine: read it beside the figure).`);
}
