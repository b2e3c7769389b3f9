/**
 * Time passing in every live round: every TICK_MS the room clock is read and each team's
 * cluster is moved to that instant, delivering the messages and firing the timers due.
 * Ticks in which nothing but time passed log nothing (see decideGame).
 */
import type { RoomRegistry } from './room-registry';
import type { RoundClocks } from './round-clocks';

const TICK_MS = 100;

export class RoundTicker {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly registry: RoomRegistry,
    private readonly clocks: RoundClocks,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    for (const code of this.registry.liveRounds()) {
      if (!this.clocks.isRunning(code)) continue;
      try {
        this.registry.executeGame(code, { type: 'TickRound', at: Date.now(), roomTime: this.clocks.now(code) });
      } catch (error) {
        // One broken room must not stop time for every other class on this server.
        console.error(`[tick] room ${code}`, error);
      }
    }
  }
}
