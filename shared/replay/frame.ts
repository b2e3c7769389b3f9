/**
 * One frame of the film: what the projector showed at room time t, and what one
 * student's phone showed, made by the live game's own pure views from the folded room.
 */
import { gameScreenView, type GameScreenView } from '../game/screen-view';
import { gameSeatView, type GameSeatView } from '../game/seat-view';
import type { RoomState } from '../room/state';
import type { Marker } from './markers';
import { seek, type Timeline } from './timeline';

export interface ReplayFrame {
  t: number;
  /** Index of the last row folded (the "current event"). */
  index: number;
  screen: GameScreenView;
  seat: GameSeatView | null;
  /** The last move of the chosen student that the rules refused, at or before t. */
  refusal: Marker | null;
}

/**
 * Players online as the log knows it: a phone that went away crashed its node with cause
 * "presence", and the fold keeps those nodes in `away` until the phone came back.
 */
export function onlineAt(room: RoomState): number[] {
  const round = room.round;
  if (!round) return [];
  return round.teams.flatMap((team) => team.members.filter((_, i) => !team.away.includes(i)));
}

export function frameAt(timeline: Timeline, t: number, nodeId: number | null = null): ReplayFrame {
  const { room, index } = seek(timeline, t);
  const screen = gameScreenView(room, t, onlineAt(room));
  if (!screen) throw new Error('A replay frame needs a round');
  const seat = nodeId === null ? null : gameSeatView(room, nodeId, t);
  return { t, index, screen, seat, refusal: seat ? lastRefusal(timeline, index, seat) : null };
}

function lastRefusal(timeline: Timeline, index: number, seat: GameSeatView): Marker | null {
  for (let i = timeline.markers.length - 1; i >= 0; i--) {
    const m = timeline.markers[i]!;
    if (m.index > index) continue;
    if (m.kind === 'refused' && m.team === seat.team && m.node === seat.index) return m;
  }
  return null;
}
