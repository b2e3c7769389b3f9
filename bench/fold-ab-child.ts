/**
 * One side of bench/fold-ab.ts: the replay player's whole-round fold of a cached class hour
 * (bench/class-hour-cache.ts) with the fold of the checkout at ROOT (argv[2]), `runs` times
 * without the diagram and `runs` times with it, alternated. Prints one JSON line.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { classHourRows } from './class-hour-cache';

const [root, algorithm, runsArg] = process.argv.slice(2);
if (!root || !algorithm) throw new Error('usage: tsx bench/fold-ab-child.ts ROOT ALGORITHM [RUNS]');
async function main(): Promise<void> {
  const { sliceRound } = (await import(resolve(root!, 'shared/replay/rounds.ts'))) as typeof import('../shared/replay/rounds');
  const { buildTimeline } = (await import(resolve(root!, 'shared/replay/timeline.ts'))) as typeof import('../shared/replay/timeline');
  const slice = sliceRound(classHourRows(algorithm!), 1)!;
  const timed = (diagram: boolean) => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    buildTimeline(slice, { diagram });
    const c = process.cpuUsage(c0);
    return { cpu: Math.round((c.user + c.system) / 1000), wall: Math.round(performance.now() - t0) };
  };
  const load = loadavg()[0]!.toFixed(1);
  const plain: { cpu: number; wall: number }[] = [];
  const withDiagram: { cpu: number; wall: number }[] = [];
  for (let run = 0; run < Number(runsArg ?? 2); run++) {
    plain.push(timed(false));
    withDiagram.push(timed(true));
  }
  console.log(JSON.stringify({ root, algorithm, rows: slice.rows.length, load, loadAfter: loadavg()[0]!.toFixed(1), plain, withDiagram }));
}

void main();
