/**
 * `npx tsx bench/double-tap-cpu.ts`: CPU per move of the double-tap memory
 * (shared/game/double-tap.ts: recall, then remember, as server/move-deduper.ts does), in
 * the first 1,000 moves of a round and once 1,000 ids are remembered (a seat after ~17
 * minutes at 1 click/s), with the garbage collector's time over the run. Prints figures
 * with the load average; asserts nothing. Figures: docs/PERFORMANCE.md (issue 12).
 */
import { loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { MOVE_IDS_PER_ROUND, recallMove, rememberMove, type MoveAsk, type SeatMoves } from '../shared/game/double-tap';

const MOVES = 100_000;
const ok = { ok: true };
const ask = (round: number, i: number): MoveAsk => ({ round, moveId: `m${i}`, content: '{"type":"SendHeartbeat"}', at: i * 1000, seq: i, nodeCrashed: false });
let gcMs = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; }).observe({ entryTypes: ['gc'] });

/** `full`: every move finds 1,000 ids remembered; otherwise each round holds 1,000 moves from empty. */
async function run(full: boolean): Promise<{ cpuUs: number; gc: number }> {
  let memory: SeatMoves | undefined;
  if (full) for (let i = 0; i < MOVE_IDS_PER_ROUND; i++) memory = rememberMove(memory, ask(1, -1 - i), ok);
  const asks = Array.from({ length: MOVES }, (_, i) => ask(full ? 1 : 1 + Math.floor(i / MOVE_IDS_PER_ROUND), i));
  gcMs = 0;
  const before = process.cpuUsage();
  for (const a of asks) if (recallMove(memory, a) === null) memory = rememberMove(memory, a, ok);
  const cpu = process.cpuUsage(before);
  await new Promise((resolve) => setTimeout(resolve, 50)); // the GC entries arrive asynchronously
  return { cpuUs: (cpu.user + cpu.system) / MOVES, gc: gcMs };
}

async function main(): Promise<void> {
  for (const full of [false, true, false, true]) {
    const { cpuUs, gc } = await run(full);
    const what = full ? `${MOVE_IDS_PER_ROUND} ids remembered` : `first ${MOVE_IDS_PER_ROUND} moves of a round`;
    console.log(`${what}: ${cpuUs.toFixed(2)} us CPU a move, GC ${gc.toFixed(0)} ms in ${MOVES} moves; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  }
}

void main();
