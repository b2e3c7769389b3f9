/**
 * Challenges by rule (SPEC K1..K6) and the scores switch (S11), played through the game's
 * law (decideGame, evolveRoom) as the server plays them: every fact is logged and folded.
 */
import { describe, expect, it } from 'vitest';
import { gameScreenView } from '../../../shared/game/screen-view';
import { gameSeatView } from '../../../shared/game/seat-view';
import { foldRoom, type RoomEvent } from '../../../shared/room';
import { HOST, T0, hash } from '../room/given';
import { classroom, crash, end, play, run, tickBy, tickUntil, type Table } from '../scoring/play-log';

const at = (table: Table) => T0 + 1000 + table.now;
const startChallenge = (table: Table, kind: 'break-safety' | 'fastest-recovery' | 'no-leader-lost', durationMs = 60_000, faults?: number) =>
  run(table, { type: 'StartChallenge', at: at(table), hostTokenHash: HOST, roomTime: table.now, kind, durationMs, ...(faults && { faults }) });
const challenge = (table: Table) => gameScreenView(table.state, table.now, [])!.challenge!;
const ended = (table: Table) => table.log.filter((e) => e.type === 'ChallengeEnded');

describe('K1: the host starts a challenge with a goal and a timer on the room clock', () => {
  it('only the host, one at a time, 10 s to 10 min, and the timer ends it', () => {
    const table = classroom(5);
    expect(run(table, { type: 'StartChallenge', at: at(table), hostTokenHash: hash('a-student'), roomTime: 0, kind: 'break-safety', durationMs: 60_000 })).toEqual([]);
    expect(table.refusals.pop()).toBe('not-host');
    startChallenge(table, 'break-safety', 5_000);
    expect(table.refusals.pop()).toBe('bad-parameter');
    startChallenge(table, 'break-safety', 20_000);
    expect(challenge(table)).toMatchObject({ title: 'Break safety', startedAt: 0, endsAt: 20_000, ended: false, winner: null });
    expect(challenge(table).goal).toMatch(/two leaders in one term/);
    startChallenge(table, 'fastest-recovery');
    expect(table.refusals.pop()).toBe('challenge-running');
    tickBy(table, 19_750);
    expect(ended(table)).toEqual([]);
    tickBy(table, 250);
    expect(ended(table)).toEqual([expect.objectContaining({ reason: 'time', roomTime: 20_000 })]);
  });

  it('phones see the goal, the timer and the winner (class-wide facts only)', () => {
    const table = classroom(3);
    startChallenge(table, 'break-safety', 10_000);
    const phone = gameSeatView(table.state, 2, table.now)!;
    expect(phone.challenge).toMatchObject({ title: 'Break safety', endsAt: 10_000, winner: null });
    expect(phone.challenge).not.toHaveProperty('held');
  });
});

