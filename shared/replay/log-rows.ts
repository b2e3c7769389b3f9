/**
 * A room's log as rows: what the event store holds (seq, type, at, payload) and the room
 * event it means. Parsing goes through the same zod schema the server uses to rebuild a
 * room from its log at start-up (shared/room/events.ts), so an imported file and the
 * server's own database are checked by one law.
 */
import { roomEventSchema, type RoomEvent } from '../room/events';

/** One row of the log, exactly as the event store keeps it. */
export interface LogRow {
  seq: number;
  type: string;
  at: number;
  payload: Record<string, unknown>;
}

/** A parsed row: its seq and the room event it holds. */
export interface SeqEvent {
  seq: number;
  event: RoomEvent;
}

/** The store keeps {type, at} in columns and the rest of the event as the payload. */
export function toLogRow(seq: number, event: RoomEvent): LogRow {
  const { type, at, ...payload } = event;
  return { seq, type, at, payload };
}

/** Throws a zod error naming the field when the row is not a room event. */
export function parseLogRow(row: LogRow): RoomEvent {
  return roomEventSchema.parse({ ...row.payload, type: row.type, at: row.at });
}

export function safeParseLogRow(row: LogRow): { ok: true; event: RoomEvent } | { ok: false; problem: string } {
  const parsed = roomEventSchema.safeParse({ ...row.payload, type: row.type, at: row.at });
  if (parsed.success) return { ok: true, event: parsed.data };
  const issue = parsed.error.issues[0];
  // Not the schema's list of every event name: a sentence a teacher can act on.
  if (issue?.path.length === 1 && issue.path[0] === 'type') return { ok: false, problem: `not a valid ${row.type} event: this app has no event called "${row.type}" (a log from a newer Captain Down, or edited)` };
  const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
  return { ok: false, problem: `not a valid ${row.type} event${where}: ${issue?.message ?? 'invalid'}` };
}
