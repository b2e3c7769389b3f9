/**
 * The edge: every client request is parsed with its zod schema from shared/protocol.ts,
 * then decided in shared/ and carried out by the registry. Every request is answered
 * through its ack; nothing a client sends can throw past this file or change state
 * without passing a decide function. The wire itself is behind the Transport interface.
 */
import { clientEvents, isClientEventName, type Ack, type ClientEventName, type ParsedRequest } from '../shared/protocol';
import { refuseAdmin, type Refusal, type RefusalCode, type Result } from '../shared/rules/refusal';
import { claimSeat } from '../shared/room/seat-claim';
import { findSeat, checkHost } from '../shared/room/seats';
import { roomView, seatView } from '../shared/room/views';
import type { RoomState } from '../shared/room/state';
import { nodeRoom, watchersRoom } from './broadcaster';
import { createGameHandlers, reportPresence, type GameDeps } from './game-handlers';
import { hashToken, newToken } from './secrets';
import type { EdgeGuard } from './limits/edge-guard';
import type { Connection, Transport } from './transport';
import { AWAY_GRACE_MS } from '../shared/game/presence';
import type { RoomSettings } from './config';
import { deleteClass } from './delete-class';

/** What the server remembers about one connection: the seat it holds, per room. */
type HeldSeats = Record<string, { nodeId: number; seatToken: string }>;
type Handler<E extends ClientEventName> = (request: ParsedRequest<E>, connection: Connection) => Ack<E>;

const refused = (code: RefusalCode, message: string) => ({ ok: false as const, refusal: refuseAdmin(code, message) });
const UNKNOWN_ROOM = refused('unknown-room', 'There is no class with that code. Check the code on the board.');
const NOT_WRITTEN = refused('internal-error', 'The server could not save that. Please try again.');

