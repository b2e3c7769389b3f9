/**
 * The session report's story of a round (SPEC S9): leaders, the gaps and the fault that
 * opened each, elections and their length, messages sent and lost, refusals by rule,
 * read from the round's log alone.
 */
import { describe, expect, it } from 'vitest';
import type { SeqEvent } from '../../../shared/replay/log-rows';
import { sessionReport } from '../../../shared/report/session-report';
import type { RoomEvent } from '../../../shared/room';
import { HOST, T0 } from '../room/given';
import { classroom, crash, end, play, tickUntil, type Table } from '../scoring/play-log';

function logOf(table: Table): SeqEvent[] {
  const prelude = [
    { type: 'RoomCreated', at: T0, code: table.state.code, hostTokenHash: HOST },
    ...table.state.seats.map((s) => ({ type: 'NodeJoined', at: s.joinedAt, nodeId: s.nodeId, nickname: s.nickname, seatTokenHash: s.seatTokenHash })),
  ] as RoomEvent[];
  return [...prelude, ...(table.log as RoomEvent[])].map((event, i) => ({ seq: i + 1, event }));
}

function lectureCrash(): { table: Table; crashedAt: number; electedAt: number } {
  const table = classroom(3);
  play(table, 1, { type: 'SendHeartbeat' });
  play(table, 2, { type: 'GrantVote', candidate: 2 }); // refused: no vote request from C reached B (R4)
  tickUntil(table, (e) => e.type === 'MessageDelivered');
  table.now += 2_000;
  crash(table, 0);
  const crashedAt = table.now;
  tickUntil(table, (e) => e.type === 'ElectionTimerExpired' && e.node === 1);
  play(table, 2, { type: 'StandForElection' });
  tickUntil(table, (e) => e.type === 'VoteRequestReceived' && e.node === 2);
  play(table, 3, { type: 'GrantVote', candidate: 1 });
  tickUntil(table, (e) => e.type === 'LeaderElected');
  const electedAt = table.now;
  table.now += 1_000;
  end(table);
  return { table, crashedAt, electedAt };
}

describe('S9: the story of a round, from its log', () => {
  it('tells who led when, the gap a crash opened, the election that closed it and its length', () => {
    const { table, crashedAt, electedAt } = lectureCrash();
    const [round] = sessionReport(logOf(table));
    const team = round!.story.teams[0]!;
    expect(team.leadership).toEqual([
      { from: 0, to: crashedAt, leader: 'A', cause: null, fault: false },
      { from: crashedAt, to: electedAt, leader: null, cause: 'The captain is down: leader A of term 1 crashed.', fault: true },
      { from: electedAt, to: electedAt + 1_000, leader: 'B', cause: null, fault: false },
    ]);
    expect(team.elections).toEqual([{ from: crashedAt, to: electedAt, ms: electedAt - crashedAt, winner: 'B' }]);
    expect(round!.story.refusalsByRule).toEqual({ R4: 1 });
    expect(team.messages.sent).toBeGreaterThan(4);
    expect(round!.scores!.students.find((s) => s.student === 2)!.leads).toBe(1);
  });

  it('counts lost messages: a message to a crashed node is lost on arrival (C1)', () => {
    const { table } = lectureCrash();
    const team = sessionReport(logOf(table))[0]!.story.teams[0]!;
    // B's RequestVote to the crashed A is lost.
    expect(team.messages.lost).toBeGreaterThanOrEqual(1);
  });

  it('the same log told twice gives the same story (S1)', () => {
    const { table } = lectureCrash();
    expect(sessionReport(logOf(table))).toEqual(sessionReport(logOf(table)));
  });
});
