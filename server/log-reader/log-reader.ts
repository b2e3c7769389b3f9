/**
 * Exports and the History's first summaries of a room, read off the event loop (issue 7). An
 * export of the synthetic hour (434,000 rows, 110 MB) held the game's only thread 3.7-5 s and a
 * room's first History 4.6-6 s, every student's click in every room waiting behind it
 * (docs/PERFORMANCE.md, "Session 7"). Here each job runs in a worker thread of its own
 * (reader-thread.ts) on a read-only connection to the log's file, as the WAL checkpointer does;
 * the export comes back in chunks of whole lines that this side writes to the response as it
 * drains (the thread waits for a MORE per chunk beyond AHEAD), so a slow client holds a few MB,
 * not the file, and a client that leaves ends the thread.
 *
 * A thread per job, not a pool: a job is rare (a teacher's download, a shared link, a room's
 * first History since the start) and costs seconds, against ~0.1-0.3 s to start a thread; a
 * thread that fails or is stopped takes its connection and memory with it. At most
 * `concurrent` jobs run at once (each holds up to a log's rows, ~150 MB for the hour) and
 * `waiting` wait their turn; beyond that the caller is told to come back (ReaderBusy -> 429).
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { ForkSource } from '../../shared/replay/fork';
import type { RoundSummary } from '../../shared/replay/round-summaries';
import type { SessionReportData } from '../../shared/report/session-report';
import type { RoomRegistry } from '../room-registry';
import type { LogSource } from '../event-store';
import { MORE, type ExportJob, type ReaderJob, type ReaderMessage } from './messages';

const ENTRY = join(__dirname, 'thread-entry.mjs');

/** Too many jobs running and waiting: come back later. */
/**
 * A thread that has not said a word this long after it started is stopped (its job fails): a
 * request never hangs on it. The hour's first History takes 6-20 s on a loaded 2-core machine.
 */
const ANSWER_WITHIN_MS = 120_000;

export class ReaderBusy extends Error {}
/** The store is closed (the server is stopping): no job starts, running ones stop. */
export class ReaderClosed extends Error {}

/** A started export whose bytes are ready to flow: `pipe` writes them to a response; `cancel` stops the thread. */
export type ExportStream = { pipe: (res: NodeJS.WritableStream & { destroy(error?: Error): void }) => Promise<void>; cancel: () => void };

export type ReaderLimits = { concurrent?: number; waiting?: number };

export class LogReader {
  private running = 0;
  private readonly queue: Array<{ go: () => void; stop: (error: Error) => void }> = [];
  private readonly threads = new Set<Worker>();
  private closed = false;
  private readonly concurrent: number;
  private readonly waiting: number;

  constructor(
    private readonly source: LogSource,
    { concurrent = 2, waiting = 8 }: ReaderLimits = {},
  ) {
    this.concurrent = concurrent;
    this.waiting = waiting;
    source.onClose(() => this.close());
  }

  /** Jobs whose thread is running (not those waiting for a place). */
  get jobs(): number {
    return this.running;
  }

  /** The History's summaries of `room` up to `upToSeq`, read on a thread. */
  async summaries(room: string, upToSeq: number): Promise<RoundSummary[]> {
    return this.answer({ kind: 'summaries', file: this.file(), room, upToSeq }, (m) => (m.kind === 'summaries' ? { value: m.summaries } : null));
  }

  /** What round `round` of `room` was at `roomTime` (a fork's source), folded on a thread from the rows up to `upToSeq`. */
  async forkSource(room: string, round: number, roomTime: number, upToSeq: number): Promise<ForkSource | null | 'no-round'> {
    return this.answer({ kind: 'fork-source', file: this.file(), room, round, roomTime, upToSeq }, (m) => (m.kind === 'fork-source' ? { value: m.found ? m.source : 'no-round' } : null));
  }

  /** The session report's data of `room` up to `upToSeq`, folded on a thread. */
  async report(room: string, upToSeq: number): Promise<SessionReportData> {
    return this.answer({ kind: 'report', file: this.file(), room, upToSeq }, (m) => (m.kind === 'report' ? { value: m.report } : null));
  }

  /** A job answered by one message: `read` takes its value from it (null: not the answer). */
  private async answer<T>(job: Exclude<ReaderJob, { kind: 'export' }>, read: (message: ReaderMessage) => { value: T } | null): Promise<T> {
    const thread = await this.start(job);
    return new Promise((resolve, reject) => {
      thread.on('message', (message: ReaderMessage) => {
        const answer = read(message);
        if (answer) resolve(answer.value);
        else if (message.kind === 'failed') reject(new Error(`the log reader failed: ${message.message}`));
        void thread.terminate();
      });
      thread.once('exit', () => reject(new Error('the log reader stopped before answering')));
    });
  }

