/**
 * The room-level law of a round (shared/game/decide.ts): who may start, pause, step and
 * fault; where a player sits; what a refused move leaves in the log; how a phone that
 * leaves becomes a crashed node; and that a room replays to the same state.
 */
import { describe, expect, it } from 'vitest';
import { decideGame, type GameDecision } from '../../../shared/game/decide';
import type { GameCommand } from '../../../shared/game/commands';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { HOST, T0, created, given, hash, joined, kicked } from '../room/given';

function play(state: RoomState, command: GameCommand): { state: RoomState; decision: GameDecision } {
  const decision = decideGame(state, command);
  const next = decision.events.reduce<RoomState>((s, e) => evolveRoom(s, e as RoomEvent) as RoomState, state);
  return { state: next, decision };
}

const start = (over: Partial<Extract<GameCommand, { type: 'StartRound' }>> = {}): GameCommand => ({
  type: 'StartRound', at: T0 + 10, hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, seed: 7, network: { jitterMs: 0 }, ...over,
});
const clock = (action: 'pause' | 'resume' | 'step' | 'rate', roomTime: number, extra: { rate?: number; stepMs?: number } = {}): GameCommand => ({
  type: 'SetRoundClock', at: T0 + 20, hostTokenHash: HOST, roomTime, action, ...extra,
});
const move = (nodeId: number, roomTime: number, m: Record<string, unknown>): GameCommand => ({ type: 'PlayMove', at: T0 + 30, roomTime, nodeId, move: m as never });

function classOf(n: number): RoomState {
  return given(created(), ...Array.from({ length: n }, (_, i) => joined(i + 1, `S${i + 1}`)));
}

function started(n = 5, over = {}): RoomState {
  const { state, decision } = play(classOf(n), start(over));
  expect(decision.refusal).toBeUndefined();
  return state;
}

describe('starting a round', () => {
  it('only the host may start a round', () => {
    expect(decideGame(classOf(5), start({ hostTokenHash: hash('not-the-host') })).refusal?.code).toBe('not-host');
  });
  it('a round needs a known preset of its algorithm and at least two students', () => {
    expect(decideGame(classOf(5), start({ preset: 'bully-classroom' })).refusal?.code).toBe('unknown-preset');
    expect(decideGame(classOf(1), start()).refusal?.code).toBe('too-few-students');
  });
  it('G9: out-of-range parameters are refused with a sentence, never replaced (a lease of -5 ms, a renew deadline past the lease)', () => {
    const lease = (params: Record<string, number>) => decideGame(classOf(5), start({ algorithm: 'lease', preset: 'lease-classroom', params }));
    for (const params of [{ leaseDurationMs: -5 }, { renewDeadlineMs: 30_000 }, { leaseDurationMs: 10_000 }] as Record<string, number>[]) {
      const decision = lease(params);
      expect(decision.events, JSON.stringify(params)).toEqual([]);
      expect(decision.refusal).toMatchObject({ code: 'bad-parameter', rule: 'G9' });
    }
    expect(lease({ renewDeadlineMs: 30_000 }).refusal?.message).toContain('renew deadline must be shorter than the lease duration');
    expect(lease({ leaseDurationMs: 40_000 }).ok).toBe(true);
  });
  it('the params in force travel with the round and its views', () => {
    const state = started(5, { algorithm: 'lease', preset: 'lease-classroom', params: { retryPeriodMs: 4000 } });
    expect(state.round?.config.params).toEqual({ leaseDurationMs: 30_000, renewDeadlineMs: 20_000, retryPeriodMs: 4000, fencing: true });
  });
  it('one round at a time', () => {
    expect(decideGame(started(), start()).refusal?.code).toBe('round-running');
  });
  it('kicked students do not play; the others are nodes in join order', () => {
    const state = given(created(), joined(1, 'A'), joined(2, 'B'), joined(3, 'C'), kicked(2));
    const { state: after } = play(state, start());
    expect(after.round?.teams[0]?.members).toEqual([1, 3]);
  });
  it('teams of 3 to 9: every team is its own cluster with its own seed', () => {
    const state = started(10, { teamSize: 3 });
    const teams = state.round!.teams;
    expect(teams.map((t) => t.members.length)).toEqual([4, 3, 3]);
    expect(teams.map((t) => t.cluster.nodes.length)).toEqual([4, 3, 3]);
    expect(teams[0]!.cluster.rng).not.toBe(teams[1]!.cluster.rng);
  });
});

