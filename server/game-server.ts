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

export type GameServer = { transport: Transport; registry: RoomRegistry; clocks: RoundClocks; broadcaster: Broadcaster; close: () => Promise<void> };

/** A client of another protocol version is refused at the handshake, before any event. */
function admit(auth: unknown): { code: string; message: string } | null {
  const parsed = handshakeAuthSchema.safeParse(auth);
  const version = parsed.success ? parsed.data.protocolVersion : undefined;
  if (version === undefined || version === PROTOCOL_VERSION) return null;
  return { code: 'protocol-mismatch', message: `This server speaks protocol ${PROTOCOL_VERSION}, the client ${version}. Reload the page.` };
}

export function attachGameServer(httpServer: HttpServer, store: EventStore, options: { keepOtherUpgrades?: boolean } = {}): GameServer {
  const transport = new SocketIoTransport(httpServer, { keepOtherUpgrades: options.keepOtherUpgrades, admit });
  return serveGame(transport, store);
}

/** The game on any transport. */
export function serveGame(transport: Transport, store: EventStore): GameServer {
  const registry = RoomRegistry.load(store);
  const clocks = new RoundClocks();
  // Rounds that were running when the server stopped resume where their log ends.
  for (const code of registry.liveRounds()) clocks.sync(code, registry.get(code)!);
  const broadcaster = new Broadcaster(transport, registry, clocks);
  registry.onChange((code) => broadcaster.markDirty(code));
  const disposeHandlers = registerSocketHandlers(transport, { registry, broadcaster, clocks });
  const ticker = new RoundTicker(registry, clocks);
  ticker.start();

  return {
    transport,
    registry,
    clocks,
    broadcaster,
    close: () => {
      ticker.stop();
      disposeHandlers();
      return transport.close();
    },
  };
}
