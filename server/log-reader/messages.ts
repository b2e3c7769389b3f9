/**
 * What the event loop and a log reader thread say to each other (server/log-reader/). One
 * thread per job: its data is the job; it answers with these messages and then ends.
 */
import type { ExportOptions } from '../../shared/replay/ndjson';
import type { ForkSource } from '../../shared/replay/fork';
import type { RoundSummary } from '../../shared/replay/round-summaries';
import type { SessionReportData } from '../../shared/report/session-report';

/** An export of `room`: 'all' or one round (with the room facts before it). */
export type ExportJob = { kind: 'export'; file: string; room: string; which: number | 'all'; options: Omit<ExportOptions, 'rounds'> };
/** The History's summaries of `room`'s rows up to `upToSeq` (later rows are added by the caller as they commit). */
export type SummariesJob = { kind: 'summaries'; file: string; room: string; upToSeq: number };
/** What round `round` of `room` was at room time `roomTime` (a fork's source), from the rows up to `upToSeq`. */
export type ForkSourceJob = { kind: 'fork-source'; file: string; room: string; round: number; roomTime: number; upToSeq: number };
/** The session report's data of `room`'s rows up to `upToSeq`. */
export type ReportJob = { kind: 'report'; file: string; room: string; upToSeq: number };
export type ReaderJob = ExportJob | SummariesJob | ForkSourceJob | ReportJob;

export type ReaderMessage =
  /** The export's round is not in the log. */
  | { kind: 'none' }
  /** The export exists: chunks follow. */
  | { kind: 'head' }
  /** The next bytes of the file (UTF-8, whole lines, transferred); `last` ends it. */
  | { kind: 'chunk'; bytes: Uint8Array; last: boolean }
  | { kind: 'summaries'; summaries: RoundSummary[] }
  /** A fork's source: `found` false when the log has no such round, `source` null when nothing is there at that moment. */
  | { kind: 'fork-source'; found: boolean; source: ForkSource | null }
  | { kind: 'report'; report: SessionReportData }
  | { kind: 'failed'; message: string };

/** The event loop to an exporting thread: it may send one more chunk (its answer to backpressure). */
export const MORE = 'more';
