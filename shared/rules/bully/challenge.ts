/**
 * Bully's *Break safety* (SPEC K2): two live nodes acting as coordinator at once. Unlike
 * Raft, Bully can be broken: its promise holds only in a synchronous world (B7/B8 cannot
 * tell a slow or cut-off node from a dead one), so a partition or a pause can do it.
 */
import type { AlgorithmChallenges } from '../challenge-hooks';
import type { ClusterState } from '../types';
import { actingCoordinators } from './screen';
import { rankLabel } from '../labels';
import type { BullyCluster } from './types';

export const bullyChallenges: AlgorithmChallenges = {
  breakSafetyGoal: () => 'Get two coordinators at once. Bully trusts time: a partition or a pause may fool it.',
  breach(event, after: ClusterState) {
    if (event.type !== 'CoordinatorAnnounced' && event.type !== 'NodeResumed' && event.type !== 'PartitionHealed') return null;
    const acting = actingCoordinators(after as BullyCluster);
    return acting.length < 2 ? null : { node: acting[acting.length - 1]!, text: `${acting.map(rankLabel).join(' and ')} act as coordinator at once` };
  },
  held: () => null,
};
