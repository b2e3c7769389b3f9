/**
 * Which seat a `seat:join` gets. A browser that asks to join may already hold a seat on
 * this connection (a double tap), or may have held one before (a reload, a new tab): a
 * valid seat is handed back instead of a duplicate node, a kicked one stays out, and a
 * seat the room no longer knows (another server's data, a wiped log) is forgotten.
 * Pure: the server passes the hashes of the tokens it was shown.
 */
import type { Result } from '../rules/refusal';
import { findSeat } from './seats';
import type { RoomState } from './state';

export type SeatClaim =
  /** Hand back a seat this browser already holds; its token is the one presented. */
  | { seat: 'held' | 'previous'; nodeId: number }
  /** Take a new seat: decide a JoinRoom. */
  | { seat: 'new' };

export function claimSeat(state: RoomState, tokens: { heldHash: string | null; previousHash: string | null }): Result<{ claim: SeatClaim }> {
  // Same connection asking twice (a double tap): hand back the seat it already has.
  if (tokens.heldHash !== null) {
    const held = findSeat(state, tokens.heldHash);
    if (held.ok) return { ok: true, claim: { seat: 'held', nodeId: held.seat.nodeId } };
    if (held.refusal.code === 'kicked') return held;
  }
  // This browser sat here before: a kicked seat stays out, a valid one is reused.
  if (tokens.previousHash !== null) {
    const previous = findSeat(state, tokens.previousHash);
    if (previous.ok) return { ok: true, claim: { seat: 'previous', nodeId: previous.seat.nodeId } };
    if (previous.refusal.code === 'kicked') return previous;
  }
  return { ok: true, claim: { seat: 'new' } };
}
