/**
 * The catalogue of stored rooms, beside their logs in the same SQLite file: which rooms
 * exist, when each was last used, which had a round open, and each room's snapshot.
 * Start-up and the retention sweep ask this instead of reading every log, so neither
 * grows with history (issue 9).
 */
import type Database from 'better-sqlite3';
import type { EventStore, StoredSnapshot } from './event-store';

export class RoomCatalog {
  private readonly db: Database.Database;
  private readonly existsQuery: Database.Statement<[string], { one: number }>;
  private readonly snapshotQuery: Database.Statement<[string], StoredSnapshot>;
  private readonly saveSnapshotQuery: Database.Statement<[string, number, number, string]>;

  constructor(private readonly store: EventStore) {
    this.db = store.database;
    this.existsQuery = this.db.prepare('SELECT 1 AS one FROM rooms WHERE room = ?');
    this.snapshotQuery = this.db.prepare('SELECT seq, version, state FROM snapshots WHERE room = ?');
    this.saveSnapshotQuery = this.db.prepare('INSERT OR REPLACE INTO snapshots (room, seq, version, state) VALUES (?, ?, ?, ?)');
  }

  /** Does a log exist for this code (in memory or not)? A fresh code must not reuse one. */
  exists(room: string): boolean {
    return this.existsQuery.get(room) !== undefined;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM rooms').get() as { n: number }).n;
  }

  /** Rooms whose last append left a round open: their clocks must run again after a start. */
  withOpenRound(): string[] {
    return (this.db.prepare('SELECT room FROM rooms WHERE open_round = 1').all() as { room: string }[]).map((r) => r.room);
  }

  /** Rooms whose last fact is older than `cutoffAt` (ms since epoch), oldest first. */
  lastUsedBefore(cutoffAt: number, limit: number): string[] {
    const rows = this.db.prepare('SELECT room FROM rooms WHERE last_at < ? ORDER BY last_at LIMIT ?').all(cutoffAt, limit) as { room: string }[];
    return rows.map((r) => r.room);
  }

  snapshot(room: string): StoredSnapshot | undefined {
    return this.snapshotQuery.get(room);
  }

  saveSnapshot(room: string, snapshot: StoredSnapshot): void {
    this.saveSnapshotQuery.run(room, snapshot.seq, snapshot.version, snapshot.state);
  }

  /** Removes a room's log, snapshot and catalogue row for good, in one transaction. */
  deleteRoom(room: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM events WHERE room = ?').run(room);
      this.db.prepare('DELETE FROM snapshots WHERE room = ?').run(room);
      this.db.prepare('DELETE FROM rooms WHERE room = ?').run(room);
    })();
    this.store.forget(room);
  }
}
