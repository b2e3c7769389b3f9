/**
 * Socket handlers of the game: rounds, the room clock, faults and players' moves. Inputs
 * arrive already parsed by their zod schemas (socket-handlers.ts); here they become game
 * commands with the server's inputs filled in (wall time, room time, seed, token hashes).
 */
import { randomInt } from 'node:crypto';
import type { Ack, ParsedRequest, Refusal } from '../shared/protocol';
import type { GameCommand } from '../shared/game/commands';
import type { GameDecision } from '../shared/game/decide';
import { seatInRound } from '../shared/game/round';
import { findSeat } from '../shared/room/seats';
import type { Broadcaster } from './broadcaster';
import { MoveDeduper } from './move-deduper';
import type { RoomRegistry } from './room-registry';
import type { RoundClocks } from './round-clocks';
import { hashToken } from './secrets';

type Answer = { ok: true } | { ok: false; refusal: Refusal };

export interface GameDeps {
  registry: RoomRegistry;
  clocks: RoundClocks;
  broadcaster: Broadcaster;
}

export function createGameHandlers({ registry, clocks, broadcaster }: GameDeps) {
  const deduper = new MoveDeduper();

  /** Runs a game command and keeps the room clock's anchor in step with the log. */
  const run = (code: string, command: GameCommand): GameDecision => {
    const decision = registry.executeGame(code, command);
    const room = registry.get(code);
    if (room) clocks.sync(code, room);
    return decision;
  };
  const answer = (decision: GameDecision): Answer => (decision.refusal ? { ok: false, refusal: decision.refusal } : { ok: true });
  const host = (req: { code: string; hostToken: string }) => ({ at: Date.now(), hostTokenHash: hashToken(req.hostToken), roomTime: clocks.now(req.code) });

  return {
    'host:round:start': (req: ParsedRequest<'host:round:start'>): Ack<'host:round:start'> => {
      const { roomTime: _ignored, ...who } = host(req);
      const decision = run(req.code, {
        type: 'StartRound', ...who, algorithm: req.algorithm, preset: req.preset,
        ...(req.params && { params: req.params }), ...(req.network && { network: req.network }),
        teamSize: req.teamSize, crashOnDisconnect: req.crashOnDisconnect, seed: randomInt(2 ** 31),
      });
      if (decision.refusal) return { ok: false, refusal: decision.refusal };
      // Students who are not connected right now are silent nodes from the first instant.
      const online = new Set(broadcaster.onlineNodeIds(req.code));
      const round = registry.get(req.code)?.round;
      for (const team of round?.teams ?? []) {
        for (const nodeId of team.members) {
          if (!online.has(nodeId)) run(req.code, { type: 'SeatPresence', at: Date.now(), roomTime: clocks.now(req.code), nodeId, online: false });
        }
      }
      return { ok: true, round: round?.id ?? 0 };
    },

    'host:round:end': (req: ParsedRequest<'host:round:end'>) => answer(run(req.code, { type: 'EndRound', ...host(req) })),

    'host:clock': (req: ParsedRequest<'host:clock'>) =>
      answer(run(req.code, { type: 'SetRoundClock', ...host(req), action: req.action, ...(req.rate !== undefined && { rate: req.rate }), ...(req.stepMs !== undefined && { stepMs: req.stepMs }) })),

    'host:fault': (req: ParsedRequest<'host:fault'>) => answer(run(req.code, { type: 'InjectFault', ...host(req), team: req.team, fault: req.fault })),

    'seat:move': (req: ParsedRequest<'seat:move'>): Answer => {
      const room = registry.get(req.code);
      if (!room) return { ok: false, refusal: { code: 'unknown-room', message: 'There is no class with that code. Check the code on the board.' } };
      const lookup = findSeat(room, hashToken(req.seatToken));
      if (!lookup.ok) return { ok: false, refusal: lookup.refusal };
      const nodeId = lookup.seat.nodeId;
      // A retry or a double tap is one action: answer it with the first answer.
      const earlier = deduper.recall<Answer>(req.code, nodeId, req.moveId, req.move, registry.seqOf(req.code));
      if (earlier) return earlier;
      const result = answer(run(req.code, { type: 'PlayMove', at: Date.now(), roomTime: clocks.now(req.code), nodeId, move: req.move }));
      deduper.remember(req.code, nodeId, req.moveId, req.move, registry.seqOf(req.code), result);
      return result;
    },
  };
}

/** The presence side of a round: phones that leave crash their node, and restart it on return. */
export function reportPresence(deps: GameDeps, code: string, nodeId: number, online: boolean): void {
  const round = deps.registry.get(code)?.round;
  if (!round || round.ended || !round.config.crashOnDisconnect || !seatInRound(round, nodeId)) return;
  const decision = deps.registry.executeGame(code, { type: 'SeatPresence', at: Date.now(), roomTime: deps.clocks.now(code), nodeId, online });
  if (decision.refusal) console.warn(`[presence] ${code} node ${nodeId}: ${decision.refusal.message}`);
}
