/**
 * The event store: one append-only log per room in an embedded SQLite file.
 * Generic on purpose: it knows rows (seq, type, at, JSON payload), not what they mean,
 * so the game's round and rule events can share a room's log with the room events.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FALLBACK_PAGES, WalCheckpointer } from './wal-checkpointer';

export type NewEvent = { type: string; at: number; payload: Record<string, unknown> };
export type StoredEvent = NewEvent & { room: string; seq: number };
/** A row as SQLite holds it, its payload the JSON text stored. */
export type StoredText = { room: string; seq: number; type: string; at: number; payload: string };
/** A cached fold of a room up to `seq`, made by code of `version` (see room-snapshots.ts). */
export type StoredSnapshot = { seq: number; version: number; state: string };
/** What one append says about the room besides its rows (kept in the `rooms` catalogue). */
export type StoreOptions = { synchronous?: 'NORMAL' | 'FULL' };
export type AppendNote = { openRound?: boolean };
/** One room's rows to append after `expectedSeq`, as part of a batch (appendBatch). */
export type PendingAppend = { room: string; expectedSeq: number; events: readonly NewEvent[]; note?: AppendNote };
/** What a reader with a connection of its own needs of the store (server/log-reader/). */
export type LogSource = Pick<EventStore, 'file' | 'isOpen' | 'onClose'>;

/**
 * 1: the events table. 2: the `rooms` catalogue (last seq, last use, whether a round is
 * open: start-up and retention read it instead of scanning every log) and `snapshots`.
 */
const SCHEMA_VERSION = 2;

