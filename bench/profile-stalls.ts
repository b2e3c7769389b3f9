/**
 * `npx tsx bench/profile-stalls.ts FILE.cpuprofile [--min-ms 50] [--top 15] [--each 5]`: what
 * ran while the event loop was blocked. A whole-run profile averages a rare 200 ms stall into
 * a fraction of a percent; this cuts the profile into its busy stretches (consecutive samples
 * that are not "(idle)") and keeps only those longer than --min-ms. It prints each stall (when,
 * how long, its top self functions) and, over all the stalls together, the functions with the
 * most self time and the project's functions with the most total time (self + callees, each
 * counted once per sample). Asserts nothing. `npm run load -- --cpu-prof` keeps its profiles
 * in test-results/.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number }

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'min-ms': { type: 'string', default: '50' }, top: { type: 'string', default: '15' }, each: { type: 'string', default: '5' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: tsx bench/profile-stalls.ts FILE.cpuprofile [--min-ms 50] [--top 15] [--each 5]');
const minUs = Number(values['min-ms']) * 1000;
const root = process.cwd();
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const where = (n: ProfileNode) => {
  const url = n.callFrame.url.startsWith('file://') ? relative(root, decodeURIComponent(n.callFrame.url.slice(7))) : n.callFrame.url;
  return url.replace(/^node_modules\//, '');
};
const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${where(n)}${n.callFrame.lineNumber >= 0 && where(n) ? `:${n.callFrame.lineNumber + 1}` : ''}`;
const isProject = (n: ProfileNode) => {
  const w = where(n);
  return w !== '' && !w.startsWith('node:') && !w.includes('node_modules') && !w.startsWith('..') && !w.startsWith('/');
};

// Busy stretches: runs of samples whose leaf is not "(idle)". A sample's delta is the time
// since the previous sample, so it is charged to this sample's stack (as DevTools does).
interface Stall { startUs: number; us: number; samples: { id: number; us: number }[] }
const stalls: Stall[] = [];
let current: Stall | undefined;
let clock = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  clock += us;
  const idle = byId.get(id)!.callFrame.functionName === '(idle)';
  if (idle) {
    if (current && current.us >= minUs) stalls.push(current);
    current = undefined;
    return;
  }
  current ??= { startUs: clock - us, us: 0, samples: [] };
  current.us += us;
  current.samples.push({ id, us });
});
if (current && current.us >= minUs) stalls.push(current);

function tally(samples: { id: number; us: number }[]) {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const { id, us } of samples) {
    const leaf = byId.get(id)!;
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at)!;
      if (!isProject(n)) continue;
      const key = label(n);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const ranked = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { self: ranked(self), inclusive: ranked(inclusive) };
}

const ms = (us: number) => `${(us / 1000).toFixed(1).padStart(7)} ms`;
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1).padStart(5)} %`;
const totalUs = profile.timeDeltas.reduce((a, b) => a + b, 0);
const stalledUs = stalls.reduce((a, s) => a + s.us, 0);
console.log(`${file}: ${(totalUs / 1e6).toFixed(1)} s profiled; ${stalls.length} busy stretches >= ${values['min-ms']} ms, ${ms(stalledUs).trim()} in all`);
const each = Number(values.each);
for (const s of stalls) {
  console.log(`\n  at ${(s.startUs / 1e6).toFixed(2)} s: ${ms(s.us).trim()}`);
  for (const [name, us] of tally(s.samples).self.slice(0, each)) console.log(`    ${pct(us, s.us)} ${ms(us)}  ${name}`);
}
if (stalls.length === 0) process.exit(0);
const all = tally(stalls.flatMap((s) => s.samples));
const top = Number(values.top);
console.log('\nover all the stalls, self time:');
for (const [name, us] of all.self.slice(0, top)) console.log(`  ${pct(us, stalledUs)} ${ms(us)}  ${name}`);
console.log("over all the stalls, total time (self + callees) of the project's functions:");
for (const [name, us] of all.inclusive.slice(0, top * 2)) console.log(`  ${pct(us, stalledUs)} ${ms(us)}  ${name}`);
