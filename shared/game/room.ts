/**
 * What the game needs of the room it is played in. shared/room's RoomState is one (it
 * holds the round and folds the game's events), so the dependency runs one way only:
 * shared/room imports shared/game, never the reverse.
 */
import type { Temperament } from './bot-policy';
import type { RoundState } from './round';

export interface GameSeat {
  nodeId: number;
  nickname: string;
  kicked: boolean;
  /** A seat played by a bot from the start (SPEC AP1), with its temperament. */
  bot?: Temperament;
}

export interface GameRoom {
  hostTokenHash: string;
  /** Every seat ever taken, in join order (kicked ones included). */
  seats: readonly GameSeat[];
  round: RoundState | null;
  roundsPlayed: number;
  /** The teacher switched scores off (SPEC S11): screens show none. Absent: on. */
  scoresOff?: boolean;
}

/** Students who may play: every seat not kicked, in join order. */
export function playerIds(room: GameRoom): number[] {
  return room.seats.filter((seat) => !seat.kicked).map((seat) => seat.nodeId);
}

export function nicknameOf(room: GameRoom, nodeId: number): string {
  return room.seats.find((s) => s.nodeId === nodeId)?.nickname ?? '?';
}
