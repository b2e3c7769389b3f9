/**
 * The lecture's "Let's think together": a 10 s lease whose renewal arrives late. The host
 * slows A's link to the lock service (the renewal arrives after the expiry: refused, L2, a
 * false failover) and A's clock runs slow, so A's own renew deadline (L6) comes late:
 * while B holds the lease A still believes it leads. Two leaders, with A alive all along.
 */
import type { StoryInput } from './schema';

export const leaseLateRenewal: StoryInput = {
  id: 'lease-late-renewal',
  title: 'Lease: the renewal arrives late',
  shows: 'A slow link makes A\'s renewal arrive after its lease expired; B takes over while A, its clock slow, still believes it leads.',
  lesson: 'A lease is judged by the lock service\'s clock: a late renewal is a false failover, and a slow clock makes the old leader keep acting.',
  algorithm: 'lease',
  preset: 'lease-lecture',
  params: {},
  network: { delayMs: 300, jitterMs: 0, dropRate: 0 },
  nodes: 5,
  seed: 6006,
  beats: [
    {
      id: 'acquire',
      cue: 'The lock is free. A: acquire the lease (10 s, renewed every 5 s).',
      nodes: { 0: { text: 'The lock is free: acquire the lease.', move: { type: 'Acquire' } } },
      until: { kind: 'event', type: 'LeaseAcquired', node: 0 },
    },
    {
      id: 'slow',
      cue: 'A storm: A\'s link to the lock service now takes 2.5 s each way, and A\'s clock runs at half speed. A: renew when your reminder says so. B: keep asking for the lease.',
      faults: [{ type: 'SetLink', from: 0, to: -1, delayMs: 2500, bothWays: true }, { type: 'SkewClock', node: 0, rate: 0.5 }],
      nodes: {
        0: { text: 'Renew your lease when your reminder runs out.', move: { type: 'Renew' }, duty: true },
        1: { text: 'Ask for the lease, and again when refused: it is yours once A\'s expires.', move: { type: 'Acquire' } },
      },
      until: { kind: 'event', type: 'LeaseAcquired', node: 1 },
      punches: [{
        text: 'Two leaders at once: B holds the lease while A, its renewal late and its clock slow, still believes it leads.',
        when: { kind: 'all', of: [{ kind: 'role', node: 0, role: 'stale' }, { kind: 'role', node: 1, role: 'holder' }] },
      }],
    },
    {
      id: 'found-out',
      cue: 'A finally learns the truth (a refusal, or its own deadline): it stops leading. A false failover: A was alive all along.',
      nodes: { 1: { text: 'Renew your lease when your reminder runs out.', move: { type: 'Renew' }, duty: true } },
      until: { kind: 'event', type: 'LeadershipLost', node: 0 },
      punches: [{ text: 'A stopped leading, seconds after B took over: its renewal came too late for the lock service\'s clock. A false failover: A was alive all along.', when: { kind: 'event', type: 'LeadershipLost', node: 0 } }],
    },
  ],
};
