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
import { defaultRoomSettings, type RoomSettings } from './config';
import { MoveDeduper } from './move-deduper';
import { loadOpenRoundsInBackground } from './open-rounds';
import type { Result } from '../shared/rules/refusal';
import { manageRoomLifecycle, type RoomLifecycle } from './room-lifecycle';
import { EdgeGuard } from './limits/edge-guard';
import { limitsWith, type LimitsOverrides } from './limits/limits-config';

export type GameServer = { transport: Transport; registry: RoomRegistry; clocks: RoundClocks; lifecycle: RoomLifecycle; broadcaster: Broadcaster; close: () => Promise<void> };

export type GameServerOptions = {
  /** In dev, keep upgrades that are not socket.io's (Next's hot reload). */
  keepOtherUpgrades?: boolean;
  settings?: Partial<RoomSettings>;
  /** Budgets (server/limits/limits-config.ts); defaults are the documented ones. */
  limits?: LimitsOverrides;
  /** Reverse proxies in front that append X-Forwarded-For / set X-Forwarded-Host (TRUST_PROXY). */
  trustProxy?: number;
  /** Origins allowed besides the page's own (ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
};

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
  return serveGame(transport, store, { settings: options.settings, limits: options.limits });
}

export type ServeOptions = {
  /** Room settings (MAX_SEATS, IDLE_MINUTES, RETENTION_DAYS); defaults: `defaultRoomSettings`. */
  settings?: Partial<RoomSettings>;
  /** Budgets (server/limits/limits-config.ts); defaults are the documented ones. */
  limits?: LimitsOverrides;
};

/** The game on any transport. */
export function serveGame(transport: Transport, store: EventStore, options: ServeOptions = {}): GameServer {
  const settings: RoomSettings = { ...defaultRoomSettings, ...options.settings };
  // Nothing is folded at start: rooms load on first use (start-up does not grow with history).
  const registry = RoomRegistry.load(store, { groupCommit: settings.groupCommit });
  const clocks = new RoundClocks();
  const broadcaster = new Broadcaster(transport, registry, clocks, { viewPatches: settings.viewPatches });
  const deps = { registry, broadcaster, clocks, moves: new MoveDeduper<Result>() };
  const lifecycle = manageRoomLifecycle(deps, settings);
  // Rounds that were open when the server stopped resume where their log ends: loaded in
  // the background, one room a turn, so the port opens at once (first use loads sooner).
  let closed = false;
  void loadOpenRoundsInBackground(registry, () => closed).catch((error: unknown) => console.error('[start] loading open rounds failed', error));
  registry.onChange((code, events) => broadcaster.markDirty(code, events)); // events: whose move it was
  const edge = new EdgeGuard(limitsWith(options.limits), (fn) => registry.whenDurable(fn));
  const disposeHandlers = registerSocketHandlers(transport, deps, settings, edge);
  const ticker = new RoundTicker(registry, clocks);
  ticker.start();

  return {
    transport,
    registry,
    clocks,
    lifecycle,
    broadcaster,
    close: () => {
      closed = true;
      ticker.stop();
      lifecycle.close();
      disposeHandlers();
      registry.flush(); // what was decided this turn is written before the process goes
      return transport.close();
    },
  };
}
