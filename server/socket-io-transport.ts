/**
 * The Transport over socket.io 4: one socket per client, audiences are socket.io rooms,
 * a request is an emitted event whose last argument may be the ack callback. The
 * handshake is refused here when the client speaks another protocol version.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
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
      // Cross-site pages may not drive a class from a visitor's browser (issue 9, finding 6).
      allowRequest: (req, callback) => callback(null, originAllowed(req.headers, trustProxy, options.allowedOrigins ?? [])),
    });
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
    // Without permessage-deflate socket.io builds the websocket frame once per broadcast and
    // writes the same bytes to every socket of the audience (docs/PERFORMANCE.md, issue 12).
    this.io.to(audience).emit(event, payload);
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

function asConnection(socket: Socket, trustProxy: number): Connection {
  return {
    id: socket.id,
    address: clientAddress(socket.handshake.address, socket.handshake.headers, trustProxy),
    close: () => void socket.disconnect(true),
    join: (audience) => void socket.join(audience),
    send: (event, payload) => void socket.emit(event, payload),
  };
}
