/**
 * The wire protocol against a real socket.io server on an ephemeral loopback port
 * (no Next.js: attachGameServer works on any HTTP server).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type RoomView, type SeatView } from '../../shared/protocol';
import { EventStore } from '../../server/event-store';
import { attachGameServer, type GameServer } from '../../server/game-server';

type Running = { http: HttpServer; game: GameServer; store: EventStore; url: string };
let dir: string;
let server: Running;
const clients: Socket[] = [];

async function start(port = 0): Promise<Running> {
  const store = EventStore.openIn(dir);
  const http = createServer((_req, res) => res.writeHead(404).end());
  const game = attachGameServer(http, store);
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return { http, game, store, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
}

async function stop(running: Running): Promise<void> {
  await running.game.close();
  running.store.close();
}

async function client(auth: Record<string, unknown> = { protocolVersion: PROTOCOL_VERSION }): Promise<Socket> {
  const socket = connect(server.url, { forceNew: true, transports: ['websocket'], auth, reconnectionDelay: 50, reconnectionDelayMax: 100 });
  clients.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

// Acks are `any` here on purpose: each test checks their shape with toMatchObject.
const ask = (socket: Socket, event: string, payload?: unknown): Promise<any> => socket.timeout(2000).emitWithAck(event, payload);
const next = <T>(socket: Socket, event: string, where: (p: T) => boolean = () => true): Promise<T> =>
  new Promise((resolve) => {
    const handler = (payload: T) => {
      if (!where(payload)) return;
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'captain-down-sock-'));
  server = await start();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
});

async function openClass() {
  const host = await client();
  const created = await ask(host, 'room:create', {});
  expect(created).toMatchObject({ ok: true, code: expect.stringMatching(/^[2-9A-HJ-NP-Z]{6}$/), hostToken: expect.any(String) });
  return { host, code: created.code as string, hostToken: created.hostToken as string };
}

describe('socket protocol', () => {
  it('a class fills up live: the host sees each join, students get stable node ids', async () => {
    const { host, code } = await openClass();
    const views: RoomView[] = [];
    host.on('room:view', (v: RoomView) => views.push(v));
    const seats = [];
    for (const name of ['Ada', 'Bob', 'Cy']) seats.push(await ask(await client(), 'seat:join', { code: code.toLowerCase(), nickname: name }));
    expect(seats.map((s) => s.view.nodeId)).toEqual([1, 2, 3]);
    await expect.poll(() => views.at(-1)?.nodes.map((n) => n.nickname)).toEqual(['Ada', 'Bob', 'Cy']);
    expect(views.at(-1)?.nodes.every((n) => n.online)).toBe(true);
  });

  it('a seat token brings a student back to the same node, never a duplicate', async () => {
    const { code } = await openClass();
    const first = await client();
    const joined = await ask(first, 'seat:join', { code, nickname: 'Ada' });
    // Double tap on the same connection: same seat back.
    expect(await ask(first, 'seat:join', { code, nickname: 'Ada' })).toMatchObject({ ok: true, view: { nodeId: 1 } });
    first.disconnect();
    const again = await client();
    expect(await ask(again, 'seat:resume', { code, seatToken: joined.seatToken })).toMatchObject({ ok: true, view: { nodeId: 1, nickname: 'Ada' } });
    // A join that presents the previous seat gets that seat, not a second node.
    expect(await ask(await client(), 'seat:join', { code, nickname: 'Ada 2', previousSeatToken: joined.seatToken })).toMatchObject({ ok: true, view: { nodeId: 1 } });
    expect(server.store.read(code).filter((e) => e.type === 'NodeJoined')).toHaveLength(1);
  });

  it('a kicked student is told, and stays out on resume and on rejoin', async () => {
    const { host, code, hostToken } = await openClass();
    const student = await client();
    const joined = await ask(student, 'seat:join', { code, nickname: 'Bob' });
    const told = next<SeatView>(student, 'seat:view', (v) => v.status === 'kicked');
    expect(await ask(host, 'host:kick', { code, hostToken, nodeId: 1 })).toEqual({ ok: true });
    expect(await told).toMatchObject({ nodeId: 1, status: 'kicked' });
    const returning = await client();
    expect(await ask(returning, 'seat:resume', { code, seatToken: joined.seatToken })).toMatchObject({ ok: false, refusal: { code: 'kicked' } });
    expect(await ask(returning, 'seat:join', { code, nickname: 'Bobby', previousSeatToken: joined.seatToken })).toMatchObject({ ok: false, refusal: { code: 'kicked' } });
    expect(await ask(student, 'seat:join', { code, nickname: 'Bobby' })).toMatchObject({ ok: false, refusal: { code: 'kicked' } });
  });

  it('a locked class refuses new students but lets seated ones reconnect', async () => {
    const { host, code, hostToken } = await openClass();
    const seated = await ask(await client(), 'seat:join', { code, nickname: 'Ada' });
    expect(await ask(host, 'host:lock', { code, hostToken })).toEqual({ ok: true });
    expect(await ask(await client(), 'seat:join', { code, nickname: 'Late' })).toMatchObject({ ok: false, refusal: { code: 'room-locked' } });
    expect(await ask(await client(), 'seat:resume', { code, seatToken: seated.seatToken })).toMatchObject({ ok: true, view: { nodeId: 1, locked: true } });
    expect(await ask(host, 'host:unlock', { code, hostToken })).toEqual({ ok: true });
    expect(await ask(await client(), 'seat:join', { code, nickname: 'Late' })).toMatchObject({ ok: true, view: { nodeId: 2 } });
  });

  it('bad input is refused with a clear code, changes nothing, and the server keeps running', async () => {
    const { code, hostToken } = await openClass();
    const student = await client();
    const seat = await ask(student, 'seat:join', { code, nickname: 'Ada' });
    const logLength = server.store.read(code).length;
    const cases: Array<[string, unknown, string]> = [
      ['seat:join', { code, nickname: 42 }, 'invalid-payload'],
      ['seat:join', 'not an object', 'invalid-payload'],
      ['seat:join', { code: 'O0I1O0', nickname: 'Ada' }, 'invalid-payload'],
      ['seat:join', { code: 'ZZZZZZ', nickname: 'Zed' }, 'unknown-room'],
      ['seat:join', { code, nickname: '   ' }, 'nickname-empty'],
      ['seat:join', { code, nickname: 'x'.repeat(40) }, 'nickname-too-long'],
      ['seat:join', { code, nickname: '<img src=x onerror=alert(1)>' }, 'nickname-markup'],
      ['seat:join', { code, nickname: 'ada' }, 'nickname-taken'],
      ['host:lock', { code }, 'invalid-payload'],
      ['host:lock', { code, hostToken: seat.seatToken }, 'not-host'],
      ['host:kick', { code, hostToken: seat.seatToken, nodeId: 1 }, 'not-host'],
      ['host:attach', { code, hostToken: seat.seatToken }, 'not-host'],
      ['host:kick', { code, hostToken, nodeId: 99 }, 'unknown-node'],
      ['host:unlock', { code, hostToken }, 'already-unlocked'],
      ['seat:resume', { code, seatToken: 'x'.repeat(43) }, 'stale-seat'],
      ['screen:watch', { code: 'ZZZZZZ' }, 'unknown-room'],
      ['no:such-event', {}, 'unknown-event'],
    ];
    const stranger = await client();
    for (const [event, payload, expected] of cases) {
      const answer = await ask(stranger, event, payload);
      expect({ event, answer }).toMatchObject({ event, answer: { ok: false, refusal: { code: expected, message: expect.any(String) } } });
    }
    expect(server.store.read(code)).toHaveLength(logLength);
    expect(await ask(await client(), 'screen:watch', { code })).toMatchObject({ ok: true, view: { nodes: [{ nickname: 'Ada' }] } });
  });

  it('an event sent without an ack callback is answered with protocol:refused', async () => {
    const socket = await client();
    const refused = next<{ event: string; refusal: { code: string } }>(socket, 'protocol:refused');
    socket.emit('seat:join', { code: 'nope' });
    expect(await refused).toMatchObject({ event: 'seat:join', refusal: { code: 'invalid-payload' } });
  });

  it('a client speaking another protocol version is refused at the handshake', async () => {
    await expect(client({ protocolVersion: PROTOCOL_VERSION + 1 })).rejects.toMatchObject({ data: { code: 'protocol-mismatch' } });
  });

  it('after a server restart, the room, the host and the seats come back from the log', async () => {
    const { code, hostToken } = await openClass();
    const seat = await ask(await client(), 'seat:join', { code, nickname: 'Ada' });
    const port = (server.http.address() as AddressInfo).port;
    for (const c of clients.splice(0)) c.disconnect();
    await stop(server);
    server = await start(port);
    const host = await client();
    expect(await ask(host, 'host:attach', { code, hostToken })).toMatchObject({ ok: true, view: { code, nodes: [{ nodeId: 1, nickname: 'Ada' }] } });
    expect(await ask(await client(), 'seat:resume', { code, seatToken: seat.seatToken })).toMatchObject({ ok: true, view: { nodeId: 1 } });
  });
});
