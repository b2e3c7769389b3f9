/**
 * Where the server's time goes around each click (issue 12's relay ratio): loaded into the
 * load server (bench/load-server.ts) only when TURN_TRACE names a file, never by the game.
 * It wraps, on their prototypes, the pieces of work that hold the one thread (a click's
 * request, the end-of-turn group commit and its SQLite write, the phones' flush, the
 * watchers' flush, the round ticker) and watches garbage collection, and writes at exit:
 *   - spans: [kind, start, end] in ms on the shared epoch clock (performance.timeOrigin + now,
 *     comparable with the generator's, which runs on the same machine),
 *   - moves: per `seat:move`, its moveId, when the handler ran, when its ack and the mover's
 *     next game:seat were handed to socket.io, and how many phones' views that flush sent first.
 * bench/relay-trace.ts joins this with the generator's clicks and prints the breakdown.
 */
import { writeFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { Broadcaster } from '../server/broadcaster';
import { EventStore } from '../server/event-store';
import { GroupCommit } from '../server/group-commit';
import { RoundTicker } from '../server/round-ticker';
import { EdgeGuard } from '../server/limits/edge-guard';
import { SocketIoTransport } from '../server/socket-io-transport';
import type { RequestHandlers } from '../server/transport';

export type SpanKind = 'request' | 'move' | 'commit' | 'sqlite' | 'seats' | 'watchers' | 'tick' | 'gc' | 'afterAnswers';
/** detail: views sent (seats), GC kind (gc: 1 minor, 2 major, 4 incremental, 8 weak callbacks); cpu: the process's CPU ms meanwhile. */
export type Span = [kind: SpanKind, start: number, end: number, detail: number, cpu: number];
export interface TracedMove {
  moveId: string;
  /** Read by socket.io (the request reached the server's handlers). */
  read: number;
  /** The handler ran (after the edge's budgets, a few microtasks later) and returned. */
  run: number;
  handled: number;
  ack: number | null;
  ok: boolean | null;
  /** The mover's first game:seat handed to socket.io after the move was accepted. */
  view: number | null;
  /** Phones' views the same flush sent before it. */
  place: number | null;
  /** Its phone's socket was still writing an earlier message, so engine.io held this view back. */
  heldBack: boolean | null;
}
export interface TurnTrace {
  spans: Span[];
  moves: TracedMove[];
}

const file = process.env.TURN_TRACE;
const now = () => performance.timeOrigin + performance.now();
/** The process's CPU time in ms (0.4 µs a call): a span's wall time on a busy machine includes waiting for a core. */
const cpu = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const spans: Span[] = [];
const moves: TracedMove[] = [];
/** Accepted moves whose view has not left yet, per phone audience (node:CODE:ID). */
const awaitingView = new Map<string, TracedMove[]>();
/** The move socket.io is handing to the edge right now, and the one whose handler runs. */
let reading: TracedMove | null = null;
let handling: TracedMove | null = null;
let seatViewsThisFlush = 0;

type Method = (this: unknown, ...args: unknown[]) => unknown;
/** Replaces `proto[name]` with a version that records its span (and a detail read after it ran). */
function timed(proto: object, name: string, kind: SpanKind, detail: () => number = () => 0): void {
  const target = proto as Record<string, Method>;
  const original = target[name];
  if (typeof original !== 'function') throw new Error(`turn-trace: ${name} is not a method any more`);
  target[name] = function (this: unknown, ...args: unknown[]) {
    const start = now();
    const cpuStart = cpu();
    try {
      return original.apply(this, args);
    } finally {
      spans.push([kind, start, now(), detail(), cpu() - cpuStart]);
    }
  };
}

if (file) {
  timed(GroupCommit.prototype, 'endTurn', 'commit');
  timed(EventStore.prototype, 'appendBatch', 'sqlite');
  timed(RoundTicker.prototype, 'tick', 'tick');
  timed(Broadcaster.prototype, 'flushWatchers', 'watchers');
  const seats = Broadcaster.prototype as unknown as Record<string, Method>;
  const flushSeats = seats.flushSeats!;
  seats.flushSeats = function (this: unknown, ...args: unknown[]) {
    seatViewsThisFlush = 0;
    const start = now();
    const cpuStart = cpu();
    try {
      return flushSeats.apply(this, args);
    } finally {
      spans.push(['seats', start, now(), seatViewsThisFlush, cpu() - cpuStart]);
    }
  };
  const moved = Broadcaster.prototype.moved;
  Broadcaster.prototype.moved = function (code: string, nodeId: number) {
    if (handling) {
      const audience = `node:${code}:${nodeId}`;
      awaitingView.set(audience, [...(awaitingView.get(audience) ?? []), handling]);
    }
    return moved.call(this, code, nodeId);
  };
  const broadcast = SocketIoTransport.prototype.broadcast;
  SocketIoTransport.prototype.broadcast = function (audience: string, event: string, payload: unknown) {
    if (event === 'game:seat') {
      const waiting = awaitingView.get(audience);
      if (waiting) {
        awaitingView.delete(audience);
        const at = now();
        const heldBack = this.isBehind(audience);
        for (const move of waiting) {
          move.view = at;
          move.place = seatViewsThisFlush;
          move.heldBack = heldBack;
        }
      }
      seatViewsThisFlush++;
    }
    return broadcast.call(this, audience, event, payload);
  };
  const serve = SocketIoTransport.prototype.serve;
  SocketIoTransport.prototype.serve = function (handlers: RequestHandlers) {
    return serve.call(this, {
      ...handlers,
      request(connection, event, payload, reply) {
        const read = now();
        const cpuStart = cpu();
        const moveId = event === 'seat:move' ? (payload as { moveId?: unknown } | undefined)?.moveId : undefined;
        const move: TracedMove | null = typeof moveId === 'string' ? { moveId, read, run: read, handled: read, ack: null, ok: null, view: null, place: null, heldBack: null } : null;
        const traced = move && reply ? (answer: unknown) => {
          move.ack = now();
          move.ok = (answer as { ok?: boolean }).ok === true;
          reply(answer);
        } : reply;
        reading = move;
        try {
          handlers.request(connection, event, payload, traced);
        } finally {
          reading = null;
          if (move) moves.push(move);
          spans.push(['request', read, now(), 0, cpu() - cpuStart]);
        }
      },
    });
  };
  // The edge runs a handler after its budgets, in a promise chain: the move's own path.
  const edgeServe = EdgeGuard.prototype.serve;
  EdgeGuard.prototype.serve = function (connection, name, payload, run, reply) {
    const move = reading;
    if (!move) return edgeServe.call(this, connection, name, payload, run, reply);
    const tracedRun: typeof run = () => {
      move.run = now();
      const cpuStart = cpu();
      handling = move;
      try {
        return run();
      } finally {
        handling = null;
        move.handled = now();
        spans.push(['move', move.run, move.handled, 0, cpu() - cpuStart]);
      }
    };
    return edgeServe.call(this, connection, name, payload, tracedRun, reply);
  };
  const gcs = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const start = performance.timeOrigin + entry.startTime;
      spans.push(['gc', start, start + entry.duration, ((entry as { detail?: { kind?: number } }).detail)?.kind ?? 0, entry.duration]);
    }
  });
  gcs.observe({ entryTypes: ['gc'] });
  process.on('exit', () => {
    const trace: TurnTrace = { spans, moves };
    writeFileSync(file, JSON.stringify(trace));
  });
}
