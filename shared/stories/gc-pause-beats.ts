/**
 * The beats both GC-pause stories share (seed script, "What could go wrong?"): A holds a
 * 5 s lease renewed every 2 s, writes, renews, then its JVM stops the world for 8 s; B
 * takes the lease and writes; A wakes up still believing it leads and writes again.
 * The pause is ended by a beat that waits for B's write AND for 8 s since the pause began,
 * so the numbers hold at 1x whatever the students' pace.
 */
import type { StoryInput } from './schema';

type Beats = StoryInput['beats'];

/**
 * A holder whose own clock ended its belief gets it back by acquiring: the service, which
 * still names it, renews it. Only in beats that begin once the node believes it leads (not
 * while its grant is still on the wire, when a glowing Acquire would be a wrong click), and
 * never for B after A wakes: a B that acquired again would begin a new belief, and the split
 * brain is B's belief with its write overlapping A's.
 */
const ACQUIRE_AGAIN = { type: 'Acquire' } as const;
const A_ACQUIRED = { kind: 'event' as const, type: 'LeaseAcquired', node: 0 };

/**
 * Readies A's student while frozen: after waking, A's own clock ends its belief within the
 * renew deadline minus the moment between its renewal and the pause (4.8 s - 0.2 s in these
 * stories, whose renew deadline is raised from the preset's 4 s), and a 5 s lease allows no
 * more: the renew deadline must stay under the lease (shared/rules/lease/params.ts). A student
 * who waits for the button to light, on a phone that redraws late, may miss it.
 */
const FROZEN_A = { text: 'You are frozen in a GC pause: nothing you tap happens. Get ready: the moment you wake, tap Write at once.' };

export const GC_BEATS_BEFORE_WAKE: Beats = [
  {
    id: 'acquire',
    cue: 'The lock is free. A: acquire the lease (5 s, renewed every 2 s).',
    nodes: { 0: { text: 'The lock is free: acquire the lease.', move: { type: 'Acquire' }, done: A_ACQUIRED } },
    // The next beat begins once A's grant arrived and A believes it leads, so there a Write
    // that is not allowed means A's belief ended: the way back (acquire again) is then right.
    until: { kind: 'event', type: 'LeadershipBelieved', node: 0 },
  },
  {
    id: 'a-writes',
    cue: 'A leads with fencing token 1 and writes to storage.',
    nodes: { 0: { text: 'You lead: write "a1" to storage (and renew when your reminder runs out).', move: { type: 'Write', value: 'a1' }, keepDuties: true, orElse: ACQUIRE_AGAIN } },
    until: { kind: 'event', type: 'StorageWriteAccepted', node: 0 },
  },
  {
    id: 'a-renews',
    cue: 'A renews its lease every 2 s.',
    // Renew at once, not at the reminder: the reminder leaves 2 s before A's own clock ends its
    // belief (renew deadline 4 s), and a student who looks up late would lose the lease and the
    // story with it. The pause then begins while A surely believes it leads.
    nodes: { 0: { text: 'Renew your lease now, as a holder does every 2 s.', move: { type: 'Renew' }, orElse: ACQUIRE_AGAIN } },
    until: { kind: 'event', type: 'LeaseRenewed', node: 0 },
  },
  {
    id: 'gc-pause',
    cue: 'Stop the world: A\'s JVM collects garbage for 8 s and sends nothing. B: ask for the lease — it is yours once A\'s expires.',
    faults: [{ type: 'PauseNode', node: 0 }],
    nodes: {
      0: FROZEN_A,
      1: { text: 'Ask for the lease, and again when refused: it is yours once A\'s expires.', move: { type: 'Acquire' }, done: { kind: 'event', type: 'LeaseAcquired', node: 1 } },
    },
    until: { kind: 'event', type: 'LeadershipBelieved', node: 1 },
  },
  {
    id: 'b-writes',
    cue: 'B holds the lease with token 2 and writes to storage. A is still frozen: A, be ready to write the moment you wake.',
    nodes: {
      0: FROZEN_A,
      1: { text: 'You lead: write "b1" to storage (and renew when your reminder runs out).', move: { type: 'Write', value: 'b1' }, keepDuties: true, orElse: ACQUIRE_AGAIN, done: { kind: 'event', type: 'StorageWriteAccepted', node: 1 } },
    },
    until: { kind: 'all', of: [{ kind: 'event', type: 'StorageWriteAccepted', node: 1 }, { kind: 'elapsed', ms: 8000, since: 'gc-pause' }] },
  },
];

export const TWO_LEADERS_PUNCH = {
  text: 'Two leaders at once: A still writes with token 1 while B holds the lease with token 2.',
  when: { kind: 'all' as const, of: [{ kind: 'role' as const, node: 0, role: 'stale' }, { kind: 'role' as const, node: 1, role: 'holder' }] },
};

export const WAKE = {
  id: 'wake',
  cue: 'A\'s GC pause ends after 8 s. Its clock lost 8 s, so A still believes it leads — and writes.',
  faults: [{ type: 'ResumeNode' as const, node: 0 }],
  nodes: {
    0: { text: 'You woke up and still believe you lead: write "a2".', move: { type: 'Write', value: 'a2' } },
    // The real holder keeps renewing, so B holds the lease while A acts as leader (no way back: see ACQUIRE_AGAIN).
    1: { text: 'You hold the lease: renew it when your reminder runs out.', move: { type: 'Renew' }, duty: true },
  },
};
