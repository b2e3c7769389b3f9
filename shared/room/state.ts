import type { Temperament } from '../game/bot-policy';
import type { RoundState } from '../game/round';

/**
 * The room's state: plain JSON (no classes, Maps or Sets) so it can be logged, diffed,
 * sent to a test's `expect`, and rebuilt byte-for-byte by replaying the log.
 */

export type Seat = {
  /** Stable within the room: join order, starting at 1, never reused (not even after a kick). */
  nodeId: number;
  nickname: string;
  /** SHA-256 of the seat token. The token itself only ever lives in the student's browser. */
  seatTokenHash: string;
  joinedAt: number;
  kicked: boolean;
  /** Played by a bot of this temperament (SPEC AP1); its token hash is BOT_TOKEN_HASH, which no token hashes to. */
  bot?: Temperament;
};

/** Not a SHA-256 hex: no presented token ever opens a bot's seat. */
export const BOT_TOKEN_HASH = 'bot';

export type RoomState = {
  code: string;
  createdAt: number;
  hostTokenHash: string;
  locked: boolean;
  /** Every seat ever taken, in join order; kicked seats stay so their token stays refused. */
  seats: Seat[];
  /** The round being played, or the last one played (ended), or null before the first. */
  round: RoundState | null;
  roundsPlayed: number;
  /** The teacher switched scores off (SPEC S11). Absent: on. */
  scoresOff?: boolean;
};

/** A room that has not been created yet is `null`: the fold starts from nothing. */
export type MaybeRoom = RoomState | null;

/**
 * The version of the fold (evolveRoom and the shape of RoomState). Snapshots of a room
 * are stamped with it; bump it whenever the fold changes, and older snapshots are ignored
 * (the room is folded from its whole log instead).
 */
export const ROOM_FOLD_VERSION = 2;

/** Generous for a lecture hall (the product targets 30-300) while bounding memory. The
 * default of the server's MAX_SEATS setting (server/config.ts). */
export const MAX_SEATS = 500;

export function activeSeats(state: RoomState): Seat[] {
  return state.seats.filter((seat) => !seat.kicked);
}
