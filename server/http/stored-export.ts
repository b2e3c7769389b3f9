/**
 * An export written from the rows' stored JSON text. The rows an export shows unchanged
 * (all but the room's creation and the joins, whose hashes and nicknames are redacted)
 * are copied as stored, never parsed and re-serialized: for the synthetic hour that was
 * most of an export's CPU (bench/replay-export.ts). Only the rows the round slicing reads
 * (RoundStarted) and the ones redacted are parsed. The file is the same as exportLog's
 * over the parsed rows (test/integration/stored-export.test.ts).
 *
 * In two steps, so the log reader's thread (server/log-reader/) can stream a file of any
 * size from two passes over the rows instead of holding it whole: `planExport` slices the
 * rows (type and time; the payload only of PARSED ones) and `exportLines` then walks the
 * rows' text in seq order. `exportStored` is both over rows in memory.
 */
import { headerLine, redactEvent, REDACTED_TYPES, type ExportOptions } from '../../shared/replay/ndjson';
import { toLogRow, type SeqEvent } from '../../shared/replay/log-rows';
import { sliceRound, type RoundSlice } from '../../shared/replay/rounds';
import type { RoomEvent } from '../../shared/room/events';
import type { StoredText } from '../event-store';

/** Rows whose payload is read here: redacted on the way out, or read by the slicing. */
export const PARSED_TYPES: ReadonlySet<string> = new Set([...REDACTED_TYPES, 'RoundStarted']);

/** A row as the slicing reads it: its payload text only when its type is in PARSED_TYPES (else null or left out). */
export type RowForSlicing = { seq: number; type: string; at: number; payload?: string | null };

/** What an export holds: its header line and the rows picked, in seq order (the slice's prelude comes before its round). */
export type ExportPlan = { header: string; picked: readonly SeqEvent[] };

/**
 * The rows as events for slicing: parsed when in PARSED_TYPES, else only their type and
 * time (sliceRounds reads no more of them). Trusted: the server's own log.
 */
function forSlicing(row: RowForSlicing): SeqEvent {
  const parsed = PARSED_TYPES.has(row.type) && row.payload ? (JSON.parse(row.payload) as object) : {};
  return { seq: row.seq, event: { ...parsed, type: row.type, at: row.at } as RoomEvent };
}

/** Which rows `which` ('all' or a round's slice with its prelude) exports; null for a round the log lacks. */
export function planExport(rows: Iterable<RowForSlicing>, which: number | 'all', options: Omit<ExportOptions, 'rounds'>): ExportPlan | null {
  const events: SeqEvent[] = [];
  for (const row of rows) events.push(forSlicing(row));
  let picked: readonly SeqEvent[] = events;
  if (which !== 'all') {
    const slice: RoundSlice | null = sliceRound(events, which);
    if (!slice) return null;
    picked = [...slice.prelude, ...slice.rows];
  }
  return { header: headerLine({ ...options, rounds: which === 'all' ? 'all' : [which] }, picked.length), picked };
}

/** The last seq an export reads (0 for none): a round's file stops reading the log there. */
export function lastPickedSeq(plan: ExportPlan): number {
  return plan.picked[plan.picked.length - 1]?.seq ?? 0;
}

/** The plan's rows as lines (no newline), from `rows`: the same log's text rows in seq order. */
export function* exportLines(plan: ExportPlan, rows: Iterable<StoredText>, anonymize: boolean): Generator<string> {
  const { picked } = plan;
  let next = 0;
  for (const row of rows) {
    if (next >= picked.length) return;
    const { seq, event } = picked[next]!;
    if (row.seq !== seq) continue;
    next += 1;
    yield REDACTED_TYPES.has(event.type)
      ? JSON.stringify(toLogRow(seq, redactEvent(event, anonymize)))
      : `{"seq":${seq},"type":${JSON.stringify(row.type)},"at":${row.at},"payload":${row.payload}}`;
  }
  if (next < picked.length) throw new Error(`the log lost row ${picked[next]!.seq} between the export's two reads`);
}

/** The NDJSON of `which` ('all' or a round's slice with its prelude); null for a round the log lacks. */
export function exportStored(rows: readonly StoredText[], which: number | 'all', options: Omit<ExportOptions, 'rounds'>): string | null {
  const plan = planExport(rows, which, options);
  if (!plan) return null;
  return `${[plan.header, ...exportLines(plan, rows, options.anonymize)].join('\n')}\n`;
}
