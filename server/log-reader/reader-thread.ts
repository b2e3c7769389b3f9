/**
 * A log reader thread: one job (its workerData), on a read-only connection of its own to the
 * event log's file. WAL lets it read while the game's thread goes on appending; what it reads
 * is the log as committed when its read began (one transaction for both of an export's passes).
 * Loaded by thread-entry.mjs; the event loop's side is log-reader.ts.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { forkSourceOfLog } from '../../shared/replay/fork';
import { parseLogRow, type SeqEvent } from '../../shared/replay/log-rows';
import { sessionReportData } from '../../shared/report/session-report';
import { summarizeLog } from '../../shared/replay/round-summaries';
import type { RoomEvent } from '../../shared/room/events';
import type { StoredText } from '../event-store';
import { exportLines, lastPickedSeq, PARSED_TYPES, planExport, type RowForSlicing } from '../http/stored-export';
import { MORE, type ExportJob, type ForkSourceJob, type ReaderJob, type ReaderMessage, type SummariesJob } from './messages';

/**
 * Bytes per chunk posted to the event loop: big enough that the messages cost nothing beside
 * the rows (the hour is ~110 chunks), small enough that two in flight are a few MB of memory.
 */
const CHUNK_BYTES = 1 << 20;
/** Chunks the thread may send ahead of the response's writes (the event loop asks for more as they drain). */
const AHEAD = 2;

const port = parentPort!;
const post = (message: ReaderMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let credit = AHEAD;
let wakeUp: (() => void) | null = null;
port.on('message', (message) => {
  if (message !== MORE) return;
  credit += 1;
  wakeUp?.();
  wakeUp = null;
});

const encoder = new TextEncoder();

async function sendChunk(lines: string[], last: boolean): Promise<void> {
  while (credit === 0) await new Promise<void>((resolve) => (wakeUp = resolve));
  credit -= 1;
  const bytes = encoder.encode(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  post({ kind: 'chunk', bytes, last }, [bytes.buffer as ArrayBuffer]);
}

async function exportRoom(db: Database.Database, { room, which, options }: ExportJob): Promise<void> {
  const types = [...PARSED_TYPES];
  // The slicing reads every row's type and time, and the payload only of the few it parses.
  const slicing = db.prepare<unknown[], RowForSlicing>(
    `SELECT seq, type, at, CASE WHEN type IN (${types.map(() => '?').join(', ')}) THEN payload END AS payload FROM events WHERE room = ? ORDER BY seq`,
  );
  const text = db.prepare<[string, number], StoredText>('SELECT room, seq, type, at, payload FROM events WHERE room = ? AND seq <= ? ORDER BY seq');
  db.exec('BEGIN'); // one snapshot: the second pass reads the rows the first one sliced
  try {
    const plan = planExport(slicing.iterate(...types, room), which, options);
    if (!plan) return post({ kind: 'none' });
    post({ kind: 'head' });
    let lines = [plan.header];
    let size = plan.header.length;
    for (const line of exportLines(plan, text.iterate(room, lastPickedSeq(plan)), options.anonymize)) {
      lines.push(line);
      size += line.length + 1;
      if (size < CHUNK_BYTES) continue;
      await sendChunk(lines, false);
      lines = [];
      size = 0;
    }
    await sendChunk(lines, true);
  } finally {
    db.exec('COMMIT');
  }
}

function summaries(db: Database.Database, { room, upToSeq }: SummariesJob): void {
  const rows = db.prepare<[string, number], { type: string; at: number; payload: string }>('SELECT type, at, payload FROM events WHERE room = ? AND seq <= ? ORDER BY seq');
  function* events(): Generator<RoomEvent> {
    for (const row of rows.iterate(room, upToSeq)) yield { ...(JSON.parse(row.payload) as object), type: row.type, at: row.at } as RoomEvent;
  }
  post({ kind: 'summaries', summaries: summarizeLog(events()) });
}

/** The room's rows up to `upToSeq`, each checked by the log's schemas (as the event loop parses them). */
function parsedRows(db: Database.Database, room: string, upToSeq: number): SeqEvent[] {
  const rows = db.prepare<[string, number], StoredText>('SELECT room, seq, type, at, payload FROM events WHERE room = ? AND seq <= ? ORDER BY seq');
  const log: SeqEvent[] = [];
  for (const row of rows.iterate(room, upToSeq)) log.push({ seq: row.seq, event: parseLogRow({ seq: row.seq, type: row.type, at: row.at, payload: JSON.parse(row.payload) as Record<string, unknown> }) });
  return log;
}

/** A fork's source: the round's rows folded, as the route does for a short log. */
function forkSource(db: Database.Database, { room, round, roomTime, upToSeq }: ForkSourceJob): void {
  const answer = forkSourceOfLog(parsedRows(db, room, upToSeq), round, roomTime);
  post({ kind: 'fork-source', found: answer !== 'no-round', source: answer === 'no-round' ? null : answer });
}

async function run(job: ReaderJob): Promise<void> {
  const db = new Database(job.file, { readonly: true, fileMustExist: true });
  try {
    if (job.kind === 'export') await exportRoom(db, job);
    else if (job.kind === 'fork-source') forkSource(db, job);
    else if (job.kind === 'report') post({ kind: 'report', report: sessionReportData(parsedRows(db, job.room, job.upToSeq)) });
    else summaries(db, job);
  } finally {
    db.close();
  }
}

// The event loop ends this thread once it has the last message (log-reader.ts).
run(workerData as ReaderJob).catch((error: unknown) => post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
