/**
 * Published replay links: an unguessable id (256 random bits) that opens one round of
 * one room read-only, until the host revokes it. Only the id's SHA-256 is stored, like
 * the host and seat tokens, so the database alone cannot open a replay.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hashToken, newToken } from './secrets';

export interface ShareRecord {
  room: string;
  round: number;
  createdAt: number;
  revokedAt: number | null;
}

type Row = { id_hash: string; room: string; round: number; created_at: number; revoked_at: number | null };

export class ReplayShares {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS replay_shares (
      id_hash TEXT PRIMARY KEY, room TEXT NOT NULL, round INTEGER NOT NULL,
      created_at INTEGER NOT NULL, revoked_at INTEGER
    )`);
  }

  static openIn(dataDir: string): ReplayShares {
    mkdirSync(dataDir, { recursive: true });
    return new ReplayShares(join(dataDir, 'captain-down-shares.sqlite'));
  }

  /** A new link for a round; the id is returned once and never stored in the clear. */
  publish(room: string, round: number, now: number): string {
    const id = newToken();
    this.db.prepare('INSERT INTO replay_shares (id_hash, room, round, created_at, revoked_at) VALUES (?, ?, ?, ?, NULL)').run(hashToken(id), room, round, now);
    return id;
  }

  find(id: string): ShareRecord | null {
    const row = this.db.prepare('SELECT * FROM replay_shares WHERE id_hash = ?').get(hashToken(id)) as Row | undefined;
    return row ? { room: row.room, round: row.round, createdAt: row.created_at, revokedAt: row.revoked_at } : null;
  }

  /** Revokes every live link of a round of a room; returns how many. */
  revoke(room: string, round: number, now: number): number {
    return this.db.prepare('UPDATE replay_shares SET revoked_at = ? WHERE room = ? AND round = ? AND revoked_at IS NULL').run(now, room, round).changes;
  }

  /**
   * A deleted class takes its links with it (issue 7): every link of the room goes, revoked
   * or not. Codes of deleted classes can be given to new classes, so a link that outlived
   * its class could one day open a stranger's round.
   */
  forgetRoom(room: string): number {
    return this.db.prepare('DELETE FROM replay_shares WHERE room = ?').run(room).changes;
  }

  /** Follows the rooms' deletions (host's "Delete this class" and the retention sweep). */
  followDeletions(registry: { onDelete(listener: (code: string) => void): void }): void {
    registry.onDelete((code) => void this.forgetRoom(code));
  }

  /** Live links per round of a room (the host panel shows which rounds are published). */
  published(room: string): Map<number, number> {
    const rows = this.db.prepare('SELECT round, COUNT(*) AS n FROM replay_shares WHERE room = ? AND revoked_at IS NULL GROUP BY round').all(room) as { round: number; n: number }[];
    return new Map(rows.map((r) => [r.round, r.n]));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
