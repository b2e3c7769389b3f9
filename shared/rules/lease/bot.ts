/**
 * Lease for autopilot bots: a node that has never heard from the lock service (no reply
 * yet, so its phone cannot draw "acquire" urgent) tries to acquire, as a student told
 * "someone must take the lease" would. Reads the node's own view only.
 */
import type { LeaseNodeView } from './view';

export const leaseBot = {
  duties(node: LeaseNodeView | null): string[] {
    if (!node || node.leading || node.knownVersion > 0 || node.knownHolder !== null) return [];
    return ['Acquire'];
  },
};
