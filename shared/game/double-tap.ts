/**
 * SPEC G7, "a double tap is one action": the same move id is answered once, and the same
 * move again within 400 ms, while nothing else happened in the room, gets the first
 * answer. Pure: the server keeps one `SeatMoves` per seat and passes time and the room's
 * log position in.
 *
 * - "Nothing else happened" is the room's log position: a move that appended facts is
 *   remembered with the seq after them, so anything logged since (a clock step that
 *   delivered the heartbeat, a crash) makes the next tap a new action.
 * - A new tap from a crashed node is always decided again, so it is refused (C1) even
 *   right after an accepted one. A retry of the same id still gets its first answer: that
 *   move did happen, before the crash.
 * - Ids are remembered per round: a new round forgets the last round's ids.
 */
import type { GameRoom } from './room';
import { seatInRound } from './round';

export const SAME_MOVE_WINDOW_MS = 400;
/** Ids kept per seat and round (far more than a person taps in a lecture's round). */
export const MOVE_IDS_PER_ROUND = 1_000;

export type MoveAnswer = { ok: boolean };
type Remembered<A> = { moveId: string; content: string; at: number; seq: number; answer: A };
export type SeatMoves<A extends MoveAnswer = MoveAnswer> = { round: number; moves: Remembered<A>[] };

/** What the rule needs to know about the room when a move arrives. */
export type MoveAsk = { round: number; moveId: string; content: string; at: number; seq: number; nodeCrashed: boolean };

/** The round a move belongs to and whether the sender's node is down right now. */
export function moveContext(room: GameRoom, nodeId: number): { round: number; nodeCrashed: boolean } {
  const round = room.round;
  if (!round) return { round: 0, nodeCrashed: false };
  const seat = seatInRound(round, nodeId);
  return { round: round.id, nodeCrashed: seat?.team.cluster.nodes[seat.index]?.status === 'crashed' };
}

/** The earlier answer this move must get, or null when it is a new action to decide. */
export function recallMove<A extends MoveAnswer>(memory: SeatMoves<A> | undefined, ask: MoveAsk): A | null {
  if (!memory || memory.round !== ask.round) return null;
  const sameId = memory.moves.find((m) => m.moveId === ask.moveId);
  if (sameId) return sameId.answer;
  if (ask.nodeCrashed) return null;
  const last = memory.moves[memory.moves.length - 1];
  const doubleTap = last && last.content === ask.content && ask.at - last.at < SAME_MOVE_WINDOW_MS && last.seq === ask.seq;
  return doubleTap ? last.answer : null;
}

/** The seat's memory after a decided move (`seq`: the log position after its answer). */
export function rememberMove<A extends MoveAnswer>(memory: SeatMoves<A> | undefined, ask: MoveAsk, answer: A): SeatMoves<A> {
  const kept = memory && memory.round === ask.round ? memory.moves.slice(-(MOVE_IDS_PER_ROUND - 1)) : [];
  return { round: ask.round, moves: [...kept, { moveId: ask.moveId, content: ask.content, at: ask.at, seq: ask.seq, answer }] };
}