  /** An export's first answer: null when its round is not in the log, else its stream. */
  async export(job: Omit<ExportJob, 'kind' | 'file'>): Promise<ExportStream | null> {
    const thread = await this.start({ kind: 'export', file: this.file(), ...job });
    const chunks: Array<Extract<ReaderMessage, { kind: 'chunk' }>> = [];
    let failure: Error | null = null;
    let wake: (() => void) | null = null;
    const poke = () => {
      wake?.();
      wake = null;
    };
    const first = new Promise<boolean>((resolve, reject) => {
      thread.on('message', (message: ReaderMessage) => {
        if (message.kind === 'none') resolve(false);
        else if (message.kind === 'head') resolve(true);
        else if (message.kind === 'chunk') chunks.push(message);
        else if (message.kind === 'failed') failure = new Error(`the log reader failed: ${message.message}`);
        if (failure) reject(failure);
        if (message.kind === 'none' || failure || (message.kind === 'chunk' && message.last)) void thread.terminate();
        poke();
      });
      thread.once('exit', () => {
        failure ??= new Error('the log reader stopped before the end of the file');
        reject(failure);
        poke();
      });
    });
    const cancel = () => void thread.terminate();
    if (!(await first.catch((error: unknown) => (cancel(), Promise.reject(error))))) return null;
    const pipe: ExportStream['pipe'] = async (res) => {
      let gone = false;
      res.once('close', () => {
        gone = true;
        cancel();
        poke();
      });
      for (;;) {
        const chunk = chunks.shift();
        if (chunk) {
          const more = res.write(Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength));
          if (chunk.last) return void res.end();
          // Backpressure: the thread may send the next chunk once this one has left (or at once).
          if (more) thread.postMessage(MORE);
          else res.once('drain', () => thread.postMessage(MORE));
          continue;
        }
        if (gone) return;
        if (failure) {
          // The status line is gone: cutting the response is how the client learns (its header counts the rows).
          res.destroy(failure);
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    };
    return { pipe, cancel };
  }

  /** Stops every thread and refuses new jobs (the store is closing). */
  close(): void {
    this.closed = true;
    for (const waiter of this.queue.splice(0)) waiter.stop(new ReaderClosed('the event log is closed'));
    for (const thread of this.threads) void thread.terminate();
  }

  private file(): string {
    if (this.closed || !this.source.isOpen || !this.source.file) throw new ReaderClosed('the event log is closed');
    return this.source.file;
  }

  /** A thread for `job`, once one of the `concurrent` places is free; ReaderBusy when too many wait. */
  private async start(job: ReaderJob): Promise<Worker> {
    if (this.running >= this.concurrent) {
      if (this.queue.length >= this.waiting) throw new ReaderBusy('too many log jobs');
      await new Promise<void>((go, stop) => this.queue.push({ go, stop }));
    }
    if (this.closed) throw new ReaderClosed('the event log is closed');
    this.running += 1;
    // execArgv: [] so the thread never inherits the tsx CLI's loader flags (dev): thread-entry registers tsx the same way in every mode.
    const thread = new Worker(ENTRY, { workerData: job, execArgv: [] });
    this.threads.add(thread);
    // Errors reach the job's listeners as an 'exit' before its answer; they never crash the server.
    thread.on('error', (error) => console.error('[log-reader]', error));
    // A thread is ended by this side once its last message is in (its answer, its last chunk or its failure), or when it fails to answer in time.
    const silent = setTimeout(() => void thread.terminate(), ANSWER_WITHIN_MS);
    thread.once('message', () => clearTimeout(silent));
    thread.once('exit', () => {
      clearTimeout(silent);
      this.threads.delete(thread);
      this.running -= 1;
      this.queue.shift()?.go();
    });
    return thread;
  }
}

/**
 * One log reader per registry (exports, first Histories, forks and reports off the event
 * loop); none for a log in memory, which only this thread can read (tests' stores).
 */
const readers = new WeakMap<RoomRegistry, LogReader | null>();

export function readerFor(registry: RoomRegistry): LogReader | null {
  if (!readers.has(registry)) readers.set(registry, registry.logSource.file ? new LogReader(registry.logSource) : null);
  return readers.get(registry)!;
}
