/**
 * SPEC S2, S3, S6 per algorithm: each module's scoring (shared/rules/<name>/scoring.ts)
 * reads a logged batch into duties done or missed and leads.
 */
import { describe, expect, it } from 'vitest';
import { algorithmModule } from '../../../shared/rules/registry';
import type { ScoredBatch } from '../../../shared/rules/scoring-hooks';
import type { Event } from '../../../shared/rules/types';

const marks = (algorithm: string, batch: ScoredBatch, leader: number | null = null) => algorithmModule(algorithm).scoring!.marks(batch, leader);
const ev = (e: Record<string, unknown>) => e as unknown as Event;

describe('per-algorithm duties (SPEC S2, S3, S6)', () => {
  it('S2 Bully: an answer to an ELECTION made by the player is a duty done', () => {
    expect(marks('bully', { cause: 'move', node: 3, events: [ev({ type: 'ElectionAnswered', node: 3, to: 1, round: 1 })] })).toEqual([{ kind: 'duty', node: 3, duty: 'answer', done: true }]);
  });
  it('S6 Bully: a node suspecting the coordinator shows a missed "I\'m alive"', () => {
    expect(marks('bully', { cause: 'tick', events: [ev({ type: 'CoordinatorSuspected', node: 1, coordinator: 4 })] }, 4)).toEqual([{ kind: 'duty', node: 4, duty: 'alive', done: false }]);
  });
  it('S3 Bully: announcing COORDINATOR takes the lead', () => {
    expect(marks('bully', { cause: 'move', node: 4, events: [ev({ type: 'CoordinatorAnnounced', node: 4, round: 2 })] })).toEqual([{ kind: 'lead', node: 4 }]);
  });
  it('S2/S6 Lease: a renewal granted is a duty done; an expiry is a missed renewal and a lost lead', () => {
    expect(marks('lease', { cause: 'tick', events: [ev({ type: 'LeaseRenewed', node: 2, version: 3, expiresAt: 1 })] })).toEqual([{ kind: 'duty', node: 2, duty: 'renew', done: true }]);
    expect(marks('lease', { cause: 'tick', events: [ev({ type: 'LeaseExpired', node: 2, at: 9 })] })).toEqual([
      { kind: 'duty', node: 2, duty: 'renew', done: false },
      { kind: 'lead-lost', node: 2 },
    ]);
  });
  it('S6 Raft: a follower timing out under a leader is the leader\'s missed heartbeat; a vote arriving by tick is not a player\'s duty', () => {
    expect(marks('raft', { cause: 'tick', events: [ev({ type: 'ElectionTimerExpired', node: 2 })] }, 0)).toEqual([{ kind: 'duty', node: 0, duty: 'heartbeat', done: false }]);
    expect(marks('raft', { cause: 'tick', events: [ev({ type: 'VoteGranted', node: 2, candidate: 1, term: 2 })] })).toEqual([]);
  });
  it('every registered algorithm with scoring words its duties', () => {
    for (const name of ['raft', 'bully', 'lease']) {
      for (const words of Object.values(algorithmModule(name).scoring!.duties)) expect(words.many).toContain('{n}');
    }
  });
});
