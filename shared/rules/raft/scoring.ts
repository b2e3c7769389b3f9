/**
 * Raft's duties for the scoring fold (SPEC S2, S3, S6): a leader's heartbeat (R6) sent by
 * the player, a vote granted to a candidate whose log is up to date (the engine refuses any
 * other vote, R4), and the lead won with a majority (R5). A follower whose election timer
 * runs out while a leader is in office shows that leader missed a heartbeat.
 */
import type { AlgorithmScoring, ScoreMark } from '../scoring-hooks';

export const raftScoring: AlgorithmScoring = {
  duties: {
    heartbeat: { points: 2, one: 'sent a heartbeat in time', many: 'sent {n} heartbeats in time', missedOne: 'let a follower time out', missedMany: 'let followers time out {n} times' },
    vote: { points: 5, one: 'voted for an up-to-date candidate', many: 'voted for {n} up-to-date candidates', missedOne: 'missed a vote', missedMany: 'missed {n} votes' },
  },
  moveNouns: { StandForElection: 'candidacy', GrantVote: 'vote', RefuseVote: 'vote refusal', SendHeartbeat: 'heartbeat', WriteCommand: 'write' },
  marks(batch, leader) {
    const marks: ScoreMark[] = [];
    for (const event of batch.events) {
      if (batch.cause === 'move' && event.type === 'MessagesSent' && batch.node !== undefined) {
        const beats = event.messages.some((m) => m.from === batch.node && m.payload.kind === 'AppendEntries');
        // Only a leader's heartbeat is accepted (R6): it shows who is in office, e.g. the lecture's A.
        if (beats) marks.push({ kind: 'in-office', node: batch.node }, { kind: 'duty', node: batch.node, duty: 'heartbeat', done: true });
      } else if (event.type === 'VoteGranted' && batch.cause === 'move' && event.node === batch.node) {
        marks.push({ kind: 'duty', node: event.node, duty: 'vote', done: true });
      } else if (event.type === 'ElectionTimerExpired' && leader !== null && event.node !== leader) {
        marks.push({ kind: 'duty', node: leader, duty: 'heartbeat', done: false });
      } else if (event.type === 'LeaderElected') {
        marks.push({ kind: 'lead', node: event.node });
      } else if (event.type === 'LeaderSteppedDown') {
        marks.push({ kind: 'lead-lost', node: event.node });
      }
    }
    return marks;
  },
};