export class EventStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, number, string, number, string]>;
  private readonly selectRoom: Database.Statement<[string], StoredText>;
  private readonly selectAfter: Database.Statement<[string, number], StoredText>;
  private readonly selectLastSeq: Database.Statement<[string], { seq: number | null }>;
  private readonly upsertRoom: Database.Statement<[{ room: string; seq: number; at: number; open: number | null }]>;
  /** Each room's last seq as this process appended it, so an append need not ask SQLite first. */
  private readonly knownLastSeq = new Map<string, number>();
  /** The WAL's checkpoints, off the event loop (wal-checkpointer.ts); none for an in-memory store. */
  private readonly checkpointer: WalCheckpointer | null;
  /** The file on disk, for readers with their own connection (server/log-reader/); null in memory. */
  readonly file: string | null;
  private readonly closeListeners: Array<() => void> = [];

  /**
   * `file` may be ':memory:' for tests that need no disk. `synchronous` (SQLITE_SYNCHRONOUS):
   * with WAL, NORMAL already keeps every acknowledged append through a kill -9 of the
   * process; FULL also through a power loss, at the cost measured in docs/PERFORMANCE.md.
   */
  constructor(file: string, { synchronous = 'NORMAL' }: StoreOptions = {}) {
    this.db = new Database(file);
    // WAL: a committed append survives the process being killed; readers never block it.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
    this.migrate();
    // Checkpoints on a thread of their own: SQLite's own, every 1,000 pages, ran inside a commit
    // on the event loop (5-47 ms every ~1.4 s at 60 clicking students, issue 12).
    const onDisk = file !== ':memory:' && file !== '';
    this.file = onDisk ? file : null;
    if (onDisk) this.db.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
    this.checkpointer = onDisk ? new WalCheckpointer(file) : null;
    this.insert = this.db.prepare('INSERT INTO events (room, seq, type, at, payload) VALUES (?, ?, ?, ?, ?)');
    this.selectRoom = this.db.prepare('SELECT room, seq, type, at, payload FROM events WHERE room = ? ORDER BY seq');
    this.selectAfter = this.db.prepare('SELECT room, seq, type, at, payload FROM events WHERE room = ? AND seq > ? ORDER BY seq');
    this.selectLastSeq = this.db.prepare('SELECT MAX(seq) AS seq FROM events WHERE room = ?');
    this.upsertRoom = this.db.prepare(`
      INSERT INTO rooms (room, last_seq, last_at, open_round) VALUES (@room, @seq, @at, COALESCE(@open, 0))
      ON CONFLICT (room) DO UPDATE SET last_seq = excluded.last_seq, last_at = MAX(last_at, excluded.last_at),
        open_round = COALESCE(@open, open_round)`);
  }

  /** The raw database, for the catalogue and snapshot queries (room-catalog.ts). */
  get database(): Database.Database {
    return this.db;
  }

  /** Opens (creating if needed) the store under a data directory. */
  static openIn(dataDir: string, options: StoreOptions = {}): EventStore {
    mkdirSync(dataDir, { recursive: true });
    return new EventStore(join(dataDir, 'captain-down.sqlite'), options);
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Error(`Data file is from a newer version (schema ${version}).`);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        room    TEXT    NOT NULL,
        seq     INTEGER NOT NULL,
        type    TEXT    NOT NULL,
        at      INTEGER NOT NULL,
        payload TEXT    NOT NULL,
        PRIMARY KEY (room, seq)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS rooms (
        room       TEXT    PRIMARY KEY,
        last_seq   INTEGER NOT NULL,
        last_at    INTEGER NOT NULL,
        open_round INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS rooms_by_last_at ON rooms (last_at);
      CREATE INDEX IF NOT EXISTS rooms_with_open_round ON rooms (room) WHERE open_round = 1;
      CREATE TABLE IF NOT EXISTS snapshots (
        room    TEXT    PRIMARY KEY,
        seq     INTEGER NOT NULL,
        version INTEGER NOT NULL,
        state   TEXT    NOT NULL
      ) WITHOUT ROWID;
    `);
    if (version < 2) {
      // A version-1 file: catalogue its rooms once. Whether a round is open is not known
      // without folding, so every room is marked open and the first start loads them all
      // (as every start did before); each room's next append corrects its flag.
      this.db.exec(`INSERT OR IGNORE INTO rooms (room, last_seq, last_at, open_round)
        SELECT room, MAX(seq), MAX(at), 1 FROM events GROUP BY room`);
    }
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }

  /**
   * Appends events after `expectedSeq` (the last seq the caller has folded), atomically.
   * The (room, seq) primary key turns a lost race into an error instead of a fork.
   * Returns the new last seq.
   */
  append(room: string, expectedSeq: number, events: readonly NewEvent[], note: AppendNote = {}): number {
    return this.appendBatch([{ room, expectedSeq, events, note }])[0]!;
  }

  /**
   * Group commit: several appends (of one or many rooms, in order) in ONE transaction, so
   * a tick's worth of commands costs one commit instead of one each (docs/PERFORMANCE.md).
   * All or nothing: if any append is out of step, none is written. Returns each new last seq.
   */
  appendBatch(batch: readonly PendingAppend[]): number[] {
    const lastSeqs = new Map<string, number>();
    // One catalogue row per room and batch, written after its rows: a busy room has many
    // appends in one turn (every click is one), and one upsert each was half the statements.
    const catalogue = new Map<string, { room: string; seq: number; at: number; open: number | null }>();
    const write = this.db.transaction(() => {
      const seqs = batch.map(({ room, expectedSeq, events, note = {} }) => {
        // Another writer on the same file is still caught: its rows would collide on the key.
        const last = lastSeqs.get(room) ?? this.knownLastSeq.get(room) ?? this.lastSeq(room);
        if (last !== expectedSeq) throw new Error(`Room ${room}: expected seq ${expectedSeq}, log is at ${last}`);
        let lastAt = 0;
        for (let i = 0; i < events.length; i++) {
          const event = events[i]!;
          this.insert.run(room, expectedSeq + i + 1, event.type, event.at, JSON.stringify(event.payload));
          if (event.at > lastAt) lastAt = event.at;
        }
        const seq = expectedSeq + events.length;
        if (events.length > 0) {
          // Same row as one upsert per append: the last seq, the latest time, the last word on the round.
          const open = note.openRound === undefined ? null : Number(note.openRound);
          const row = catalogue.get(room);
          if (row) {
            row.seq = seq;
            row.at = Math.max(row.at, lastAt);
            if (open !== null) row.open = open;
          } else catalogue.set(room, { room, seq, at: lastAt, open });
        }
        lastSeqs.set(room, seq);
        return seq;
      });
      for (const row of catalogue.values()) this.upsertRoom.run(row);
      return seqs;
    });
    try {
      const seqs = write();
      for (const [room, seq] of lastSeqs) this.knownLastSeq.set(room, seq);
      return seqs;
    } catch (error) {
      for (const { room } of batch) this.knownLastSeq.delete(room); // ask SQLite again next time
      throw error;
    }
  }

  lastSeq(room: string): number {
    return this.selectLastSeq.get(room)?.seq ?? 0;
  }

  read(room: string, afterSeq = 0): StoredEvent[] {
    const rows = afterSeq > 0 ? this.selectAfter.all(room, afterSeq) : this.selectRoom.all(room);
    return rows.map((row) => ({
      room: row.room,
      seq: row.seq,
      type: row.type,
      at: row.at,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
    }));
  }

  /** As `read`, with each payload left as the JSON text stored: an export copies it as is (server/http/stored-export.ts). */
  readText(room: string): StoredText[] {
    return this.selectRoom.all(room);
  }

  /** Every room that has at least one event, oldest first. */
  rooms(): string[] {
    const rows = this.db.prepare('SELECT room FROM events WHERE seq = 1 ORDER BY at, room').all() as { room: string }[];
    return rows.map((r) => r.room);
  }

  /** This process stops caching the room's last seq (it left memory or was deleted). */
  forget(room: string): void {
    this.knownLastSeq.delete(room);
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  /** Called as the store closes, before its connection does (the log reader stops its threads). */
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    if (this.db.open) for (const listener of this.closeListeners.splice(0)) listener();
    this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}
