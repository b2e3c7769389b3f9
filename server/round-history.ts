/**
 * Each room's History (per-round summaries), kept as events are committed so the host's
 * History answers in O(rounds) instead of reading and parsing the whole log on the game's
 * only thread (~8 s for the synthetic hour, issue 7). A room's summaries are built from its
 * log on the first History request (after a restart, once) and then follow every commit.
 */
import { addToSummaries, summarizeLog, type RoundSummary } from '../shared/replay/round-summaries';
import type { RoomEvent } from '../shared/room/events';
import type { RoomRegistry } from './room-registry';

export class RoundHistory {
  private readonly kept = new Map<string, RoundSummary[]>();

  constructor(private readonly registry: RoomRegistry) {
    registry.onChange((code, events) => {
      const summaries = this.kept.get(code);
      if (summaries) for (const event of events) addToSummaries(summaries, event);
    });
    // A deleted class's code may be given to a new class: its History starts empty.
    registry.onDelete((code) => this.kept.delete(code));
  }

  /** The room's summaries (a copy of each, so a caller cannot bend the cache). */
  summaries(code: string): RoundSummary[] {
    let summaries = this.kept.get(code);
    if (!summaries) {
      // log() flushes first: commits it makes durable fire onChange before this room is kept, so none counts twice.
      const events = this.registry.log(code).map((row) => ({ ...row.payload, type: row.type, at: row.at }) as RoomEvent);
      summaries = summarizeLog(events);
      this.kept.set(code, summaries);
    }
    return summaries.map((summary) => ({ ...summary, forkedFrom: summary.forkedFrom && { ...summary.forkedFrom } }));
  }
}
