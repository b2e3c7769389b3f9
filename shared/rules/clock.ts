/**
 * Per-node clocks. The room clock is the truth (it is `state.now`); each node reads its
 * own local clock, which may run fast or slow (rate), carry an offset, or stand still
 * while the node is paused (a stop-the-world GC pause: the process observes no time
 * passing, so afterwards its clock lags by the pause). A clock is an anchor pair
 * (room time, local time) and a rate, so it stays plain JSON.
 */
export interface NodeClock {
  anchorRoom: number;
  anchorLocal: number;
  /** 1 = true speed; 1.2 = runs 20% fast. Always > 0; pausing is a separate flag. */
  rate: number;
  frozen: boolean;
}

export function trueClock(now: number): NodeClock {
  return { anchorRoom: now, anchorLocal: now, rate: 1, frozen: false };
}

export function localTime(clock: NodeClock, roomNow: number): number {
  if (clock.frozen) return clock.anchorLocal;
  return clock.anchorLocal + (roomNow - clock.anchorRoom) * clock.rate;
}

/** The room instant at which this clock reads `local`; Infinity while frozen. */
export function roomTimeOf(clock: NodeClock, local: number): number {
  if (clock.frozen) return Number.POSITIVE_INFINITY;
  return clock.anchorRoom + (local - clock.anchorLocal) / clock.rate;
}

/** Re-anchors at `roomNow` so a new rate or offset applies from now on, not retroactively. */
export function reanchor(clock: NodeClock, roomNow: number, change: Partial<Pick<NodeClock, 'rate' | 'frozen'>> & { offsetMs?: number }): NodeClock {
  const local = localTime(clock, roomNow) + (change.offsetMs ?? 0);
  return {
    anchorRoom: roomNow,
    anchorLocal: local,
    rate: change.rate ?? clock.rate,
    frozen: change.frozen ?? clock.frozen,
  };
}
