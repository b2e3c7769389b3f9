/** The GC-pause story with fencing on: storage refuses A's stale token (Kleppmann's fencing token). */
import { GC_BEATS_BEFORE_WAKE, TWO_LEADERS_PUNCH, WAKE } from './gc-pause-beats';
import type { StoryInput } from './schema';

export const leaseGcFenced: StoryInput = {
  id: 'lease-gc-fenced',
  title: 'Lease: 8 s GC pause, fencing on',
  shows: 'A pauses 8 s against a 5 s lease; B takes over; A wakes and writes with an old token, and storage refuses it.',
  lesson: 'A paused leader cannot know it was replaced; the storage must check a fencing token, refusing any older than the newest it saw.',
  algorithm: 'lease',
  preset: 'lease-gc-fenced',
  params: { renewDeadlineMs: 4_800 },
  network: { delayMs: 200, jitterMs: 0, dropRate: 0 },
  nodes: 5,
  seed: 7007,
  beats: [
    ...GC_BEATS_BEFORE_WAKE,
    {
      ...WAKE,
      until: { kind: 'event', type: 'StorageWriteRefused', node: 0 },
      punches: [TWO_LEADERS_PUNCH, { text: 'The storage refused token 1: fencing. It had seen token 2, so A\'s stale write never lands.', when: { kind: 'event', type: 'StorageWriteRefused', node: 0 } }],
    },
    {
      id: 'fenced',
      cue: 'Refused, A learns a newer leader exists and steps down. One leader again, and no data corrupted.',
      nodes: { 1: { text: 'Renew your lease when your reminder runs out.', move: { type: 'Renew' }, duty: true } },
      until: { kind: 'elapsed', ms: 4000 },
    },
  ],
};
