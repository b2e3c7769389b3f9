/**
 * The room's clock: the time every cluster of a round lives in. The host pauses it,
 * resumes it, steps it and runs it at 0.25x to 4x. Real time is an input (the server
 * reads its monotonic clock and passes it in), so this stays pure.
 */
export interface RoomClock {
  /** Room time (ms) at the anchor. */
  anchorRoom: number;
  /** Real time (ms, server monotonic) at the anchor. */
  anchorReal: number;
  rate: number;
  running: boolean;
}

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

export function startedClock(roomTime: number, realNow: number): RoomClock {
  return { anchorRoom: roomTime, anchorReal: realNow, rate: 1, running: true };
}

export function roomTimeAt(clock: RoomClock, realNow: number): number {
  if (!clock.running) return clock.anchorRoom;
  return Math.floor(clock.anchorRoom + (realNow - clock.anchorReal) * clock.rate);
}

function reanchored(clock: RoomClock, realNow: number): RoomClock {
  return { ...clock, anchorRoom: roomTimeAt(clock, realNow), anchorReal: realNow };
}

export function pauseClock(clock: RoomClock, realNow: number): RoomClock {
  return { ...reanchored(clock, realNow), running: false };
}

export function resumeClock(clock: RoomClock, realNow: number): RoomClock {
  return { ...reanchored(clock, realNow), running: true };
}

export function setClockRate(clock: RoomClock, realNow: number, rate: number): RoomClock {
  return { ...reanchored(clock, realNow), rate };
}

/** Moves a paused clock forward by `ms` of room time (the host's "step"). */
export function stepClock(clock: RoomClock, realNow: number, ms: number): RoomClock {
  const base = reanchored(clock, realNow);
  return { ...base, anchorRoom: base.anchorRoom + ms };
}
