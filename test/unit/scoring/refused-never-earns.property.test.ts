/**
 * SPEC S5 as a property: refused moves, however many and wherever they fall in a round's
 * log, never raise anyone's points nor add a duty done or a lead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../../../shared/game/events';
import { scoreRound } from '../../../shared/scoring';
import { classroom, crash, end, play, tickBy, tickUntil } from './play-log';

function playedLog(): GameEvent[] {
  const table = classroom(5);
  play(table, 1, { type: 'SendHeartbeat' });
  tickBy(table, 1000);
  crash(table, 0);
  tickUntil(table, (e) => e.type === 'ElectionTimerExpired' && e.node === 1);
  play(table, 2, { type: 'StandForElection' });
  tickBy(table, 1000);
  play(table, 4, { type: 'GrantVote', candidate: 1 });
  play(table, 5, { type: 'GrantVote', candidate: 1 });
  tickBy(table, 1500);
  play(table, 2, { type: 'SendHeartbeat' });
  end(table);
  return table.log;
}

const refusal = fc.record({
  node: fc.integer({ min: 0, max: 4 }),
  move: fc.constantFrom('GrantVote', 'SendHeartbeat', 'StandForElection', 'RefuseVote', 'WriteCommand'),
  rule: fc.constantFrom('R1', 'R4', 'R5', 'R6', 'G3'),
  code: fc.constantFrom('not-leader', 'already-voted', 'stale-candidate'),
});

describe('S5: a refused move never earns points', () => {
  const log = playedLog();
  const before = scoreRound(log)!;
  const lastIndex = log.findIndex((e) => e.type === 'RoundEnded');

  it('inserting refused moves anywhere in the round never raises points, duties done or leads', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: lastIndex }), refusal), { minLength: 1, maxLength: 20 }), (inserts) => {
        const withRefusals = [...log];
        for (const [where, r] of [...inserts].sort((a, b) => b[0] - a[0])) {
          withRefusals.splice(where, 0, { type: 'MoveRefused', at: 0, team: 0, ...r });
        }
        const after = scoreRound(withRefusals)!;
        for (const s of after.students) {
          const was = before.students.find((x) => x.student === s.student)!;
          expect(s.points).toBeLessThanOrEqual(was.points);
          expect(s.dutiesDone).toEqual(was.dutiesDone);
          expect(s.leads).toBe(was.leads);
        }
        const refused = after.students.reduce((n, s) => n + Object.values(s.refusedByRule).reduce((a, b) => a + b, 0), 0);
        expect(refused).toBe(inserts.length);
      }),
      { numRuns: 200 },
    );
  });
});
