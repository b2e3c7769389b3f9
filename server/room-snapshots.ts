/**
 * Loading one room from disk: its snapshot (a cache of the fold up to some seq), then the
 * log after it folded on top. The log stays the truth: a snapshot that is missing, was
 * made by another version of the fold, does not parse, names another room or claims a
 * seq the log never reached is ignored, and the whole log is folded instead.
 */
import { roomEventSchema, type RoomEvent } from '../shared/room/events';
import { evolveRoom } from '../shared/room/evolve';
import { ROOM_FOLD_VERSION, type MaybeRoom, type RoomState } from '../shared/room/state';
import type { EventStore, StoredEvent } from './event-store';
import type { RoomCatalog } from './room-catalog';

/** A snapshot every this many events bounds the fold a load does (and at each round's end). */
export const SNAPSHOT_EVERY = 1_000;

export type LoadedRoom = { state: RoomState; seq: number; snapshotSeq: number };

export function loadRoom(store: EventStore, catalog: RoomCatalog, code: string): LoadedRoom | null {
  const start = usableSnapshot(store, catalog, code);
  let state: MaybeRoom = start?.state ?? null;
  let seq = start?.seq ?? 0;
  for (const stored of store.read(code, seq)) {
    state = evolveRoom(state, toRoomEvent(stored));
    seq = stored.seq;
  }
  return state ? { state, seq, snapshotSeq: start?.seq ?? 0 } : null;
}

export function saveSnapshot(catalog: RoomCatalog, code: string, state: RoomState, seq: number): void {
  catalog.saveSnapshot(code, { seq, version: ROOM_FOLD_VERSION, state: JSON.stringify(state) });
}

function usableSnapshot(store: EventStore, catalog: RoomCatalog, code: string): { state: RoomState; seq: number } | null {
  const snapshot = catalog.snapshot(code);
  if (!snapshot || snapshot.version !== ROOM_FOLD_VERSION || snapshot.seq < 1) return null;
  if (snapshot.seq > store.lastSeq(code)) return null; // ahead of the truth: not ours to trust
  try {
    const state = JSON.parse(snapshot.state) as RoomState;
    const looksLikeARoom = state && state.code === code && Array.isArray(state.seats) && typeof state.roundsPlayed === 'number';
    return looksLikeARoom ? { state, seq: snapshot.seq } : null;
  } catch {
    return null;
  }
}

/** The store's rows hold {type, at} in columns and the rest of the event as payload. */
export function toNewEvent(event: RoomEvent): { type: string; at: number; payload: Record<string, unknown> } {
  const { type, at, ...payload } = event;
  return { type, at, payload };
}

/** Parsing on load means a damaged or hand-edited log fails loudly instead of folding. */
export function toRoomEvent(stored: StoredEvent): RoomEvent {
  return roomEventSchema.parse({ ...stored.payload, type: stored.type, at: stored.at });
}
