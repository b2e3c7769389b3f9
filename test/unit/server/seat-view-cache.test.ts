/**
 * The broadcaster's per-seat memory (server/seat-view-cache.ts): a student is sent their
 * views when they changed, and only then, without the cache serializing every view it
 * builds to find out.
 */
import { describe, expect, it } from 'vitest';
import { decideGame } from '../../../shared/game/decide';
import type { GameCommand } from '../../../shared/game/commands';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { SeatViewCache } from '../../../server/seat-view-cache';
import { HOST, T0, created, given, joined, locked } from '../room/given';

function play(state: RoomState, command: GameCommand): RoomState {
  const decision = decideGame(state, command);
  expect(decision.refusal).toBeUndefined();
  return decision.events.reduce<RoomState>((s, e) => evolveRoom(s, e as RoomEvent) as RoomState, state);
}

function raftRound(): RoomState {
  const room = given(created(), joined(1, 'A'), joined(2, 'B'), joined(3, 'C'));
  return play(room, { type: 'StartRound', at: T0 + 10, hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, seed: 7, network: { jitterMs: 0 } });
}

describe('the seat view cache', () => {
  it('story mode: a new beat (Next, Back, Replay) sends every phone its new cue, though no node changed', () => {
    const cache = new SeatViewCache();
    let room = given(created(), joined(1, 'A'), joined(2, 'B'), joined(3, 'C'), joined(4, 'D'), joined(5, 'E'));
    room = play(room, { type: 'StartStory', at: T0 + 10, hostTokenHash: HOST, story: 'raft-captain-down' });
    expect(cache.update('K7P3QX', room, 4, 0).game?.story?.cue).toBeNull();
    expect(cache.update('K7P3QX', room, 4, 0)).toEqual({});
    room = play(room, { type: 'StoryControl', at: T0 + 20, hostTokenHash: HOST, roomTime: 0, action: 'next' });
    expect(cache.update('K7P3QX', room, 4, 0).game?.story?.cue?.text).toMatch(/vote for B/);
    room = play(room, { type: 'StoryControl', at: T0 + 30, hostTokenHash: HOST, roomTime: 0, action: 'back' });
    expect(cache.update('K7P3QX', room, 4, 0).game?.story?.cue).toBeNull();
  });

  it('sends both views first, then nothing while nothing the views are made of changed', () => {
    const cache = new SeatViewCache();
    const room = raftRound();
    const first = cache.update('K7P3QX', room, 2, 0);
    expect(first.seat?.nodeId).toBe(2);
    expect(first.game?.label).toBe('B');
    expect(cache.update('K7P3QX', room, 2, 0)).toEqual({});
    // Time alone passing changes no node: the phone counts its timers down by itself.
    expect(cache.update('K7P3QX', room, 2, 500)).toEqual({});
  });

  it('sends the game view again when the node changed, and the seat view when the room did', () => {
    const cache = new SeatViewCache();
    let room = raftRound();
    cache.update('K7P3QX', room, 1, 0);
    room = play(room, { type: 'PlayMove', at: T0 + 20, roomTime: 100, nodeId: 1, move: { type: 'WriteCommand', command: 'N' } });
    const after = cache.update('K7P3QX', room, 1, 100);
    expect(after.seat).toBeUndefined();
    expect(after.game?.node?.algorithm === 'raft' && after.game.node.logLength).toBe(1);
    room = evolveRoom(room, locked()) as RoomState;
    expect(cache.update('K7P3QX', room, 1, 100).seat?.locked).toBe(true);
  });

  it('on a paused clock, a rebuilt view that came out the same is not sent again', () => {
    const cache = new SeatViewCache();
    let room = play(raftRound(), { type: 'SetRoundClock', at: T0 + 20, hostTokenHash: HOST, roomTime: 1000, action: 'pause' });
    expect(cache.update('K7P3QX', room, 2, 1000).game?.clock.running).toBe(false);
    // A latecomer joins: the seats change (so the game view is rebuilt), this node does not.
    room = evolveRoom(room, joined(4, 'D')) as RoomState;
    const again = cache.update('K7P3QX', room, 2, 1000);
    expect(again.game).toBeUndefined();
    expect(again.seat?.crewSize).toBe(4);
    // Stepped on: another room time, another view.
    room = play(room, { type: 'SetRoundClock', at: T0 + 30, hostTokenHash: HOST, roomTime: 1000, action: 'step', stepMs: 1000 });
    expect(cache.update('K7P3QX', room, 2, 2000).game?.computedAt).toBe(2000);
  });

  it('a forgotten seat gets its views again (a phone that reconnected)', () => {
    const cache = new SeatViewCache();
    const room = raftRound();
    cache.update('K7P3QX', room, 3, 0);
    cache.forget('K7P3QX', 3);
    const again = cache.update('K7P3QX', room, 3, 0);
    expect(again.seat?.nodeId).toBe(3);
    expect(again.game?.label).toBe('C');
  });
});
