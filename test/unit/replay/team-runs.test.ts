/**
 * The replay player folds a team's consecutive batches and refused moves as one run
 * (shared/game/team-run.ts) and copies room, round and team once when the run closes; the
 * live game closes after every row. Wherever a run is closed, the room must be the one the
 * live game folded row by row at that row: the whole room (clusters, ticker, headline, who is
 * away, refusals, recap, scores), and a run writes in place only what it copied itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterEvents } from '../../../shared/game/events';
import { closeTeamRun, foldsAsRun, foldsInTeamRun, foldTeamRunRow, openTeamRun, type MoveRefused } from '../../../shared/game/team-run';
import { evolveRoom, type RoomState } from '../../../shared/room';
import { playRound, roundArb } from './random-round';

/** Every object reachable from `value` frozen: a later write in place into it throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

describe('a team\'s batches and refused moves folded as one run', () => {
  it('closes, wherever it is closed, to the room the live game folded row by row, and never writes into an earlier room', () => {
    let longRuns = 0;
    let refusalsAmongOthers = 0;
    fc.assert(
      fc.property(roundArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (spec, cuts) => {
        const played = playRound(spec);
        let room: RoomState | null = null;
        let i = 0;
        while (i < played.log.length) {
          const event = played.log[i]!.event;
          if (!foldsInTeamRun(event) || !room || !foldsAsRun(room.round)) {
            room = deepFreeze(evolveRoom(room, event));
            i += 1;
            continue;
          }
          const run = openTeamRun(room, event.team);
          let refusals = 0;
          do {
            const row = played.log[i]!.event as ClusterEvents | MoveRefused;
            if (row.type === 'MoveRefused') refusals += 1;
            foldTeamRunRow(run, row);
            i += 1;
          } while (!cuts[i % cuts.length] && played.log[i] !== undefined && foldsInTeamRun(played.log[i]!.event) && (played.log[i]!.event as ClusterEvents).team === event.team);
          // Frozen once closed, as a checkpoint is kept: the next runs must copy what they change.
          room = deepFreeze(closeTeamRun(run));
          if (run.rows > 1) longRuns += 1;
          if (refusals > 0 && run.rows > refusals) refusalsAmongOthers += 1;
          expect(room).toEqual(played.live[i - 1]!.room);
          // Same keys in the same order too: what an export, a hash or a snapshot writes.
          expect(JSON.stringify(room)).toBe(JSON.stringify(played.live[i - 1]!.room));
        }
        expect(room).toEqual(played.live[played.log.length - 1]!.room);
      }),
      { numRuns: 100 },
    );
    expect(longRuns).toBeGreaterThan(50); // runs of several rows were folded, not only runs of one
    expect(refusalsAmongOthers).toBeGreaterThan(20); // and refusals inside runs of batches
  });
});
