// Asks one URL N times, C at a time, timing /healthz every 50 ms meanwhile: node bench/replay-flood.mjs URL N C (/healthz of the same server).
const [url, n, conc] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
let done = 0, codes = {}; const t0 = performance.now();
const probe = []; let stop = false;
(async () => { while (!stop) { const a = performance.now(); await fetch(new URL('/healthz', url)); probe.push(performance.now() - a); await new Promise(r => setTimeout(r, 50)); } })();
async function worker() { while (done < n) { done++; const r = await fetch(url); codes[r.status] = (codes[r.status] ?? 0) + 1; await r.arrayBuffer(); } }
await Promise.all(Array.from({ length: conc }, worker));
stop = true; probe.sort((a, b) => a - b);
console.log(JSON.stringify({ n, ms: Math.round(performance.now() - t0), codes, healthz_p50: probe[probe.length >> 1]?.toFixed(1), healthz_max: probe.at(-1)?.toFixed(1) }));
