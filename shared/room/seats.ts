/**
 * Finding a student's seat from the hash of the token their browser kept.
 * Not a command: coming back changes nothing in the room, so nothing is logged.
 */
import { refuseAdmin, type Refusal, type Result } from '../rules/refusal';
import type { RoomState, Seat } from './state';

export type SeatLookup = Result<{ seat: Seat }>;

export function findSeat(state: RoomState, seatTokenHash: string): SeatLookup {
  const seat = state.seats.find((s) => s.seatTokenHash === seatTokenHash);
  if (!seat) {
    return { ok: false, refusal: refuseAdmin('stale-seat', 'This browser’s seat is not valid in this class any more. Join again with your nickname.') };
  }
  if (seat.kicked) {
    return { ok: false, refusal: refuseAdmin('kicked', 'The teacher removed you from this class, so you cannot rejoin it.') };
  }
  return { ok: true, seat };
}

/** Host commands and host:attach both ask this: does the presented token open this room? */
export function checkHost(state: RoomState, hostTokenHash: string): Refusal | null {
  if (state.hostTokenHash === hostTokenHash) return null;
  return refuseAdmin('not-host', 'Only the teacher who opened this class can do that.');
}