/** Registers every handler; returns a function that cancels timers still pending (on close). */
export function registerSocketHandlers(transport: Transport, deps: GameDeps, settings: Pick<RoomSettings, 'maxSeats'>, edge: EdgeGuard): () => void {
  const { registry, broadcaster } = deps;
  const awayTimers = new Set<NodeJS.Timeout>();
  const held = new WeakMap<Connection, HeldSeats>();
  const seatsOf = (connection: Connection): HeldSeats => held.get(connection) ?? held.set(connection, {}).get(connection)!;
  let closed = false;
  const seatConnections = (code: string, nodeId: number) => transport.audienceSize(nodeRoom(code, nodeId));
  const withRoom = <E extends ClientEventName>(code: string, fn: (state: RoomState) => Ack<E>): Ack<E> => {
    const state = registry.get(code);
    return state ? fn(state) : UNKNOWN_ROOM;
  };

  /** Joins the connection to a seat's audience and remembers it for presence. */
  const takeSeat = (connection: Connection, code: string, nodeId: number, seatToken: string) => {
    const wasAway = seatConnections(code, nodeId) === 0;
    connection.join(nodeRoom(code, nodeId));
    seatsOf(connection)[code] = { nodeId, seatToken };
    broadcaster.forgetSeat(code, nodeId); // this browser needs its views even if unchanged
    if (wasAway) reportPresence(deps, code, nodeId, true);
    broadcaster.markDirty(code); // this node is online now
  };

  const hostCommand =
    (type: 'LockRoom' | 'UnlockRoom') =>
    (req: { code: string; hostToken: string }): Result => {
      const decision = registry.execute(req.code, { type, at: Date.now(), hostTokenHash: hashToken(req.hostToken) });
      return decision.ok ? { ok: true } : { ok: false, refusal: decision.refusal };
    };

  const handlers: { [E in ClientEventName]: Handler<E> } = {
    'room:create': (_req, connection) => {
      const hostToken = newToken();
      const code = registry.freshCode();
      const decision = registry.execute(code, { type: 'CreateRoom', at: Date.now(), code, hostTokenHash: hashToken(hostToken) });
      if (!decision.ok) return { ok: false, refusal: decision.refusal };
      connection.join(watchersRoom(code));
      const state = registry.get(code);
      if (!state) return refused('internal-error', 'The class could not be opened. Please try again.');
      return { ok: true, code, hostToken, view: roomView(state, []) };
    },

    'host:attach': (req, connection) =>
      withRoom(req.code, (state) => {
        const notHost = checkHost(state, hashToken(req.hostToken));
        if (notHost) return { ok: false, refusal: notHost };
        connection.join(watchersRoom(req.code));
        broadcaster.watcherJoined(req.code); // so the round's whole view reaches this panel too
        return { ok: true, view: roomView(state, broadcaster.onlineNodeIds(req.code)) };
      }),

    'host:kick': (req) => {
      const decision = registry.execute(req.code, { type: 'KickNode', at: Date.now(), hostTokenHash: hashToken(req.hostToken), nodeId: req.nodeId });
      if (!decision.ok) return { ok: false, refusal: decision.refusal };
      reportPresence(deps, req.code, req.nodeId, false, true); // a removed player's node goes to a bot or silent (SPEC AP6)
      return { ok: true };
    },
    'host:room:delete': (req) => deleteClass(transport, registry, req.code, hashToken(req.hostToken)),
    'host:bots:fill': (req) => {
      const decision = registry.execute(req.code, { type: 'FillWithBots', at: Date.now(), hostTokenHash: hashToken(req.hostToken), upTo: req.upTo, temperament: req.temperament });
      return decision.ok ? { ok: true } : { ok: false, refusal: decision.refusal };
    },
    'host:lock': hostCommand('LockRoom'),
    'host:unlock': hostCommand('UnlockRoom'),

    'seat:join': (req, connection) =>
      withRoom(req.code, (state) => {
        const mine = seatsOf(connection)[req.code];
        const claimed = claimSeat(state, {
          heldHash: mine ? hashToken(mine.seatToken) : null,
          previousHash: req.previousSeatToken ? hashToken(req.previousSeatToken) : null,
        });
        if (!claimed.ok) return claimed;
        const { claim } = claimed;
        if (claim.seat === 'held') return seatAck(state, claim.nodeId, mine!.seatToken);
        if (claim.seat === 'previous') {
          takeSeat(connection, req.code, claim.nodeId, req.previousSeatToken!);
          return seatAck(state, claim.nodeId, req.previousSeatToken!);
        }
        const seatToken = newToken();
        const decision = registry.execute(req.code, { type: 'JoinRoom', at: Date.now(), nickname: req.nickname, seatTokenHash: hashToken(seatToken), maxSeats: settings.maxSeats });
        if (!decision.ok) return { ok: false, refusal: decision.refusal };
        const joined = decision.events.find((e) => e.type === 'NodeJoined');
        const after = registry.get(req.code);
        if (!joined || joined.type !== 'NodeJoined' || !after) return refused('internal-error', 'Joining failed. Please try again.');
        takeSeat(connection, req.code, joined.nodeId, seatToken);
        return seatAck(after, joined.nodeId, seatToken);
      }),

    'seat:resume': (req, connection) =>
      withRoom(req.code, (state) => {
        const lookup = findSeat(state, hashToken(req.seatToken));
        if (!lookup.ok) return lookup;
        takeSeat(connection, req.code, lookup.seat.nodeId, req.seatToken);
        const view = seatView(state, lookup.seat.nodeId);
        return view ? { ok: true, view } : refused('internal-error', 'Your seat could not be loaded.');
      }),

    ...createGameHandlers(deps),

    'screen:watch': (req, connection) =>
      withRoom(req.code, (state) => {
        connection.join(watchersRoom(req.code));
        broadcaster.watcherJoined(req.code);
        return { ok: true, view: roomView(state, broadcaster.onlineNodeIds(req.code)) };
      }),
  };

  transport.serve({
    request: (connection, event, payload, reply) => {
      const run = () =>
        isClientEventName(event)
          ? dispatch(connection, event, handlers[event] as Handler<ClientEventName>, payload)
          : refused('unknown-event', `"${event}" is not an event this server understands.`);
      // Budgets first (server/limits): a request over budget never reaches its handler.
      const answer = (sent: { ok: boolean; refusal?: Refusal }) => {
        if (reply) reply(sent);
        // A client that asked for no answer still hears why it was refused.
        else if (!sent.ok && sent.refusal) connection.send('protocol:refused', { event, refusal: sent.refusal });
      };
      // An answer leaves only once the facts it tells of are in the log (group commit). A
      // refusal of the edge decided nothing and logged nothing: it leaves at once (before a cut).
      edge.serve(connection, event, payload, run, (decided, ran) => {
        if (!ran) answer(decided);
        else registry.whenDurable((durable) => answer(durable ? decided : NOT_WRITTEN));
      });
    },
    disconnected: (connection) => {
      edge.disconnected(connection);
      // Presence changed: hosts and projectors should see the node go grey.
      for (const [code, { nodeId }] of Object.entries(held.get(connection) ?? {})) {
        broadcaster.markDirty(code);
        // Still gone after the grace period: the node is silent, so it counts as crashed.
        if (closed) continue;
        const timer = setTimeout(() => {
          awayTimers.delete(timer);
          if (seatConnections(code, nodeId) === 0) reportPresence(deps, code, nodeId, false);
        }, AWAY_GRACE_MS);
        awayTimers.add(timer);
      }
    },
  });
  return () => {
    closed = true;
    for (const timer of awayTimers) clearTimeout(timer);
    awayTimers.clear();
  };
}

function seatAck(state: RoomState, nodeId: number, seatToken: string): Ack<'seat:join'> {
  const view = seatView(state, nodeId);
  return view ? { ok: true, seatToken, view } : refused('internal-error', 'Your seat could not be loaded.');
}

/** Validate, run, answer. Any surprise becomes an 'internal-error' refusal, never a crash. */
function dispatch(connection: Connection, name: ClientEventName, handler: Handler<ClientEventName>, payload: unknown): Ack<ClientEventName> {
  try {
    // room:create has no fields, so `emit('room:create', ack)` without a payload is fine.
    const parsed = clientEvents[name].request.safeParse(payload ?? (name === 'room:create' ? {} : payload));
    if (parsed.success) return handler(parsed.data as ParsedRequest<ClientEventName>, connection);
    return refused('invalid-payload', `Bad "${name}" payload: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')}`);
  } catch (error) {
    console.error(`[socket] ${name} failed`, error);
    return refused('internal-error', 'Something went wrong on the server. Please try again.');
  }
}
