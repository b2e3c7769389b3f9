/**
 * The edge's budgets, on rate-limiter-flexible's in-memory limiters (keys expire on their
 * own, so a million one-off addresses cost nothing after their window). A budget of
 * "N per second, burst B" is the library's BurstyRateLimiter (its recipe for a token
 * bucket): N points per 1 s window, and when those are spent, B - N more from a pool
 * that refills every 10 s. So B at once, then N a second (plus (B - N)/10).
 * Nothing here touches the room's log: a request refused for rate never reaches decide.
 */
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Budget, LimitsConfig } from './limits-config';

/** How long an address is remembered as knowing a room's code: a long lesson. */
const ENTRY_MEMORY_S = 4 * 3600;
/** How long a seat whose connection was cut for flooding gets no grace on a new connection. */
const FLOODER_MEMORY_S = 60;

/** true = within budget; false = over it. */
type Spend = (key: string) => Promise<boolean>;

function bucket(name: string, budget: Budget): Spend {
  const steady = new RateLimiterMemory({ keyPrefix: `${name}-steady`, points: budget.perSecond, duration: 1 });
  const extra = Math.max(budget.burst - budget.perSecond, 0);
  const limiter = extra > 0
    ? new BurstyRateLimiter(steady, new RateLimiterMemory({ keyPrefix: `${name}-burst`, points: extra, duration: 10 }))
    : steady;
  return spendFrom(limiter);
}

function spendFrom(limiter: { consume: (key: string) => Promise<unknown> }): Spend {
  return (key) =>
    limiter.consume(key).then(
      () => true,
      (rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) return false;
        throw rejection; // a real error, not a rejection for rate
      },
    );
}

export class EdgeBudgets {
  readonly connection: Spend;
  readonly seatMoves: Spend;
  readonly roomCreation: Spend;
  readonly joins: Spend;
  private readonly strikes: Spend;
  private readonly misses: RateLimiterMemory;
  private readonly lockouts: RateLimiterMemory;
  private readonly entries: RateLimiterMemory;
  private readonly flooders: RateLimiterMemory;

  constructor(readonly config: LimitsConfig) {
    this.connection = bucket('conn', config.connection);
    this.seatMoves = bucket('seat', config.seatMoves);
    const creation = config.roomCreation;
    this.roomCreation = spendFrom(
      new BurstyRateLimiter(
        new RateLimiterMemory({ keyPrefix: 'create-steady', points: creation.perMinute, duration: 60 }),
        new RateLimiterMemory({ keyPrefix: 'create-burst', points: creation.burst, duration: 600 }),
      ),
    );
    this.joins = spendFrom(new RateLimiterMemory({ keyPrefix: 'join', points: config.joinsPer10s, duration: 10 }));
    this.strikes = spendFrom(new RateLimiterMemory({ keyPrefix: 'strike', points: config.floodStrikes, duration: config.floodWindowS }));
    this.misses = new RateLimiterMemory({ keyPrefix: 'miss', points: Number.MAX_SAFE_INTEGER, duration: 600 });
    this.lockouts = new RateLimiterMemory({ keyPrefix: 'lockout', points: 1, duration: 1 });
    this.entries = new RateLimiterMemory({ keyPrefix: 'entry', points: 1, duration: ENTRY_MEMORY_S });
    this.flooders = new RateLimiterMemory({ keyPrefix: 'flooder', points: 1, duration: FLOODER_MEMORY_S });
  }

  /** This address got into this room (it knows the code): a lockout does not keep it out. */
  async rememberEntry(address: string, code: string): Promise<void> {
    await this.entries.set(`${address}|${code}`, 1, ENTRY_MEMORY_S);
  }

  async knowsRoom(address: string, code: string): Promise<boolean> {
    return (await this.entries.get(`${address}|${code}`)) !== null;
  }

  /** This seat's connection was cut for flooding: for a minute, its next one gets no grace. */
  async markFlooder(seat: string): Promise<void> {
    await this.flooders.set(seat, 1, FLOODER_MEMORY_S);
  }

  async isFlooder(seat: string): Promise<boolean> {
    return (await this.flooders.get(seat)) !== null;
  }

  /** One more refusal for rate on this connection; true when it is flooding (cut it). */
  async strike(socketId: string): Promise<boolean> {
    return !(await this.strikes(socketId));
  }

  /** Seconds this address must still wait before trying a room code again (0 = none). */
  async lockedOutFor(address: string): Promise<number> {
    const res = await this.lockouts.get(address);
    return res && res.consumedPoints > 1 && res.msBeforeNext > 0 ? Math.ceil(res.msBeforeNext / 1000) : 0;
  }

  /** A wrong room code: past the free allowance, each miss doubles the address's wait. */
  async missedCode(address: string): Promise<void> {
    const { consumedPoints } = await this.misses.penalty(address, 1);
    const beyond = consumedPoints - this.config.freeCodeMisses;
    if (beyond > 0) await this.lockouts.block(address, Math.min(2 ** beyond, this.config.maxLockoutS));
  }
}
