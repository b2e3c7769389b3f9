/**
 * `npx tsx bench/fold-ab.ts A_ROOT B_ROOT [raft,bully,lease] [--pairs N] [--runs N]`: the
 * replay player's whole-round fold of the cached class hours (bench/class-hour-cache.ts)
 * with two checkouts' code, interleaved A B A B (each side a fresh process: the hour
 * parsed, then folded `runs` times without the diagram and with it), CPU and wall ms, the
 * 1-minute load average beside each. For a before/after on a shared machine: copy the older
 * commit with `git archive` (node_modules beside it) and pass both roots. Asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { pairs: { type: 'string', default: '3' }, runs: { type: 'string', default: '2' } } });
const [a, b, algorithms] = positionals;
if (!a || !b) throw new Error('usage: tsx bench/fold-ab.ts A_ROOT B_ROOT [raft,bully,lease] [--pairs N] [--runs N]');
const child = join(dirname(fileURLToPath(import.meta.url)), 'fold-ab-child.ts');
const tsx = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin', 'tsx');

interface Side { rows: number; load: string; loadAfter: string; plain: { cpu: number; wall: number }[]; withDiagram: { cpu: number; wall: number }[] }
const show = (runs: Side['plain']) => runs.map((r) => `${r.cpu.toLocaleString('en-US')} (${r.wall.toLocaleString('en-US')})`).join(' / ');

for (const algorithm of (algorithms ?? 'raft,bully,lease').split(',')) {
  for (let pair = 1; pair <= Number(values.pairs); pair++) {
    for (const [name, root] of [['A', a], ['B', b]] as const) {
      const side = JSON.parse(execFileSync(tsx, [child, root, algorithm, values.runs!], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').at(-1)!) as Side;
      console.log(`${algorithm} pair ${pair} ${name} (${root}), ${side.rows.toLocaleString('en-US')} rows, load ${side.load} -> ${side.loadAfter}: CPU (wall) ms, no diagram ${show(side.plain)}; with diagram ${show(side.withDiagram)}`);
    }
  }
}
