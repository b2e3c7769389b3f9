/**
 * Socket handlers of the game: rounds, the room clock, faults and players' moves. Inputs
 * arrive already parsed by their zod schemas (socket-handlers.ts); here they become game
 * commands with the server's inputs filled in (wall time, room time, a drawn seed when
 * the host gave none, who is online, token hashes). Every decision is made in shared/.
 */
import { randomInt } from 'node:crypto';
import type { Ack, ParsedRequest } from '../shared/protocol';
import type { GameCommand } from '../shared/game/commands';
import type { GameDecision } from '../shared/game/decide';
import { SEED_MAX } from '../shared/game/round';
import { answerOf, refuseAdmin, type Result } from '../shared/rules/refusal';
import { findSeat } from '../shared/room/seats';
import type { Broadcaster } from './broadcaster';
import type { MoveDeduper } from './move-deduper';
import { moveContext } from '../shared/game/double-tap';
import type { RoomRegistry } from './room-registry';
import type { RoundClocks } from './round-clocks';
import { hashToken } from './secrets';

export interface GameDeps {
  registry: RoomRegistry;
  clocks: RoundClocks;
  broadcaster: Broadcaster;
  /** Each seat's double-tap memory (SPEC G7). */
  moves: MoveDeduper<Result>;
}

/**
 * Seat tokens' hashes by token, at most this many (then forgotten all at once): a phone sends
 * its token with every click, and hashing it again each time was ~1 % of the server's CPU at
 * 1,200 students clicking once a second (docs/PERFORMANCE.md, "Session 6: students per process").
 */
const SEAT_HASHES_KEPT = 20_000;

export function createGameHandlers({ registry, clocks, broadcaster, moves }: GameDeps) {
  const seatHashes = new Map<string, string>();
  const seatHash = (token: string): string => {
    let hash = seatHashes.get(token);
    if (hash === undefined) {
      if (seatHashes.size >= SEAT_HASHES_KEPT) seatHashes.clear();
      hash = hashToken(token);
      seatHashes.set(token, hash);
    }
    return hash;
  };

  /** Runs a game command and keeps the room clock's anchor in step with the log. */
  const run = (code: string, command: GameCommand): GameDecision => {
    const decision = registry.executeGame(code, command);
    const room = registry.get(code);
    if (room) clocks.sync(code, room);
    return decision;
  };
  const host = (req: { code: string; hostToken: string }) => ({ at: Date.now(), hostTokenHash: hashToken(req.hostToken), roomTime: clocks.now(req.code) });

  return {
    'host:round:start': (req: ParsedRequest<'host:round:start'>): Ack<'host:round:start'> => {
      const seed = req.seed ?? randomInt(SEED_MAX + 1);
      const decision = run(req.code, {
        type: 'StartRound', at: Date.now(), hostTokenHash: hashToken(req.hostToken), algorithm: req.algorithm, preset: req.preset,
        ...(req.params && { params: req.params }), ...(req.network && { network: req.network }),
        teamSize: req.teamSize, crashOnDisconnect: req.crashOnDisconnect, autopilot: req.autopilot, seed, startPaused: req.startPaused,
        online: broadcaster.onlineNodeIds(req.code),
      });
      if (!decision.ok) return { ok: false, refusal: decision.refusal };
      return { ok: true, round: registry.get(req.code)?.round?.id ?? 0, seed };
    },

    'host:story:start': (req: ParsedRequest<'host:story:start'>): Ack<'host:story:start'> => {
      const decision = run(req.code, {
        type: 'StartStory', at: Date.now(), hostTokenHash: hashToken(req.hostToken), story: req.story,
        ...(req.seed !== undefined && { seed: req.seed }), online: broadcaster.onlineNodeIds(req.code),
      });
      if (!decision.ok) return { ok: false, refusal: decision.refusal };
      const round = registry.get(req.code)?.round;
      return { ok: true, round: round?.id ?? 0, seed: round?.config.seed ?? 0 };
    },

    'host:story:beat': (req: ParsedRequest<'host:story:beat'>) => answerOf(run(req.code, { type: 'StoryControl', ...host(req), action: req.action })),

    'host:round:end': (req: ParsedRequest<'host:round:end'>) => answerOf(run(req.code, { type: 'EndRound', ...host(req) })),

    'host:clock': (req: ParsedRequest<'host:clock'>) =>
      answerOf(run(req.code, { type: 'SetRoundClock', ...host(req), action: req.action, ...(req.rate !== undefined && { rate: req.rate }), ...(req.stepMs !== undefined && { stepMs: req.stepMs }) })),

    'host:scores': (req: ParsedRequest<'host:scores'>) => {
      const result = answerOf(run(req.code, { type: 'SetScores', at: Date.now(), hostTokenHash: hashToken(req.hostToken), on: req.on }));
      broadcaster.markDirty(req.code); // the room view carries the switch too
      return result;
    },

    'host:challenge:start': (req: ParsedRequest<'host:challenge:start'>) =>
      answerOf(run(req.code, { type: 'StartChallenge', ...host(req), kind: req.kind, durationMs: req.durationMs, ...(req.faults !== undefined && { faults: req.faults }) })),

    'host:challenge:stop': (req: ParsedRequest<'host:challenge:stop'>) => answerOf(run(req.code, { type: 'StopChallenge', ...host(req) })),

    'host:fault': (req: ParsedRequest<'host:fault'>) => answerOf(run(req.code, { type: 'InjectFault', ...host(req), team: req.team, fault: req.fault })),

    'seat:move': (req: ParsedRequest<'seat:move'>): Result => {
      const room = registry.get(req.code);
      if (!room) return { ok: false, refusal: refuseAdmin('unknown-room', 'There is no class with that code. Check the code on the board.') };
      const lookup = findSeat(room, seatHash(req.seatToken));
      if (!lookup.ok) return { ok: false, refusal: lookup.refusal };
      const nodeId = lookup.seat.nodeId;
      // A retry or a double tap is one action: answer it with the first answer (SPEC G7).
      const ask = { ...moveContext(room, nodeId), moveId: req.moveId, content: JSON.stringify(req.move), at: Date.now(), seq: registry.seqOf(req.code) };
      const earlier = moves.recall(req.code, nodeId, ask);
      if (earlier) return earlier;
      const result = answerOf(run(req.code, { type: 'PlayMove', at: ask.at, roomTime: clocks.now(req.code), nodeId, move: req.move }));
      moves.remember(req.code, nodeId, { ...ask, seq: registry.seqOf(req.code) }, result);
      if (result.ok) broadcaster.moved(req.code, nodeId); // its view goes first in the next flush
      return result;
    },
  };
}

/** The presence side of a round: phones that leave crash their node, and restart it on return. */
export function reportPresence(deps: GameDeps, code: string, nodeId: number, online: boolean, kicked = false): void {
  // Whether it matters (a live round that crashes the absent, a student who plays in it)
  // is decided in shared/game/decide.ts; between rounds there is simply nothing to do.
  // A room not in memory is not played: when it loads, absent players are crashed then.
  if (!deps.registry.isInMemory(code)) return;
  const decision = deps.registry.executeGame(code, { type: 'SeatPresence', at: Date.now(), roomTime: deps.clocks.now(code), nodeId, online, ...(kicked && { kicked }) });
  if (!decision.ok && decision.refusal.code !== 'no-round') console.warn(`[presence] ${code} node ${nodeId}: ${decision.refusal.message}`);
}
