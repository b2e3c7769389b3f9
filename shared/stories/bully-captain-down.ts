/**
 * The lecture's Bully story (seed script, "BULLY: Highest ID wins"): coordinator 5 crashes;
 * 4, the highest live rank, hears no answer from above and declares itself. Timers short
 * enough for a lesson: "I'm alive" every 2 s, suspicion after 5 s, T = 3 s.
 */
import type { StoryInput } from './schema';

export const bullyCaptainDown: StoryInput = {
  id: 'bully-captain-down',
  title: 'Bully: 5 crashes, 4 wins',
  shows: 'Coordinator 5 crashes; 4 elects itself because nobody higher answers.',
  lesson: 'Bully needs no vote: the highest live rank wins, as soon as nobody above it answers within T.',
  algorithm: 'bully',
  preset: 'bully-classroom',
  params: { heartbeatMs: 2000, suspicionMs: 5000, answerTimeoutMs: 3000, coordinatorTimeoutMs: 8000 },
  network: { delayMs: 500, jitterMs: 0, dropRate: 0 },
  nodes: 5,
  seed: 4004,
  beats: [
    {
      id: 'coordinator',
      cue: '5, the highest rank, is coordinator and says "I\'m alive" every 2 s.',
      nodes: { 4: { text: 'You are coordinator: say "I\'m alive" whenever it is due.', move: { type: 'SendAlive' }, duty: true } },
      until: { kind: 'elapsed', ms: 7000 },
    },
    {
      id: 'crash',
      cue: 'Coordinator 5 crashed. 4 notices the silence: 4, start an election (ELECTION goes only to ranks above: 5).',
      faults: [{ type: 'CrashNode', node: 4 }],
      nodes: { 3: { text: 'No "I\'m alive" from 5: when you suspect it, start an election.', move: { type: 'StartElection' } } },
      until: { kind: 'event', type: 'BullyElectionStarted', node: 3 },
    },
    {
      id: 'declare',
      cue: 'Nobody above 4 answers: 5 is down. When T runs out, 4 declares itself coordinator.',
      nodes: { 3: { text: 'Nobody higher answered: when T runs out, declare yourself coordinator.', move: { type: 'DeclareCoordinator' } } },
      until: { kind: 'event', type: 'CoordinatorAnnounced', node: 3 },
      punches: [{ text: '4 is coordinator: the highest live rank wins.', when: { kind: 'event', type: 'CoordinatorAnnounced', node: 3 } }],
    },
    {
      id: 'after',
      cue: '4 tells everyone; 1, 2 and 3 accept 4 and hear its "I\'m alive".',
      nodes: { 3: { text: 'You are coordinator: say "I\'m alive" whenever it is due.', move: { type: 'SendAlive' }, duty: true } },
      until: { kind: 'elapsed', ms: 5000 },
    },
  ],
};
