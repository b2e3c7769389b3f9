/**
 * What each audience is allowed to see. Pure projections of the state; who is online is
 * a fact of the server's connections (not of the log), so it is passed in.
 * Views never include token hashes.
 */
import type { RoomView, SeatView } from '../protocol';
import { activeSeats, type RoomState } from './state';

export function roomView(state: RoomState, onlineNodeIds: readonly number[]): RoomView {
  const active = activeSeats(state);
  return {
    code: state.code,
    locked: state.locked,
    nodes: active.map((seat) => ({ nodeId: seat.nodeId, nickname: seat.nickname, online: onlineNodeIds.includes(seat.nodeId) })),
    kickedCount: state.seats.length - active.length,
  };
}

export function seatView(state: RoomState, nodeId: number): SeatView | null {
  const seat = state.seats.find((s) => s.nodeId === nodeId);
  if (!seat) return null;
  return {
    code: state.code,
    nodeId: seat.nodeId,
    nickname: seat.nickname,
    status: seat.kicked ? 'kicked' : 'active',
    locked: state.locked,
    crewSize: activeSeats(state).length,
  };
}
