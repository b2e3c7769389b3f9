/**
 * Finding a student's seat from the hash of the token their browser kept.
 * Not a command: coming back changes nothing in the room, so nothing is logged.
 */
import type { Refusal } from '../protocol';
import type { RoomState, Seat } from './state';

export type SeatLookup = { ok: true; seat: Seat } | { ok: false; refusal: Refusal };

export function findSeat(state: RoomState, seatTokenHash: string): SeatLookup {
  const seat = state.seats.find((s) => s.seatTokenHash === seatTokenHash);
  if (!seat) {
    return { ok: false, refusal: { code: 'stale-seat', message: 'This browser’s seat is not valid in this class any more. Join again with your nickname.' } };
  }
  if (seat.kicked) {
    return { ok: false, refusal: { code: 'kicked', message: 'The teacher removed you from this class, so you cannot rejoin it.' } };
  }
  return { ok: true, seat };
}

/** Host commands and host:attach both ask this: does the presented token open this room? */
export function checkHost(state: RoomState, hostTokenHash: string): Refusal | null {
  if (state.hostTokenHash === hostTokenHash) return null;
  return { code: 'not-host', message: 'Only the teacher who opened this class can do that.' };
}