describe('K2, K3: Break safety', () => {
  it('Raft: every attempt at two leaders in one term is refused, each with the rule that held; at the end the rules win', () => {
    const table = classroom(5);
    startChallenge(table, 'break-safety', 30_000);
    play(table, 2, { type: 'StandForElection' }); // B's election timer is still running: R3
    play(table, 3, { type: 'GrantVote', candidate: 1 }); // no vote request from B reached C: R4
    play(table, 4, { type: 'SendHeartbeat' }); // D is not leader: R6
    const held = challenge(table).held;
    expect(held.map((h) => [h.who, h.move, h.rule])).toEqual([['B (S2)', 'candidacy', 'R3'], ['C (S3)', 'vote', 'R4'], ['D (S4)', 'heartbeat', 'R6']]);
    expect(challenge(table).heldByRule).toEqual({ R3: 1, R4: 1, R6: 1 });
    tickBy(table, 30_000);
    expect(challenge(table)).toMatchObject({ ended: true, winner: 'The rules' });
    expect(challenge(table).detail).toBe('Safety held. 3 attempts refused: R3 ×1, R4 ×1, R6 ×1.');
  });

  function gcPause(fencing: boolean): Table {
    const table = classroom(3, { algorithm: 'lease', preset: fencing ? 'lease-gc-fenced' : 'lease-gc-unfenced', network: { delayMs: 200, jitterMs: 0 } });
    startChallenge(table, 'break-safety', 60_000);
    play(table, 1, { type: 'Acquire' });
    expect(tickUntil(table, (e) => e.type === 'LeadershipBelieved')).toBe(true);
    play(table, 1, { type: 'Write', value: 'a1' });
    run(table, { type: 'InjectFault', at: at(table), hostTokenHash: HOST, roomTime: table.now, team: 0, fault: { type: 'PauseNode', node: 0 } });
    // B asks until the lease of the paused A has expired and is granted.
    for (let i = 0; i < 6 && !table.log.some((e) => e.type === 'ClusterEvents' && e.events.some((r) => r.type === 'LeaseAcquired' && r.node === 1)); i++) {
      play(table, 2, { type: 'Acquire' });
      tickBy(table, 2_000);
    }
    play(table, 2, { type: 'Write', value: 'b1' });
    tickBy(table, 1_000);
    run(table, { type: 'InjectFault', at: at(table), hostTokenHash: HOST, roomTime: table.now, team: 0, fault: { type: 'ResumeNode', node: 0 } });
    play(table, 1, { type: 'Write', value: 'a2' });
    tickBy(table, 1_000);
    return table;
  }

  it('Lease without fencing: a stale write lands, the class wins and the challenge ends at once', () => {
    const table = gcPause(false);
    expect(ended(table)).toEqual([expect.objectContaining({ reason: 'goal' })]);
    expect(challenge(table).winner).toBe('The class (A (S1))');
    expect(challenge(table).detail).toMatch(/A's stale write "a2" \(token 1\) landed/);
  });

  it('Lease with fencing: storage refuses the stale write and the projector shows L5 held', () => {
    const table = gcPause(true);
    expect(ended(table)).toEqual([]);
    expect(challenge(table).held).toContainEqual(expect.objectContaining({ who: 'A (S1)', move: null, rule: 'L5' }));
    expect(challenge(table).winner).toBeNull();
  });
});

describe('K4: Fastest recovery', () => {
  it('times from the leader crash to the next leader, and names who led the recovery', () => {
    const table = classroom(3);
    startChallenge(table, 'fastest-recovery', 120_000);
    crash(table, 0); // A, the lecture's leader
    const crashedAt = table.now;
    expect(tickUntil(table, (e) => e.type === 'ElectionTimerExpired' && e.node === 1)).toBe(true);
    play(table, 2, { type: 'StandForElection' });
    expect(tickUntil(table, (e) => e.type === 'VoteRequestReceived' && e.node === 2)).toBe(true);
    play(table, 3, { type: 'GrantVote', candidate: 1 });
    expect(tickUntil(table, (e) => e.type === 'LeaderElected')).toBe(true);
    const recovery = table.now - crashedAt;
    expect(challenge(table).teams[0]!.bestRecoveryMs).toBe(recovery);
    run(table, { type: 'StopChallenge', at: at(table), hostTokenHash: HOST, roomTime: table.now });
    expect(challenge(table).winner).toBe('The class (B (S2))');
    expect(challenge(table).detail).toBe(`Fastest: The class (B (S2)), a new leader ${(recovery / 1000).toFixed(1)} s after the crash.`);
  });
});

describe('K5: No leader lost', () => {
  it('a fault that leaves the leader standing is survived', () => {
    const table = classroom(3);
    startChallenge(table, 'no-leader-lost', 10_000, 1);
    crash(table, 2); // C, a follower
    tickBy(table, 10_000);
    expect(challenge(table)).toMatchObject({ ended: true, winner: 'The class', detail: 'The class: 1/1 faults survived' });
  });

  it('a whole second without a leader loses it', () => {
    const table = classroom(3);
    startChallenge(table, 'no-leader-lost', 10_000, 1);
    crash(table, 0); // the leader
    tickBy(table, 10_000);
    expect(challenge(table)).toMatchObject({ ended: true, winner: 'Nobody', detail: 'The class: lost its leader' });
    expect(challenge(table).teams[0]!.longestLeaderlessMs).toBeGreaterThanOrEqual(1_000);
  });
});

describe('K6: stopping, the end of the round, and the log', () => {
  it('the host stops a challenge; with none running, stopping is refused; ending the round ends it', () => {
    const table = classroom(3);
    run(table, { type: 'StopChallenge', at: at(table), hostTokenHash: HOST, roomTime: 0 });
    expect(table.refusals.pop()).toBe('no-challenge');
    startChallenge(table, 'fastest-recovery');
    end(table);
    expect(ended(table)).toEqual([expect.objectContaining({ reason: 'host' })]);
    expect(table.log.at(-1)!.type).toBe('RoundEnded');
  });

  it('a challenge folded again from the log is the same challenge (G8)', () => {
    const table = classroom(5);
    startChallenge(table, 'break-safety', 30_000);
    play(table, 2, { type: 'StandForElection' });
    crash(table, 0);
    tickBy(table, 5_000);
    const prelude = [
      { type: 'RoomCreated', at: T0, code: table.state.code, hostTokenHash: HOST },
      ...table.state.seats.map((s) => ({ type: 'NodeJoined', at: s.joinedAt, nodeId: s.nodeId, nickname: s.nickname, seatTokenHash: s.seatTokenHash })),
    ] as RoomEvent[];
    const replayed = foldRoom([...prelude, ...(table.log as RoomEvent[])]);
    expect(replayed!.round!.challenge).toEqual(table.state.round!.challenge);
  });
});

describe('S11: the scores switch', () => {
  it('off, the projector shows no podium and phones no line; switching to what is in force is refused', () => {
    const table = classroom(3);
    run(table, { type: 'SetScores', at: at(table), hostTokenHash: HOST, on: false });
    run(table, { type: 'SetScores', at: at(table), hostTokenHash: HOST, on: false });
    expect(table.refusals.pop()).toBe('scores-already');
    play(table, 1, { type: 'SendHeartbeat' });
    end(table);
    expect(gameScreenView(table.state, table.now, [])).toMatchObject({ scores: null, scoresOff: true });
    expect(gameSeatView(table.state, 1, table.now)!.score).toBeNull();
    run(table, { type: 'SetScores', at: at(table), hostTokenHash: HOST, on: true });
    expect(gameScreenView(table.state, table.now, [])!.scores!.podium[0]).toMatchObject({ nickname: 'S1' });
    expect(gameSeatView(table.state, 1, table.now)!.score!.line).toMatch(/heartbeat/);
  });
});
