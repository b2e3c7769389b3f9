/**
 * Lease's marks on the replay scrubber (shared/rules/replay-hooks.ts): who took the lease,
 * and a handover when it changed hands (more than one transition of the lock).
 */
import type { AlgorithmReplayMarkers } from '../replay-hooks';
import type { LeaseCluster } from './types';

export const leaseReplayMarkers: AlgorithmReplayMarkers<LeaseCluster> = {
  marking: ['LeaseAcquired'],
  event(event, _after, label) {
    if (event.type !== 'LeaseAcquired') return null;
    const who = label(event.node);
    if (event.transitions > 1) return { kind: 'handover', node: event.node, text: `Lease handed over to ${who} (token ${event.token})` };
    return { kind: 'leader', node: event.node, text: `${who} holds the lease` };
  },
};
