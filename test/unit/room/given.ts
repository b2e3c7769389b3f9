/** Given/when/then helpers for room tests: build a state from facts, then ask decideRoom. */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { decideRoom, foldRoom, type RoomCommand, type RoomEvent, type RoomState } from '../../../shared/room';

export const hash = (token: string) => createHash('sha256').update(token).digest('hex');
export const HOST = hash('host-token');
export const T0 = 1_700_000_000_000;

export const created = (code = 'K7P3QX'): RoomEvent => ({ type: 'RoomCreated', at: T0, code, hostTokenHash: HOST });
export const joined = (nodeId: number, nickname: string): RoomEvent => ({
  type: 'NodeJoined', at: T0 + nodeId, nodeId, nickname, seatTokenHash: hash(`seat-${nodeId}`),
});
export const kicked = (nodeId: number): RoomEvent => ({ type: 'NodeKicked', at: T0 + 100, nodeId });
export const locked = (): RoomEvent => ({ type: 'RoomLocked', at: T0 + 200 });
export const unlocked = (): RoomEvent => ({ type: 'RoomUnlocked', at: T0 + 300 });

export function given(...events: RoomEvent[]): RoomState {
  const state = foldRoom(events);
  if (!state) throw new Error('given() needs a RoomCreated first');
  return state;
}

export const join = (nickname: string, seat = 'new-seat'): RoomCommand => ({ type: 'JoinRoom', at: T0 + 1000, nickname, seatTokenHash: hash(seat) });
export const kick = (nodeId: number, hostTokenHash = HOST): RoomCommand => ({ type: 'KickNode', at: T0 + 1000, hostTokenHash, nodeId });
export const lock = (hostTokenHash = HOST): RoomCommand => ({ type: 'LockRoom', at: T0 + 1000, hostTokenHash });
export const unlock = (hostTokenHash = HOST): RoomCommand => ({ type: 'UnlockRoom', at: T0 + 1000, hostTokenHash });

/** Expects a refusal and returns its code, so a test reads `expect(refusalCode(...)).toBe(...)`. */
export function refusalCode(state: RoomState | null, command: RoomCommand): string {
  const decision = decideRoom(state, command);
  if (decision.ok) throw new Error(`expected a refusal, got ${JSON.stringify(decision.events)}`);
  expect(decision.refusal.message.length).toBeGreaterThan(10);
  return decision.refusal.code;
}

export function eventsOf(state: RoomState | null, command: RoomCommand): RoomEvent[] {
  const decision = decideRoom(state, command);
  if (!decision.ok) throw new Error(`expected events, got refusal ${decision.refusal.code}`);
  return decision.events;
}
