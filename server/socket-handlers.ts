/**
 * The edge: every client event is parsed with its zod schema from shared/protocol.ts,
 * then handed to the registry. Every event is answered through its ack; nothing a
 * client sends can throw past this file or change state without passing decideRoom.
 */
import type { Server, Socket } from 'socket.io';
import {
  clientEvents,
  isClientEventName,
  type Ack,
  type ClientEventName,
  type ParsedRequest,
  type Refusal,
} from '../shared/protocol';
import { findSeat, checkHost } from '../shared/room/seats';
import { roomView, seatView } from '../shared/room/views';
import type { RoomState } from '../shared/room/state';
import { nodeRoom, watchersRoom, type Broadcaster } from './broadcaster';
import { createGameHandlers, reportPresence, type GameDeps } from './game-handlers';
import { hashToken, newToken } from './secrets';
import type { EdgeGuard } from './limits/edge-guard';

/** What the server remembers about one connection: the seats it holds, per room. */
type SocketData = { seats: Record<string, { nodeId: number; seatToken: string }> };
type GameSocket = Socket<Record<string, never>, Record<string, (...args: unknown[]) => void>, Record<string, never>, SocketData>;
type Handler<E extends ClientEventName> = (request: ParsedRequest<E>, socket: GameSocket) => Ack<E>;

const refused = (code: string, message: string): { ok: false; refusal: Refusal } => ({ ok: false, refusal: { code, message } });
const UNKNOWN_ROOM = refused('unknown-room', 'There is no class with that code. Check the code on the board.');

/** A phone that drops (a tunnel, a reload) gets this long before its node counts as away. */
const AWAY_GRACE_MS = 3_000;

