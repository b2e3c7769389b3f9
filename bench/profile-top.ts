/**
 * `npx tsx bench/profile-top.ts FILE.cpuprofile [--top N] [--callers NAME] [--all]`: where a
 * V8 CPU profile's time went, as shares of the busy (not idle) time. Prints the functions
 * with the most self time, the project's functions with the most total time (self + callees;
 * `--all` ranks every function, libraries included), and with `--callers NAME` the call paths
 * that lead to NAME, ranked by the time spent in NAME below them (who asks for the work).
 * Asserts nothing. `npm run load -- --cpu-prof` keeps its profiles in test-results/.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { summarizeProfile } from './load-profile';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, callers: { type: 'string' }, all: { type: 'boolean', default: false }, depth: { type: 'string', default: '6' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: tsx bench/profile-top.ts FILE.cpuprofile [--top N] [--callers NAME] [--all]');
const top = Number(values.top);
const root = process.cwd();
const pct = (share: number) => `${(share * 100).toFixed(1).padStart(5)} %`;
const ms = (n: number) => `${Math.round(n).toLocaleString('en-US').padStart(7)} ms`;

const summary = summarizeProfile(file, root, top, values.all);
const busy = summary.totalMs - summary.idleMs;
console.log(`${file}: ${(summary.totalMs / 1000).toFixed(1)} s profiled, ${(busy / 1000).toFixed(1)} s busy`);
console.log('self time (share of busy time):');
for (const f of summary.self) console.log(`  ${pct(f.share)} ${ms(f.ms)}  ${f.name}  ${f.where}`);
console.log(`total time (self + callees), ${values.all ? 'every function' : "the project's functions"}:`);
for (const f of summary.inclusive) console.log(`  ${pct(f.share)} ${ms(f.ms)}  ${f.name}  ${f.where}`);

if (values.callers) {
  // Time spent in NAME (and below it), charged to the chain of its callers (nearest first).
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => {
    const url = n.callFrame.url.startsWith('file://') ? relative(root, decodeURIComponent(n.callFrame.url.slice(7))) : n.callFrame.url;
    return `${n.callFrame.functionName || '(anonymous)'} ${url.replace(/^node_modules\//, '')}`;
  };
  const depth = Number(values.depth);
  const chains = new Map<string, number>();
  let inName = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    // The outermost NAME frame on this sample's stack, then its callers.
    let at: number | undefined = id;
    let hit: number | undefined;
    for (; at !== undefined; at = parent.get(at)) if (byId.get(at)!.callFrame.functionName === values.callers) hit = at;
    if (hit === undefined) return;
    inName += us;
    const chain: string[] = [];
    for (let p = parent.get(hit); p !== undefined && chain.length < depth; p = parent.get(p)) chain.push(label(byId.get(p)!));
    const key = chain.join('  <-  ');
    chains.set(key, (chains.get(key) ?? 0) + us);
  });
  console.log(`\ncallers of ${values.callers}: ${ms(inName / 1000)} in all (${pct(inName / 1000 / busy)} of busy time)`);
  for (const [chain, us] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(us / 1000 / busy)}  ${chain}`);
}
