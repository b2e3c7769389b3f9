/** How Lease's ticker lines rank (shared/rules/ticker-rank.ts): a stale write is the alarm, renewals group. */
import { ALARM, HEADLINE, NOTABLE, routine, type TickerRank } from '../ticker-rank';
import type { Event, NodeIndex } from '../types';
import { who } from './format';
import type { LeaseCluster } from './types';

export function rankLeaseEvent(event: Event, _before: LeaseCluster, after: LeaseCluster): TickerRank | null {
  switch (event.type) {
    case 'SplitBrainDetected':
      return ALARM;
    case 'StorageWriteAccepted':
      return event.stale ? ALARM : routine(`write:${event.node}`, `${who(event.node)} wrote {n} times with token ${event.token}: accepted (L5).`);
    case 'StorageWriteRefused':
    case 'LeaseAcquired':
    case 'LeaseExpired':
      return HEADLINE;
    case 'NodeResumed':
      // Woke from a pause still believing it leads: the stale leader of the lecture.
      return after.clients[event.node]?.leading ? HEADLINE : NOTABLE;
    case 'LeaseRenewed':
      return routine(`renew:${event.node}`, `${who(event.node)} renewed the lease {n} times (L2).`);
    default:
      return null; // the common faults rank themselves (shared/game/ticker.ts)
  }
}

/**
 * Live nodes that believe they lead: the lock's holder, and anyone whose belief outlived
 * its lease (L6). A frozen node believes but cannot act: it counts again when it wakes.
 */
export function leaseActingLeaders(state: LeaseCluster): NodeIndex[] {
  // The game asks after every logged batch (issue 7's fold: about 480,000 times an hour), and
  // most batches keep both arrays (evolve never mutates: a change makes new arrays), so the
  // last answer is kept, keyed by their identity, as shared/rules/leader-reading.ts does for
  // Raft and Bully. Frozen: one answer is handed to every caller (the recap keeps it).
  if (state.clients === memo.clients && state.nodes === memo.nodes) return memo.leaders as NodeIndex[];
  const leaders: NodeIndex[] = [];
  for (let i = 0; i < state.clients.length; i++) if (state.clients[i]!.leading && state.nodes[i]?.status === 'live') leaders.push(i);
  memo = { clients: state.clients, nodes: state.nodes, leaders: Object.freeze(leaders) };
  return leaders;
}

let memo: { clients: LeaseCluster['clients'] | null; nodes: LeaseCluster['nodes'] | null; leaders: readonly NodeIndex[] } = { clients: null, nodes: null, leaders: [] };
