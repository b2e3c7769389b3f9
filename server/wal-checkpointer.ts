/**
 * The event log's WAL checkpoints, on a thread of their own. SQLite's automatic checkpoint runs
 * inside whichever commit crosses 1,000 pages of WAL, on the thread that commits: the server's
 * event loop. It copies those pages into the database file and fsyncs it, and at 60 students
 * clicking twice a second (one cluster) that held the loop 5-47 ms every ~1.4 s, in front of
 * every click and view waiting (issue 12's relay row; docs/PERFORMANCE.md, "Session 6"). Here a
 * worker thread with its own connection runs a PASSIVE checkpoint every `everyMs`: it never
 * waits for the writer, and the writer never waits for it (WAL lets both go on), so the copy
 * and the fsync leave the main thread. Durability is unchanged: a commit is durable once it is
 * in the WAL, as before; a checkpoint only moves committed pages into the main file.
 *
 * The main connection keeps an automatic checkpoint as a backstop (FALLBACK_PAGES, ten times
 * SQLite's default), for the case where this thread cannot keep up or has died.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The main connection's own checkpoint, only if the worker falls this far behind (~40 MB of WAL). */
export const FALLBACK_PAGES = 10_000;
const EVERY_MS = 500;

/**
 * Plain JavaScript (the worker does not go through the TypeScript loader): open the file, and
 * checkpoint it passively every `everyMs` until asked to stop; then close the connection and say
 * so in `flags[1]`. `flags[0]` is the request to stop, seen even before the first checkpoint.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const flags = new Int32Array(workerData.flags);
let db = null;
let timer = null;
const finish = () => {
  if (timer) clearInterval(timer);
  timer = null;
  try {
    if (db) db.close();
  } catch (error) {
    // Closing is all that is left to do.
  }
  db = null;
  Atomics.store(flags, 1, 1);
  Atomics.notify(flags, 1);
  parentPort.close();
};
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { fileMustExist: true });
} catch (error) {
  // The store was closed and its file removed before this thread started: nothing to do.
}
if (!db || Atomics.load(flags, 0) === 1) {
  finish();
} else {
  timer = setInterval(() => {
    if (Atomics.load(flags, 0) === 1) return finish();
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // SQLITE_BUSY and the like: the next round tries again.
    }
  }, workerData.everyMs);
  parentPort.on('message', (message) => {
    if (message === 'stop') finish();
  });
}
`;

/** How long closing the store waits for the thread to close its connection (a checkpoint in progress ends first). */
const STOP_WAIT_MS = 2_000;

export class WalCheckpointer {
  private readonly worker: Worker;
  /** [0]: stop requested; [1]: the thread's connection is closed. */
  private readonly flags = new Int32Array(new SharedArrayBuffer(8));

  constructor(file: string, everyMs = EVERY_MS) {
    const driver = createRequire(__filename).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, everyMs, flags: this.flags.buffer } });
    // A checkpointer that fails to start leaves the backstop in charge; it must not crash the server.
    this.worker.on('error', (error) => console.error('[log] the WAL checkpointer stopped; SQLite checkpoints on its own again', error));
    // The server's lifetime is decided elsewhere: this thread never keeps the process alive.
    this.worker.unref();
  }

  /**
   * Stops checkpointing and waits (blocking, at most STOP_WAIT_MS) until the thread's connection
   * is closed: the store's own connection then closes last and takes the WAL away as before, and
   * nothing touches the files after the store is closed (a test removes its directory at once).
   */
  stop(): void {
    if (Atomics.load(this.flags, 0) === 1) return;
    Atomics.store(this.flags, 0, 1);
    this.worker.postMessage('stop');
    Atomics.wait(this.flags, 1, 0, STOP_WAIT_MS);
  }
}
