/**
 * The room's clock: the time every cluster of a round lives in. The host pauses it,
 * resumes it, steps it and runs it at 0.25x to 4x; each change is logged (RoundClockSet)
 * with the room time it happened at. A server keeps an anchor that turns its monotonic
 * clock into room time and follows the log. Real time is an input, so this stays pure.
 */
import { lastRoomTime, type RoundClockRecord, type RoundState } from './round';

// The room clock's limits, in one place: the wire schema (shared/protocol.ts), the log's
// schema (events.ts) and the law (decide.ts) all read them from here.
export const CLOCK_RATES = [0.25, 0.5, 1, 2, 4] as const;
export const MIN_RATE = 0.25;
export const MAX_RATE = 4;
/** A step of a paused clock: 1 ms to a minute of room time; 1 s unless the host says. */
export const MIN_STEP_MS = 1;
export const MAX_STEP_MS = 60_000;
export const DEFAULT_STEP_MS = 1_000;

export const isClockRate = (rate: number): boolean => rate >= MIN_RATE && rate <= MAX_RATE;
export const isClockStep = (ms: number): boolean => Number.isInteger(ms) && ms >= MIN_STEP_MS && ms <= MAX_STEP_MS;

export interface RoomClock {
  /** Room time (ms) at the anchor. */
  anchorRoom: number;
  /** Real time (ms, server monotonic) at the anchor. */
  anchorReal: number;
  rate: number;
  running: boolean;
}

/** A round's clock as a server follows it: which round, the log record it was set from, the anchor. */
export interface RoundClockAnchor {
  round: number;
  record: RoundClockRecord;
  clock: RoomClock;
}

export function roomTimeAt(clock: RoomClock, realNow: number): number {
  if (!clock.running) return clock.anchorRoom;
  return Math.floor(clock.anchorRoom + (realNow - clock.anchorReal) * clock.rate);
}

/**
 * The anchor after the room's events were folded: none without a round; a new round (or
 * a server that just restarted) continues from the furthest recorded room time; a clock
 * change re-anchors at the room time it recorded; a finished round stands at its end.
 * Unchanged records keep the anchor (the same object), so time keeps flowing from it.
 */
export function followRoundClock(known: RoundClockAnchor | null, round: RoundState | null, realNow: number): RoundClockAnchor | null {
  if (!round) return null;
  const record = round.clock;
  if (round.ended) {
    // A finished round keeps the instant it ended at, so its last views read true.
    return { round: round.id, record, clock: { anchorRoom: lastRoomTime(round), anchorReal: realNow, rate: record.rate, running: false } };
  }
  const fresh = !known || known.round !== round.id;
  // The record is replaced (a new object) exactly when a RoundClockSet was folded.
  if (!fresh && known.record === record) return known;
  const roomTime = fresh ? lastRoomTime(round) : record.roomTime;
  return { round: round.id, record, clock: { anchorRoom: roomTime, anchorReal: realNow, rate: record.rate, running: record.running } };
}
