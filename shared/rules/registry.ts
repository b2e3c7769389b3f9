/** Which rules govern which algorithm. */
import type { AlgorithmRules } from './algorithm';
import type { Algorithm, ClusterState, Command } from './types';
import { raftRules } from './raft/rules';
import { bullyRules } from './bully/rules';
import { leaseRules } from './lease/rules';

export interface RegisteredRules extends AlgorithmRules<ClusterState, Command> {
  init(core: import('./types').ClusterCore, params: Record<string, unknown> | undefined): ClusterState;
}

// The casts erase each algorithm's narrower state type; the engine only hands a rules
// object the states whose `algorithm` matches it.
export const RULES: Record<Algorithm, RegisteredRules> = {
  raft: raftRules as unknown as RegisteredRules,
  bully: bullyRules as unknown as RegisteredRules,
  lease: leaseRules as unknown as RegisteredRules,
};
