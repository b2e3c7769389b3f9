/**
 * Issue 10: `game:view` and `game:seat` have real schemas (shared/game/view-schemas.ts),
 * made from every registered module's wire parts. Real views of Raft, Bully and Lease
 * rounds, mid-play (timers running, messages in flight, panels drawn), parse with them,
 * and a view that breaks an algorithm's node shape does not.
 */
import { describe, expect, it } from 'vitest';
import type { GameCommand } from '../../../shared/game/commands';
import { decideGame } from '../../../shared/game/decide';
import { gameScreenView } from '../../../shared/game/screen-view';
import { gameSeatView } from '../../../shared/game/seat-view';
import { serverEvents } from '../../../shared/protocol';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { HOST, T0, created, given, joined } from '../room/given';

const IDS = [1, 2, 3, 4, 5];

function apply(room: RoomState, command: GameCommand): RoomState {
  const decision = decideGame(room, command);
  expect(decision.ok, JSON.stringify(decision.refusal)).toBe(true);
  return decision.events.reduce<RoomState>((s, e) => evolveRoom(s, e as RoomEvent) as RoomState, room);
}

/** A round played for a while: ticks until `untilMs`, with one move by node 1 on the way. */
function played(algorithm: string, preset: string, move: Record<string, unknown> | null, untilMs: number): RoomState {
  let room = given(created(), ...IDS.map((id) => joined(id, `S${id}`)));
  room = apply(room, { type: 'StartRound', at: T0 + 10, hostTokenHash: HOST, algorithm, preset, teamSize: null, crashOnDisconnect: true, seed: 11, network: {} });
  for (let t = 500; t <= untilMs; t += 500) {
    room = apply(room, { type: 'TickRound', at: T0 + 20 + t, roomTime: t });
    if (move && t === 1000) {
      const decision = decideGame(room, { type: 'PlayMove', at: T0 + 21 + t, roomTime: t, nodeId: 1, move } as unknown as GameCommand);
      room = decision.events.reduce<RoomState>((s, e) => evolveRoom(s, e as RoomEvent) as RoomState, room);
    }
  }
  return room;
}

function expectViewsParse(room: RoomState, roomNow: number) {
  const screen = gameScreenView(room, roomNow, IDS);
  const parsed = serverEvents['game:view'].safeParse(screen);
  expect(parsed.error?.issues ?? []).toEqual([]);
  for (const id of IDS) {
    const seat = serverEvents['game:seat'].safeParse(gameSeatView(room, id, roomNow));
    expect(seat.error?.issues ?? []).toEqual([]);
  }
  return screen!;
}

describe('the game views parse with their wire schemas', () => {
  it('Raft (the lecture preset, a command written): projector and every phone', () => {
    const screen = expectViewsParse(played('raft', 'raft-lecture', { type: 'WriteCommand', command: 'north' }, 4000), 4000);
    expect(screen.teams[0]!.raft?.term).toBeGreaterThanOrEqual(1);
  });

  it('Bully (a coordinator sends ALIVE): projector and every phone', () => {
    const screen = expectViewsParse(played('bully', 'bully-classroom', { type: 'SendAlive' }, 3000), 3000);
    expect(screen.teams[0]!.bully).toBeDefined();
  });

  it('Lease (a node acquires the lease): projector and every phone', () => {
    const screen = expectViewsParse(played('lease', 'lease-classroom', { type: 'Acquire' }, 3000), 3000);
    expect(screen.teams[0]!.lease).toBeDefined();
  });

  it('refuses a Raft node view without its term, and a node of an unregistered algorithm', () => {
    const seat = gameSeatView(played('raft', 'raft-lecture', null, 500), 1, 500)!;
    const { term: _term, ...withoutTerm } = seat.node as Record<string, unknown>;
    expect(serverEvents['game:seat'].safeParse({ ...seat, node: withoutTerm }).success).toBe(false);
    expect(serverEvents['game:seat'].safeParse({ ...seat, node: { ...seat.node, algorithm: 'paxos' } }).success).toBe(false);
    expect(serverEvents['game:seat'].safeParse(null).success).toBe(true);
  });
});
