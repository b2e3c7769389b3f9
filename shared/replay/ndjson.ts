/**
 * The exported log: newline-delimited JSON. Line 1 is a header (format name and version,
 * protocol version, app version, exported-at); every other line is one row of the log
 * exactly as the event store holds it ({seq, type, at, payload}), minus secrets.
 *
 * Host and seat tokens never reach the log (only their SHA-256 does), and even those
 * hashes stay on the server: an export writes REDACTED_HASH in their place, a valid hash
 * that no token has, so the file still passes the log's own schemas and no one can be
 * host or student of a replayed room.
 */
import { z } from 'zod';
import { PROTOCOL_VERSION } from '../protocol';
import type { RoomEvent } from '../room/events';
import { letterLabel } from '../rules/labels';
import { safeParseLogRow, toLogRow, type SeqEvent } from './log-rows';
import { runToEnd, type Steps } from './steps';

export const LOG_FORMAT = 'captain-down-log';
/** Bump when an older player could no longer read a new file. */
export const LOG_FORMAT_VERSION = 1;
/**
 * Files over this are refused before a byte is parsed. A server-shaped hour of 60 students
 * clicking twice a second exports 200 MB (Raft), 250 MB (Bully), 413 MB (Lease)
 * (bench/class-hour.ts); Chromium opened the Lease one in 27 s with a 1 GB heap (of its 4 GB).
 * Under V8's longest string (2^29 - 24 one-byte characters): the page reads the file as one.
 */
export const MAX_LOG_BYTES = 500 * 1024 * 1024;
export const REDACTED_HASH = '0'.repeat(64);

export const logHeaderSchema = z.object({
  format: z.literal(LOG_FORMAT),
  formatVersion: z.number().int().positive(),
  protocolVersion: z.number().int().positive(),
  appVersion: z.string().max(40),
  exportedAt: z.string().max(40),
  room: z.string().max(32),
  /** The rounds in the file, or "all" for the whole class. */
  rounds: z.union([z.literal('all'), z.array(z.number().int().positive())]),
  anonymized: z.boolean(),
  /** How many rows follow: a shorter file was cut off. */
  rows: z.number().int().nonnegative(),
});
export type LogHeader = z.infer<typeof logHeaderSchema>;

const rowSchema = z.object({
  seq: z.number().int().positive(),
  type: z.string().min(1).max(64),
  at: z.number().int().nonnegative(),
  // Checked in place, not copied key by key: the event's own schema reads it next (log-rows.ts).
  payload: z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { error: 'the payload is an object' }),
});

export interface ExportOptions {
  appVersion: string;
  /** ISO time, given as input (shared code reads no clock). */
  exportedAt: string;
  room: string;
  rounds: number[] | 'all';
  anonymize: boolean;
}

/** The event types redactEvent changes; every other event leaves the server as logged. */
export const REDACTED_TYPES: ReadonlySet<RoomEvent['type']> = new Set(['RoomCreated', 'NodeJoined']);

/** What leaves the server: no hash of a secret, and (anonymized) no nickname. */
export function redactEvent(event: RoomEvent, anonymize: boolean): RoomEvent {
  if (event.type === 'RoomCreated') return { ...event, hostTokenHash: REDACTED_HASH };
  if (event.type === 'NodeJoined') {
    return { ...event, seatTokenHash: REDACTED_HASH, nickname: anonymize ? `Node ${letterLabel(event.nodeId - 1)}` : event.nickname };
  }
  return event;
}

/** Line 1 of an export of `rows` rows. */
export function headerLine(options: ExportOptions, rows: number): string {
  const header: LogHeader = {
    format: LOG_FORMAT, formatVersion: LOG_FORMAT_VERSION, protocolVersion: PROTOCOL_VERSION,
    appVersion: options.appVersion, exportedAt: options.exportedAt, room: options.room,
    rounds: options.rounds, anonymized: options.anonymize, rows,
  };
  return JSON.stringify(header);
}

export function exportLog(events: readonly SeqEvent[], options: ExportOptions): string {
  const lines = [headerLine(options, events.length)];
  for (const { seq, event } of events) lines.push(JSON.stringify(toLogRow(seq, redactEvent(event, options.anonymize))));
  return `${lines.join('\n')}\n`;
}

export type ImportResult =
  | { ok: true; header: LogHeader; events: SeqEvent[] }
  | { ok: false; line: number; problem: string };

