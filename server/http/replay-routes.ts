/**
 * HTTP routes of replays (JSON and NDJSON), beside the pages Next serves:
 *   GET    /api/rooms/CODE/rounds               History of the room's rounds   (host)
 *   GET    /api/rooms/CODE/log?round=N|all&anonymize=1   the log as NDJSON   (host)
 *   POST   /api/rooms/CODE/shares  {round}      publish a read-only link       (host)
 *   DELETE /api/rooms/CODE/shares/N             revoke round N's links          (host)
 *   POST   /api/rooms/CODE/fork    {round, t}   a live round from a moment     (host)
 *   GET    /api/replays/ID                      a published round as NDJSON (anyone with the link)
 * The host token travels in `Authorization: Bearer`, never in a URL. Every answer under
 * /api/rooms/CODE/... and /api/replays/... is JSON or NDJSON, refusals included (a
 * malformed path, a wrong method, a body over 4 KB, too many requests from one address).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';
import { normalizeRoomCode } from '../../shared/room/code';
import type { GameServer } from '../game-server';
import { clientAddress } from '../limits/client-address';
import type { ReplayShares } from '../replay-shares';
import { RoundHistory } from '../round-history';
import { hereOrOnThread, INLINE_ROWS } from '../log-reader/short-log';
import { readerFor, ReaderBusy, ReaderClosed, type ExportStream } from '../log-reader/log-reader';
import { exportStored } from './stored-export';
import { forkFromReplay } from './fork-route';
import { hashToken } from '../secrets';

const APP_VERSION = process.env.npm_package_version ?? '0.1.0';
const MAX_BODY = 4 * 1024;

/**
 * Requests per client address per 10 s. A whole class behind one school NAT opening a
 * shared link in the same minute fits (as seat:join's 100 per 10 s, server/limits); a
 * script asking for exports in a loop is held to 10 a second, each of which reads the
 * room's log on the game's own thread.
 */
export const REPLAY_REQUESTS_PER_10S = 100;

/** trustProxy: as TRUST_PROXY (server/limits/client-address.ts), for the address a limit charges. */
type Deps = { game: GameServer; shares: ReplayShares; trustProxy?: number };
/** ndjson: a file made here; stream: one a log reader thread is making (server/log-reader/). */
type Reply = { status: number; json?: unknown; ndjson?: { text: string; filename: string }; stream?: { bytes: ExportStream; filename: string }; headers?: Record<string, string> };

const problem = (status: number, code: string, message: string): Reply => ({ status, json: { ok: false, refusal: { code, message } } });
const NOT_HOST = problem(403, 'not-host', 'Only the teacher who opened this class can see its replays. Open it from the browser you host with.');
const NO_ROUND = problem(404, 'unknown-round', 'This class has no such round.');
const GONE = problem(404, 'unknown-replay', 'This replay link does not exist or was revoked by the teacher (deleting a class turns off its links too).');

const BUSY: Reply = {
  ...problem(429, 'exports-busy', 'The server is preparing other replays right now: try again in a few seconds.'),
  headers: { 'retry-after': '5' },
};
const STOPPING = problem(503, 'server-stopping', 'The server is stopping: try again in a minute.');

const UNKNOWN_ROUTE = problem(405, 'unknown-route', 'That is not something a replay can do.');
const TOO_BIG = problem(413, 'too-large', 'That request is larger than 4 KB: a replay request is a few bytes of JSON.');

const shareBody = z.object({ round: z.number().int().positive() });
const forkBody = z.object({ round: z.number().int().positive(), t: z.number().nonnegative().max(1e10) });

/** One limiter per server (its shares store): tests that start several servers do not share budgets. */
const limiters = new WeakMap<ReplayShares, RateLimiterMemory>();

