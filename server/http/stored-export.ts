/**
 * An export written from the rows' stored JSON text. The rows an export shows unchanged
 * (all but the room's creation and the joins, whose hashes and nicknames are redacted)
 * are copied as stored, never parsed and re-serialized: for the synthetic hour that was
 * most of an export's CPU on the game's thread (bench/replay-export.ts). Only the rows
 * the round slicing reads (RoundStarted) and the ones redacted are parsed. The file is
 * the same as exportLog's over the parsed rows (test/integration/stored-export.test.ts).
 */
import { headerLine, redactEvent, REDACTED_TYPES, type ExportOptions } from '../../shared/replay/ndjson';
import { toLogRow, type SeqEvent } from '../../shared/replay/log-rows';
import { sliceRound, type RoundSlice } from '../../shared/replay/rounds';
import type { RoomEvent } from '../../shared/room/events';
import type { StoredText } from '../event-store';

/** Rows whose payload is read here: redacted on the way out, or read by the slicing. */
const PARSED: ReadonlySet<string> = new Set([...REDACTED_TYPES, 'RoundStarted']);

/**
 * The rows as events for slicing: parsed when in PARSED, else only their type and time
 * (sliceRounds reads no more of them). Trusted: the server's own log.
 */
function storedForSlicing(rows: readonly StoredText[]): SeqEvent[] {
  return rows.map((row) => ({ seq: row.seq, event: (PARSED.has(row.type) ? { ...(JSON.parse(row.payload) as object), type: row.type, at: row.at } : { type: row.type, at: row.at }) as RoomEvent }));
}

/** The NDJSON of `which` ('all' or a round's slice with its prelude); null for a round the log lacks. */
export function exportStored(rows: readonly StoredText[], which: number | 'all', options: Omit<ExportOptions, 'rounds'>): string | null {
  const events = storedForSlicing(rows);
  let picked: readonly SeqEvent[] = events;
  if (which !== 'all') {
    const slice: RoundSlice | null = sliceRound(events, which);
    if (!slice) return null;
    picked = [...slice.prelude, ...slice.rows];
  }
  const text = new Map(rows.map((row) => [row.seq, row]));
  const lines = [headerLine({ ...options, rounds: which === 'all' ? 'all' : [which] }, picked.length)];
  for (const { seq, event } of picked) {
    if (REDACTED_TYPES.has(event.type)) {
      lines.push(JSON.stringify(toLogRow(seq, redactEvent(event, options.anonymize))));
    } else {
      const row = text.get(seq)!;
      lines.push(`{"seq":${seq},"type":${JSON.stringify(row.type)},"at":${row.at},"payload":${row.payload}}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
