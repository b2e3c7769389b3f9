/**
 * The replay player folds a team's consecutive batches as one run (shared/game/team-run.ts)
 * and copies room, round and team once when the run closes; the live game closes after every
 * batch. Wherever a run is closed, the room must be the one the live game folded row by row
 * at that row: the whole room (clusters, ticker, headline, who is away, recap, scores).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterEvents } from '../../../shared/game/events';
import { closeTeamRun, foldsAsRun, foldTeamRow, openTeamRun } from '../../../shared/game/team-run';
import { evolveRoom, type RoomState } from '../../../shared/room';
import { playRound, roundArb } from './random-round';

describe('a team\'s batches folded as one run', () => {
  it('closes, wherever it is closed, to the room the live game folded row by row', () => {
    let longRuns = 0;
    fc.assert(
      fc.property(roundArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (spec, cuts) => {
        const played = playRound(spec);
        let room: RoomState | null = null;
        let i = 0;
        while (i < played.log.length) {
          const event = played.log[i]!.event;
          if (event.type !== 'ClusterEvents' || !room || !foldsAsRun(room.round)) {
            room = evolveRoom(room, event);
            i += 1;
            continue;
          }
          const run = openTeamRun(room, event.team);
          do {
            foldTeamRow(run, played.log[i]!.event as ClusterEvents);
            i += 1;
          } while (!cuts[i % cuts.length] && played.log[i]?.event.type === 'ClusterEvents' && (played.log[i]!.event as ClusterEvents).team === event.team);
          room = closeTeamRun(run);
          if (run.rows > 1) longRuns += 1;
          expect(room).toEqual(played.live[i - 1]!.room);
        }
        expect(room).toEqual(played.live[played.log.length - 1]!.room);
      }),
      { numRuns: 100 },
    );
    expect(longRuns).toBeGreaterThan(50); // runs of several batches were folded, not only runs of one
  });
});
