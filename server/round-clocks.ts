/**
 * The room clocks of live rounds, anchored to the server's monotonic clock. The model
 * (how an anchor follows the log) is shared/game/room-clock.ts; here is only the memory
 * of one anchor per room and the reading of the real clock.
 */
import { performance } from 'node:perf_hooks';
import type { RoomState } from '../shared/room/state';
import { followRoundClock, roomTimeAt, type RoundClockAnchor } from '../shared/game/room-clock';

export class RoundClocks {
  private readonly clocks = new Map<string, RoundClockAnchor>();

  constructor(private readonly realNow: () => number = () => performance.now()) {}

  /** Room time now for this room's round (0 when it has none). */
  now(code: string): number {
    const entry = this.clocks.get(code);
    return entry ? roomTimeAt(entry.clock, this.realNow()) : 0;
  }

  isRunning(code: string): boolean {
    return this.clocks.get(code)?.clock.running ?? false;
  }

  /** Brings the anchor in line with the room's state after its events were folded. */
  sync(code: string, room: RoomState): void {
    const next = followRoundClock(this.clocks.get(code) ?? null, room.round, this.realNow());
    if (next) this.clocks.set(code, next);
    else this.clocks.delete(code);
  }
}
