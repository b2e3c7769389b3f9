/**
 * The room clocks of live rounds, anchored to the server's monotonic clock. The log
 * records each clock change (RoundClockSet) with the room time it happened at; here we
 * only keep the anchor that turns "now" into room time. After a restart a round resumes
 * from the last room time its log reached.
 */
import { performance } from 'node:perf_hooks';
import type { RoomState } from '../shared/room/state';
import { lastRoomTime, type RoundClockRecord } from '../shared/game/round';
import { roomTimeAt, type RoomClock } from '../shared/game/room-clock';

export class RoundClocks {
  private readonly clocks = new Map<string, { round: number; record: RoundClockRecord; clock: RoomClock }>();

  constructor(private readonly realNow: () => number = () => performance.now()) {}

  /** Room time now for this room's round (0 when it has none). */
  now(code: string): number {
    const entry = this.clocks.get(code);
    return entry ? roomTimeAt(entry.clock, this.realNow()) : 0;
  }

  isRunning(code: string): boolean {
    return this.clocks.get(code)?.clock.running ?? false;
  }

  /**
   * Brings the anchor in line with the room's state after its events were folded: a new
   * round starts at 0, a clock change re-anchors at the recorded room time.
   */
  sync(code: string, room: RoomState): void {
    const round = room.round;
    if (!round) {
      this.clocks.delete(code);
      return;
    }
    if (round.ended) {
      // A finished round keeps the instant it ended at, so its last views read true.
      const at = lastRoomTime(round);
      this.clocks.set(code, { round: round.id, record: round.clock, clock: { anchorRoom: at, anchorReal: this.realNow(), rate: round.clock.rate, running: false } });
      return;
    }
    const known = this.clocks.get(code);
    const record = round.clock;
    const fresh = !known || known.round !== round.id;
    // The record is replaced (a new object) exactly when a RoundClockSet was folded.
    if (!fresh && known.record === record) return;
    // A fresh anchor (new round, or a restart) continues from the furthest recorded time.
    const roomTime = fresh ? lastRoomTime(round) : record.roomTime;
    this.clocks.set(code, { round: round.id, record, clock: { anchorRoom: roomTime, anchorReal: this.realNow(), rate: record.rate, running: record.running } });
  }
}
