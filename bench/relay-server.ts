/**
 * The bare socket.io relay that `npm run load:relay` measures the game server against:
 * the same events and acks as the game (so bench/load-players.ts drives it unchanged),
 * but no rules, no event log, no per-node views and no coalescing. A move is acked at
 * once and answered at once with a canned view of the size the game's students got
 * (RELAY_VIEW_CHARS); the room's watchers get the moves relayed, batched every 100 ms
 * as the game batches its watcher views. What is left is socket.io, JSON and the cores.
 *
 *   node --expose-gc --import tsx bench/relay-server.ts     (env PORT, RELAY_VIEW_CHARS)
 *
 * Answers GET /stats like bench/load-server.ts; prints {"port", "pid"} once it listens.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { statsListener } from './server-stats';

const VIEW_CHARS = Number(process.env.RELAY_VIEW_CHARS ?? 6_000);
const WATCHER_BATCH_MS = 100;
/** Moves of the kinds the generator times (they change the mover's node in the game). */
const MOVES = [
  { type: 'StandForElection' },
  { type: 'SendHeartbeat' },
  { type: 'WriteCommand', command: 'x=1' },
  { type: 'WriteCommand', command: 'x=2' },
  { type: 'GrantVote', candidate: 0 },
  { type: 'GrantVote', candidate: 1 },
].map((move) => ({ move, allowed: true }));
const PAD = 'x'.repeat(Math.max(0, VIEW_CHARS - JSON.stringify({ inRound: true, computedAt: 0, moves: MOVES, pad: '' }).length));

type Ack = (answer: unknown) => void;
type Relayed = { nodeId: number; move: unknown };
interface RelayRoom {
  seats: Map<string, number>;
  pending: Relayed[];
  timer: NodeJS.Timeout | null;
}
const rooms = new Map<string, RelayRoom>();
const view = () => ({ inRound: true, computedAt: Date.now(), moves: MOVES, pad: PAD });

const http = createServer(statsListener({ events: () => null, rooms: () => rooms.size, sockets: (): number => io.engine.clientsCount }));
const io: Server = new Server(http, { maxHttpBufferSize: 64 * 1024, pingInterval: 5_000, pingTimeout: 5_000 });

function relayToWatchers(code: string, room: RelayRoom, relayed: Relayed): void {
  room.pending.push(relayed);
  room.timer ??= setTimeout(() => {
    io.to(`watch:${code}`).emit('game:view', { moves: room.pending });
    room.pending = [];
    room.timer = null;
  }, WATCHER_BATCH_MS);
}

io.on('connection', (socket: Socket) => {
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = (typeof args[args.length - 1] === 'function' ? args[args.length - 1] : () => {}) as Ack;
    const req = (typeof args[0] === 'object' && args[0] !== null ? args[0] : {}) as Record<string, unknown>;
    const code = String(req.code ?? '');
    const room = rooms.get(code);
    switch (event) {
      case 'room:create': {
        const fresh = randomUUID().slice(0, 8);
        rooms.set(fresh, { seats: new Map(), pending: [], timer: null });
        void socket.join(`watch:${fresh}`);
        return ack({ ok: true, code: fresh, hostToken: 'host', view: {} });
      }
      case 'screen:watch':
        void socket.join(`watch:${code}`);
        return ack({ ok: true, view: {} });
      case 'seat:join': {
        if (!room) return ack({ ok: false, refusal: { code: 'unknown-room', message: 'no such room' } });
        const seatToken = randomUUID();
        room.seats.set(seatToken, room.seats.size);
        void socket.join(`seat:${code}`);
        return ack({ ok: true, seatToken, view: {} });
      }
      case 'host:round:start':
        ack({ ok: true, round: 1, seed: 0 });
        io.to(`seat:${code}`).emit('game:seat', view());
        return;
      case 'seat:move':
        ack({ ok: true });
        socket.emit('game:seat', view());
        if (room) relayToWatchers(code, room, { nodeId: room.seats.get(String(req.seatToken)) ?? -1, move: req.move });
        return;
      default:
        return ack({ ok: true });
    }
  });
});

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (http.address() as AddressInfo).port, pid: process.pid }));
});
const stop = () => void io.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
