/**
 * A real game server (socket.io + SQLite, no Next.js) on an ephemeral loopback port, and
 * helpers to play it as a host and as students, the way the browser does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import type { GameSeatView } from '../../shared/game/seat-view';
import type { GameScreenView } from '../../shared/game/screen-view';
import { followScreenView } from '../../shared/game/view-patch';
import { EventStore } from '../../server/event-store';
import { attachGameServer, type GameServer, type GameServerOptions } from '../../server/game-server';
import { answerMalformedPath } from '../../server/http/malformed-path';
import { handleReplayRoute } from '../../server/http/replay-routes';
import { ReplayShares } from '../../server/replay-shares';

export type Running = { http: HttpServer; game: GameServer; store: EventStore; url: string; dir: string; sockets: Socket[] };

export async function startServer(dir = mkdtempSync(join(tmpdir(), 'captain-down-game-')), options: GameServerOptions = {}): Promise<Running> {
  const store = EventStore.openIn(dir);
  const http = createServer((_req, res) => res.writeHead(404).end());
  const game = attachGameServer(http, store, options);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { http, game, store, dir, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, sockets: [] };
}

export type RunningWithReplays = Running & { shares: ReplayShares };

/**
 * A game server with the replay routes, wired as server/index.ts wires them: malformed paths
 * answered first, then the routes, published links that follow deleted classes; any other
 * path gets an HTML 404 standing in for Next's.
 */
export async function startServerWithReplays(dir = mkdtempSync(join(tmpdir(), 'captain-down-replay-'))): Promise<RunningWithReplays> {
  const store = EventStore.openIn(dir);
  const shares = ReplayShares.openIn(dir);
  let game: GameServer | null = null;
  const http = createServer((req, res) => {
    if (answerMalformedPath(req, res)) return;
    if (game && handleReplayRoute(req, res, { game, shares })) return;
    res.writeHead(404, { 'content-type': 'text/html' }).end('<html>Next</html>');
  });
  game = attachGameServer(http, store);
  shares.followDeletions(game.registry);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { http, game, store, shares, dir, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, sockets: [] };
}

export async function stopServer(running: Running, { keepData = false } = {}): Promise<void> {
  for (const socket of running.sockets) socket.disconnect();
  await running.game.close();
  running.store.close();
  if (!keepData) rmSync(running.dir, { recursive: true, force: true });
}

/** `headers` are sent with the handshake (Origin, X-Forwarded-For), as a browser or proxy would. */
export async function connectClient(running: Running, headers?: Record<string, string>): Promise<Socket> {
  const socket = connect(running.url, { forceNew: true, transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION }, ...(headers && { extraHeaders: headers }) });
  running.sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

// Acks are loosely typed here on purpose: each test checks their shape with expect.
export const ask = (socket: Socket, event: string, payload?: unknown): Promise<any> => socket.timeout(3000).emitWithAck(event, payload);

/** Keeps the latest payload of a server event, and waits for one that satisfies a test. */
export class Latest<T> {
  value: T | null = null;
  private waiters: { where: (v: T) => boolean; resolve: (v: T) => void }[] = [];
  /** 'game:view' is followed through its patches ('game:view:patch'): the value is always the whole view. */
  constructor(socket: Socket, event: string) {
    const receive = (payload: T) => {
      this.value = payload;
      this.waiters = this.waiters.filter((w) => (w.where(payload) ? (w.resolve(payload), false) : true));
    };
    if (event === 'game:view') followScreenView((e, handler) => socket.on(e, handler), (view) => receive(view as T));
    else socket.on(event, receive);
  }
  until(where: (v: T) => boolean, timeoutMs = 3000): Promise<T> {
    if (this.value !== null && where(this.value)) return Promise.resolve(this.value);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching view within ${timeoutMs} ms; last: ${JSON.stringify(this.value)?.slice(0, 400)}`)), timeoutMs);
      this.waiters.push({ where, resolve: (v) => (clearTimeout(timer), resolve(v)) });
    });
  }
}

export interface Student {
  socket: Socket;
  seatToken: string;
  nodeId: number;
  view: Latest<GameSeatView | null>;
  move: (move: Record<string, unknown>) => Promise<any>;
}

export interface Class {
  code: string;
  hostToken: string;
  host: Socket;
  screen: Latest<GameScreenView | null>;
  students: Student[];
  /** Host command with the code and token filled in. */
  hostAsk: (event: string, payload?: Record<string, unknown>) => Promise<any>;
}

let moveCounter = 0;

export async function openClass(running: Running, names: string[]): Promise<Class> {
  const host = await connectClient(running);
  const created = await ask(host, 'room:create', {});
  const { code, hostToken } = created as { code: string; hostToken: string };
  const screen = new Latest<GameScreenView | null>(host, 'game:view');
  const students: Student[] = [];
  for (const nickname of names) {
    const socket = await connectClient(running);
    const view = new Latest<GameSeatView | null>(socket, 'game:seat');
    const joined = await ask(socket, 'seat:join', { code, nickname });
    if (!joined.ok) throw new Error(`join failed: ${JSON.stringify(joined)}`);
    const seatToken = joined.seatToken as string;
    students.push({
      socket, seatToken, nodeId: joined.view.nodeId, view,
      move: (move) => ask(socket, 'seat:move', { code, seatToken, moveId: `m${++moveCounter}`, move }),
    });
  }
  return { code, hostToken, host, screen, students, hostAsk: (event, payload = {}) => ask(host, event, { code, hostToken, ...payload }) };
}
