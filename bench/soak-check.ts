/**
 * The soak's verdict on durability: every move a student's phone saw answered must be in
 * the room's log, read straight from the SQLite file after the last crash. An accepted
 * move is a `ClusterEvents` batch with cause "move" for that student's node; a move
 * refused by a rule (it has a rule ID) is a `MoveRefused` row with the same move type and
 * code. Per student (bots never repeat their previous move, so no answer is a double-tap
fold, SPEC G7), the answered moves, in the order they were answered, must appear in
 * the log in that order (facts the log holds but no phone heard of are fine: the server
 * died before the ack left). Refusals without a rule ID (no round, unknown room...) log
 * nothing by design and are not looked for.
 */
import Database from 'better-sqlite3';
import type { LedgerEntry } from './soak-bots';

type Fact = { ok: boolean; moveType?: string; code?: string };

export type Verdict = { acknowledged: number; checked: number; missing: number; examples: string[] };

export function checkLedger(sqliteFile: string, ledger: readonly LedgerEntry[]): Verdict {
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    const facts = new Map<string, Fact[]>(); // `${room}:${nodeId}` -> the log's move outcomes, in order
    const rooms = new Set(ledger.map((e) => e.code));
    const select = db.prepare('SELECT type, payload FROM events WHERE room = ? ORDER BY seq');
    for (const room of rooms) {
      let teams: number[][] = [];
      for (const row of select.iterate(room) as Iterable<{ type: string; payload: string }>) {
        const payload = JSON.parse(row.payload) as { teams?: number[][]; team?: number; node?: number; cause?: string; move?: string; code?: string };
        if (row.type === 'RoundStarted') teams = payload.teams ?? [];
        const nodeId = payload.team !== undefined && payload.node !== undefined ? teams[payload.team]?.[payload.node] : undefined;
        if (nodeId === undefined) continue;
        const key = `${room}:${nodeId}`;
        const list = facts.get(key) ?? [];
        if (row.type === 'ClusterEvents' && payload.cause === 'move') list.push({ ok: true });
        else if (row.type === 'MoveRefused') list.push({ ok: false, moveType: payload.move, code: payload.code });
        else continue;
        facts.set(key, list);
      }
    }
    const verdict: Verdict = { acknowledged: ledger.length, checked: 0, missing: 0, examples: [] };
    const cursor = new Map<string, number>();
    for (const entry of ledger) {
      if (!entry.ok && !entry.rule) continue;
      verdict.checked += 1;
      const key = `${entry.code}:${entry.nodeId}`;
      const list = facts.get(key) ?? [];
      let at = cursor.get(key) ?? 0;
      const matches = (f: Fact) => (entry.ok ? f.ok : !f.ok && f.moveType === entry.moveType && f.code === entry.refusalCode);
      // Greedy earliest match: finds an embedding whenever one exists. The bots never repeat
      // their previous move, so no answer is a SPEC G7 fold and each is exactly one fact.
      while (at < list.length && !matches(list[at]!)) at += 1;
      if (at >= list.length) {
        verdict.missing += 1;
        if (verdict.examples.length < 5) verdict.examples.push(`${entry.moveId} ${entry.moveType} ${entry.ok ? 'ok' : entry.refusalCode}`);
        continue; // keep the cursor: later entries are still checked from here
      }
      cursor.set(key, at + 1);
    }
    return verdict;
  } finally {
    db.close();
  }
}
