/**
 * The lecture's lease takeover (seed script, "LEASE: Time-limited lock"): A holds a 10 s
 * lease renewed every 3 s (its "renews it every 3 seconds") and crashes; with no renewal the lease expires and B claims it.
 * No vote: just expiration.
 */
import type { StoryInput } from './schema';

export const leaseTakeover: StoryInput = {
  id: 'lease-takeover',
  title: 'Lease: the holder crashes',
  shows: 'A holds a 10 s lease renewed every 3 s and crashes; the lease expires and B claims it, no vote needed.',
  lesson: 'A lease needs no election: if the holder stops renewing, the lock expires and someone else claims it.',
  algorithm: 'lease',
  preset: 'lease-lecture',
  // The lecture's "10 seconds, renews every 3 seconds": a student has 5 s to renew before its own deadline (8 s).
  params: { retryPeriodMs: 3000 },
  network: { delayMs: 300, jitterMs: 0, dropRate: 0 },
  nodes: 5,
  seed: 5005,
  beats: [
    {
      id: 'acquire',
      cue: 'The lock is free. A: acquire the lease (10 s, renewed every 3 s).',
      nodes: { 0: { text: 'The lock is free: acquire the lease.', move: { type: 'Acquire' } } },
      until: { kind: 'event', type: 'LeaseAcquired', node: 0 },
    },
    {
      id: 'renew',
      cue: 'A leads and renews its lease every 3 s.',
      nodes: { 0: { text: 'Renew your lease when your reminder runs out.', move: { type: 'Renew' }, duty: true } },
      until: { kind: 'event', type: 'LeaseRenewed', node: 0 },
    },
    {
      id: 'crash',
      cue: 'A crashed: no more renewals. B: ask for the lease — the lock service says yes only once A\'s lease has expired.',
      faults: [{ type: 'CrashNode', node: 0 }],
      nodes: { 1: { text: 'Ask for the lease, and again when refused: it is yours once A\'s expires.', move: { type: 'Acquire' } } },
      until: { kind: 'event', type: 'LeaseAcquired', node: 1 },
      punches: [{ text: 'B holds the lease (token 2): 10 s without a renewal, and the lock was free. No vote needed.', when: { kind: 'event', type: 'LeaseAcquired', node: 1 } }],
    },
    {
      id: 'b-leads',
      cue: 'B leads now and renews every 3 s.',
      nodes: { 1: { text: 'Renew your lease when your reminder runs out.', move: { type: 'Renew' }, duty: true } },
      until: { kind: 'elapsed', ms: 5000 },
    },
  ],
};
