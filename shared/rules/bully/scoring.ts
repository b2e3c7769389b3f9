/**
 * Bully's duties for the scoring fold (SPEC S2, S3, S6): answering an ELECTION from a lower
 * node (B3), the coordinator's "I'm alive" sent by the player, and the lead taken by
 * announcing COORDINATOR. A node suspecting its coordinator shows a missed "I'm alive".
 */
import type { AlgorithmScoring, ScoreMark } from '../scoring-hooks';

export const bullyScoring: AlgorithmScoring = {
  duties: {
    answer: { points: 5, one: 'answered an election in time', many: 'answered {n} elections in time', missedOne: 'missed an answer', missedMany: 'missed {n} answers' },
    alive: { points: 2, one: "sent an \"I'm alive\" in time", many: "sent {n} \"I'm alive\" in time", missedOne: "let a node suspect you", missedMany: 'let nodes suspect you {n} times' },
  },
  moveNouns: { SendAlive: "\"I'm alive\"", StartElection: 'election', Answer: 'answer', DeclareCoordinator: 'declaration' },
  marks(batch, leader) {
    const marks: ScoreMark[] = [];
    for (const event of batch.events) {
      if (event.type === 'ElectionAnswered' && batch.cause === 'move' && event.node === batch.node) {
        marks.push({ kind: 'duty', node: event.node, duty: 'answer', done: true });
      } else if (batch.cause === 'move' && event.type === 'MessagesSent' && batch.node !== undefined && batch.node === leader) {
        if (event.messages.some((m) => m.from === batch.node && m.payload.kind === 'ALIVE')) marks.push({ kind: 'duty', node: batch.node, duty: 'alive', done: true });
      } else if (event.type === 'CoordinatorSuspected' && event.coordinator === leader) {
        marks.push({ kind: 'duty', node: event.coordinator, duty: 'alive', done: false });
      } else if (event.type === 'CoordinatorAnnounced') {
        marks.push({ kind: 'lead', node: event.node });
      }
    }
    return marks;
  },
};