function withinBudget(req: IncomingMessage, { shares, trustProxy = 0 }: Deps): Promise<boolean> {
  let limiter = limiters.get(shares);
  if (!limiter) limiters.set(shares, (limiter = new RateLimiterMemory({ keyPrefix: 'replay-http', points: REPLAY_REQUESTS_PER_10S, duration: 10 })));
  return limiter.consume(clientAddress(req.socket.remoteAddress, req.headers, trustProxy)).then(() => true, () => false);
}

/** One log reader per registry (server/log-reader/log-reader.ts). */
const readerOf = (game: GameServer) => readerFor(game.registry);

/** One History cache per registry, made on the first History request (it then follows every commit). */
const histories = new WeakMap<GameServer['registry'], RoundHistory>();

function historyOf(game: GameServer): RoundHistory {
  let history = histories.get(game.registry);
  if (!history) histories.set(game.registry, (history = new RoundHistory(game.registry, readerOf(game), INLINE_ROWS)));
  return history;
}

/** A path segment as sent, or null when its percent-encoding is malformed ("%E0%A4%A"). */
function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Answers replay routes; returns false for any other URL (Next handles it). */
export function handleReplayRoute(req: IncomingMessage, res: ServerResponse, deps: Deps): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const room = url.pathname.match(/^\/api\/rooms\/([^/]+)\/(rounds|log|shares|fork)(?:\/(\d+))?$/);
  // Anything under /api/replays is ours: a malformed or overlong id is an unknown link, not Next's HTML 404.
  const shared = /^\/api\/replays(?:\/|$)/.test(url.pathname) ? (/^\/api\/replays\/([A-Za-z0-9_-]{1,64})$/.exec(url.pathname)?.[1] ?? '') : null;
  if (!room && shared === null && !url.pathname.startsWith('/api/rooms/')) return false;
  void (async () => {
    let reply: Reply;
    try {
      if (!(await withinBudget(req, deps))) {
        reply = { ...problem(429, 'rate-limited', 'Too many replay requests from this address: wait a few seconds and try again.'), headers: { 'retry-after': '10' } };
      } else if (shared !== null) {
        reply = req.method === 'GET' ? await publishedLog(shared, deps) : problem(405, 'unknown-route', 'A published replay can only be read (GET).');
      } else if (room) {
        const code = decoded(room[1]!);
        reply = code === null ? NOT_HOST : await roomRoute(req, url, normalizeRoomCode(code), room[2]!, room[3], deps);
      } else {
        reply = UNKNOWN_ROUTE;
      }
    } catch (error) {
      if (error instanceof ReaderBusy) reply = BUSY;
      else if (error instanceof ReaderClosed) reply = STOPPING;
      else {
        console.error('[replay]', error);
        reply = problem(500, 'internal-error', 'The server failed; nothing was changed. Try again.');
      }
    }
    send(req, res, reply);
  })();
  return true;
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...reply.headers };
  const file = reply.ndjson ?? reply.stream;
  if (file) {
    headers['content-type'] = 'application/x-ndjson; charset=utf-8';
    headers['content-disposition'] = `attachment; filename="${file.filename}"`;
    res.writeHead(reply.status, headers);
    if (reply.ndjson) res.end(reply.ndjson.text);
    // A client that left while the file was being sliced: nothing to write, the thread stops.
    else if (req.socket.destroyed) reply.stream!.bytes.cancel();
    else void reply.stream!.bytes.pipe(res);
    return;
  }
  headers['content-type'] = 'application/json';
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.json));
}

function isHost(req: IncomingMessage, game: GameServer, code: string): boolean {
  const token = /^Bearer ([A-Za-z0-9_-]{10,100})$/.exec(req.headers.authorization ?? '')?.[1];
  const room = game.registry.get(code);
  return !!token && !!room && hashToken(token) === room.hostTokenHash;
}

