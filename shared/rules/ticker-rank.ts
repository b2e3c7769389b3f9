/**
 * How much a ticker line matters (issue 8, "a projector that explains"): the headline is
 * the most important recent event, not the latest one. Each algorithm ranks its own
 * events (its module's `rankEvent`); the common faults are ranked in shared/game/ticker.ts.
 *
 *   3 alarm     two leaders at once, a stale write: the bug the lecture is about
 *   2 headline  leader change, commit, crash
 *   1 notable   an election starts, a timer runs out, a partition (the default)
 *   0 routine   one more vote, heartbeat, renewal: grouped, never the headline
 */
export type TickerWeight = 0 | 1 | 2 | 3;

export interface TickerRank {
  weight: TickerWeight;
  /**
   * Repeats with the same `key` become one line ("3 votes for B in term 2"): `many` is the
   * grouped sentence, `{n}` standing for the count.
   */
  group?: { key: string; many: string };
}

export const ALARM: TickerRank = { weight: 3 };
export const HEADLINE: TickerRank = { weight: 2 };
export const NOTABLE: TickerRank = { weight: 1 };

/** A routine line grouped under `key`. */
export function routine(key: string, many: string): TickerRank {
  return { weight: 0, group: { key, many } };
}
