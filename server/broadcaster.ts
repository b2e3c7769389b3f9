/**
 * Coalesced broadcasting: a burst of changes to one room (30 students clicking in the
 * same instant) becomes one view per audience, encoded once by socket.io. A room is
 * flushed at once when it has been quiet, and while busy at most every FLUSH_INTERVAL_MS
 * of each audience. Each student receives only their own node's view, and only when it
 * changed; hosts and projectors receive the room:view only when it changed.
 */
import { openSync, readSync } from 'node:fs';
import { gameScreenView } from '../shared/game/screen-view';
import { roomView } from '../shared/room/views';
import type { RoomRegistry } from './room-registry';
import type { RoomState } from '../shared/room/state';
import type { RoundClocks } from './round-clocks';
import { SeatViewCache } from './seat-view-cache';
import { ChangedSeats } from './changed-seats';
import { ScreenPatches } from './screen-patches';
import type { Transport } from './transport';

/** Audiences: hosts and projectors share the whole-room view; each node has its own. */
export const watchersRoom = (code: string) => `watch:${code}`;
export const nodeRoom = (code: string, nodeId: number) => `node:${code}:${nodeId}`;

/**
 * How often a busy room is flushed, per audience. Students: at the end of the event-loop
 * turn that changed the room (0: the commands read together, and written together by the
 * group commit, still make one flush), so a click's view follows its ack at once: issue
 * 12 measures the game against a bare relay that answers at once (`npm run load:relay`),
 * and a 25 ms pace alone put the game's p50 at 13 ms. Watchers (host panel,
 * projector): the issue's 100 ms. Their view is the whole room's truth (10-20 KB for 30-60
 * nodes) and changes with nearly every event, and the screen animates timers and messages
 * in flight from the room time on its own; at the students' pace it was a fifth of the
 * server's CPU in a 40-room load test (docs/PERFORMANCE.md) and ~0.7 MB/s per projector.
 */
const FLUSH_INTERVAL_MS = { seats: 0, watchers: 100 } as const;
type Audience = keyof typeof FLUSH_INTERVAL_MS;

/**
 * A flush of the phones gives the event loop back after this much CPU and goes on in the next
 * turn with the seats it has not looked at yet. One event can change every node of a big
 * cluster (a RequestVote reaching 300 nodes): building and sending 300 views held the loop
 * 190-240 ms, and every click, ack and other room waited behind it (issue 12,
 * docs/PERFORMANCE.md "Session 5: the 300-node cluster's stalls"). The movers still go first.
 */
const SEAT_SLICE_MS = 10;

/**
 * The main thread's CPU time (ms). A slice is measured in CPU, not wall time: on a busy machine
 * the thread can wait for a core in the middle of a slice, and a wall-clock slice then did one or
 * two views a turn, so the movers' views fell seconds behind the clicks. The main thread's own,
 * not the process's: the event log's checkpointer (wal-checkpointer.ts), zlib's and the garbage
 * collector's threads use CPU the loop does not. On Linux it is read from the thread's schedstat
 * (one pread of an open file); elsewhere `process.cpuUsage` (every thread) stands in.
 */
const threadCpuMs: () => number = (() => {
  try {
    const fd = openSync('/proc/thread-self/schedstat', 'r');
    const buffer = Buffer.alloc(64);
    const read = () => Number(buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0)).split(' ', 1)[0]) / 1e6;
    if (Number.isFinite(read())) return read;
  } catch {
    // No procfs: below.
  }
  return () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
})();

/**
 * Has this slice used up its CPU? Reading the CPU is a system call (1-2 µs; `process.cpuUsage`
 * once per seat looked at was 8 % of the server's busy time in a profile on a loaded machine),
 * while the wall clock costs 0.1-0.2 µs and a thread cannot use more CPU than wall time: so the
 * CPU is read only once the wall clock says the slice may be over.
 */
function sliceClock(sliceMs: number): () => boolean {
  const wallStart = performance.now();
  const deadline = threadCpuMs() + sliceMs;
  return () => performance.now() - wallStart > sliceMs && threadCpuMs() > deadline;
}

