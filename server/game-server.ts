/**
 * Wires the game onto any Node HTTP server: socket.io + the room registry + the
 * broadcaster. Kept apart from Next so integration tests can run it on a bare server.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { handshakeAuthSchema, PROTOCOL_VERSION } from '../shared/protocol';
import { Broadcaster } from './broadcaster';
import type { EventStore } from './event-store';
import { RoomRegistry } from './room-registry';
import { registerSocketHandlers } from './socket-handlers';
import { RoundClocks } from './round-clocks';
import { RoundTicker } from './round-ticker';
import { EdgeGuard } from './limits/edge-guard';
import { limitsWith, type LimitsOverrides } from './limits/limits-config';
import { originAllowed } from './limits/origins';

export type GameServerOptions = {
  /** In dev, keep upgrades that are not socket.io's (Next's hot reload). */
  keepOtherUpgrades?: boolean;
  /** Budgets (server/limits/limits-config.ts); defaults are the documented ones. */
  limits?: LimitsOverrides;
  /** Reverse proxies in front that append X-Forwarded-For / set X-Forwarded-Host (TRUST_PROXY). */
  trustProxy?: number;
  /** Origins allowed besides the page's own (ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
};

export type GameServer = { io: Server; registry: RoomRegistry; clocks: RoundClocks; close: () => Promise<void> };

export function attachGameServer(httpServer: HttpServer, store: EventStore, options: GameServerOptions = {}): GameServer {
  const trustProxy = options.trustProxy ?? 0;
  const registry = RoomRegistry.load(store);
  const io = new Server(httpServer, {
    // Payloads are tiny; a small cap stops a bot from making the server parse megabytes.
    maxHttpBufferSize: 64 * 1024,
    // In dev, Next's hot-reload websocket shares the HTTP server; don't kill its upgrades.
    destroyUpgrade: !options.keepOtherUpgrades,
    // Detect a vanished phone within ~10 s so its card goes grey on the projector.
    pingInterval: 5_000,
    pingTimeout: 5_000,
    // Cross-site pages may not drive a class from a visitor's browser (issue 9, finding 6).
    allowRequest: (req, callback) => callback(null, originAllowed(req.headers, trustProxy, options.allowedOrigins ?? [])),
  });

  io.use((socket, next) => {
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
    const version = auth.success ? auth.data.protocolVersion : undefined;
    if (version !== undefined && version !== PROTOCOL_VERSION) {
      const error = new Error('protocol-mismatch') as Error & { data?: unknown };
      error.data = { code: 'protocol-mismatch', message: `This server speaks protocol ${PROTOCOL_VERSION}, the client ${version}. Reload the page.` };
      return next(error);
    }
    next();
  });

  const clocks = new RoundClocks();
  // Rounds that were running when the server stopped resume where their log ends.
  for (const code of registry.liveRounds()) clocks.sync(code, registry.get(code)!);
  const broadcaster = new Broadcaster(io, registry, clocks);
  registry.onChange((code) => broadcaster.markDirty(code));
  const edge = new EdgeGuard(limitsWith(options.limits), trustProxy);
  const disposeHandlers = registerSocketHandlers(io, { registry, broadcaster, clocks }, edge);
  const ticker = new RoundTicker(registry, clocks);
  ticker.start();

  return {
    io,
    registry,
    clocks,
    close: () => {
      ticker.stop();
      disposeHandlers();
      return new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
}
