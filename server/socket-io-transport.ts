/**
 * The Transport over socket.io 4: one socket per client, audiences are socket.io rooms,
 * a request is an emitted event whose last argument may be the ack callback. The
 * handshake is refused here when the client speaks another protocol version.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { asksForCompressedViews } from '../shared/compressed-views';
import { clientAddress } from './limits/client-address';
import { originAllowed } from './limits/origins';
import { jsonOnlyParser } from './json-packets';
import type { Connection, RequestHandlers, Transport } from './transport';

export interface SocketIoOptions {
  /** In dev, Next's hot-reload websocket shares the HTTP server; don't kill its upgrades. */
  keepOtherUpgrades?: boolean;
  /** Checks the handshake's `auth`; a refusal ends the connection before it starts. */
  admit(auth: unknown): { code: string; message: string } | null;
  /** Reverse proxies in front that append X-Forwarded-For / set X-Forwarded-Host (TRUST_PROXY). */
  trustProxy?: number;
  /** Origins allowed besides the page's own (ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /** Deflate the watchers' messages (default yes; WATCHER_DEFLATE=0 turns it off). */
  watcherDeflate?: boolean;
}

export class SocketIoTransport implements Transport {
  private readonly io: Server;
  private readonly trustProxy: number;

  constructor(httpServer: HttpServer, options: SocketIoOptions) {
    const trustProxy = (this.trustProxy = options.trustProxy ?? 0);
    this.io = new Server(httpServer, {
      // Payloads are tiny; a small cap stops a bot from making the server parse megabytes.
      maxHttpBufferSize: 64 * 1024,
      // JSON only: no scan of every outgoing payload for Buffers (server/json-packets.ts).
      parser: jsonOnlyParser,
      destroyUpgrade: !options.keepOtherUpgrades,
      // Detect a vanished phone within ~10 s so its card goes grey on the projector.
      pingInterval: 5_000,
      pingTimeout: 5_000,
      // permessage-deflate for the watchers only (shared/compressed-views.ts). engine.io's
      // websocket transport ignores an emit's compress flag (ws compresses every message
      // above the threshold once the extension is negotiated), so the choice is made at the
      // handshake: other connections never see the offer (watchersOnlyDeflate below). The
      // settings were measured (WATCHER_DEFLATE below; docs/PERFORMANCE.md, "Session 5").
      perMessageDeflate: options.watcherDeflate === false ? false : WATCHER_DEFLATE,
      // Cross-site pages may not drive a class from a visitor's browser (issue 9, finding 6).
      allowRequest: (req, callback) => callback(null, originAllowed(req.headers, trustProxy, options.allowedOrigins ?? [])),
    });
    this.io.engine.use(watchersOnlyDeflate);
    this.io.use((socket, next) => {
      const refusal = options.admit(socket.handshake.auth ?? {});
      if (!refusal) return next();
      const error = new Error(refusal.code) as Error & { data?: unknown };
      error.data = refusal;
      next(error);
    });
  }

  serve(handlers: RequestHandlers): void {
    this.io.on('connection', (socket) => {
      const connection = asConnection(socket, this.trustProxy);
      socket.onAny((event: unknown, ...args: unknown[]) => {
        const last = args[args.length - 1];
        const reply = typeof last === 'function' ? (last as (answer: unknown) => void) : null;
        const payload = typeof args[0] === 'function' ? undefined : args[0];
        handlers.request(connection, String(event), payload, reply);
      });
      socket.on('disconnect', () => handlers.disconnected(connection));
    });
  }

  broadcast(audience: string, event: string, payload: unknown): void {
    // With permessage-deflate on, engine.io no longer writes the frame socket.io built once
    // per broadcast: each socket frames the message again (a watcher's deflated). An
    // audience is one phone or a room's two watchers: one more encoding a message
    // (docs/PERFORMANCE.md, "Session 5: watchers' wire bytes").
    this.io.to(audience).emit(event, payload);
  }

  isBehind(audience: string): boolean {
    for (const id of this.io.sockets.adapter.rooms.get(audience) ?? []) {
      // engine.io's transport is not writable from a send until ws has written its last frame.
      if (this.io.sockets.sockets.get(id)?.conn.transport.writable === false) return true;
    }
    return false;
  }

  audienceSize(audience: string): number {
    return this.io.sockets.adapter.rooms.get(audience)?.size ?? 0;
  }

  disband(audience: string): void {
    this.io.in(audience).socketsLeave(audience);
  }

  connectionCount(): number {
    return this.io.engine.clientsCount;
  }

  close(): Promise<void> {
    return new Promise<void>((resolve) => void this.io.close(() => resolve()));
  }
}

/**
 * Deflate settings for a watcher's connection, chosen by `npm run bench:flush` (300 clicking
 * students) and live load runs (docs/PERFORMANCE.md, "Session 5: watchers' wire bytes").
 * Level 1 costs the least CPU a message (~0.06-0.1 ms) for 9-13 % of the JSON; level 6
 * saves a few KB/s more for more CPU. No context takeover: it is only ~20 % fewer bytes,
 * but with it ws compresses every message whatever its size (pings included), and each
 * compression takes a few event-loop turns (zlib runs in the thread pool); in a 300-node
 * room at elections a turn can take a second, and the watchers' pings queued behind their
 * views until the projector dropped. Without it, messages under the threshold go plain.
 * A context is zlib's (1 << 17) + (1 << 17) = 256 KB, kept per watcher; watchers are two
 * a room. The client's window is left to the client: asking for a smaller one refuses the
 * handshake of a browser that offers no `client_max_window_bits`.
 */
export const WATCHER_DEFLATE = {
  // Only big messages: a 300-node room's patches (14-21 KB, ~150-200 KB/s of JSON per watcher)
  // go deflated (18-32 KB/s on the wire); a 30-student room's patches (~1.6 KB, 15 KB/s) go
  // plain, as each compression costs the server's cores: with 1 KB, 40 rooms of 30 spent
  // 0.04 ms more CPU a click and ~30 ms more click-to-view p99 (docs/PERFORMANCE.md, session 5).
  threshold: 8192,
  zlibDeflateOptions: { level: 1, memLevel: 8 },
  serverMaxWindowBits: 15,
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
};

/**
 * An engine.io middleware (it runs before the websocket handshake): a client that did not
 * ask for compressed views has its offer of permessage-deflate removed, so ws answers
 * without the extension and keeps no zlib context for it.
 */
function watchersOnlyDeflate(req: IncomingMessage, _res: unknown, next: (error?: unknown) => void): void {
  if (req.headers['sec-websocket-extensions'] !== undefined && !asksForCompressedViews(req.url)) delete req.headers['sec-websocket-extensions'];
  next();
}

function asConnection(socket: Socket, trustProxy: number): Connection {
  return {
    id: socket.id,
    address: clientAddress(socket.handshake.address, socket.handshake.headers, trustProxy),
    close: () => void socket.disconnect(true),
    join: (audience) => void socket.join(audience),
    send: (event, payload) => void socket.emit(event, payload),
  };
}