/** Registers every handler; returns a function that cancels timers still pending (on close). */
export function registerSocketHandlers(io: Server, deps: GameDeps, edge: EdgeGuard): () => void {
  const { registry, broadcaster } = deps;
  const awayTimers = new Set<NodeJS.Timeout>();
  let closed = false;
  const seatSockets = (code: string, nodeId: number) => io.sockets.adapter.rooms.get(nodeRoom(code, nodeId))?.size ?? 0;
  const withRoom = <E extends ClientEventName>(code: string, fn: (state: RoomState) => Ack<E>): Ack<E> => {
    const state = registry.get(code);
    return state ? fn(state) : UNKNOWN_ROOM;
  };

  /** Joins the socket to a seat's broadcast room and remembers it for presence. */
  const takeSeat = (socket: GameSocket, code: string, nodeId: number, seatToken: string) => {
    const wasAway = seatSockets(code, nodeId) === 0;
    void socket.join(nodeRoom(code, nodeId));
    socket.data.seats[code] = { nodeId, seatToken };
    broadcaster.forgetSeat(code, nodeId); // this browser needs its views even if unchanged
    if (wasAway) reportPresence(deps, code, nodeId, true);
    broadcaster.markDirty(code); // this node is online now
  };

  const hostCommand =
    (type: 'LockRoom' | 'UnlockRoom') =>
    (req: { code: string; hostToken: string }): { ok: true } | { ok: false; refusal: Refusal } => {
      const decision = registry.execute(req.code, { type, at: Date.now(), hostTokenHash: hashToken(req.hostToken) });
      return decision.ok ? { ok: true } : decision;
    };

  const handlers: { [E in ClientEventName]: Handler<E> } = {
    'room:create': (_req, socket) => {
      const hostToken = newToken();
      const code = registry.freshCode();
      const decision = registry.execute(code, { type: 'CreateRoom', at: Date.now(), code, hostTokenHash: hashToken(hostToken) });
      if (!decision.ok) return decision;
      void socket.join(watchersRoom(code));
      const state = registry.get(code);
      if (!state) return refused('internal-error', 'The class could not be opened. Please try again.');
      return { ok: true, code, hostToken, view: roomView(state, []) };
    },

    'host:attach': (req, socket) =>
      withRoom(req.code, (state) => {
        const notHost = checkHost(state, hashToken(req.hostToken));
        if (notHost) return { ok: false, refusal: notHost };
        void socket.join(watchersRoom(req.code));
        broadcaster.markDirty(req.code); // so the round's view reaches this panel too
        return { ok: true, view: roomView(state, broadcaster.onlineNodeIds(req.code)) };
      }),

    'host:kick': (req) => {
      const decision = registry.execute(req.code, { type: 'KickNode', at: Date.now(), hostTokenHash: hashToken(req.hostToken), nodeId: req.nodeId });
      if (!decision.ok) return decision;
      reportPresence(deps, req.code, req.nodeId, false); // a removed player's node goes silent
      return { ok: true };
    },
    'host:lock': hostCommand('LockRoom'),
    'host:unlock': hostCommand('UnlockRoom'),

    'seat:join': (req, socket) =>
      withRoom(req.code, (state) => {
        // Same connection asking twice (a double tap): hand back the seat it already has.
        const held = socket.data.seats[req.code];
        const heldLookup = held ? findSeat(state, hashToken(held.seatToken)) : null;
        if (held && heldLookup?.ok) return seatAck(state, held.nodeId, held.seatToken);
        if (heldLookup && !heldLookup.ok && heldLookup.refusal.code === 'kicked') return heldLookup;
        // This browser sat here before: a kicked seat stays out, a valid one is reused.
        if (req.previousSeatToken) {
          const previous = findSeat(state, hashToken(req.previousSeatToken));
          if (previous.ok) {
            takeSeat(socket, req.code, previous.seat.nodeId, req.previousSeatToken);
            return seatAck(state, previous.seat.nodeId, req.previousSeatToken);
          }
          if (previous.refusal.code === 'kicked') return previous;
        }
        const seatToken = newToken();
        const decision = registry.execute(req.code, { type: 'JoinRoom', at: Date.now(), nickname: req.nickname, seatTokenHash: hashToken(seatToken) });
        if (!decision.ok) return decision;
        const joined = decision.events.find((e) => e.type === 'NodeJoined');
        const after = registry.get(req.code);
        if (!joined || joined.type !== 'NodeJoined' || !after) return refused('internal-error', 'Joining failed. Please try again.');
        takeSeat(socket, req.code, joined.nodeId, seatToken);
        return seatAck(after, joined.nodeId, seatToken);
      }),

    'seat:resume': (req, socket) =>
      withRoom(req.code, (state) => {
        const lookup = findSeat(state, hashToken(req.seatToken));
        if (!lookup.ok) return lookup;
        takeSeat(socket, req.code, lookup.seat.nodeId, req.seatToken);
        const view = seatView(state, lookup.seat.nodeId);
        return view ? { ok: true, view } : refused('internal-error', 'Your seat could not be loaded.');
      }),

    ...createGameHandlers(deps),

    'screen:watch': (req, socket) =>
      withRoom(req.code, (state) => {
        void socket.join(watchersRoom(req.code));
        broadcaster.markDirty(req.code);
        return { ok: true, view: roomView(state, broadcaster.onlineNodeIds(req.code)) };
      }),
  };

  io.on('connection', (rawSocket) => {
    const socket = rawSocket as unknown as GameSocket;
    socket.data.seats = {};
    for (const name of Object.keys(handlers) as ClientEventName[]) {
      // Budgets first (server/limits): an event over budget never reaches its handler.
      socket.on(name, (...args: unknown[]) =>
        edge.serve(socket as unknown as Socket, name, payloadOf(args), () => dispatch(name, handlers[name] as Handler<ClientEventName>, args, socket), (answer) => reply(socket, name, args, answer)),
      );
    }
    socket.onAny((name: unknown, ...args: unknown[]) => {
      if (typeof name === 'string' && isClientEventName(name)) return;
      const unknown = refused('unknown-event', `"${String(name)}" is not an event this server understands.`);
      edge.serve(socket as unknown as Socket, String(name), undefined, () => unknown, (answer) => reply(socket, String(name), args, answer));
    });
    socket.on('disconnect', () => {
      // Presence changed: hosts and projectors should see the node go grey.
      for (const [code, { nodeId }] of Object.entries(socket.data.seats)) {
        broadcaster.markDirty(code);
        // Still gone after the grace period: the node is silent, so it counts as crashed.
        if (closed) continue;
        const timer = setTimeout(() => {
          awayTimers.delete(timer);
          if (seatSockets(code, nodeId) === 0) reportPresence(deps, code, nodeId, false);
        }, AWAY_GRACE_MS);
        awayTimers.add(timer);
      }
    });
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

const payloadOf = (args: unknown[]): unknown => (typeof args[0] === 'function' ? undefined : args[0]);

/** Validate and run. Any surprise becomes an 'internal-error' refusal, never a crash. */
function dispatch(name: ClientEventName, handler: Handler<ClientEventName>, args: unknown[], socket: GameSocket): Ack<ClientEventName> {
  const payload = payloadOf(args);
  let answer: Ack<ClientEventName>;
  try {
    // room:create has no fields, so `emit('room:create', ack)` without a payload is fine.
    const parsed = clientEvents[name].request.safeParse(payload ?? (name === 'room:create' ? {} : payload));
    answer = parsed.success
      ? handler(parsed.data as ParsedRequest<ClientEventName>, socket)
      : refused('invalid-payload', `Bad "${name}" payload: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')}`);
  } catch (error) {
    console.error(`[socket] ${name} failed`, error);
    answer = refused('internal-error', 'Something went wrong on the server. Please try again.');
  }
  return answer;
}

function reply(socket: GameSocket, event: string, args: unknown[], answer: { ok: boolean; refusal?: Refusal }): void {
  const ack = args[args.length - 1];
  if (typeof ack === 'function') (ack as (a: unknown) => void)(answer);
  else if (!answer.ok && answer.refusal) socket.emit('protocol:refused', { event, refusal: answer.refusal });
}
