/**
 * A node's moves with the law's answer to each: a dry run of the engine's `decide`, so a
 * button is greyed for exactly the reason a click would be refused (the rules live in one
 * place only). The algorithm's module lists the moves; the engine judges them.
 */
import { decide } from './engine';
import type { AnsweredMove } from './module';
import { algorithmModule } from './registry';
import type { ClusterState, NodeIndex } from './types';

export function answeredMoves(state: ClusterState, index: NodeIndex): AnsweredMove[] {
  return algorithmModule(state.algorithm).seat.moves(state, index).map((choice) => {
    const decision = decide(state, choice.command);
    return { ...choice, allowed: decision.ok, refusal: decision.ok ? null : decision.refusal };
  });
}
