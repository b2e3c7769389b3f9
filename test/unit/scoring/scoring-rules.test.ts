/**
 * The scoring rules (SPEC S1..S7) on a real Raft round played through the game's law:
 * the lecture's story (A leads, A crashes, B and C stand, B wins with D's and E's votes).
 */
import { describe, expect, it } from 'vitest';
import { FAST_RECOVERY_POINTS, LEAD_POINTS, REFUSAL_COST, scoreRound, scoresOf, studentLine } from '../../../shared/scoring';
import { gameScreenView } from '../../../shared/game/screen-view';
import { gameSeatView } from '../../../shared/game/seat-view';
import { classroom, crash, end, play, tickBy, tickUntil, type Table } from './play-log';

const [A, B, , D, E] = [1, 2, 3, 4, 5];

/** The lecture's story, with one refused heartbeat by B (R6) and one refused vote by E (C is no candidate). */
function lectureRound(): Table {
  const table = classroom(5);
  play(table, A, { type: 'SendHeartbeat' });
  tickBy(table, 1000);
  play(table, B, { type: 'SendHeartbeat' }); // refused: only a leader sends heartbeats (R6)
  crash(table, 0);
  expect(tickUntil(table, (e) => e.type === 'ElectionTimerExpired' && e.node === 1)).toBe(true);
  play(table, B, { type: 'StandForElection' });
  tickBy(table, 1000);
  play(table, D, { type: 'GrantVote', candidate: 1 });
  play(table, E, { type: 'GrantVote', candidate: 1 });
  tickBy(table, 1000);
  play(table, E, { type: 'GrantVote', candidate: 2 }); // refused: C is not a candidate
  tickBy(table, 500);
  play(table, B, { type: 'SendHeartbeat' });
  tickBy(table, 1000);
  end(table);
  return table;
}

const of = (table: Table, student: number) => scoreRound(table.log)!.students.find((s) => s.student === student)!;

describe('scoring rules (SPEC S)', () => {
  const table = lectureRound();

  it('S1: a round from the log replayed twice gives identical scores', () => {
    const first = scoreRound(table.log);
    const second = scoreRound(JSON.parse(JSON.stringify(table.log)));
    expect(first).not.toBeNull();
    expect(second).toEqual(first);
  });

  it('S1: the live room, folding event by event, holds the same scores as the log scored afterwards', () => {
    expect(scoresOf(table.state.round!.scoring)).toEqual(scoreRound(table.log));
  });

  it('S2: a heartbeat sent by the leader and a vote for an up-to-date candidate earn their points', () => {
    expect(of(table, A).dutiesDone).toEqual({ heartbeat: 1 });
    expect(of(table, D).dutiesDone).toEqual({ vote: 1 });
    expect(of(table, D).points).toBe(5);
    expect(of(table, B).dutiesDone.heartbeat).toBe(1);
  });

  it('S3 and S4: taking the lead within 30 s of the captain going down earns the lead and the fast recovery', () => {
    const b = of(table, B);
    expect(b.leads).toBe(1);
    expect(b.fastRecoveries).toBe(1);
    // B: lead + fast recovery + one heartbeat (2) - one refused heartbeat.
    expect(b.points).toBe(LEAD_POINTS + FAST_RECOVERY_POINTS + 2 - REFUSAL_COST);
  });

  it('S5: a refused move is counted by its rule and never earns points', () => {
    expect(of(table, B).refusedByRule).toEqual({ R6: 1 });
    const e = of(table, E);
    expect(Object.values(e.refusedByRule)).toEqual([1]);
    expect(e.points).toBe(5 - REFUSAL_COST);
    expect(e.movesAccepted).toBe(1);
  });

  it('S6: a crashed node is never blamed for the followers timing out', () => {
    expect(of(table, A).dutiesMissed).toEqual({});
  });

  it('S7: a team\'s score is the sum of its members\' points', () => {
    const scores = scoreRound(table.log)!;
    expect(scores.teams).toHaveLength(1);
    expect(scores.teams[0]!.points).toBe(scores.students.reduce((sum, s) => sum + s.points, 0));
  });

  it('S8: the student\'s own line tells duties and refusals by rule', () => {
    const scores = scoreRound(table.log)!;
    expect(studentLine(scores, D)).toBe('you voted for an up-to-date candidate (5 points)');
    expect(studentLine(scores, B)).toContain('1 heartbeat refused: R6');
    expect(studentLine(scores, B)).toContain('took the lead once');
  });

  it('S8: between rounds the projector shows the podium and the class totals; each phone only its own line', () => {
    const screen = gameScreenView(table.state, table.now, [])!;
    expect(screen.scores?.podium[0]).toMatchObject({ place: 1, nickname: 'S2' });
    expect(screen.scores?.totals.leads).toBe(1);
    const phone = gameSeatView(table.state, D, table.now)!;
    expect(phone.score).toEqual({ line: 'you voted for an up-to-date candidate (5 points)', points: 5 });
    expect(JSON.stringify(phone.score)).not.toContain('S2');
  });

  it('S8: while the round runs, neither screen shows scores', () => {
    const running = classroom(3);
    expect(gameScreenView(running.state, 0, [])!.scores).toBeNull();
    expect(gameSeatView(running.state, 1, 0)!.score).toBeNull();
  });
});
