/**
 * A student's move, sent for their own node. Each click carries a fresh moveId: the
 * server carries out one id once, so a retry after a lost ack can never act twice.
 */
'use client';

import type { Move } from '@/shared/game/moves';
import type { Result } from '@/shared/rules/refusal';
import { request } from './connection';
import { loadSeat } from './storage';

export type MoveOutcome = Result;

function freshMoveId(): string {
  // randomUUID needs a secure context; a class on plain http over the LAN is not one.
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export async function playMove(code: string, move: Move): Promise<MoveOutcome> {
  const seat = loadSeat(code);
  if (!seat || seat.kicked) return { ok: false, refusal: { code: 'no-seat', message: 'This browser has no seat in the class any more: reload the page to join again.' } };
  const ack = await request('seat:move', { code, seatToken: seat.seatToken, moveId: freshMoveId(), move });
  return ack.ok ? { ok: true } : { ok: false, refusal: ack.refusal };
}
