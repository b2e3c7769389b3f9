/**
 * Secrets kept in this browser, per room: the host token and the seat token.
 * localStorage (not the URL) so they never land in history, screenshots or a shared link.
 * Falls back to memory when storage is blocked (some private modes): the page still works,
 * it just won't survive a reload.
 */
'use client';

export type StoredSeat = { seatToken: string; nodeId: number; kicked?: boolean };

const memory = new Map<string, string>();
const hostKey = (code: string) => `captain-down:host:${code}`;
const seatKey = (code: string) => `captain-down:seat:${code}`;

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    if (value === null) memory.delete(key);
    else memory.set(key, value);
  }
}

export function loadHostToken(code: string): string | null {
  return read(hostKey(code));
}

export function saveHostToken(code: string, token: string): void {
  write(hostKey(code), token);
}

/** Classes this browser can host, so a teacher who closed the tab can get back in. */
export function hostedRoomCodes(): string[] {
  try {
    return Object.keys(window.localStorage)
      .filter((key) => key.startsWith('captain-down:host:'))
      .map((key) => key.slice('captain-down:host:'.length));
  } catch {
    return [];
  }
}

export function loadSeat(code: string): StoredSeat | null {
  const raw = read(seatKey(code));
  if (!raw) return null;
  try {
    const seat = JSON.parse(raw) as Partial<StoredSeat>;
    if (typeof seat.seatToken !== 'string' || typeof seat.nodeId !== 'number') return null;
    return { seatToken: seat.seatToken, nodeId: seat.nodeId, kicked: seat.kicked === true };
  } catch {
    return null;
  }
}

export function saveSeat(code: string, seat: StoredSeat): void {
  write(seatKey(code), JSON.stringify(seat));
}

/** Keep the token of a kicked seat: presenting it again is how the server keeps them out. */
export function markSeatKicked(code: string): void {
  const seat = loadSeat(code);
  if (seat) saveSeat(code, { ...seat, kicked: true });
}

export function forgetSeat(code: string): void {
  write(seatKey(code), null);
}
