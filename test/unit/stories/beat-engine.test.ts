/**
 * The beat engine (shared/stories/engine.ts) and story mode's decisions
 * (shared/game/story-decide.ts): a story starts its round and its first beat in one
 * command; a beat ends by itself when its condition holds in every team, or on Next;
 * Back and Replay begin a beat again (its faults re-injected when they still apply, its
 * punch lines earned again); refusals are structured; the phone's pad glows only for
 * the cued move.
 */
import { describe, expect, it } from 'vitest';
import { decideGame } from '../../../shared/game/decide';
import type { GameCommand } from '../../../shared/game/commands';
import { gameSeatView } from '../../../shared/game/seat-view';
import { gameScreenView } from '../../../shared/game/screen-view';
import { decideRoom, evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { holds, matchEvents } from '../../../shared/stories/conditions';
import { beatIsOver, observeStory, startStoryState } from '../../../shared/stories/engine';
import { storySchema } from '../../../shared/stories/schema';
import { created, given, HOST, joined, T0 } from '../room/given';

const apply = (room: RoomState, events: readonly RoomEvent[]) => events.reduce((r, e) => evolveRoom(r, e) as RoomState, room);

function classOf(students: number): RoomState {
  return given(created(), ...Array.from({ length: students }, (_, i) => joined(i + 1, `S${i + 1}`)));
}

function play(room: RoomState, command: GameCommand) {
  const decision = decideGame(room, command);
  return { decision, room: apply(room, decision.events as RoomEvent[]) };
}

const start = (story: string): GameCommand => ({ type: 'StartStory', at: T0, hostTokenHash: HOST, story });
const control = (action: 'next' | 'back' | 'replay' | 'stop', roomTime: number): GameCommand => ({ type: 'StoryControl', at: T0 + roomTime, hostTokenHash: HOST, roomTime, action });
const tick = (roomTime: number): GameCommand => ({ type: 'TickRound', at: T0 + roomTime, roomTime });

describe('conditions', () => {
  const cond = { kind: 'all' as const, of: [{ kind: 'event' as const, type: 'LeaderElected', node: 1, fields: { votes: 3 } }, { kind: 'elapsed' as const, ms: 1000 }] };
  it('an event leaf matches its type, node and fields; elapsed counts from the beat; all needs both', () => {
    expect(matchEvents(cond, 'u', [{ type: 'LeaderElected', node: 1, votes: 4 }], [])).toEqual([]);
    expect(matchEvents(cond, 'u', [{ type: 'LeaderElected', node: 2, votes: 3 }], [])).toEqual([]);
    const matched = matchEvents(cond, 'u', [{ type: 'LeaderElected', node: 1, votes: 3 }], []);
    expect(matched).toEqual(['u.0']);
    expect(holds(cond, 'u', { matched, roleOf: () => null, elapsedMs: () => 999 })).toBe(false);
    expect(holds(cond, 'u', { matched, roleOf: () => null, elapsedMs: () => 1000 })).toBe(true);
    expect(holds(cond, 'u', { matched, roleOf: () => null, elapsedMs: null })).toBe(false);
  });
});

describe('the beat engine', () => {
  const story = storySchema.parse({
    id: 't', title: 'T', shows: 'a test story', lesson: 'a lesson long enough for a recap', algorithm: 'raft', preset: 'raft-lecture', nodes: 3, seed: 1,
    beats: [
      { id: 'one', cue: 'one', until: { kind: 'event', type: 'LeaderElected', node: 1 }, punches: [{ text: 'B leads', when: { kind: 'event', type: 'LeaderElected', node: 1 } }] },
      { id: 'two', cue: 'two' },
    ],
  });

  it('ST3 ST4 a beat is over only when its condition holds in every team; a punch line is recorded once, when it holds', () => {
    let state = startStoryState(story, 2, 0);
    const roles = () => null;
    state = observeStory(state, 0, [{ type: 'LeaderElected', node: 1 }], roles, 500);
    expect(state.punches).toEqual([{ beat: 0, text: 'B leads', at: 500 }]);
    expect(beatIsOver(state, roles, 600)).toBe(false);
    state = observeStory(state, 1, [{ type: 'LeaderElected', node: 1 }], roles, 700);
    expect(state.punches).toHaveLength(1);
    expect(beatIsOver(state, roles, 800)).toBe(true);
  });
});

describe('story mode in a round', () => {
  it('ST1 one command starts the round with the story\'s own numbers, the story and its first beat, all logged', () => {
    const { decision, room } = play(classOf(5), start('raft-captain-down'));
    expect(decision.ok).toBe(true);
    expect(decision.events.map((e) => e.type)).toEqual(['RoundStarted', 'StoryStarted', 'StoryBeatShown']);
    expect(room.round!.config).toMatchObject({ algorithm: 'raft', preset: 'raft-lecture', seed: 1001, autopilot: true, network: { delayMs: 2000 } });
    expect(room.round!.config.params).toMatchObject({ electionTimeoutMinMs: 6000, startWithLeader: 0 });
    expect(gameScreenView(room, 0, [])!.story).toMatchObject({ beat: 1, beats: 3, status: 'playing', cue: expect.stringContaining('A is captain') });
  });

  it('ST1 ST3 refusals are structured: an unknown story, a cast that does not fit, Back on the first beat, no story to control', () => {
    expect(play(classOf(5), start('nope')).decision.refusal).toMatchObject({ code: 'unknown-story' });
    expect(play(classOf(4), start('raft-captain-down')).decision.refusal).toMatchObject({ code: 'story-cast', message: expect.stringContaining('exactly 5') });
    expect(play(classOf(7), start('raft-captain-down')).decision.refusal?.code).toBe('story-cast');
    const { room } = play(classOf(5), start('raft-captain-down'));
    expect(play(room, control('back', 100)).decision.refusal).toMatchObject({ code: 'first-beat' });
    const plain = play(classOf(5), { type: 'StartRound', at: T0, hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-classroom', teamSize: null, crashOnDisconnect: true, seed: 1 }).room;
    expect(play(plain, control('next', 100)).decision.refusal).toMatchObject({ code: 'no-story' });
    expect(play(room, { ...start('raft-captain-down') }).decision.refusal?.code).toBe('round-running');
  });

  it('ST1 ten students play it as two teams of exactly five', () => {
    const { room } = play(classOf(10), start('bully-captain-down'));
    expect(room.round!.teams.map((t) => t.members.length)).toEqual([5, 5]);
  });

  it('ST2 ST3 Next injects the beat\'s faults in every team; Back and Replay begin a beat again; Stop ends the cues', () => {
    let { room } = play(classOf(5), start('raft-captain-down'));
    room = play(room, control('next', 1000)).room;
    expect(room.round!.story!.beat).toBe(1);
    expect(room.round!.teams[0]!.cluster.nodes[0]!.status).toBe('crashed');
    // Replaying the crash beat: A is already down, so the fault is skipped, not refused.
    const replay = play(room, control('replay', 1500));
    expect(replay.decision.ok).toBe(true);
    expect(replay.decision.events.map((e) => e.type)).toEqual(['StoryBeatShown']);
    room = play(replay.room, control('back', 2000)).room;
    expect(room.round!.story).toMatchObject({ beat: 0, beatStartedAt: 2000 });
    room = play(room, control('stop', 2500)).room;
    expect(gameScreenView(room, 2500, [])!.story).toBeNull();
    expect(gameSeatView(room, 2, 2500)!.story).toBeNull();
  });

  it('ST3 a beat with a condition ends by itself on the room clock (auto), and the last one finishes the story', () => {
    let { room } = play(classOf(5), start('raft-captain-down'));
    room = play(room, tick(7900)).room;
    expect(room.round!.story!.beat).toBe(0);
    const ticked = play(room, tick(8000));
    expect(ticked.decision.events.find((e) => e.type === 'StoryBeatShown')).toMatchObject({ beat: 1, reason: 'auto', roomTime: 8000 });
    room = play(ticked.room, control('next', 8100)).room;
    room = play(room, control('next', 8200)).room;
    expect(room.round!.story!.status).toBe('finished');
    expect(play(room, control('next', 8300)).decision.refusal?.code).toBe('story-over');
    expect(gameScreenView(room, 8300, [])!.story).toMatchObject({ status: 'finished', lesson: expect.stringContaining('majority') });
  });

  it('ST5 the phone: only the cued student\'s cued move glows; the others are calm (no Stand for election on D and E)', () => {
    let { room } = play(classOf(5), start('raft-captain-down'));
    room = play(room, tick(8000)).room; // A crashes
    room = play(room, tick(16_500)).room; // every follower's timer ran out
    const b = gameSeatView(room, 2, 16_500)!;
    const d = gameSeatView(room, 4, 16_500)!;
    expect(b.story?.cue).toMatchObject({ moveId: 'StandForElection', move: { type: 'StandForElection' } });
    expect(b.moves.filter((m) => m.urgent).map((m) => m.id)).toEqual(['StandForElection']);
    expect(d.story?.cue?.text).toContain('vote for B');
    expect(d.story?.cue?.moveId).toBeNull(); // B's request has not reached D yet
    expect(d.moves.find((m) => m.id === 'StandForElection')).toMatchObject({ allowed: true, urgent: false });
    expect(d.moves.some((m) => m.urgent)).toBe(false);
    // B stood: its cue is spent, so B is not asked to stand again when its timer runs out again.
    room = play(room, { type: 'PlayMove', at: T0 + 16_600, roomTime: 16_600, nodeId: 2, move: { type: 'StandForElection' } }).room;
    const after = gameSeatView(room, 2, 16_600)!;
    expect(after.story?.cue).toBeNull();
    expect(after.moves.some((m) => m.urgent)).toBe(false);
  });

  it('ST5 a student who looked up too late is shown the way back: a lease holder whose own clock ended its belief acquires again, and the service renews the same lease', () => {
    let { room } = play(classOf(5), start('lease-gc-unfenced'));
    const ticks = (from: number, to: number) => {
      for (let t = from; t <= to; t += 100) room = play(room, tick(t)).room;
    };
    const move = (roomTime: number, m: { type: string; value?: string }) => {
      room = play(room, { type: 'PlayMove', at: T0 + roomTime, roomTime, nodeId: 1, move: m }).room;
    };
    move(100, { type: 'Acquire' });
    ticks(200, 900);
    move(1000, { type: 'Write', value: 'a1' });
    ticks(1100, 1500);
    expect(room.round!.story!.beat).toBe(2); // a-renews: A is asked to renew now
    expect(gameSeatView(room, 1, 1500)!.moves.filter((m) => m.urgent).map((m) => m.id)).toEqual(['Renew']);
    // A does not look up: 4.8 s after it sent its Acquire (the story's renew deadline), its own clock ends its belief (L6).
    ticks(1600, 5000);
    const late = gameSeatView(room, 1, 5000)!;
    expect(late.moves.find((m) => m.id === 'Renew')).toMatchObject({ allowed: false, urgent: false });
    expect(late.story?.cue).toMatchObject({ moveId: 'Acquire', move: { type: 'Acquire' } });
    expect(late.moves.filter((m) => m.urgent).map((m) => m.id)).toEqual(['Acquire']);
    // The lock service still names A (5 s lease): the Acquire renews it, token 1 kept, and the story goes on.
    move(5000, { type: 'Acquire' });
    ticks(5100, 5500);
    expect(room.round!.story!.beat).toBe(3);
    expect(gameScreenView(room, 5500, [])!.teams[0]!.lease).toMatchObject({ holder: 'A', token: 1 });
  });

  it('ST4 a replayed log folds to the same story state (the log is the truth)', () => {
    // Five bots: the story plays itself (bots follow the cues).
    let room = classOf(0);
    const fill = decideRoom(room, { type: 'FillWithBots', at: T0, hostTokenHash: HOST, upTo: 5, temperament: 'diligent' });
    if (!fill.ok) throw new Error(fill.refusal.message);
    room = apply(room, fill.events);
    const log: RoomEvent[] = [];
    let live = room;
    const step = (command: GameCommand) => {
      const d = decideGame(live, command);
      log.push(...(d.events as RoomEvent[]));
      live = apply(live, d.events as RoomEvent[]);
    };
    step(start('lease-gc-fenced'));
    for (let t = 100; t <= 6000; t += 100) step(tick(t));
    expect(live.round!.story!.beat).toBeGreaterThan(0);
    expect(apply(room, log).round!.story).toEqual(live.round!.story);
  });
});