export class Broadcaster {
  private readonly lastFlush: Record<Audience, Map<string, number>> = { seats: new Map(), watchers: new Map() };
  private readonly pending: Record<Audience, Set<string>> = { seats: new Set(), watchers: new Set() };
  /** Per room, the nodes whose move was accepted since its last seats flush, in the order they moved. */
  private readonly movers = new Map<string, Set<number>>();
  private readonly seatViews = new SeatViewCache();
  /** Which phones a seats flush must look at (the others' views cannot have changed). */
  private readonly changedSeats = new ChangedSeats();
  /** Per room, the seats a sliced flush has not looked at yet, in order: the next turn starts with them. */
  private readonly unvisited = new Map<string, Set<number>>();
  /** What the watchers' room:view was last made from; it rarely changes during a round. */
  private readonly sentRoomView = new Map<string, { seats: unknown; locked: boolean; online: string; scoresOff: boolean }>();
  /** The watchers' game views as patches against the last one they hold (screen-patches.ts). */
  private readonly screens: ScreenPatches;

  constructor(
    private readonly transport: Transport,
    private readonly registry: RoomRegistry,
    private readonly clocks: RoundClocks,
    { viewPatches = true }: { viewPatches?: boolean } = {},
  ) {
    this.screens = new ScreenPatches(viewPatches);
  }

  /** Something about this room changed (an event, or who is online). */
  markDirty(code: string): void {
    this.schedule(code, 'seats');
    this.schedule(code, 'watchers');
  }

  /** A host or projector joined the room's audience: every watcher gets the whole view next. */
  watcherJoined(code: string): void {
    this.screens.resend(code);
    this.markDirty(code);
  }

  /**
   * A player's move on this node was accepted: its phone is waiting for the view that shows
   * it, so the next flush builds and sends that view before any other phone's.
   */
  moved(code: string, nodeId: number): void {
    const nodes = this.movers.get(code);
    if (nodes) nodes.add(nodeId);
    else this.movers.set(code, new Set([nodeId]));
  }

  /** A seat's next view must be sent even if unchanged (it just (re)connected). */
  forgetSeat(code: string, nodeId: number): void {
    this.seatViews.forget(code, nodeId);
    this.changedSeats.ask(code, nodeId);
  }

  /** The room left memory (evicted or deleted): drop what was kept about its audiences. */
  forgetRoom(code: string): void {
    this.seatViews.forgetRoom(code);
    this.changedSeats.forgetRoom(code);
    this.movers.delete(code);
    this.unvisited.delete(code);
    this.sentRoomView.delete(code);
    this.screens.resend(code);
    this.lastFlush.seats.delete(code);
    this.lastFlush.watchers.delete(code);
  }

  /** Is anyone (host, projector, a seat) connected to this in-memory room? */
  isConnected(code: string): boolean {
    if (this.transport.audienceSize(watchersRoom(code)) > 0) return true;
    const state = this.registry.peek(code);
    return Boolean(state?.seats.some((seat) => this.transport.audienceSize(nodeRoom(code, seat.nodeId)) > 0));
  }

  onlineNodeIds(code: string): number[] {
    const state = this.registry.peek(code);
    if (!state) return [];
    return state.seats.filter((seat) => this.transport.audienceSize(nodeRoom(code, seat.nodeId)) > 0).map((seat) => seat.nodeId);
  }

  /** At once if this audience was flushed long enough ago, else when its interval is up. */
  private schedule(code: string, audience: Audience): void {
    const pending = this.pending[audience];
    if (pending.has(code)) return;
    pending.add(code);
    const flush = () => {
      pending.delete(code);
      this.lastFlush[audience].set(code, Date.now());
      if (audience === 'seats') this.flushSeats(code);
      else this.flushWatchers(code);
    };
    // A view is built from the room in memory, which runs ahead of the log by the commands
    // read since the last group commit. So a flush that comes due while some are unwritten
    // waits for their write: no view shows a move before it is durable, and a move's view
    // never overtakes its ack (the acks waiting for that write leave first). Without this
    // a student saw the move's view, then its ack, then nothing until their node next
    // changed: the soak's quiet 4x rooms' click-to-view tail of ~600 ms (issue 12).
    const run = () => this.registry.whenDurable(flush);
    const wait = Math.max(0, (this.lastFlush[audience].get(code) ?? 0) + FLUSH_INTERVAL_MS[audience] - Date.now());
    // Due now: right after the acks of this turn's write, in the same turn (before the next
    // I/O batch is read, which used to come first and put its handling in front of the view).
    if (wait === 0) this.registry.endOfTurn(run);
    else setTimeout(run, wait);
  }

