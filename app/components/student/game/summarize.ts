/** The phone's summary of its node, by the algorithm the node's view belongs to. */
import type { GameSeatView } from '@/shared/game/seat-view';
import { bullySummary } from './bully-summary';
import { leaseSummary } from './lease-summary';
import type { NodeSummary } from './node-summary';
import { raftSummary } from './raft-summary';

export function summarize(view: GameSeatView): NodeSummary | null {
  const node = view.node;
  if (!node) return null;
  if (node.algorithm === 'raft') return raftSummary(node, view);
  if (node.algorithm === 'bully') return bullySummary(node, view);
  return leaseSummary(node, view);
}
