/**
 * GET /api/report/CODE (JSON) and /api/report/CODE.csv: the session report's data, the
 * host's only (issue 11, privacy). The host token travels in the `x-host-token` header,
 * never in the URL (URLs end up in logs and browser history); without it, or with another,
 * the answer is a structured refusal. Scores and each round's story (leaders, elections,
 * messages, alerts: shared/report) come from the room's log, computed on demand.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { checkHost } from '../shared/room/seats';
import { refuseAdmin, type Refusal } from '../shared/rules/refusal';
import { sessionScores, studentsCsv } from '../shared/scoring';
import { parseLogRow } from '../shared/replay/log-rows';
import { sessionReport } from '../shared/report/session-report';
import type { RoomRegistry } from './room-registry';
import type { EventStore } from './event-store';
import { hashToken } from './secrets';

const PATH = /^\/api\/report\/([2-9A-HJ-NP-Z]{6})(\.csv)?$/;
const token = z.string().min(1).max(200);

export interface ReportAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const refused = (status: number, refusal: Refusal): ReportAnswer => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ok: false, refusal }) });

/** The answer to a report request, or null when the path is not the report's. */
export function answerReport(path: string, hostToken: string | undefined, registry: RoomRegistry, store: EventStore): ReportAnswer | null {
  const match = PATH.exec(path);
  if (!match) return null;
  const code = match[1]!;
  const state = registry.get(code);
  if (!state) return refused(404, refuseAdmin('unknown-room', 'There is no class with this code.'));
  const presented = token.safeParse(hostToken);
  const refusal = presented.success ? checkHost(state, hashToken(presented.data)) : refuseAdmin('not-host', 'Only the teacher who opened this class can see its report.');
  if (refusal) return refused(403, refusal);
  const log = store.read(code).map((row) => ({ seq: row.seq, event: parseLogRow(row) }));
  const rounds = sessionScores(log.map((row) => row.event));
  const nickname = (id: number) => state.seats.find((s) => s.nodeId === id)?.nickname ?? '?';
  const headers = { 'cache-control': 'no-store' };
  if (match[2]) {
    return { status: 200, headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="captain-down-${code}.csv"` }, body: studentsCsv(rounds, nickname) };
  }
  const nicknames = Object.fromEntries(state.seats.map((s) => [s.nodeId, s.nickname]));
  return { status: 200, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ ok: true, code, nicknames, rounds, stories: sessionReport(log).map((r) => r.story) }) };
}

export function serveReport(req: IncomingMessage, res: ServerResponse, registry: RoomRegistry, store: EventStore): boolean {
  if (!req.url?.startsWith('/api/report/')) return false;
  if (req.method !== 'GET') {
    res.writeHead(405, { 'content-type': 'application/json', allow: 'GET' }).end(JSON.stringify({ ok: false, refusal: { code: 'method-not-allowed', message: 'The session report can only be read (GET).' } }));
    return true;
  }
  const header = req.headers['x-host-token'];
  const answer = answerReport(req.url.split('?')[0]!, Array.isArray(header) ? header[0] : header, registry, store);
  if (!answer) return false;
  res.writeHead(answer.status, answer.headers).end(answer.body);
  return true;
}
