/**
 * Coalesced broadcasting: a burst of changes to one room (30 students clicking in the
 * same instant) becomes one view per audience, encoded once by socket.io. A room is
 * flushed at once when it has been quiet, and at most every FLUSH_INTERVAL_MS while busy.
 * Each student receives only their own node's view, and only when it changed.
 */
import type { Server } from 'socket.io';
import { gameScreenView } from '../shared/game/screen-view';
import { roomView } from '../shared/room/views';
import type { RoomRegistry } from './room-registry';
import type { RoundClocks } from './round-clocks';
import { SeatViewCache } from './seat-view-cache';

/** socket.io rooms: hosts and projectors share the whole-room view; each node has its own. */
export const watchersRoom = (code: string) => `watch:${code}`;
export const nodeRoom = (code: string, nodeId: number) => `node:${code}:${nodeId}`;

/** Well under the 100 ms the issue allows, so a click's view arrives within a frame or two. */
const FLUSH_INTERVAL_MS = 25;

export class Broadcaster {
  private readonly lastFlush = new Map<string, number>();
  private readonly pending = new Set<string>();
  private readonly seatViews = new SeatViewCache();

  constructor(
    private readonly io: Server,
    private readonly registry: RoomRegistry,
    private readonly clocks: RoundClocks,
  ) {}

  /** Something about this room changed (an event, or who is online). */
  markDirty(code: string): void {
    if (this.pending.has(code)) return;
    this.pending.add(code);
    const wait = Math.max(0, (this.lastFlush.get(code) ?? 0) + FLUSH_INTERVAL_MS - Date.now());
    // setImmediate: after the current command's ack is sent, before the next I/O batch.
    if (wait === 0) setImmediate(() => this.flush(code));
    else setTimeout(() => this.flush(code), wait);
  }

  /** A seat's next view must be sent even if unchanged (it just (re)connected). */
  forgetSeat(code: string, nodeId: number): void {
    this.seatViews.forget(code, nodeId);
  }

  onlineNodeIds(code: string): number[] {
    const state = this.registry.get(code);
    if (!state) return [];
    const rooms = this.io.sockets.adapter.rooms;
    return state.seats.filter((seat) => (rooms.get(nodeRoom(code, seat.nodeId))?.size ?? 0) > 0).map((seat) => seat.nodeId);
  }

  private flush(code: string): void {
    this.pending.delete(code);
    this.lastFlush.set(code, Date.now());
    const state = this.registry.get(code);
    if (!state) return;
    const rooms = this.io.sockets.adapter.rooms;
    const online = this.onlineNodeIds(code);
    const roomNow = this.clocks.now(code);
    if ((rooms.get(watchersRoom(code))?.size ?? 0) > 0) {
      this.io.to(watchersRoom(code)).emit('room:view', roomView(state, online));
      this.io.to(watchersRoom(code)).emit('game:view', gameScreenView(state, roomNow, online));
    }
    for (const seat of state.seats) {
      const target = nodeRoom(code, seat.nodeId);
      if (!rooms.has(target)) continue; // nobody holding this seat is connected
      const views = this.seatViews.update(code, state, seat.nodeId, roomNow);
      if (views.seat) this.io.to(target).emit('seat:view', views.seat);
      if (views.game !== undefined) this.io.to(target).emit('game:seat', views.game);
      // A kicked seat hears that once; after that it gets no more news of the room.
      if (views.seat?.status === 'kicked') this.io.in(target).socketsLeave(target);
    }
  }
}
