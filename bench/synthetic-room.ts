/**
 * A room played without sockets or a server, for the benchmarks that measure what the
 * broadcaster does per tick (bench/watcher-bytes.ts, bench/flush-cpu.ts): students seated,
 * a round started, and commands played through the same decide/evolve as the live game.
 */
import { createHash } from 'node:crypto';
import { decideGame } from '../shared/game/decide';
import type { GameCommand } from '../shared/game/commands';
import { evolveRoom, foldRoom, type RoomEvent, type RoomState } from '../shared/room';

export const T0 = 1_700_000_000_000;
const hash = (s: string) => createHash('sha256').update(s).digest('hex');
export const HOST = hash('host');

/** One command through the rules, its events folded into the room (as the server does). */
export function play(state: RoomState, command: GameCommand): RoomState {
  const decision = decideGame(state, command);
  return decision.events.reduce<RoomState>((s, e) => evolveRoom(s, e as RoomEvent) as RoomState, state);
}

type StartRound = Extract<GameCommand, { type: 'StartRound' }>;

/** `students` seated in a new room, then a seeded Raft classroom round started with `round`'s fields. */
export function seatedRoundRoom(students: number, round: Partial<Omit<StartRound, 'type' | 'at' | 'hostTokenHash'>>): RoomState {
  const joins: RoomEvent[] = Array.from({ length: students }, (_, i) => ({ type: 'NodeJoined', at: T0 + i + 1, nodeId: i + 1, nickname: `s${i + 1}`, seatTokenHash: hash(`seat-${i}`) }));
  const room = foldRoom([{ type: 'RoomCreated', at: T0, code: 'K7P3QX', hostTokenHash: HOST }, ...joins])!;
  return play(room, { type: 'StartRound', at: T0 + 10_000, hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-classroom', teamSize: null, crashOnDisconnect: false, seed: 7, ...round } as StartRound);
}

/** The move a student clicks from what their phone shows: an allowed one 4 times in 5 when one is allowed, else any move shown. */
export function clickFrom<M extends { allowed: boolean }>(moves: readonly M[], random: () => number): M | undefined {
  const allowed = moves.filter((m) => m.allowed);
  const pool = allowed.length > 0 && random() < 0.8 ? allowed : moves;
  return pool[Math.floor(random() * pool.length)];
}
