/** The GC-pause story without fencing: both leaders' writes land (split brain, data corruption). */
import { GC_BEATS_BEFORE_WAKE, TWO_LEADERS_PUNCH, WAKE } from './gc-pause-beats';
import type { StoryInput } from './schema';

const STALE_WRITE_OF_A = { kind: 'event' as const, type: 'StorageWriteAccepted', node: 0, fields: { stale: true } };

export const leaseGcUnfenced: StoryInput = {
  id: 'lease-gc-unfenced',
  title: 'Lease: 8 s GC pause, no fencing',
  shows: 'A pauses 8 s against a 5 s lease; B takes over and writes; A wakes and writes too: split brain.',
  lesson: 'A lease alone cannot stop a paused leader: after an 8 s pause it still believes it leads, and without fencing its writes land.',
  algorithm: 'lease',
  preset: 'lease-gc-unfenced',
  params: { renewDeadlineMs: 4_800 },
  network: { delayMs: 200, jitterMs: 0, dropRate: 0 },
  nodes: 5,
  seed: 8008,
  beats: [
    ...GC_BEATS_BEFORE_WAKE,
    {
      ...WAKE,
      nodes: {
        ...WAKE.nodes,
        // "Two leaders. Both writing." (seed script): B writes again while A writes too, so the
        // split brain is seen even when A's belief began afresh at its wake-up (a late renewal).
        1: { text: 'You hold the lease: write "b2" (and renew when your reminder runs out).', move: { type: 'Write', value: 'b2' }, keepDuties: true, done: { kind: 'event', type: 'StorageWriteAccepted', node: 1 } },
      },
      // The split-brain alert ends the beat. Should B's belief have ended before A's began
      // afresh (both students very late), the monitor sees no overlap of writes: the stale
      // write has still landed, so the story ends 6 s after the wake-up instead of waiting for ever.
      until: { kind: 'any', of: [{ kind: 'event', type: 'SplitBrainDetected' }, { kind: 'all', of: [STALE_WRITE_OF_A, { kind: 'elapsed', ms: 6000 }] }] },
      punches: [TWO_LEADERS_PUNCH, { text: 'Stale write accepted: A wrote with token 1 after B wrote with token 2. Split brain: data corruption.', when: STALE_WRITE_OF_A }],
    },
  ],
};
