/**
 * Lease's duties for the scoring fold (SPEC S2, S3, S6): a renewal the lock service granted
 * before the lease expired (a late one is refused, L-rules), and the lead taken by acquiring
 * the lease. A lease that expires on its holder is a missed renewal and a lost lead.
 */
import type { AlgorithmScoring, ScoreMark } from '../scoring-hooks';

export const leaseScoring: AlgorithmScoring = {
  duties: {
    renew: { points: 5, one: 'renewed the lease before expiry', many: 'renewed the lease {n} times before expiry', missedOne: 'let the lease expire', missedMany: 'let the lease expire {n} times' },
  },
  moveNouns: { Acquire: 'acquire', Renew: 'renewal', Release: 'release', Write: 'write' },
  marks(batch) {
    const marks: ScoreMark[] = [];
    for (const event of batch.events) {
      if (event.type === 'LeaseRenewed') marks.push({ kind: 'duty', node: event.node, duty: 'renew', done: true });
      else if (event.type === 'LeaseExpired') marks.push({ kind: 'duty', node: event.node, duty: 'renew', done: false }, { kind: 'lead-lost', node: event.node });
      else if (event.type === 'LeaseAcquired') marks.push({ kind: 'lead', node: event.node });
      else if (event.type === 'LeaseReleased') marks.push({ kind: 'lead-lost', node: event.node });
    }
    return marks;
  },
};
