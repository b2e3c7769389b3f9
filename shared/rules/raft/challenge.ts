/**
 * Raft's *Break safety* (SPEC K2): two leaders in one term is what Election Safety forbids
 * (Figure 3); R4 (one vote per term) and R5 (a majority of the whole cluster) hold it. A
 * breach is looked for anyway: the challenge proves the engine by trying, not by trust.
 */
import type { AlgorithmChallenges } from '../challenge-hooks';
import type { ClusterState } from '../types';
import { nodeLabel } from './state';
import type { RaftCluster } from './types';

export const raftChallenges: AlgorithmChallenges = {
  breakSafetyGoal: () => 'Get two leaders in one term. Stand, vote twice, vote for a stale log: the server checks every move.',
  breach(event, after: ClusterState) {
    if (event.type !== 'LeaderElected') return null;
    const raft = (after as RaftCluster).raft;
    const twin = raft.findIndex((n, i) => i !== event.node && n.role === 'leader' && n.term === event.term);
    return twin === -1 ? null : { node: event.node, text: `${nodeLabel(event.node)} and ${nodeLabel(twin)} both lead term ${event.term}` };
  },
  held(event) {
    // Automatic refusals: a pre-vote refused (R9) and a vote request ignored under CheckQuorum (R10).
    if (event.type === 'PreVoteRefused') return { node: event.candidate, rule: 'R9' };
    if (event.type === 'VoteRequestIgnored') return { node: event.candidate, rule: 'R10' };
    return null;
  },
};
