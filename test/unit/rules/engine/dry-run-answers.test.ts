/**
 * A move a phone shows as allowed is exactly one the server accepts: `answeredMoves`
 * answers through `decideAnswer` (a dry run that stops at the first event), and for random
 * rounds of all three algorithms every answer must equal the full `decide`'s, refusal
 * wording included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answeredMoves } from '../../../../shared/rules/answered-moves';
import { decide } from '../../../../shared/rules/engine';
import { playRound, roundArb } from '../../replay/random-round';

describe('the dry run behind a phone\'s buttons', () => {
  it('answers every listed move as the full decide does, in random rounds of raft, bully and lease', () => {
    let compared = 0;
    let allowedSeen = 0;
    fc.assert(
      fc.property(roundArb, (spec) => {
        const played = playRound(spec);
        // Every third state keeps the run short; all the round's clusters and nodes are checked.
        for (let row = 0; row < played.live.length; row += 3) {
          const round = played.live[row]!.room.round;
          if (!round) continue;
          for (const team of round.teams) {
            for (let node = 0; node < team.cluster.nodes.length; node++) {
              for (const move of answeredMoves(team.cluster, node)) {
                const full = decide(team.cluster, move.command);
                expect({ allowed: move.allowed, refusal: move.refusal }).toEqual({ allowed: full.ok, refusal: full.ok ? null : full.refusal });
                compared++;
                if (move.allowed) allowedSeen++;
              }
            }
          }
        }
      }),
      { numRuns: 60 },
    );
    // Both answers occur, so the comparison covered accepted and refused moves alike.
    expect(allowedSeen).toBeGreaterThan(0);
    expect(compared).toBeGreaterThan(allowedSeen);
  });
});
