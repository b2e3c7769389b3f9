/**
 * The session report's data (server/report-route.ts): the host token from this browser's
 * storage travels in the `x-host-token` header, never in the URL (SPEC S10).
 */
'use client';

import type { RoundStory } from '@/shared/report/round-story';
import type { RoundScores } from '@/shared/scoring/types';
import { loadHostToken } from './storage';

export interface ReportData {
  ok: true;
  code: string;
  nicknames: Record<string, string>;
  rounds: RoundScores[];
  stories: RoundStory[];
}

type Problem = { ok: false; message: string };

async function call(code: string, suffix: '' | '.csv'): Promise<Response | Problem> {
  const token = loadHostToken(code);
  if (!token) return { ok: false, message: 'This browser is not the host of this class: open the report from the browser you host with.' };
  const response = await fetch(`/api/report/${encodeURIComponent(code)}${suffix}`, { headers: { 'x-host-token': token }, cache: 'no-store' });
  if (response.ok) return response;
  const body = (await response.json().catch(() => null)) as { refusal?: { message?: string } } | null;
  return { ok: false, message: body?.refusal?.message ?? `The server answered ${response.status}.` };
}

export async function fetchReport(code: string): Promise<ReportData | Problem> {
  const r = await call(code, '');
  return r instanceof Response ? ((await r.json()) as ReportData) : r;
}

/** The per-student table as CSV, saved as a file (a Blob: the token never goes in a link). */
export async function downloadReportCsv(code: string): Promise<Problem | null> {
  const r = await call(code, '.csv');
  if (!(r instanceof Response)) return r;
  const filename = /filename="([^"]+)"/.exec(r.headers.get('content-disposition') ?? '')?.[1] ?? `captain-down-${code}.csv`;
  const url = URL.createObjectURL(await r.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}
