/**
 * SPEC G7, "a double tap is one action": the same move id is answered once, and the same
 * move again within 400 ms, while nothing else happened in the room, gets the first
 * answer. Time and the room's log position are inputs; the server keeps one `SeatMoves`
 * per seat. The memory is a Map by move id in insertion order (a bounded FIFO: the oldest
 * id is the Map's first key), updated in place within a round, so a move costs O(1)
 * instead of copying and scanning up to 1,000 remembered moves (issue 12).
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
/** One seat's memory: its round's remembered moves by id (oldest first) and the latest one. */
export type SeatMoves<A extends MoveAnswer = MoveAnswer> = { round: number; byId: Map<string, Remembered<A>>; last: Remembered<A> | null };

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
  const sameId = memory.byId.get(ask.moveId);
  if (sameId) return sameId.answer;
  if (ask.nodeCrashed) return null;
  const last = memory.last;
  const doubleTap = last && last.content === ask.content && ask.at - last.at < SAME_MOVE_WINDOW_MS && last.seq === ask.seq;
  return doubleTap ? last.answer : null;
}

/**
 * The seat's memory after a decided move (`seq`: the log position after its answer). The
 * same round's memory is updated in place and returned; a new round starts a new one.
 */
export function rememberMove<A extends MoveAnswer>(memory: SeatMoves<A> | undefined, ask: MoveAsk, answer: A): SeatMoves<A> {
  const kept: SeatMoves<A> = memory && memory.round === ask.round ? memory : { round: ask.round, byId: new Map(), last: null };
  const move: Remembered<A> = { moveId: ask.moveId, content: ask.content, at: ask.at, seq: ask.seq, answer };
  kept.byId.delete(move.moveId); // a re-remembered id becomes the newest, as in a list
  kept.byId.set(move.moveId, move);
  if (kept.byId.size > MOVE_IDS_PER_ROUND) kept.byId.delete(kept.byId.keys().next().value as string);
  kept.last = move;
  return kept;
}
