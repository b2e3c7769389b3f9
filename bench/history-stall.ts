/**
 * What the host's History and an export cost a live class: the synthetic hour (~434,000 rows,
 * bench/fold-hour.ts) in a real server's store, the replay routes over HTTP in this process,
 * and a 10 ms timer on the same event loop standing in for students' clicks. Prints, per
 * request, its wall time, the loop's longest stall (timer lateness) and the main thread's
 * CPU (server/cpu-slice.ts; the WAL checkpointer's and log readers' threads are not counted), with
 * the load average. The client is curl, in a process of its own, so the figures are the server's
 * alone; "nothing" is the loop with no request (the bench's own garbage collection).
 * History is asked twice: the first request of a room builds what later ones read. Then round 1
 * is published and its link (GET /api/replays/ID) asked for, then the session report; then the round is ended (outside the
 * figures) and forked from its middle (POST /fork, as the host's player does). Wall = until the
 * last byte arrived.
 *   npx tsx bench/history-stall.ts [--algorithm raft]
 * Run it from another checkout (copied in) to compare: it only uses the routes' HTTP API.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mainThreadCpuMs } from '../server/cpu-slice';
import { EventStore } from '../server/event-store';
import { attachGameServer, type GameServer } from '../server/game-server';
import { handleReplayRoute } from '../server/http/replay-routes';
import { serveReport } from '../server/report-route';
import { ReplayShares } from '../server/replay-shares';
import { hashToken } from '../server/secrets';
import { toLogRow } from '../shared/replay/log-rows';
import { hourOf, roomLog } from './fold-hour';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const algorithm = arg('algorithm', 'raft');
const code = 'BENCHH';
const token = 'bench-host-token-0123456789';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'captain-down-history-bench-'));
  const store = EventStore.openIn(dir);
  // In a function: the hour's events are garbage once stored, not kept by this scope for the whole run.
  const rows = ((log) => {
    const first = log[0]!.event;
    if (first.type === 'RoomCreated') first.hostTokenHash = hashToken(token);
    for (let i = 0; i < log.length; i += 5_000) {
      store.append(code, i, log.slice(i, i + 5_000).map(({ event }) => { const { type, at, payload } = toLogRow(0, event); return { type, at, payload }; }));
    }
    return log.length;
  })(roomLog(algorithm, hourOf(algorithm), code));
  const shares = ReplayShares.openIn(dir);
  let game: GameServer | null = null;
  const http = createServer((req, res) => {
    if (game && handleReplayRoute(req, res, { game, shares })) return;
    if (game && serveReport(req, res, game.registry, store)) return;
    res.writeHead(404).end();
  });
  game = attachGameServer(http, store);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/rooms/${code}`;

  const load = () => loadavg()[0]!.toFixed(1);
  // A live class's room is in memory: load (fold) it first, outside the figures.
  const loading = performance.now();
  game.registry.get(code);
  console.log(`${algorithm} hour: ${rows} rows (room loaded in ${(performance.now() - loading).toFixed(0)} ms); 10 ms timer on the loop`);
  const publish = async () => {
    const res = await fetch(`${base}/shares`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ round: 1 }) });
    return `/api/replays/${((await res.json()) as { id: string }).id}`;
  };
  // A fork needs the round ended: done here, outside the figures; the fork is asked from the round's middle.
  const endRound = async () => {
    const ended = game!.registry.executeGame(code, { type: 'EndRound', at: Date.now(), hostTokenHash: hashToken(token), roomTime: game!.clocks.now(code) });
    if (!ended.ok) throw new Error(`EndRound refused: ${ended.refusal.message}`);
    return `${base}/fork`;
  };
  const requests: Array<[string, string | (() => Promise<string>) | null]> = [
    ['nothing (3 s)', null],
    ['History (1st)', `${base}/rounds`],
    ['History (2nd)', `${base}/rounds`],
    ['export round 1', `${base}/log?round=1`],
    ['export all', `${base}/log?round=all`],
    ['published link', publish],
    ['session report', `${new URL(base).origin}/api/report/${code}`],
    ['fork (middle)', endRound],
  ];
  for (const [name, target] of requests) {
    const url = target === null ? null : typeof target === 'string' ? target : new URL(await target(), base).href;
    const body = target === endRound ? JSON.stringify({ round: 1, t: Math.floor(game.clocks.now(code) / 2) }) : undefined;
    let last = performance.now();
    let stall = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      stall = Math.max(stall, now - last - 10);
      last = now;
    }, 10);
    const before = load();
    const cpu = mainThreadCpuMs();
    const start = performance.now();
    const { status, bytes } = url === null ? await new Promise<{ status: number; bytes: number }>((resolve) => setTimeout(() => resolve({ status: 0, bytes: 0 }), 3_000)) : await curl(url, body);
    const wall = performance.now() - start;
    const used = mainThreadCpuMs() - cpu;
    await new Promise((resolve) => setTimeout(resolve, 30));
    clearInterval(timer);
    console.log(`  ${name.padEnd(15)} ${status} wall ${wall.toFixed(0).padStart(6)} ms  longest stall ${stall.toFixed(0).padStart(6)} ms  main-thread cpu ${used.toFixed(0).padStart(6)} ms  ${String(bytes).padStart(9)} B  load ${before} -> ${load()}`);
  }
  await game.close();
  await new Promise<void>((resolve) => http.close(() => resolve()));
  shares.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

/** GET `url` (POST `body` as JSON) with the host's token, by curl in its own process: its status and body size. */
function curl(url: string, body?: string): Promise<{ status: number; bytes: number }> {
  const post = body === undefined ? [] : ['-X', 'POST', '-H', 'content-type: application/json', '--data', body];
  return new Promise((resolve, reject) => {
    execFile('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download}', '-H', `authorization: Bearer ${token}`, '-H', `x-host-token: ${token}`, ...post, url], (error, stdout) => {
      if (error) return reject(error);
      const [status, bytes] = stdout.trim().split(' ').map(Number);
      resolve({ status: status!, bytes: bytes! });
    });
  });
}

void main();
