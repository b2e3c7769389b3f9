/**
 * One-shot commands that are not tied to a mounted view: opening a class, taking a seat.
 * Each stores the secret it receives before anything navigates.
 */
'use client';

import type { SeatView } from '@/shared/protocol';
import type { Result } from '@/shared/rules/refusal';
import { normalizeRoomCode } from '@/shared/room/code';
import { request } from './connection';
import { loadHostToken, loadSeat, markSeatKicked, saveHostToken, saveSeat } from './storage';

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

/** Raft with short timers, so a student alone with bots sees an election within seconds. */
const SOLO_RAFT = { heartbeatMs: 2000, electionTimeoutMinMs: 6000, electionTimeoutMaxMs: 10000 };

/**
 * "Try it alone" (SPEC AP7): a class with you as its one student (and its host) and four
 * bots, a Raft round started; the bots also stand in for you if your phone drops.
 */
export async function tryAlone(): Promise<Outcome<{ code: string }>> {
  const opened = await openClass();
  if (!opened.ok) return opened;
  const { code } = opened.value;
  const hostToken = ackToken(code);
  const joined = await joinClass(code, 'You');
  if (!joined.ok) return joined;
  const filled = await request('host:bots:fill', { code, hostToken, upTo: 5, temperament: 'diligent' });
  if (!filled.ok) return filled;
  const started = await request('host:round:start', { code, hostToken, algorithm: 'raft', preset: 'raft-classroom', params: SOLO_RAFT, teamSize: null, crashOnDisconnect: true, autopilot: true });
  if (!started.ok) return started;
  return { ok: true, value: { code } };
}

function ackToken(code: string): string {
  const token = loadHostToken(code);
  if (!token) throw new Error('the host token was just saved');
  return token;
}
