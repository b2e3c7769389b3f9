/** How Lease's ticker lines rank (shared/rules/ticker-rank.ts): a stale write is the alarm, renewals group. */
import { ALARM, HEADLINE, NOTABLE, routine, type TickerRank } from '../ticker-rank';
import type { Event, NodeIndex } from '../types';
import { readOnArrays } from '../leader-reading';
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
  return actingLeaders(state) as NodeIndex[];
}

// The game asks after every logged batch (issue 7's fold: about 480,000 times an hour), and
// most batches keep both arrays, so the answer is read once per pair (leader-reading.ts).
const actingLeaders = readOnArrays(
  (state: LeaseCluster) => state.clients,
  (clients, nodes) => {
    const leaders: NodeIndex[] = [];
    for (let i = 0; i < clients.length; i++) if (clients[i]!.leading && nodes[i]?.status === 'live') leaders.push(i);
    return Object.freeze(leaders);
  },
);
