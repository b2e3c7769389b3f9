/**
 * `npx tsx bench/hour-phone-room.ts DATA_DIR [ROWS] [raft|bully|lease]`: a data directory
 * whose class K7P3QX is the cached class hour (bench/class-hour.ts) up to row ROWS (default
 * 460,000, minute ~58), so a real server started on it (`DATA_DIR=... npm start`) shows a
 * student's phone of a team of 60 late in the hour; bench/hour-phone-shot.mjs photographs it.
 * Three things differ from the hour's log, none of them in the fold up to ROWS: the code (the
 * join page accepts only codes like K7P3QX), the seat tokens (student N's is
 * `screenshot-seat-N`, 16+ characters as the server asks) and crashOnDisconnect off (the
 * server loads the room with every seat offline; on, the phone would show a restarted node).
 */
import { createHash } from 'node:crypto';
import { EventStore } from '../server/event-store';
import { toNewEvent } from '../server/room-snapshots';
import type { RoomEvent } from '../shared/room/events';
import { classHourRows } from './class-hour-cache';

const dir = process.argv[2];
if (!dir) throw new Error('usage: npx tsx bench/hour-phone-room.ts DATA_DIR [ROWS] [algorithm]');
const count = Number(process.argv[3] ?? 460_000);
const rows = classHourRows(process.argv[4] ?? 'raft');
const CODE = 'K7P3QX';
const seatHash = (nodeId: number) => createHash('sha256').update(`screenshot-seat-${nodeId}`).digest('hex');

function recode(event: RoomEvent): RoomEvent {
  if (event.type === 'RoomCreated') return { ...event, code: CODE };
  if (event.type === 'NodeJoined') return { ...event, seatTokenHash: seatHash(event.nodeId) };
  if (event.type === 'RoundStarted') return { ...event, config: { ...event.config, crashOnDisconnect: false } };
  return event;
}

const store = EventStore.openIn(dir);
for (let from = 0; from < count; from += 5000) {
  const batch = rows.slice(from, Math.min(count, from + 5000)).map((row) => toNewEvent(recode(row.event as RoomEvent)));
  store.append(CODE, from, batch, { openRound: true });
}
console.log(`class ${CODE}: ${store.lastSeq(CODE)} rows in ${dir}`);
store.close();
