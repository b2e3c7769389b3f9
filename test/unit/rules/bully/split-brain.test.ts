/**
 * Issue 8: the projector's split-brain alert fires whenever two Bully nodes act as
 * coordinator at once (the old one cut off by a partition, a new one elected by the rest).
 */
import { describe, expect, it } from 'vitest';
import { bullyTeam, actingCoordinators } from '../../../../shared/rules/bully/screen';
import { act, tickTo } from '../harness';
import { R, bully, declare, startBully, startElection } from './helpers';

describe('Bully split brain on the projector', () => {
  it('one coordinator: no alert', () => {
    const run = startBully(5);
    tickTo(run, 3_000);
    expect(actingCoordinators(bully(run))).toEqual([R(5)]);
    expect(bullyTeam(bully(run)).alerts).toEqual([]);
  });

  it('5 cut off by a partition while 4 wins an election: the alert names both, and it clears when 5 crashes', () => {
    const run = startBully(5);
    act(run, { type: 'Partition', groups: [[R(1), R(2), R(3), R(4)], [R(5)]] });
    tickTo(run, 15_000); // the others suspect 5 (B8)
    startElection(run, 4);
    tickTo(run, 31_000); // T runs out with no answer from above (B3)
    declare(run, 4);
    expect(actingCoordinators(bully(run))).toEqual([R(4), R(5)]);
    expect(bullyTeam(bully(run)).alerts).toEqual(['Split brain: 4 and 5 both act as coordinator at once.']);
    act(run, { type: 'CrashNode', node: R(5) });
    expect(bullyTeam(bully(run)).alerts).toEqual([]);
  });
});
