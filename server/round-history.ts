/**
 * Each room's History (per-round summaries), kept as events are committed so the host's
 * History answers in O(rounds) instead of reading and parsing the whole log on the game's
 * only thread (~8 s for the synthetic hour, issue 7). A room's summaries are built from its
 * log on the first History request (after a restart, once), by a log reader thread
 * (server/log-reader/), and then follow every commit.
 *
 * No event counted twice or missed: the first request writes what waits (whose commits are
 * told before the room is followed, and are in the rows read), notes the room's last seq S,
 * and from then on keeps the events committed for the room; the thread folds the rows up to
 * S, and those kept (all after S) are added to its answer before it is kept.
 */
import { addToSummaries, summarizeLog, type RoundSummary } from '../shared/replay/round-summaries';
import type { RoomEvent } from '../shared/room/events';
import type { LogReader } from './log-reader/log-reader';
import { isShortLog } from './log-reader/short-log';
import type { RoomRegistry } from './room-registry';

/** A room whose summaries a thread is folding: the events committed since it began, and its answer. */
type Building = { since: RoomEvent[]; answer: Promise<RoundSummary[]> };

export class RoundHistory {
  private readonly kept = new Map<string, RoundSummary[]>();
  private readonly building = new Map<string, Building>();

  constructor(
    private readonly registry: RoomRegistry,
    /** null: the log is in memory, read here (tests' stores). */
    private readonly reader: LogReader | null,
    /** A log of at most this many rows is read here (short-log.ts); 0: always by the reader. */
    private readonly inlineRows = 0,
  ) {
    registry.onChange((code, events) => {
      const summaries = this.kept.get(code);
      if (summaries) for (const event of events) addToSummaries(summaries, event);
      else this.building.get(code)?.since.push(...events);
    });
    // A deleted class's code may be given to a new class: its History starts empty.
    registry.onDelete((code) => {
      this.kept.delete(code);
      this.building.delete(code);
    });
  }

  /** The room's summaries (a copy of each, so a caller cannot bend the cache). */
  async summaries(code: string): Promise<RoundSummary[]> {
    const summaries = this.kept.get(code) ?? (await this.build(code));
    return summaries.map((summary) => ({ ...summary, forkedFrom: summary.forkedFrom && { ...summary.forkedFrom } }));
  }

  private build(code: string): Promise<RoundSummary[]> {
    const known = this.building.get(code);
    if (known) return known.answer;
    if (!this.reader || isShortLog(this.registry, code, this.inlineRows)) {
      // log() flushes first: commits it makes durable fire onChange before this room is kept, so none counts twice.
      const summaries = summarizeLog(this.registry.log(code).map((row) => ({ ...row.payload, type: row.type, at: row.at }) as RoomEvent));
      this.kept.set(code, summaries);
      return Promise.resolve(summaries);
    }
    // Commits this flush makes durable are told now, before the room is followed: they are in the rows up to S.
    this.registry.flush();
    const upToSeq = this.registry.seqOf(code);
    const building: Building = { since: [], answer: Promise.resolve([]) };
    this.building.set(code, building);
    building.answer = this.reader.summaries(code, upToSeq).then(
      (summaries) => {
        // Unless the room was deleted meanwhile (its History then starts anew), keep it, with what committed since S.
        if (this.building.get(code) === building) {
          for (const event of building.since) addToSummaries(summaries, event);
          this.building.delete(code);
          this.kept.set(code, summaries);
        }
        return summaries;
      },
      (error: unknown) => {
        if (this.building.get(code) === building) this.building.delete(code);
        throw error;
      },
    );
    return building.answer;
  }
}
