/**
 * HTTP routes of replays (JSON and NDJSON), beside the pages Next serves:
 *   GET    /api/rooms/CODE/rounds               History of the room's rounds   (host)
 *   GET    /api/rooms/CODE/log?round=N|all&anonymize=1   the log as NDJSON   (host)
 *   POST   /api/rooms/CODE/shares  {round}      publish a read-only link       (host)
 *   DELETE /api/rooms/CODE/shares/N             revoke round N's links          (host)
 *   POST   /api/rooms/CODE/fork    {round, t}   a live round from a moment     (host)
 *   GET    /api/replays/ID                      a published round as NDJSON (anyone with the link)
 * The host token travels in `Authorization: Bearer`, never in a URL.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { normalizeRoomCode } from '../../shared/room/code';
import { decideFork } from '../../shared/replay/fork';
import { parseLogRow, type SeqEvent } from '../../shared/replay/log-rows';
import { exportLog } from '../../shared/replay/ndjson';
import { sliceRound, sliceRounds, summarizeRound } from '../../shared/replay/rounds';
import { buildTimeline } from '../../shared/replay/timeline';
import type { GameServer } from '../game-server';
import type { ReplayShares } from '../replay-shares';
import { hashToken } from '../secrets';

const APP_VERSION = process.env.npm_package_version ?? '0.1.0';
const MAX_BODY = 4 * 1024;

type Deps = { game: GameServer; shares: ReplayShares };
type Reply = { status: number; json?: unknown; ndjson?: { text: string; filename: string } };

const problem = (status: number, code: string, message: string): Reply => ({ status, json: { ok: false, refusal: { code, message } } });
const NOT_HOST = problem(403, 'not-host', 'Only the teacher who opened this class can see its replays. Open it from the browser you host with.');
const NO_ROUND = problem(404, 'unknown-round', 'This class has no such round.');
const GONE = problem(404, 'unknown-replay', 'This replay link does not exist or was revoked by the teacher (deleting a class turns off its links too).');

const shareBody = z.object({ round: z.number().int().positive() });
const forkBody = z.object({ round: z.number().int().positive(), t: z.number().nonnegative().max(1e10) });

/** Answers replay routes; returns false for any other URL (Next handles it). */
export function handleReplayRoute(req: IncomingMessage, res: ServerResponse, deps: Deps): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const room = url.pathname.match(/^\/api\/rooms\/([^/]+)\/(rounds|log|shares|fork)(?:\/(\d+))?$/);
  const shared = url.pathname.match(/^\/api\/replays\/([A-Za-z0-9_-]{1,64})$/);
  if (!room && !shared) return false;
  void (async () => {
    let reply: Reply;
    try {
      reply = shared ? publishedLog(shared[1]!, deps) : await roomRoute(req, url, normalizeRoomCode(decodeURIComponent(room![1]!)), room![2]!, room![3], deps);
    } catch (error) {
      console.error('[replay]', error);
      reply = problem(500, 'internal-error', 'The server failed; nothing was changed. Try again.');
    }
    send(res, reply);
  })();
  return true;
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (reply.ndjson) {
    headers['content-type'] = 'application/x-ndjson; charset=utf-8';
    headers['content-disposition'] = `attachment; filename="${reply.ndjson.filename}"`;
    res.writeHead(reply.status, headers).end(reply.ndjson.text);
    return;
  }
  headers['content-type'] = 'application/json';
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.json));
}

function readLog(game: GameServer, code: string): SeqEvent[] {
  return game.registry.log(code).map((row) => ({ seq: row.seq, event: parseLogRow(row) }));
}

function isHost(req: IncomingMessage, game: GameServer, code: string): boolean {
  const token = /^Bearer ([A-Za-z0-9_-]{10,100})$/.exec(req.headers.authorization ?? '')?.[1];
  const room = game.registry.get(code);
  return !!token && !!room && hashToken(token) === room.hostTokenHash;
}

