/**
 * Wires the game onto any Node HTTP server: a transport (socket.io) + the room registry +
 * the broadcaster. Kept apart from Next so integration tests can run it on a bare server.
 */
import type { Server as HttpServer } from 'node:http';
import { handshakeAuthSchema, PROTOCOL_VERSION } from '../shared/protocol';
import { Broadcaster } from './broadcaster';
import type { EventStore } from './event-store';
import { RoomRegistry } from './room-registry';
import { registerSocketHandlers } from './socket-handlers';
import { RoundClocks } from './round-clocks';
import { RoundTicker } from './round-ticker';
import { SocketIoTransport } from './socket-io-transport';
import type { Transport } from './transport';
import { EdgeGuard } from './limits/edge-guard';
import { limitsWith, type LimitsOverrides } from './limits/limits-config';

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

export type GameServer = { transport: Transport; registry: RoomRegistry; clocks: RoundClocks; close: () => Promise<void> };

/** A client of another protocol version is refused at the handshake, before any event. */
function admit(auth: unknown): { code: string; message: string } | null {
  const parsed = handshakeAuthSchema.safeParse(auth);
  const version = parsed.success ? parsed.data.protocolVersion : undefined;
  if (version === undefined || version === PROTOCOL_VERSION) return null;
  return { code: 'protocol-mismatch', message: `This server speaks protocol ${PROTOCOL_VERSION}, the client ${version}. Reload the page.` };
}

export function attachGameServer(httpServer: HttpServer, store: EventStore, options: GameServerOptions = {}): GameServer {
  const { keepOtherUpgrades, trustProxy, allowedOrigins } = options;
  const transport = new SocketIoTransport(httpServer, { keepOtherUpgrades, admit, trustProxy, allowedOrigins });
  return serveGame(transport, store, options.limits);
}

/** The game on any transport. */
export function serveGame(transport: Transport, store: EventStore, limits?: LimitsOverrides): GameServer {
  const registry = RoomRegistry.load(store);
  const clocks = new RoundClocks();
  // Rounds that were running when the server stopped resume where their log ends.
  for (const code of registry.liveRounds()) clocks.sync(code, registry.get(code)!);
  const broadcaster = new Broadcaster(transport, registry, clocks);
  registry.onChange((code) => broadcaster.markDirty(code));
  const edge = new EdgeGuard(limitsWith(limits));
  const disposeHandlers = registerSocketHandlers(transport, { registry, broadcaster, clocks }, edge);
  const ticker = new RoundTicker(registry, clocks);
  ticker.start();

  return {
    transport,
    registry,
    clocks,
    close: () => {
      ticker.stop();
      disposeHandlers();
      return transport.close();
    },
  };
}