  private flushWatchers(code: string): void {
    const state = this.registry.peek(code);
    if (!state || this.transport.audienceSize(watchersRoom(code)) === 0) {
      this.sentRoomView.delete(code);
      this.screens.resend(code);
      return;
    }
    // A watcher's socket still busy with the last views (deflating them takes a few
    // event-loop turns each, and a 300-node room's loop turns slowly at elections): try again
    // in an interval, with one patch for both. Queueing instead let views and pings pile up
    // behind the deflate until the projector dropped on a ping timeout (docs/PERFORMANCE.md,
    // "Session 5: watchers' wire bytes").
    if (this.transport.isBehind?.(watchersRoom(code))) {
      this.schedule(code, 'watchers');
      return;
    }
    const online = this.onlineNodeIds(code);
    // The room view is made of the seats, the lock, the scores switch and who is online only. A
    // watcher that attaches got the current one in its ack, so an unchanged one need not go out again.
    const made = { seats: state.seats, locked: state.locked, online: online.join(','), scoresOff: state.scoresOff === true };
    const last = this.sentRoomView.get(code);
    if (!last || last.seats !== made.seats || last.locked !== made.locked || last.online !== made.online || last.scoresOff !== made.scoresOff) {
      this.transport.broadcast(watchersRoom(code), 'room:view', roomView(state, online));
      this.sentRoomView.set(code, made);
    }
    // Encoded once for the whole audience; after the first full view, only what changed.
    const message = this.screens.next(code, gameScreenView(state, this.clocks.now(code), online));
    if (message) this.transport.broadcast(watchersRoom(code), message.event, message.payload);
  }

  /**
   * Every connected phone whose view changed gets it: first the phones whose move was just
   * accepted (in the order they moved: each is waiting for its move's view, and at an
   * election a flush sends up to every phone of the room, ~0.1-0.3 ms each), then the others
   * in seat order. The order is deterministic, so a test can prove it. Only phones whose
   * views may have changed are looked at (server/changed-seats.ts).
   */
  private flushSeats(code: string): void {
    const state = this.registry.peek(code);
    const movers = this.movers.get(code);
    if (!state) {
      this.movers.delete(code);
      this.unvisited.delete(code);
      return;
    }
    const roomNow = this.clocks.now(code);
    const sliceOver = sliceClock(SEAT_SLICE_MS);
    const sent = new Set<number>();
    if (movers) {
      // Movers too within the slice: on a busy machine hundreds of clicks can wait for one turn.
      const seated = new Set(state.seats.map((seat) => seat.nodeId));
      for (const nodeId of movers) {
        if (sent.size > 0 && sliceOver()) break;
        movers.delete(nodeId);
        if (!seated.has(nodeId)) continue;
        this.sendSeat(code, state, nodeId, roomNow);
        sent.add(nodeId);
      }
      if (movers.size > 0) return this.goOnNextTurn(code);
      this.movers.delete(code);
    }
    const look = this.changedSeats.since(code, state); // null: every seat
    // The seats an earlier slice left first, then the ones that changed since, in seat order.
    const todo = this.unvisited.get(code) ?? new Set<number>();
    this.unvisited.delete(code);
    for (const seat of state.seats) if (look === null || look.has(seat.nodeId)) todo.add(seat.nodeId);
    for (const nodeId of todo) {
      if (sent.size > 0 && sliceOver()) {
        this.unvisited.set(code, todo);
        return this.goOnNextTurn(code);
      }
      todo.delete(nodeId);
      if (sent.has(nodeId)) continue;
      this.sendSeat(code, state, nodeId, roomNow);
      sent.add(nodeId);
    }
  }

  /** The rest of a sliced flush: a turn later (setImmediate, after the input that waited), through the same durable gate. */
  private goOnNextTurn(code: string): void {
    setImmediate(() => this.schedule(code, 'seats'));
  }

  private sendSeat(code: string, state: RoomState, nodeId: number, roomNow: number): void {
    const target = nodeRoom(code, nodeId);
    if (this.transport.audienceSize(target) === 0) return; // nobody holding this seat is connected
    const views = this.seatViews.update(code, state, nodeId, roomNow);
    if (views.seat) this.transport.broadcast(target, 'seat:view', views.seat);
    if (views.game !== undefined) this.transport.broadcast(target, 'game:seat', views.game);
    // A kicked seat hears that once; after that it gets no more news of the room.
    if (views.seat?.status === 'kicked') this.transport.disband(target);
  }
}
