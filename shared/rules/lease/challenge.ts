/**
 * Lease's *Break safety* (SPEC K2): land a stale write, i.e. storage accepts a write whose
 * fencing token is older than one it already accepted (Kleppmann's paused client). With
 * fencing off it can be done; with fencing on storage refuses it (L5) and the projector
 * shows the rule that held, as it does for the lock service's refusals (L1 to L4).
 */
import type { AlgorithmChallenges } from '../challenge-hooks';
import { who as nodeLabel } from './format';

export const leaseChallenges: AlgorithmChallenges = {
  breakSafetyGoal: (params) =>
    params.fencing === false
      ? 'Land a stale write: a leader whose lease ran out writes anyway. Fencing is off: storage takes any token.'
      : 'Try to land a stale write: fencing is on, so storage refuses any token older than one it took (L5).',
  breach(event) {
    if (event.type !== 'StorageWriteAccepted' || !event.stale) return null;
    return { node: event.node, text: `${nodeLabel(event.node)}'s stale write "${event.value}" (token ${event.token}) landed` };
  },
  held(event) {
    if (event.type === 'StorageWriteRefused') return { node: event.node, rule: 'L5' };
    if (event.type === 'LeaseRequestRefused') return { node: event.node, rule: event.rule };
    return null;
  },
};
