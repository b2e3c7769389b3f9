/**
 * Coalesced broadcasting: a burst of changes to one room (30 students joining in the
 * same second) becomes one view per audience per tick, each encoded once by socket.io.
 */
import type { Server } from 'socket.io';
import { roomView, seatView } from '../shared/room/views';
import type { RoomRegistry } from './room-registry';

/** socket.io rooms: hosts and projectors share the whole-room view; each node has its own. */
export const watchersRoom = (code: string) => `watch:${code}`;
export const nodeRoom = (code: string, nodeId: number) => `node:${code}:${nodeId}`;

export class Broadcaster {
  private readonly dirty = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly io: Server,
    private readonly registry: RoomRegistry,
  ) {}

  /** Something about this room changed (an event, or who is online). */
  markDirty(code: string): void {
    this.dirty.add(code);
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate: after the current command's ack is sent, before the next I/O batch.
    setImmediate(() => this.flush());
  }

  onlineNodeIds(code: string): number[] {
    const state = this.registry.get(code);
    if (!state) return [];
    const rooms = this.io.sockets.adapter.rooms;
    return state.seats.filter((seat) => (rooms.get(nodeRoom(code, seat.nodeId))?.size ?? 0) > 0).map((seat) => seat.nodeId);
  }

  private flush(): void {
    this.scheduled = false;
    const codes = [...this.dirty];
    this.dirty.clear();
    for (const code of codes) this.sendRoom(code);
  }

  private sendRoom(code: string): void {
    const state = this.registry.get(code);
    if (!state) return;
    this.io.to(watchersRoom(code)).emit('room:view', roomView(state, this.onlineNodeIds(code)));
    const rooms = this.io.sockets.adapter.rooms;
    for (const seat of state.seats) {
      const target = nodeRoom(code, seat.nodeId);
      if (!rooms.has(target)) continue; // nobody holding this seat is connected
      const view = seatView(state, seat.nodeId);
      if (!view) continue;
      this.io.to(target).emit('seat:view', view);
      // A kicked seat hears that once; after that it gets no more news of the room.
      if (view.status === 'kicked') this.io.in(target).socketsLeave(target);
    }
  }
}