describe('the room clock', () => {
  it('pausing twice, resuming a running clock and stepping a running clock are refused', () => {
    let state = started();
    expect(decideGame(state, clock('resume', 0)).refusal?.code).toBe('clock-running');
    expect(decideGame(state, clock('step', 0)).refusal?.code).toBe('clock-running');
    state = play(state, clock('pause', 100)).state;
    expect(decideGame(state, clock('pause', 100)).refusal?.code).toBe('clock-paused');
    expect(decideGame(state, clock('rate', 100, { rate: 8 })).refusal?.code).toBe('bad-rate');
  });
  it('a step moves every team to the new instant and records it', () => {
    let state = play(started(6, { teamSize: 3 }), clock('pause', 100)).state;
    state = play(state, clock('step', 100, { stepMs: 30_000 })).state;
    expect(state.round!.clock).toEqual({ running: false, rate: 1, roomTime: 30_100 });
    expect(state.round!.teams.every((t) => t.cluster.now === 30_100)).toBe(true);
  });
});

describe('moves', () => {
  it('a refused move changes no cluster but is logged, so the class counts it', () => {
    const state = started();
    const { state: after, decision } = play(state, move(2, 1000, { type: 'StandForElection' }));
    expect(decision.refusal).toMatchObject({ code: 'election-timer-running', rule: 'R3' });
    expect(decision.events.map((e) => e.type)).toEqual(['MoveRefused']);
    expect(after.round!.teams[0]!.refusedMoves).toBe(1);
    expect(after.round!.teams[0]!.cluster).toBe(state.round!.teams[0]!.cluster);
  });
  it('a student who joined after the start waits for the next round', () => {
    const state = evolveRoom(started(), joined(6, 'Late')) as RoomState;
    expect(decideGame(state, move(6, 1000, { type: 'StandForElection' })).refusal?.code).toBe('not-in-round');
  });
  it('after the round ends nothing can be played', () => {
    const state = play(started(), { type: 'EndRound', at: T0 + 40, hostTokenHash: HOST, roomTime: 500 }).state;
    expect(state.round!.ended).toBe(true);
    expect(decideGame(state, move(1, 600, { type: 'SendHeartbeat' })).refusal?.code).toBe('no-round');
  });
  it('the host faults a team; a fault for a team that does not exist is refused', () => {
    const state = started();
    const crash = (team: number): GameCommand => ({ type: 'InjectFault', at: T0 + 50, hostTokenHash: HOST, roomTime: 200, team, fault: { type: 'CrashNode', node: 0 } });
    expect(decideGame(state, crash(3)).refusal?.code).toBe('unknown-team');
    const after = play(state, crash(0)).state;
    expect(after.round!.teams[0]!.cluster.nodes[0]!.status).toBe('crashed');
    expect(after.round!.teams[0]!.ticker.at(-1)?.text).toMatch(/A/);
  });
});

describe('presence', () => {
  const presence = (nodeId: number, online: boolean, roomTime = 300): GameCommand => ({ type: 'SeatPresence', at: T0 + 60, roomTime, nodeId, online });

  it('a phone that leaves crashes its node; coming back restarts it', () => {
    let state = play(started(), presence(3, false)).state;
    expect(state.round!.teams[0]!.cluster.nodes[2]!.status).toBe('crashed');
    expect(state.round!.teams[0]!.ticker.at(-1)?.text).toMatch(/phone/);
    state = play(state, presence(3, true, 400)).state;
    expect(state.round!.teams[0]!.cluster.nodes[2]!.status).toBe('live');
  });
  it('a node the host crashed stays down when its phone reconnects', () => {
    let state = play(started(), { type: 'InjectFault', at: T0, hostTokenHash: HOST, roomTime: 100, team: 0, fault: { type: 'CrashNode', node: 2 } }).state;
    state = play(state, presence(3, true)).state;
    expect(state.round!.teams[0]!.cluster.nodes[2]!.status).toBe('crashed');
  });
  it('with crash-on-disconnect off, presence changes nothing', () => {
    const state = started(5, { crashOnDisconnect: false });
    expect(decideGame(state, presence(3, false)).events).toEqual([]);
  });
});

describe('replay', () => {
  it('a room folded from its log is the room that played it', () => {
    const log: RoomEvent[] = [created(), ...Array.from({ length: 5 }, (_, i) => joined(i + 1, `S${i + 1}`))];
    let state = given(...log);
    const commands: GameCommand[] = [
      start(), clock('pause', 50), { type: 'InjectFault', at: T0, hostTokenHash: HOST, roomTime: 50, team: 0, fault: { type: 'CrashNode', node: 0 } },
      clock('step', 50, { stepMs: 30_000 }), move(2, 30_050, { type: 'StandForElection' }), clock('step', 30_050, { stepMs: 2_000 }),
      move(4, 32_050, { type: 'GrantVote', candidate: 1 }), move(4, 32_050, { type: 'GrantVote', candidate: 2 }), clock('step', 32_050, { stepMs: 3_000 }),
    ];
    for (const command of commands) {
      const { state: next, decision } = play(state, command);
      log.push(...(decision.events as RoomEvent[]));
      state = next;
    }
    expect(log.filter((e) => e.type === 'MoveRefused')).toHaveLength(1);
    const replayed = log.reduce<RoomState | null>((s, e) => evolveRoom(s, e), null);
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(state));
  });
});
