/**
 * How often the Lease reach test's random runs reach each interesting place
 * (test/unit/rules/lease/properties.test.ts, "the random runs do reach the interesting
 * places"): the same runs (fast-check, the same seed), each played with every check, and
 * for each place the runs that reached it and the first run that did; then the time to
 * play them. The test stops playing once every place was seen: its cost is the runs up to
 * the last "first at run" here.
 * Usage: npm run bench:lease-reach -- [--runs 200] [--seed 1]
 */
import fc from 'fast-check';
import { loadavg } from 'node:os';
import { INTERESTING_PLACES, params, placesReached, play, reachCommands } from '../test/unit/rules/lease/random-runs';

const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = flag('runs', 200);
const seed = flag('seed', 1);

const samples = fc.sample(fc.tuple(fc.integer(), params, reachCommands), { numRuns: runs, seed });
const reached = new Map<string, { runs: number; first: number | null }>(INTERESTING_PLACES.map((place) => [place, { runs: 0, first: null }]));
let steps = 0;
const started = performance.now();
samples.forEach(([runSeed, p, commands], i) => {
  steps += commands.length;
  const places = placesReached(play(runSeed, p, commands, 300).log);
  for (const [place, count] of reached) {
    if (!places.has(place)) continue;
    count.runs += 1;
    count.first ??= i + 1;
  }
});
const ms = performance.now() - started;

console.log(`Lease reach runs: ${runs} runs, seed ${seed}, ${steps} steps, played in ${ms.toFixed(0)} ms (load ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
for (const [place, { runs: hits, first }] of reached) {
  console.log(`${place.padEnd(22)} ${String(hits).padStart(4)} runs (${((100 * hits) / runs).toFixed(1).padStart(5)}%)  first at run ${first ?? '-'}`);
}
