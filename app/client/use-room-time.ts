/**
 * The room's clock, estimated between two views. The server sends the room time it read
 * (`roomNow`) with each view; the page counts on from there at the clock's rate while it
 * runs, so countdowns move smoothly without a message per tick. A paused clock stands still.
 */
'use client';

import { useEffect, useState } from 'react';

export interface RoomClockReading {
  running: boolean;
  /** Room ms per real ms (0.25x to 4x). */
  rate: number;
  /** Room time (ms) when the server made the view. */
  roomNow: number;
}

/** Room time now, given a reading taken when the page's `performance.now()` was `receivedAt`. */
export function estimateRoomTime(clock: RoomClockReading, receivedAt: number, now: number = performance.now()): number {
  if (!clock.running) return clock.roomNow;
  return clock.roomNow + Math.max(0, now - receivedAt) * clock.rate;
}

/**
 * Re-renders every `intervalMs` while the clock runs and returns the estimated room time.
 * `clock` null (no round) gives 0. Pass the `receivedAt` stamped when the view arrived.
 */
export function useRoomTime(clock: RoomClockReading | null, receivedAt: number, intervalMs = 100): number {
  const [now, setNow] = useState(() => performance.now());
  const running = clock?.running ?? false;

  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setNow(performance.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [running, intervalMs]);

  if (!clock) return 0;
  // A view that arrived after the last tick counts from its own arrival, never backwards.
  return estimateRoomTime(clock, receivedAt, Math.max(now, receivedAt));
}
