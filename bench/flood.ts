/* eslint-disable @typescript-eslint/no-explicit-any -- acks of a benchmark script, read loosely as in test/integration/game-harness.ts */
/**
 * `npm run flood`: the attacks of issue 9 (findings 1-2) against the real game server in
 * this process, with the budgets as in production. Prints figures, asserts nothing.
 *  1. One student socket sends moves as fast as it can (like the 4,900/s of the issue):
 *     how many were answered, refused `rate-limited`, admitted, how many rows reached the
 *     room's log, and when the server cut it; meanwhile a classmate clicks every 250 ms
 *     and we time its acks.
 *  2. One address creates rooms as fast as it can for 5 s, reconnecting whenever cut.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { EventStore } from '../server/event-store';
import { attachGameServer } from '../server/game-server';
import { PROTOCOL_VERSION } from '../shared/protocol';

const FLOOD_S = Number(process.env.FLOOD_S ?? 5);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'captain-down-flood-'));
  const store = EventStore.openIn(dir);
  const http = createServer((_req, res) => res.writeHead(404).end());
  const game = attachGameServer(http, store);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];

  async function client(): Promise<Socket> {
    const socket = io(url, { forceNew: true, reconnection: false, transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION } });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('connect_error', reject)));
    return socket;
  }
  const ask = (socket: Socket, event: string, payload: unknown): Promise<any> => socket.timeout(5000).emitWithAck(event, payload);
  const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  // 1. A seat floods moves.
  const host = await client();
  const { code, hostToken } = await ask(host, 'room:create', {});
  const seats = [];
  for (const nickname of ['Ada', 'Bo', 'Cy']) {
    const socket = await client();
    seats.push({ socket, ...(await ask(socket, 'seat:join', { code, nickname })) });
  }
  await ask(host, 'host:round:start', { code, hostToken, algorithm: 'raft', preset: 'raft-classroom', teamSize: null, crashOnDisconnect: true });
  const [flooder, classmate] = seats as [any, any];
  const rowsBefore = store.read(code).length;
  let sent = 0;
  const answers: Record<string, number> = {};
  const startedAt = performance.now();
  let cutAfterMs = NaN;
  flooder.socket.once('disconnect', () => (cutAfterMs = performance.now() - startedAt));
  const classmateMs: number[] = [];
  const classmateLoop = (async () => {
    for (let i = 0; performance.now() - startedAt < FLOOD_S * 1000; i++) {
      const t0 = performance.now();
      await ask(classmate.socket, 'seat:move', { code, seatToken: classmate.seatToken, moveId: `c${i}`, move: { type: 'SendHeartbeat' } });
      classmateMs.push(performance.now() - t0);
      await sleep(250);
    }
  })();
  while (performance.now() - startedAt < FLOOD_S * 1000 && flooder.socket.connected) {
    for (let i = 0; i < 100; i++) {
      flooder.socket.emit('seat:move', { code, seatToken: flooder.seatToken, moveId: `f${sent++}`, move: { type: 'StandForElection' } }, (a: any) => {
        const key = a.ok ? 'ok' : a.refusal.code;
        answers[key] = (answers[key] ?? 0) + 1;
      });
    }
    await sleep(5);
  }
  await classmateLoop;
  const rowsAdded = store.read(code).length - rowsBefore;
  console.log(`Load average (1/5/15 min): ${loadavg().map((l) => l.toFixed(2)).join(' ')} (shared machine: other engineers' builds and tests run too)`);
  console.log(`1. One seat flooding seat:move for up to ${FLOOD_S} s`);
  console.log(`   sent ${sent} moves; answers: ${JSON.stringify(answers)}; cut by the server after ${cutAfterMs.toFixed(0)} ms`);
  console.log(`   rows appended to the room's log during the flood (all sources, incl. the classmate's ${classmateMs.length} moves): ${rowsAdded}`);
  console.log(`   classmate's ack during the flood: p50 ${pct(classmateMs, 50).toFixed(1)} ms, p99 ${pct(classmateMs, 99).toFixed(1)} ms, max ${Math.max(...classmateMs).toFixed(1)} ms`);

  // 2. One address creates rooms as fast as it can.
  const roomsBefore = game.registry.size;
  const t1 = performance.now();
  let attempts = 0;
  let cuts = 0;
  const created: Record<string, number> = {};
  while (performance.now() - t1 < 5_000) {
    const socket = await client();
    while (socket.connected && performance.now() - t1 < 5_000) {
      const batch = Array.from({ length: 20 }, () => ask(socket, 'room:create', {}).catch(() => ({ ok: false, refusal: { code: 'no-answer' } })));
      attempts += batch.length;
      for (const a of await Promise.all(batch)) created[a.ok ? 'ok' : a.refusal.code] = (created[a.ok ? 'ok' : a.refusal.code] ?? 0) + 1;
    }
    if (!socket.connected) cuts++;
    socket.disconnect();
  }
  console.log(`2. One address calling room:create for 5 s: ${attempts} attempts, answers ${JSON.stringify(created)}, connections cut ${cuts}, rooms opened ${game.registry.size - roomsBefore}`);

  for (const socket of sockets) socket.disconnect();
  await game.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
