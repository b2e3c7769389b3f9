/**
 * The event store: one append-only log per room in an embedded SQLite file.
 * Generic on purpose: it knows rows (seq, type, at, JSON payload), not what they mean,
 * so the game's round and rule events can share a room's log with the room events.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type NewEvent = { type: string; at: number; payload: Record<string, unknown> };
export type StoredEvent = NewEvent & { room: string; seq: number };

type Row = { room: string; seq: number; type: string; at: number; payload: string };

const SCHEMA_VERSION = 1;

export class EventStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, number, string, number, string]>;
  private readonly selectRoom: Database.Statement<[string], Row>;
  private readonly selectLastSeq: Database.Statement<[string], { seq: number | null }>;
  /** Each room's last seq as this process appended it, so an append need not ask SQLite first. */
  private readonly knownLastSeq = new Map<string, number>();

  /** `file` may be ':memory:' for tests that need no disk. */
  constructor(file: string) {
    this.db = new Database(file);
    // WAL: a committed append survives the process being killed; readers never block it.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.migrate();
    this.insert = this.db.prepare('INSERT INTO events (room, seq, type, at, payload) VALUES (?, ?, ?, ?, ?)');
    this.selectRoom = this.db.prepare('SELECT room, seq, type, at, payload FROM events WHERE room = ? ORDER BY seq');
    this.selectLastSeq = this.db.prepare('SELECT MAX(seq) AS seq FROM events WHERE room = ?');
  }

  /** Opens (creating if needed) the store under a data directory. */
  static openIn(dataDir: string): EventStore {
    mkdirSync(dataDir, { recursive: true });
    return new EventStore(join(dataDir, 'captain-down.sqlite'));
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
    `);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }

  /**
   * Appends events after `expectedSeq` (the last seq the caller has folded), atomically.
   * The (room, seq) primary key turns a lost race into an error instead of a fork.
   * Returns the new last seq.
   */
  append(room: string, expectedSeq: number, events: readonly NewEvent[]): number {
    const write = this.db.transaction(() => {
      // Another writer on the same file is still caught: its rows would collide on the key.
      const last = this.knownLastSeq.get(room) ?? this.lastSeq(room);
      if (last !== expectedSeq) throw new Error(`Room ${room}: expected seq ${expectedSeq}, log is at ${last}`);
      events.forEach((event, i) => {
        this.insert.run(room, expectedSeq + i + 1, event.type, event.at, JSON.stringify(event.payload));
      });
      return expectedSeq + events.length;
    });
    try {
      const seq = write();
      this.knownLastSeq.set(room, seq);
      return seq;
    } catch (error) {
      this.knownLastSeq.delete(room); // ask SQLite again next time
      throw error;
    }
  }

  lastSeq(room: string): number {
    return this.selectLastSeq.get(room)?.seq ?? 0;
  }

  read(room: string): StoredEvent[] {
    return this.selectRoom.all(room).map((row) => ({
      room: row.room,
      seq: row.seq,
      type: row.type,
      at: row.at,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
    }));
  }

  /** Every room that has at least one event, oldest first. */
  rooms(): string[] {
    const rows = this.db.prepare('SELECT room FROM events WHERE seq = 1 ORDER BY at, room').all() as { room: string }[];
    return rows.map((r) => r.room);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
