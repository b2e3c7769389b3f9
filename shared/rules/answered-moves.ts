/**
 * A node's moves with the law's answer to each: a dry run of the engine's `decide`, so a
 * button is greyed for exactly the reason a click would be refused (the rules live in one
 * place only). The algorithm's module lists the moves; the engine judges them. The dry run
 * (`decideAnswer`) stops at the first event instead of evolving the cluster, which on a
 * 300-node cluster was a copy per allowed move (issue 12).
 */
import { decideAnswer } from './engine';
import type { AnsweredMove } from './module';
import { algorithmModule } from './registry';
import type { ClusterState, NodeIndex } from './types';

export function answeredMoves(state: ClusterState, index: NodeIndex): AnsweredMove[] {
  return algorithmModule(state.algorithm).seat.moves(state, index).map((choice) => {
    const decision = decideAnswer(state, choice.command);
    return { ...choice, allowed: decision.ok, refusal: decision.ok ? null : decision.refusal };
  });
}
