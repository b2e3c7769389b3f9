/**
 * The replay routes of the server (server/http/replay-routes.ts). The host token goes in
 * an Authorization header, never in a URL; a download is fetched, then saved as a Blob.
 */
'use client';

import type { RoundSummary } from '@/shared/replay/round-summaries';
import { loadHostToken } from './storage';

export type HistoryRound = RoundSummary & { published: number };
type Problem = { ok: false; message: string; status: number };

/** A fetch that never reached the server (offline, server down): a sentence, not an unhandled rejection. */
const UNREACHABLE: Problem = { ok: false, status: 0, message: 'Could not reach the server: check the connection and try again.' };

async function call(code: string, path: string, init: RequestInit = {}): Promise<Response | Problem> {
  const token = loadHostToken(code);
  if (!token) return { ok: false, status: 403, message: 'This browser is not the host of this class: open the replay from the browser you host with.' };
  const response = await fetch(`/api/rooms/${encodeURIComponent(code)}/${path}`, {
    ...init,
    headers: { ...init.headers, authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
  }).catch(() => null);
  if (!response) return UNREACHABLE;
  if (response.ok) return response;
  const body = (await response.json().catch(() => null)) as { refusal?: { message?: string } } | null;
  return { ok: false, status: response.status, message: body?.refusal?.message ?? `The server answered ${response.status}.` };
}

export async function fetchHistory(code: string): Promise<HistoryRound[] | Problem> {
  const r = await call(code, 'rounds');
  return r instanceof Response ? ((await r.json()) as { rounds: HistoryRound[] }).rounds : r;
}

export async function fetchRoomLog(code: string, round: number | 'all', anonymize = false): Promise<{ text: string; filename: string } | Problem> {
  const r = await call(code, `log?round=${round}${anonymize ? '&anonymize=1' : ''}`);
  if (!(r instanceof Response)) return r;
  const filename = /filename="([^"]+)"/.exec(r.headers.get('content-disposition') ?? '')?.[1] ?? 'captain-down.ndjson';
  const text = await r.text().catch(() => null); // the connection can drop while a long class downloads
  return text === null ? UNREACHABLE : { text, filename };
}

export async function publishRound(code: string, round: number): Promise<string | Problem> {
  const r = await call(code, 'shares', { method: 'POST', body: JSON.stringify({ round }) });
  return r instanceof Response ? `${window.location.origin}/replay/s/${((await r.json()) as { id: string }).id}` : r;
}

export async function revokeRound(code: string, round: number): Promise<number | Problem> {
  const r = await call(code, `shares/${round}`, { method: 'DELETE' });
  return r instanceof Response ? ((await r.json()) as { revoked: number }).revoked : r;
}

export async function forkRound(code: string, round: number, t: number): Promise<number | Problem> {
  const r = await call(code, 'fork', { method: 'POST', body: JSON.stringify({ round, t }) });
  return r instanceof Response ? ((await r.json()) as { round: number }).round : r;
}

export async function fetchPublished(id: string): Promise<string | Problem> {
  const r = await fetch(`/api/replays/${encodeURIComponent(id)}`).catch(() => null);
  if (!r) return UNREACHABLE;
  if (r.ok) return (await r.text().catch(() => null)) ?? UNREACHABLE;
  const body = (await r.json().catch(() => null)) as { refusal?: { message?: string } } | null;
  return { ok: false, status: r.status, message: body?.refusal?.message ?? `The server answered ${r.status}.` };
}

/** Saves text as a file download (the browser's own "save"). */
export function saveFile(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null && (value as Problem).ok === false;
