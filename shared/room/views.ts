/**
 * What each audience is allowed to see. Pure projections of the state; who is online is
 * a fact of the server's connections (not of the log), so it is passed in.
 * Views never include token hashes.
 */
import type { Temperament } from '../game/bot-policy';
import { activeSeats, type RoomState } from './state';

export interface NodeSummary {
  nodeId: number;
  nickname: string;
  /** True while at least one browser holding this seat is connected. */
  online: boolean;
  /** Played by a bot of this temperament (SPEC AP1); a bot is always at the table. */
  bot?: Temperament;
}

/** What the host panel and the projector see: the whole room. */
export interface RoomView {
  code: string;
  locked: boolean;
  /** Active (not kicked) nodes, in join order. */
  nodes: NodeSummary[];
  kickedCount: number;
  /** The teacher switched scores off (SPEC S11): no podium, no lines. */
  scoresOff: boolean;
}

/** What one student sees: their own node and a little about the room. */
export interface SeatView {
  code: string;
  nodeId: number;
  nickname: string;
  status: 'active' | 'kicked';
  locked: boolean;
  crewSize: number;
}

export function roomView(state: RoomState, onlineNodeIds: readonly number[]): RoomView {
  const active = activeSeats(state);
  return {
    code: state.code,
    locked: state.locked,
    nodes: active.map((seat) => ({
      nodeId: seat.nodeId, nickname: seat.nickname, online: seat.bot !== undefined || onlineNodeIds.includes(seat.nodeId), ...(seat.bot && { bot: seat.bot }),
    })),
    kickedCount: state.seats.length - active.length,
    scoresOff: state.scoresOff === true,
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
