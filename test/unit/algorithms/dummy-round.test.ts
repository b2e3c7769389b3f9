/**
 * Issue 10, "adding an algorithm is one new folder plus its tests": a dummy algorithm
 * (test/unit/algorithms/dummy/, rules, views, roles, labels, params) is registered at
 * start-up and a whole round is played through the game layer, the same decideGame /
 * evolveGame the server runs: started, a move accepted and another refused, both screens'
 * views rendered from the module, the ticker narrated. Nothing in shared/ names it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GameCommand } from '../../../shared/game/commands';
import { decideGame, type GameDecision } from '../../../shared/game/decide';
import { gameScreenView } from '../../../shared/game/screen-view';
import { gameSeatView } from '../../../shared/game/seat-view';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { algorithms, isAlgorithm, registerAlgorithm } from '../../../shared/rules/registry';
import { HOST, T0, created, given, joined } from '../room/given';
import { stickModule } from './dummy/module';

function play(state: RoomState, command: GameCommand): { state: RoomState; decision: GameDecision } {
  const decision = decideGame(state, command);
  const next = decision.events.reduce<RoomState>((s, e) => evolveRoom(s, e as RoomEvent) as RoomState, state);
  return { state: next, decision };
}

const start = (params?: Record<string, number>): GameCommand => ({
  type: 'StartRound', at: T0 + 10, hostTokenHash: HOST, algorithm: 'stick', preset: 'stick-classroom', params,
  teamSize: null, crashOnDisconnect: true, seed: 7, network: { delayMs: 1000, jitterMs: 0 },
});
// A foreign algorithm's move is not in the built-in wire schema: the game layer takes it as is.
const pass = (nodeId: number, roomTime: number, to: number): GameCommand => ({ type: 'PlayMove', at: T0 + 30, roomTime, nodeId, move: { type: 'PassStick', to } as never });
const tick = (roomTime: number): GameCommand => ({ type: 'TickRound', at: T0 + 40, roomTime });

describe('a dummy algorithm added in one folder plays a round end to end', () => {
  beforeAll(() => registerAlgorithm(stickModule));

  it('is listed by the registry next to the built-in ones', () => {
    expect(isAlgorithm('stick')).toBe(true);
    expect(algorithms().map((a) => a.name)).toEqual(['raft', 'bully', 'lease', 'stick']);
  });

  it('G9: its own params schema refuses a bad value at round start', () => {
    const room = given(created(), joined(1, 'Ada'), joined(2, 'Bob'), joined(3, 'Cy'));
    const { decision } = play(room, start({ holdMs: -5 }));
    expect(decision.events).toEqual([]);
    expect(decision.refusal).toMatchObject({ code: 'bad-parameter', rule: 'G9' });
  });

  it('starts, accepts the holder\'s pass, refuses a listener\'s (D1), delivers and narrates', () => {
    let room = given(created(), joined(1, 'Ada'), joined(2, 'Bob'), joined(3, 'Cy'));
    ({ state: room } = play(room, start()));
    expect(room.round?.config.params).toEqual({ holdMs: 10_000 });

    // The seat view: the module's role, words, timer total in force, moves with the law's answers.
    const ada = gameSeatView(room, 1, 0)!;
    expect(ada).toMatchObject({ algorithm: 'stick', title: 'Talking stick', label: 'A', params: { holdMs: 10_000 } });
    expect(ada.summary).toMatchObject({ role: 'speaker', callout: 'You hold the stick: pass it on.' });
    expect(ada.summary?.timers[0]).toMatchObject({ id: 'hold', totalMs: 10_000 });
    expect(ada.roles.speaker?.word).toBe('Speaker');
    expect(ada.moves.map((m) => [m.label, m.allowed, m.urgent])).toEqual([['Pass to B', true, true], ['Pass to C', true, true]]);
    const bob = gameSeatView(room, 2, 0)!;
    expect(bob.moves.every((m) => !m.allowed && m.refusal?.rule === 'D1')).toBe(true);

    // A listener's move is refused with the module's rule and sentence, and counted.
    const refused = play(room, pass(2, 500, 2));
    expect(refused.decision.refusal).toMatchObject({ code: 'not-stick-holder', rule: 'D1' });
    room = refused.state;
    expect(room.round?.teams[0]?.refusedMoves).toBe(1);

    // The holder's move is accepted; the stick travels (1 s) and arrives.
    const accepted = play(room, pass(1, 1000, 1));
    expect(accepted.decision.ok).toBe(true);
    ({ state: room } = play(accepted.state, tick(2500)));

    const screen = gameScreenView(room, 2500, [1, 2, 3])!;
    expect(screen).toMatchObject({ title: 'Talking stick', words: { elections: 'Passes' } });
    const team = screen.teams[0]!;
    expect(team.nodes.map((n) => [n.label, n.role])).toEqual([['A', 'listener'], ['B', 'speaker'], ['C', 'listener']]);
    expect(team.summary).toBe('B speaks');
    expect(team.counters.elections).toBe(1);
    expect(team.ticker.map((l) => l.text)).toEqual(['A passed the stick to B.', 'B holds the stick.']);

    const bobNow = gameSeatView(room, 2, 2500)!;
    expect(bobNow.summary?.role).toBe('speaker');
    expect(bobNow.inbox.map((l) => l.text)).toEqual(['A passed you the stick']);
  });
});
