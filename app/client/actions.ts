/**
 * One-shot commands that are not tied to a mounted view: opening a class, taking a seat.
 * Each stores the secret it receives before anything navigates.
 */
'use client';

import type { SeatView } from '@/shared/protocol';
import type { Result } from '@/shared/rules/refusal';
import { normalizeRoomCode } from '@/shared/room/code';
import { request } from './connection';
import { loadSeat, markSeatKicked, saveHostToken, saveSeat } from './storage';

export type Outcome<T> = Result<{ value: T }>;

export async function openClass(): Promise<Outcome<{ code: string }>> {
  const ack = await request('room:create', {});
  if (!ack.ok) return ack;
  saveHostToken(ack.code, ack.hostToken);
  return { ok: true, value: { code: ack.code } };
}

/** Joins a class; sends the seat this browser held before so a kicked student stays out. */
export async function joinClass(rawCode: string, nickname: string): Promise<Outcome<{ code: string; view: SeatView }>> {
  const code = normalizeRoomCode(rawCode);
  const previous = loadSeat(code);
  const ack = await request('seat:join', { code, nickname, ...(previous ? { previousSeatToken: previous.seatToken } : {}) });
  if (!ack.ok) {
    if (ack.refusal.code === 'kicked') markSeatKicked(code);
    return ack;
  }
  saveSeat(code, { seatToken: ack.seatToken, nodeId: ack.view.nodeId });
  return { ok: true, value: { code, view: ack.view } };
}
