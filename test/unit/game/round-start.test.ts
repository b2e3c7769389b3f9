/**
 * Starting a round (shared/game/decide.ts): the seed in force and a paused start are
 * logged in RoundStarted, so a replay reproduces them; students whose phone is not
 * connected at the start are crashed nodes from the first instant (when the round crashes
 * the absent), decided in shared/, not by the server.
 */
import { describe, expect, it } from 'vitest';
import { decideGame } from '../../../shared/game/decide';
import type { GameCommand, StartRound } from '../../../shared/game/commands';
import { gameScreenView } from '../../../shared/game/screen-view';
import { gameSeatView } from '../../../shared/game/seat-view';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { HOST, T0, created, given, joined } from '../room/given';

const classOf = (n: number): RoomState => given(created(), ...Array.from({ length: n }, (_, i) => joined(i + 1, `S${i + 1}`)));
const start = (over: Partial<StartRound> = {}): GameCommand => ({
  type: 'StartRound', at: T0 + 10, hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, seed: 7, ...over,
});
const fold = (state: RoomState, events: readonly unknown[]) => events.reduce<RoomState>((s, e) => evolveRoom(s, e as RoomEvent) as RoomState, state);

describe('the seed and a paused start', () => {
  it('the seed given is the seed in force, logged in RoundStarted and shown by both views', () => {
    const decision = decideGame(classOf(3), start({ seed: 123_456 }));
    expect(decision.events[0]).toMatchObject({ type: 'RoundStarted', config: { seed: 123_456, startPaused: false } });
    const room = fold(classOf(3), decision.events);
    expect(gameScreenView(room, 0, [1, 2, 3])).toMatchObject({ seed: 123_456, clock: { running: true } });
    expect(gameSeatView(room, 1, 0)).toMatchObject({ seed: 123_456, clock: { running: true } });
  });

  it('a round started paused has its clock stopped at 0, in the log and in both views', () => {
    const decision = decideGame(classOf(3), start({ startPaused: true }));
    expect(decision.events[0]).toMatchObject({ type: 'RoundStarted', config: { startPaused: true } });
    const room = fold(classOf(3), decision.events);
    expect(room.round!.clock).toEqual({ running: false, rate: 1, roomTime: 0 });
    expect(gameScreenView(room, 0, [1, 2, 3])!.clock.running).toBe(false);
    expect(gameSeatView(room, 2, 0)!.clock.running).toBe(false);
  });

  it('the same seed gives the same clusters; another seed another (election timeouts are drawn from it)', () => {
    const cluster = (seed: number) => fold(classOf(4), decideGame(classOf(4), start({ seed })).events).round!.teams[0]!.cluster;
    expect(cluster(42)).toEqual(cluster(42));
    expect(cluster(42)).not.toEqual(cluster(43));
  });
});

describe('presence at round start', () => {
  it('students not online at the start are crashed nodes from the first instant', () => {
    const decision = decideGame(classOf(4), start({ online: [1, 3] }));
    expect(decision.events.map((e) => e.type)).toEqual(['RoundStarted', 'ClusterEvents', 'ClusterEvents']);
    const room = fold(classOf(4), decision.events);
    const team = room.round!.teams[0]!;
    expect(team.cluster.nodes.map((n) => n.status)).toEqual(['live', 'crashed', 'live', 'crashed']);
    expect(team.away).toEqual([1, 3]);
  });

  it('nobody is crashed when everyone is online, or when the round does not crash the absent', () => {
    expect(decideGame(classOf(3), start({ online: [1, 2, 3] })).events.map((e) => e.type)).toEqual(['RoundStarted']);
    expect(decideGame(classOf(3), start({ online: [], crashOnDisconnect: false })).events.map((e) => e.type)).toEqual(['RoundStarted']);
  });
});
