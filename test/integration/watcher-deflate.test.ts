/**
 * Issue 12, watchers' bytes: a host panel or projector that asks for compressed views
 * (shared/compressed-views.ts) negotiates permessage-deflate and receives its views in
 * compressed frames (RSV1 set); a phone's connection never negotiates the extension, so its
 * views arrive as plain frames and the server keeps no zlib context for it. Proved on the
 * frames as they cross the TCP socket, not by timing or sizes.
 */
import type { Socket as TcpSocket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { COMPRESSED_VIEWS_QUERY } from '../../shared/compressed-views';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { ask, Latest, startServer, stopServer, type Running } from './game-harness';

let server: Running;
afterEach(async () => {
  await stopServer(server);
});

/** The node client's ws socket under socket.io (websocket transport only). */
type WsClient = { extensions: string; _socket: TcpSocket };
const wsOf = (socket: Socket): WsClient => (socket.io.engine.transport as unknown as { ws: WsClient }).ws;

async function connect(query?: Record<string, string>): Promise<Socket> {
  const socket = io(server.url, { forceNew: true, transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION }, ...(query && { query }) });
  server.sockets.push(socket);
  await new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject)));
  return socket;
}

/** Reads the websocket frames' headers off the TCP socket: RSV1 (compressed) and payload length of each. */
function recordFrames(socket: Socket): { rsv1: boolean; length: number }[] {
  const frames: { rsv1: boolean; length: number }[] = [];
  let pending = Buffer.alloc(0);
  wsOf(socket)._socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (pending.length < 2) return;
      const [first = 0, second = 0] = pending;
      let length = second & 0x7f; // server frames are not masked
      let header = 2;
      if (length === 126) [length, header] = pending.length < 4 ? [-1, 0] : [pending.readUInt16BE(2), 4];
      else if (length === 127) [length, header] = pending.length < 10 ? [-1, 0] : [Number(pending.readBigUInt64BE(2)), 10];
      if (length < 0 || pending.length < header + length) return;
      frames.push({ rsv1: (first & 0x40) !== 0, length });
      pending = pending.subarray(header + length);
    }
  });
  return frames;
}

describe('permessage-deflate for watchers only', () => {
  it('a projector that asks for compressed views gets them in compressed frames; a phone negotiates nothing and gets plain frames', async () => {
    server = await startServer();
    const host = await connect(COMPRESSED_VIEWS_QUERY);
    const { code, hostToken } = (await ask(host, 'room:create', {})) as { code: string; hostToken: string };
    const projector = await connect(COMPRESSED_VIEWS_QUERY);
    const phone = await connect();
    // Forty nodes: the projector's first whole view is well above the 8 KB threshold (a small
    // round's views are under it and, by design, go plain).
    const phones = [phone];
    for (let i = 1; i < 40; i += 1) phones.push(await connect());

    expect(wsOf(projector).extensions).toContain('permessage-deflate');
    for (const each of phones) expect(wsOf(each).extensions).toBe('');

    const projectorFrames = recordFrames(projector);
    const phoneFrames = recordFrames(phone);
    const screen = new Latest<{ round: number } | null>(projector, 'game:view');
    const seat = new Latest<unknown>(phone, 'game:seat');
    expect(await ask(projector, 'screen:watch', { code })).toMatchObject({ ok: true });
    for (const [i, each] of phones.entries()) expect(await ask(each, 'seat:join', { code, nickname: `Student ${i + 1}` })).toMatchObject({ ok: true });
    expect(await ask(host, 'host:round:start', { code, hostToken, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: false })).toMatchObject({ ok: true });
    await screen.until((view) => view !== null);
    await seat.until((view) => view !== null);

    // The views are well above the deflate threshold, so each went compressed to the projector...
    expect(projectorFrames.some((frame) => frame.rsv1)).toBe(true);
    // ...and a phone's views (as large) went plain.
    expect(phoneFrames.filter((frame) => frame.length > 1024).length).toBeGreaterThan(0);
    expect(phoneFrames.some((frame) => frame.rsv1)).toBe(false);
  });

  it('a client that does not ask (a bot, which offers deflate by default) negotiates none', async () => {
    server = await startServer();
    const bot = await connect();
    expect(wsOf(bot).extensions).toBe('');
    expect(await ask(bot, 'room:create', {})).toMatchObject({ ok: true });
  });

  it('with deflate turned off on the server, even a watcher that asks gets plain frames', async () => {
    server = await startServer(undefined, { watcherDeflate: false });
    const watcher = await connect(COMPRESSED_VIEWS_QUERY);
    expect(wsOf(watcher).extensions).toBe('');
  });
});
