/**
 * The numbers of every limit at the edge (issue 9, findings 1 and 2), in one place and
 * stated in docs/PROTOCOL.md ("Limits"). Why these numbers:
 * - A person taps at most ~5-7 times a second and a double tap is 2 events within
 *   ~100 ms; the e2e journeys click one move, wait for the phone's answer, and retry
 *   after 3 s at the fastest. A seat's moves: 5 per second sustained with a burst of 10
 *   lets every one of them through and cuts a script sending thousands a second to ~6.
 * - A connection carries a person's clicks plus its client's own housekeeping (resume or
 *   attach on every reconnect, a round start and its follow-ups), and a teacher stepping
 *   the clock clicks in runs (the e2e host clicks "Step 1 s" 15 times in a few seconds):
 *   twice a seat's budget, 10 per second with a burst of 20.
 * - A connection still far over budget (50 refused events within 5 s, i.e. ~10x the
 *   human rate for seconds on end) is a bot: it is disconnected.
 * - A whole class can sit behind one school NAT address: joins per address allow 100
 *   per 10 s (a class of 60 joining in the same minute, 500 within a minute), room
 *   creation is what one teacher does (30 in the first minute, then 10 a minute).
 * - Room codes have 32^6 ~ 10^9 values; 20 wrong codes per address in 10 minutes are
 *   free (students mistype), every further miss doubles that address's wait (2 s, 4 s,
 *   8 s ... 15 min): guessing is pointless, a classroom of typos is not locked out.
 */
export type Budget = { perSecond: number; burst: number };

export interface LimitsConfig {
  /** Every event of one connection. */
  connection: Budget;
  /** seat:move of one seat, across all of the connections holding it. */
  seatMoves: Budget;
  /** Refused-for-rate events on one connection within `floodWindowS` before it is cut. */
  floodStrikes: number;
  floodWindowS: number;
  /** room:create per client address: `perMinute` sustained plus `burst` extra per 10 min. */
  roomCreation: { perMinute: number; burst: number };
  /** seat:join (new seats) per client address, per 10 s. */
  joinsPer10s: number;
  /** unknown-room answers per address per 10 min before the wait starts doubling. */
  freeCodeMisses: number;
  maxLockoutS: number;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  connection: { perSecond: 10, burst: 20 },
  seatMoves: { perSecond: 5, burst: 10 },
  floodStrikes: 50,
  floodWindowS: 5,
  roomCreation: { perMinute: 10, burst: 20 },
  joinsPer10s: 100,
  freeCodeMisses: 20,
  maxLockoutS: 15 * 60,
};

export type LimitsOverrides = { [K in keyof LimitsConfig]?: LimitsConfig[K] };

export function limitsWith(overrides: LimitsOverrides = {}): LimitsConfig {
  return { ...DEFAULT_LIMITS, ...overrides };
}
