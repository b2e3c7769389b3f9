/**
 * What an algorithm tells the challenge fold (shared/challenges, SPEC K1..K6) for
 * *Break safety*: the goal in its own words, which rule event would break its safety
 * (the class wins), and which automatic refusals show a rule holding. Each algorithm
 * answers in its own folder (shared/rules/<name>/challenge.ts); the fold never branches
 * on an algorithm's name.
 */
import type { ClusterState, Event, NodeIndex } from './types';

export interface AlgorithmChallenges {
  /** "Get two leaders in one term." Read with the round's parameters in force (e.g. Lease's fencing). */
  breakSafetyGoal(params: Record<string, unknown>): string;
  /** The rule event broke safety: a sentence for the projector ("B's stale write landed"), else null. */
  breach(event: Event, after: ClusterState): { node: NodeIndex; text: string } | null;
  /** The server refused something by itself (a service's answer, not a move): who tried and the rule that held. */
  held(event: Event): { node: NodeIndex; rule: string } | null;
}
