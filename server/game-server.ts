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

export type GameServer = { io: Server; registry: RoomRegistry; close: () => Promise<void> };

export function attachGameServer(httpServer: HttpServer, store: EventStore, options: { keepOtherUpgrades?: boolean } = {}): GameServer {
  const registry = RoomRegistry.load(store);
  const io = new Server(httpServer, {
    // Payloads are tiny; a small cap stops a bot from making the server parse megabytes.
    maxHttpBufferSize: 64 * 1024,
    // In dev, Next's hot-reload websocket shares the HTTP server; don't kill its upgrades.
    destroyUpgrade: !options.keepOtherUpgrades,
    // Detect a vanished phone within ~10 s so its card goes grey on the projector.
    pingInterval: 5_000,
    pingTimeout: 5_000,
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

  const broadcaster = new Broadcaster(io, registry);
  registry.onChange((code) => broadcaster.markDirty(code));
  registerSocketHandlers(io, registry, broadcaster);

  return {
    io,
    registry,
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}
