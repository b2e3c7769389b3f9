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
import { studentsCsv } from '../shared/scoring';
import { parseLogRow } from '../shared/replay/log-rows';
import { sessionReportData, type SessionReportData } from '../shared/report/session-report';
import type { RoomRegistry } from './room-registry';
import type { EventStore } from './event-store';
import { hashToken } from './secrets';
import { readerFor, ReaderBusy, ReaderClosed, type LogReader } from './log-reader/log-reader';
import { hereOrOnThread, INLINE_ROWS } from './log-reader/short-log';

const PATH = /^\/api\/report\/([2-9A-HJ-NP-Z]{6})(\.csv)?$/;
const token = z.string().min(1).max(200);

export interface ReportAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const refused = (status: number, refusal: Refusal): ReportAnswer => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ok: false, refusal }) });

/**
 * The answer to a report request, or null when the path is not the report's. The report is a
 * fold of the whole log: seconds for an hour-long class, so a log of more than `inlineRows`
 * rows is folded on a log reader thread (server/log-reader/), never on the game's thread.
 */
export async function answerReport(path: string, hostToken: string | undefined, registry: RoomRegistry, store: EventStore, reader: LogReader | null = null, inlineRows = INLINE_ROWS): Promise<ReportAnswer | null> {
  const match = PATH.exec(path);
  if (!match) return null;
  const code = match[1]!;
  const state = registry.get(code);
  if (!state) return refused(404, refuseAdmin('unknown-room', 'There is no class with this code.'));
  const presented = token.safeParse(hostToken);
  const refusal = presented.success ? checkHost(state, hashToken(presented.data)) : refuseAdmin('not-host', 'Only the teacher who opened this class can see its report.');
  if (refusal) return refused(403, refusal);
  const { rounds, stories } = await reportData(code, registry, store, reader, inlineRows);
  // Nicknames as the class stands now (a student who renamed is shown by their new name).
  const seats = registry.get(code)?.seats ?? state.seats;
  const nickname = (id: number) => seats.find((s) => s.nodeId === id)?.nickname ?? '?';
  const headers = { 'cache-control': 'no-store' };
  if (match[2]) {
    return { status: 200, headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="captain-down-${code}.csv"` }, body: studentsCsv(rounds, nickname) };
  }
  const nicknames = Object.fromEntries(seats.map((s) => [s.nodeId, s.nickname]));
  return { status: 200, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ ok: true, code, nicknames, rounds, stories }) };
}

function reportData(code: string, registry: RoomRegistry, store: EventStore, reader: LogReader | null, inlineRows: number): Promise<SessionReportData> {
  return hereOrOnThread(
    registry, reader, code,
    () => sessionReportData(store.read(code).map((row) => ({ seq: row.seq, event: parseLogRow(row) }))),
    (thread, upToSeq) => thread.report(code, upToSeq),
    inlineRows,
  );
}

/** A refusal of the server's, not of the game's rules (as the 405 below and the replay routes' 429/503). */
const busy = (status: number, code: string, message: string): ReportAnswer => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ok: false, refusal: { code, message } }) });

export function serveReport(req: IncomingMessage, res: ServerResponse, registry: RoomRegistry, store: EventStore): boolean {
  if (!req.url?.startsWith('/api/report/')) return false;
  if (req.method !== 'GET') {
    res.writeHead(405, { 'content-type': 'application/json', allow: 'GET' }).end(JSON.stringify({ ok: false, refusal: { code: 'method-not-allowed', message: 'The session report can only be read (GET).' } }));
    return true;
  }
  const path = req.url.split('?')[0]!;
  if (!PATH.test(path)) return false;
  const header = req.headers['x-host-token'];
  void answerReport(path, Array.isArray(header) ? header[0] : header, registry, store, readerFor(registry))
    .catch((error: unknown): ReportAnswer => {
      if (error instanceof ReaderBusy) {
        const answer = busy(429, 'reports-busy', 'The server is preparing other reports and replays right now: try again in a few seconds.');
        return { ...answer, headers: { ...answer.headers, 'retry-after': '5' } };
      }
      if (error instanceof ReaderClosed) return busy(503, 'server-stopping', 'The server is stopping: try again in a minute.');
      console.error('[report]', error);
      return busy(500, 'internal-error', 'The server failed to make the report; nothing was changed. Try again.');
    })
    .then((answer) => res.writeHead(answer!.status, answer!.headers).end(answer!.body));
  return true;
}
