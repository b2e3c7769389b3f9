/**
 * Issue 10: the views carry what the screens need (role key from the algorithm's one role
 * table, timer totals in force, duties, params in force), so the app never re-derives rules.
 */
import { describe, expect, it } from 'vitest';
import type { GameCommand } from '../../../shared/game/commands';
import { decideGame } from '../../../shared/game/decide';
import { gameScreenView } from '../../../shared/game/screen-view';
import { gameSeatView } from '../../../shared/game/seat-view';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { HOST, T0, created, given, joined } from '../room/given';

function started(algorithm: string, preset: string, params?: Record<string, number>): RoomState {
  const room = given(created(), ...[1, 2, 3, 4, 5].map((id) => joined(id, `S${id}`)));
  const command: GameCommand = { type: 'StartRound', at: T0 + 10, hostTokenHash: HOST, algorithm, preset, params, teamSize: null, crashOnDisconnect: true, seed: 7, network: { jitterMs: 0 } };
  const decision = decideGame(room, command);
  expect(decision.ok).toBe(true);
  return decision.events.reduce<RoomState>((s, e) => evolveRoom(s, e as RoomEvent) as RoomState, room);
}

describe('views carry what the screens need', () => {
  it('Raft: the timer totals are the round\'s params in force, not the preset\'s', () => {
    const room = started('raft', 'raft-lecture', { heartbeatMs: 2000, electionTimeoutMinMs: 8000, electionTimeoutMaxMs: 12_000 });
    const leader = gameSeatView(room, 1, 0)!;
    expect(leader.params).toMatchObject({ heartbeatMs: 2000, electionTimeoutMaxMs: 12_000 });
    expect(leader.summary?.timers.find((t) => t.id === 'heartbeat')?.totalMs).toBe(2000);
    expect(gameSeatView(room, 2, 0)!.summary?.timers.find((t) => t.id === 'election')?.totalMs).toBe(12_000);
  });

  it('Raft: a due heartbeat is the leader\'s urgent move, said by the view', () => {
    const room = started('raft', 'raft-lecture', { heartbeatMs: 2000, electionTimeoutMinMs: 8000, electionTimeoutMaxMs: 12_000 });
    const ticked = decideGame(room, { type: 'TickRound', at: T0 + 20, roomTime: 2500 }).events.reduce<RoomState>((s, e) => evolveRoom(s, e as RoomEvent) as RoomState, room);
    const urgent = gameSeatView(ticked, 1, 2500)!.moves.filter((m) => m.urgent).map((m) => m.label);
    expect(urgent).toEqual(['Send heartbeat']);
  });

  it('Bully: phone and projector give a node the same role key from the same table', () => {
    const room = started('bully', 'bully-classroom');
    const screen = gameScreenView(room, 0, [1, 2, 3, 4, 5])!;
    for (const node of screen.teams[0]!.nodes) {
      const seat = gameSeatView(room, node.nodeId, 0)!;
      expect(seat.summary?.role).toBe(node.role);
      expect(seat.roles).toBe(screen.roles);
    }
    expect(screen.roles[screen.teams[0]!.nodes[4]!.role]?.word).toBe('Coordinator');
    expect(screen.teams[0]!.summary).toBe('Coordinator 5');
  });

  it('Lease: counters are named by the module, the service is drawn, the summary names the holder', () => {
    const screen = gameScreenView(started('lease', 'lease-classroom'), 0, [])!;
    expect(screen.words).toMatchObject({ elections: 'Lease handovers', service: true });
    expect(screen.teams[0]!.summary).toBe('Lease free');
  });
});
