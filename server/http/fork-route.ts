/**
 * POST /api/rooms/CODE/fork {round, t}: a live round from a moment of a replayed one (issue 7).
 * What the source round was at t is a fold of the room's log checked by its schemas: for an
 * hour-long round that held the game's only thread for seconds, every class on the server
 * waiting, at the moment a teacher forks mid-lesson. So a long log is folded on a log reader
 * thread (server/log-reader/) and only the decision, a few checks and one fact, runs here; a
 * short one (short-log.ts) is folded here, where a thread's start would cost more.
 */
import { decideFork, forkSourceOfLog, refuseFork, type ForkSource } from '../../shared/replay/fork';
import { parseLogRow } from '../../shared/replay/log-rows';
import type { GameServer } from '../game-server';
import type { LogReader } from '../log-reader/log-reader';
import { hereOrOnThread, INLINE_ROWS } from '../log-reader/short-log';

export type ForkAnswer = { ok: true; round: number } | { ok: false; status: 404 | 409; code: string; message: string };

const NO_ROUND: ForkAnswer = { ok: false, status: 404, code: 'unknown-round', message: 'This class has no such round.' };

/** Room `code` (whose host asked) forks round `round` at room time `roomTime`; a log of more than `inlineRows` rows is folded on a thread. */
export async function forkFromReplay(game: GameServer, reader: LogReader | null, code: string, round: number, roomTime: number, inlineRows = INLINE_ROWS): Promise<ForkAnswer> {
  const room = game.registry.get(code);
  if (!room) return NO_ROUND;
  const hostTokenHash = room.hostTokenHash;
  // A round running now refuses any fork: said before seconds of folding, not after.
  const early = refuseFork(room, hostTokenHash);
  if (early?.refusal) return { ok: false, status: 409, code: early.refusal.code, message: early.refusal.message };
  const source = await sourceOf(game, reader, code, round, roomTime, inlineRows);
  if (source === 'no-round') return NO_ROUND;
  // Decided on the room as it is now: a round may have started, or the class been deleted, meanwhile.
  const decision = game.registry.executeDecided(code, (now) => decideFork(now, { at: Date.now(), hostTokenHash, source }));
  if (decision.refusal) return { ok: false, status: 409, code: decision.refusal.code, message: decision.refusal.message };
  afterFork(game, code);
  return { ok: true, round: game.registry.get(code)?.round?.id ?? 0 };
}

function sourceOf(game: GameServer, reader: LogReader | null, code: string, round: number, roomTime: number, inlineRows: number): Promise<ForkSource | null | 'no-round'> {
  return hereOrOnThread(
    game.registry, reader, code,
    () => forkSourceOfLog(game.registry.log(code).map((row) => ({ seq: row.seq, event: parseLogRow(row) })), round, roomTime),
    (thread, upToSeq) => thread.forkSource(code, round, roomTime, upToSeq),
    inlineRows,
  );
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