async function roomRoute(req: IncomingMessage, url: URL, code: string, what: string, tail: string | undefined, { game, shares }: Deps): Promise<Reply> {
  if (!isHost(req, game, code)) return NOT_HOST;
  const log = readLog(game, code);
  const method = req.method ?? 'GET';
  if (what === 'rounds' && method === 'GET') {
    const published = shares.published(code);
    return { status: 200, json: { ok: true, rounds: sliceRounds(log).map((s) => ({ ...summarizeRound(s), published: published.get(s.round) ?? 0 })) } };
  }
  if (what === 'log' && method === 'GET') {
    const which = url.searchParams.get('round') ?? 'all';
    const anonymize = url.searchParams.get('anonymize') === '1';
    const exportedAt = new Date().toISOString();
    if (which === 'all') return { status: 200, ndjson: { text: exportLog(log, { appVersion: APP_VERSION, exportedAt, room: code, rounds: 'all', anonymize }), filename: `captain-down-${code}.ndjson` } };
    const slice = sliceRound(log, Number(which));
    if (!slice) return NO_ROUND;
    const text = exportLog([...slice.prelude, ...slice.rows], { appVersion: APP_VERSION, exportedAt, room: code, rounds: [slice.round], anonymize });
    return { status: 200, ndjson: { text, filename: `captain-down-${code}-round-${slice.round}.ndjson` } };
  }
  if (what === 'shares' && method === 'POST') {
    const body = shareBody.safeParse(await readJson(req));
    if (!body.success) return problem(400, 'invalid-payload', 'Say which round to publish: {"round": N}.');
    if (!sliceRound(log, body.data.round)) return NO_ROUND;
    return { status: 200, json: { ok: true, id: shares.publish(code, body.data.round, Date.now()) } };
  }
  if (what === 'shares' && method === 'DELETE' && tail) return { status: 200, json: { ok: true, revoked: shares.revoke(code, Number(tail), Date.now()) } };
  if (what === 'fork' && method === 'POST') {
    const body = forkBody.safeParse(await readJson(req));
    if (!body.success) return problem(400, 'invalid-payload', 'Say which round and moment to fork from: {"round": N, "t": ms}.');
    const slice = sliceRound(log, body.data.round);
    if (!slice) return NO_ROUND;
    const timeline = buildTimeline(slice, { diagram: false });
    const hostTokenHash = game.registry.get(code)!.hostTokenHash;
    const decision = game.registry.executeDecided(code, (room) => decideFork(room, { at: Date.now(), hostTokenHash, timeline, roomTime: body.data.t }));
    if (decision.refusal) return problem(409, decision.refusal.code, decision.refusal.message);
    afterFork(game, code);
    return { status: 200, json: { ok: true, round: game.registry.get(code)?.round?.id ?? 0 } };
  }
  return problem(405, 'unknown-route', 'That is not something a replay can do.');
}

/** As at any round start: the clock follows the log, and students not connected are silent nodes. */
function afterFork(game: GameServer, code: string): void {
  const room = game.registry.get(code)!;
  game.clocks.sync(code, room);
  const online = new Set(game.broadcaster.onlineNodeIds(code));
  for (const team of room.round?.teams ?? []) {
    for (const nodeId of team.members) {
      if (!online.has(nodeId)) game.registry.executeGame(code, { type: 'SeatPresence', at: Date.now(), roomTime: game.clocks.now(code), nodeId, online: false });
    }
  }
}

function publishedLog(id: string, { game, shares }: Deps): Reply {
  const share = shares.find(id);
  if (!share || share.revokedAt !== null) return GONE;
  const slice = sliceRound(readLog(game, share.room), share.round);
  if (!slice) return GONE;
  const text = exportLog([...slice.prelude, ...slice.rows], { appVersion: APP_VERSION, exportedAt: new Date().toISOString(), room: share.room, rounds: [share.round], anonymize: false });
  return { status: 200, ndjson: { text, filename: `captain-down-round-${share.round}.ndjson` } };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