async function roomRoute(req: IncomingMessage, url: URL, code: string, what: string, tail: string | undefined, { game, shares }: Deps): Promise<Reply> {
  if (!isHost(req, game, code)) return NOT_HOST;
  const method = req.method ?? 'GET';
  if (what === 'rounds' && method === 'GET') {
    const published = shares.published(code);
    return { status: 200, json: { ok: true, rounds: (await historyOf(game).summaries(code)).map((s) => ({ ...s, published: published.get(s.round) ?? 0 })) } };
  }
  if (what === 'log' && method === 'GET') {
    const raw = url.searchParams.get('round') ?? 'all';
    const which = raw === 'all' ? 'all' : Number(raw);
    const anonymize = url.searchParams.get('anonymize') === '1';
    const filename = which === 'all' ? `captain-down-${code}.ndjson` : `captain-down-${code}-round-${which}.ndjson`;
    return (await exportFile(game, code, which, anonymize, filename)) ?? NO_ROUND;
  }
  if (what === 'shares' && method === 'POST') {
    const json = await readJson(req);
    if (json === BODY_TOO_BIG) return TOO_BIG;
    const body = shareBody.safeParse(json);
    if (!body.success) return problem(400, 'invalid-payload', 'Say which round to publish: {"round": N}.');
    // The History's summaries say which rounds exist (kept as events commit), not a slice of the whole log.
    if (!(await historyOf(game).summaries(code)).some((s) => s.round === body.data.round)) return NO_ROUND;
    return { status: 200, json: { ok: true, id: shares.publish(code, body.data.round, Date.now()) } };
  }
  if (what === 'shares' && method === 'DELETE' && tail) return { status: 200, json: { ok: true, revoked: shares.revoke(code, Number(tail), Date.now()) } };
  if (what === 'fork' && method === 'POST') {
    const json = await readJson(req);
    if (json === BODY_TOO_BIG) return TOO_BIG;
    const body = forkBody.safeParse(json);
    if (!body.success) return problem(400, 'invalid-payload', 'Say which round and moment to fork from: {"round": N, "t": ms}.');
    const fork = await forkFromReplay(game, readerOf(game), code, body.data.round, body.data.t);
    return fork.ok ? { status: 200, json: { ok: true, round: fork.round } } : problem(fork.status, fork.code, fork.message);
  }
  return UNKNOWN_ROUTE;
}

async function publishedLog(id: string, { game, shares }: Deps): Promise<Reply> {
  const share = id === '' ? null : shares.find(id);
  if (!share || share.revokedAt !== null) return GONE;
  return (await exportFile(game, share.room, share.round, false, `captain-down-round-${share.round}.ndjson`)) ?? GONE;
}

/**
 * The export of `which` as a reply (null when the log has no such round): streamed from a log
 * reader thread, so a file of any size never holds the game's thread (issue 7); made here for
 * a log in memory (tests' stores) or a short one (short-log.ts). The thread reads what is
 * committed, so what waits is written first.
 */
async function exportFile(game: GameServer, room: string, which: number | 'all', anonymize: boolean, filename: string): Promise<Reply | null> {
  const options = { appVersion: APP_VERSION, exportedAt: new Date().toISOString(), room, anonymize };
  return hereOrOnThread(
    game.registry, readerOf(game), room,
    (): Reply | null => {
      const text = exportStored(game.registry.logText(room), which, options);
      return text === null ? null : { status: 200, ndjson: { text, filename } };
    },
    async (reader) => {
      const bytes = await reader.export({ room, which, options });
      return bytes && { status: 200, stream: { bytes, filename } };
    },
  );
}

const BODY_TOO_BIG = Symbol('body too big');

/**
 * The request's JSON body (null when it is not JSON), or BODY_TOO_BIG past MAX_BODY. An
 * oversized body is still drained, not kept: cutting the connection mid-upload would reset
 * it before the client reads the 413.
 */
async function readJson(req: IncomingMessage): Promise<unknown> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
    req.resume();
    return BODY_TOO_BIG;
  }
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY) return BODY_TOO_BIG;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
