/**
 * Group commit: the appends of every command handled in one turn of the event loop (the
 * packets read together, a tick's rooms) are written in ONE SQLite transaction, at the
 * end of that turn (setImmediate), instead of one transaction per command. The rooms'
 * state in memory moves at once, so the next command decides on it; but nothing leaves
 * the process before its rows are durable: acks wait in `whenDurable`, and what a
 * committed batch means (views, snapshots) happens in each append's `done`, after the
 * write. The log stays the truth: if the write fails, nothing of the batch was told, the
 * rooms it touched are dropped from memory (they reload from the log) and the waiting
 * answers become refusals. (SPEC/DESIGN: append before broadcast; issue 12.)
 */
import type { EventStore, PendingAppend } from './event-store';

export type GroupedAppend = PendingAppend & { done: () => void };

export class GroupCommit {
  private batch: GroupedAppend[] = [];
  private waiting: Array<(durable: boolean) => void> = [];
  private scheduled = false;
  /** While the end-of-turn write runs: what to do once its answers have left (see `afterAnswers`). */
  private afterTurn: Array<() => void> | null = null;

  constructor(
    private readonly store: EventStore,
    /** The write failed: these rooms' memory is ahead of their log. */
    private readonly onFailure: (rooms: string[], error: unknown) => void,
  ) {}

  /** Rows to write at the end of this turn (or at the next `flush`). */
  add(append: GroupedAppend): void {
    this.batch.push(append);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.endTurn();
    });
  }

  /**
   * Runs `fn` right after the answers of the end-of-turn write in progress have left, before
   * the event loop reads or runs anything else; outside of one, at the end of the turn
   * (setImmediate). So the views a write calls for follow its acks at once, not one turn
   * later behind the next turn's reads and timers.
   */
  afterAnswers(fn: () => void): void {
    if (this.afterTurn) this.afterTurn.push(fn);
    else setImmediate(fn);
  }

  private endTurn(): void {
    const after: Array<() => void> = [];
    this.afterTurn = after;
    try {
      this.flush();
    } finally {
      this.afterTurn = null;
    }
    // After the acks' write callbacks (process.nextTick, queued as each ack was written):
    // socket.io holds a socket's next packet until its last write called back, so a view
    // sent in this same task would wait for the whole turn's work behind its own ack. Still
    // before any read, timer or promise. (A function that adds rows: written next turn.)
    if (after.length > 0) process.nextTick(() => after.forEach((fn) => fn()));
  }

  /** Runs `fn(true)` once everything appended so far is durable (now, if nothing waits). */
  whenDurable(fn: (durable: boolean) => void): void {
    if (this.batch.length === 0) fn(true);
    else this.waiting.push(fn);
  }

  /** Writes what waits, in one transaction; false if it could not be written. */
  flush(): boolean {
    const batch = this.batch;
    const waiting = this.waiting;
    this.batch = [];
    this.waiting = [];
    let durable = true;
    if (batch.length > 0) {
      try {
        this.store.appendBatch(batch);
      } catch (error) {
        durable = false;
        this.onFailure([...new Set(batch.map((a) => a.room))], error);
      }
    }
    if (durable) for (const append of batch) append.done();
    for (const fn of waiting) fn(durable);
    return durable;
  }
}
