import { describe, expect, it } from 'vitest';
import { chooseBotMove, type PadMove, type Temperament } from '../../../shared/game/bot-policy';
import { decideGame } from '../../../shared/game/decide';
import type { GameCommand } from '../../../shared/game/commands';
import { gameSeatView } from '../../../shared/game/seat-view';
import { decideRoom, evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { algorithmModule } from '../../../shared/rules/registry';
import { created, given, HOST, joined, T0 } from '../room/given';

function apply(room: RoomState, events: readonly RoomEvent[]): RoomState {
  return events.reduce((r, e) => evolveRoom(r, e) as RoomState, room);
}

function run(room: RoomState, command: GameCommand): { room: RoomState; events: RoomEvent[] } {
  const decision = decideGame(room, command);
  return { room: apply(room, decision.events as RoomEvent[]), events: decision.events as RoomEvent[] };
}

/** A class of `students` + bots filled up to 5, a round started, then ticks every 100 ms up to `untilMs`. */
function playRound(algorithm: string, preset: string, temperament: Temperament, seed: number, untilMs: number, students: string[] = ['Ann']) {
  let room = given(created(), ...students.map((name, i) => joined(i + 1, name)));
  const fill = decideRoom(room, { type: 'FillWithBots', at: T0, hostTokenHash: HOST, upTo: 5, temperament });
  if (!fill.ok) throw new Error(fill.refusal.message);
  room = apply(room, fill.events);
  const log: RoomEvent[] = [];
  const step = (command: GameCommand) => {
    const next = run(room, command);
    room = next.room;
    log.push(...next.events);
  };
  step({ type: 'StartRound', at: T0, hostTokenHash: HOST, algorithm, preset, teamSize: null, crashOnDisconnect: true, seed, online: students.map((_, i) => i + 1) });
  let leaderAt: number | null = null;
  for (let t = 100; t <= untilMs; t += 100) {
    step({ type: 'TickRound', at: T0 + t, roomTime: t });
    const cluster = room.round!.teams[0]!.cluster;
    if (leaderAt === null && algorithmModule(algorithm).rules.hasLeader(cluster as never)) leaderAt = t;
  }
  return { room, log, leaderAt };
}

const pad = (over: Partial<PadMove> & Pick<PadMove, 'move'>): PadMove => ({ allowed: true, urgent: false, secondary: false, layout: { kind: 'main' }, ...over });

describe('bot policies read only the phone (SPEC AP2)', () => {
  const heartbeat = pad({ move: { type: 'SendHeartbeat' }, urgent: true });
  const stand = pad({ move: { type: 'StandForElection' }, allowed: false });

  it('a diligent bot always does the duty its phone draws urgent, never a move that is not asked', () => {
    for (let rng = 1; rng < 200; rng++) {
      expect(chooseBotMove([stand, heartbeat], 'diligent', rng).move).toEqual({ type: 'SendHeartbeat' });
      expect(chooseBotMove([stand], 'diligent', rng).move).toBeNull();
    }
  });

  it('a sleepy bot sometimes lets a due heartbeat pass and looks rarely; an eager bot sometimes clicks a move that is not allowed', () => {
    const sleepy = Array.from({ length: 200 }, (_, rng) => chooseBotMove([heartbeat], 'sleepy', rng + 1));
    expect(sleepy.some((c) => c.move === null)).toBe(true);
    expect(sleepy.some((c) => c.move !== null)).toBe(true);
    expect(Math.min(...sleepy.map((c) => c.nextInMs))).toBeGreaterThanOrEqual(2500);
    const eager = Array.from({ length: 200 }, (_, rng) => chooseBotMove([stand], 'eager', rng + 1));
    expect(eager.some((c) => c.move?.type === 'StandForElection')).toBe(true);
  });
});

describe('a class of bots plays a round through the game decision (SPEC AP1, AP3)', () => {
  it.each([
    ['raft', 'raft-classroom', 60_000],
    ['bully', 'bully-classroom', 90_000],
    ['lease', 'lease-classroom', 30_000],
  ])('1 absent student + 4 diligent bots: a %s round (%s) gets a leader within %i ms of room time', (algorithm, preset, limit) => {
    const { leaderAt, log } = playRound(algorithm, preset, 'diligent', 7, limit, ['Ann']);
    expect(leaderAt).not.toBeNull();
    expect(log.some((e) => e.type === 'ClusterEvents' && e.cause === 'bot')).toBe(true);
  });

  it('a diligent Raft leader heartbeats before any follower timer runs out: one election in two minutes', () => {
    const { room } = playRound('raft', 'raft-classroom', 'diligent', 11, 120_000, []);
    expect(room.round!.teams[0]!.cluster.stats.elections).toBe(1);
  });

  it('is deterministic with a seed: the same seed logs the same round; the phone of a bot is a student phone', () => {
    const a = playRound('raft', 'raft-classroom', 'eager', 3, 40_000);
    const b = playRound('raft', 'raft-classroom', 'eager', 3, 40_000);
    expect(JSON.stringify(b.log)).toBe(JSON.stringify(a.log));
    expect(a.log.some((e) => e.type === 'MoveRefused' && e.bot)).toBe(true);
    expect(gameSeatView(a.room, 2, 40_000)?.inRound).toBe(true);
  });

  it('a replay of the log folds to the same room', () => {
    const { room, log } = playRound('bully', 'bully-classroom', 'sleepy', 5, 30_000);
    let replay = given(created(), joined(1, 'Ann'));
    replay = apply(replay, room.seats.filter((s) => s.bot).map((s) => ({ type: 'BotSeated', at: T0, nodeId: s.nodeId, nickname: s.nickname, temperament: s.bot! })));
    expect(apply(replay, log)).toEqual(room);
  });
});