const fail = (line: number, problem: string): ImportResult => ({ ok: false, line, problem });

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function checkHeader(text: string | undefined): { ok: true; header: LogHeader } | ImportResult {
  if (text === undefined || text.trim() === '') return fail(1, 'The file is empty: it holds no Captain Down log.');
  const json = parseJson(text);
  const format = json.ok && typeof json.value === 'object' && json.value !== null ? (json.value as { format?: unknown; formatVersion?: unknown }) : null;
  if (!format || format.format !== LOG_FORMAT) return fail(1, `This is not a Captain Down log: line 1 should be its header (format "${LOG_FORMAT}").`);
  if (typeof format.formatVersion === 'number' && format.formatVersion > LOG_FORMAT_VERSION) {
    return fail(1, `This log was written by a newer Captain Down (log format ${format.formatVersion}; this one reads up to ${LOG_FORMAT_VERSION}). Update the app to open it.`);
  }
  const header = logHeaderSchema.safeParse(json.ok ? json.value : null);
  if (!header.success) return fail(1, `The header is damaged: ${header.error.issues[0]?.path.join('.') || 'it'} ${header.error.issues[0]?.message ?? ''}`.trim());
  if (header.data.protocolVersion > PROTOCOL_VERSION) {
    return fail(1, `This log was written with protocol ${header.data.protocolVersion}; this app speaks ${PROTOCOL_VERSION}. Update the app to open it.`);
  }
  return { ok: true, header: header.data };
}

/** Lines checked between two steps of `importSteps`. */
const STEP_ROWS = 2_000;

/**
 * Reads an exported log, refusing anything damaged, truncated, foreign or too new with
 * the line and the problem. Every row is checked by the log's own zod schemas. Whether a
 * well-formed row can be played (a batch for a team that does not exist, in a file edited by
 * hand) is found when its round is folded, which names its line too (UnplayableRowError in
 * timeline.ts, lineOfRow below): a file is never folded twice to be opened.
 */
export function importLog(text: string): ImportResult {
  return runToEnd(importSteps(text));
}

/**
 * importLog in steps: yields the share of the lines checked (0..1) every STEP_ROWS lines,
 * and returns its result. An hour-long class is ~430,000 lines and seconds of work: a page
 * drives the steps between frames (app/client/import-in-steps.ts) and shows how far it got,
 * instead of freezing the tab (issue 7).
 */
export function* importSteps(text: string): Steps<ImportResult> {
  if (text.length > MAX_LOG_BYTES) return fail(0, `The file is larger than ${MAX_LOG_BYTES / 1024 / 1024} MB.`);
  const lines = text.split('\n');
  const endsCleanly = text.endsWith('\n');
  if (endsCleanly) lines.pop();
  const head = checkHeader(lines[0]);
  if (!('header' in head)) return head;
  const events: SeqEvent[] = [];
  let lastSeq = 0;
  let problem: ImportResult | null = null;
  for (let i = 1; i < lines.length && !problem; i++) {
    if (i % STEP_ROWS === 0) yield i / lines.length;
    const line = i + 1;
    const text = lines[i]!;
    if (text.trim() === '') {
      problem = fail(line, `Line ${line} is empty: the file was edited or damaged.`);
      break;
    }
    const json = parseJson(text);
    if (!json.ok) {
      problem = i === lines.length - 1 && !endsCleanly
        ? fail(line, `Line ${line} is cut off: the file is truncated (it ends in the middle of a row).`)
        : fail(line, `Line ${line} is not valid JSON: the file is damaged.`);
      break;
    }
    const row = rowSchema.safeParse(json.value);
    if (!row.success) problem = fail(line, `Line ${line} is not a log row: ${row.error.issues[0]?.path.join('.') || 'row'} ${row.error.issues[0]?.message ?? ''}`.trim());
    else if (row.data.seq <= lastSeq) problem = fail(line, `Line ${line} is out of order: seq ${row.data.seq} comes after seq ${lastSeq}.`);
    else {
      const parsed = safeParseLogRow(row.data);
      if (!parsed.ok) problem = fail(line, `Line ${line} is ${parsed.problem}.`);
      else {
        lastSeq = row.data.seq;
        events.push({ seq: row.data.seq, event: parsed.event });
      }
    }
  }
  if (problem) return problem;
  if (events.length < head.header.rows) {
    return fail(lines.length + 1, `The file is truncated: its header promises ${head.header.rows} rows, it holds ${events.length}.`);
  }
  if (events.length > head.header.rows) return fail(head.header.rows + 2, `The file has more rows than its header says (${head.header.rows}): it was edited.`);
  return { ok: true, header: head.header, events };
}

/**
 * The line of an exported file that holds the row with this seq: rows follow the header in
 * order, so the k-th row (from 0) is line k + 2. What a refusal of a row found later (its
 * round's fold) names, as the check names its own.
 */
export function lineOfRow(events: readonly SeqEvent[], seq: number): number {
  let lo = 0;
  let hi = events.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = events[mid]!.seq;
    if (at === seq) return mid + 2;
    if (at < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return Number.NaN;
}
