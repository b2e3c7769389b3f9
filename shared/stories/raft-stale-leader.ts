/**
 * A stale leader in a minority partition: the network cuts A and B off from C, D and E;
 * the majority elects C for term 2 while A still leads term 1 on its side; when the
 * network heals, C's heartbeat of term 2 makes A step down (R1).
 */
import type { StoryInput } from './schema';

export const raftStaleLeader: StoryInput = {
  id: 'raft-stale-leader',
  title: 'Raft: a stale leader in a minority',
  shows: 'A partition leaves A leading 2 of 5 while C is elected by the other 3; healing makes A step down.',
  lesson: 'A leader cut off from the majority is stale: it cannot commit, and the first message of a newer term makes it step down.',
  algorithm: 'raft',
  preset: 'raft-lecture',
  params: { heartbeatMs: 2000, electionTimeoutMinMs: 6000, electionTimeoutMaxMs: 6500, startWithLeader: 0 },
  network: { delayMs: 1000, jitterMs: 0, dropRate: 0 },
  nodes: 5,
  seed: 3003,
  beats: [
    {
      id: 'captain',
      cue: 'A is captain of term 1 and sends heartbeats.',
      nodes: { 0: { text: 'You are captain: send a heartbeat whenever it is due.', move: { type: 'SendHeartbeat' }, duty: true } },
      until: { kind: 'elapsed', ms: 8000 },
    },
    {
      id: 'partition',
      cue: 'The network splits: A and B on one side, C, D and E on the other. C: stand when your timer runs out. D and E: vote for C.',
      faults: [{ type: 'Partition', groups: [[0, 1], [2, 3, 4]] }],
      nodes: {
        0: { text: 'You still lead: keep sending heartbeats (only B hears them).', move: { type: 'SendHeartbeat' }, duty: true },
        2: { text: 'A went silent: when your timer runs out, stand for election.', move: { type: 'StandForElection' }, done: { kind: 'event', type: 'ElectionStarted', node: 2 } },
        3: { text: 'C asks for your vote: vote for C.', move: { type: 'GrantVote', peer: 2 } },
        4: { text: 'C asks for your vote: vote for C.', move: { type: 'GrantVote', peer: 2 } },
      },
      until: { kind: 'event', type: 'LeaderElected', node: 2 },
      punches: [{
        text: 'Two leaders: A still leads term 1 with 2 of 5, C leads term 2 with 3 of 5. Only C can commit.',
        when: { kind: 'all', of: [{ kind: 'event', type: 'LeaderElected', node: 2 }, { kind: 'role', node: 0, role: 'leader' }] },
      }],
    },
    {
      id: 'heal',
      cue: 'The network heals. C\'s heartbeat carries term 2 to A.',
      faults: [{ type: 'HealPartition' }],
      nodes: {
        2: { text: 'You are captain of term 2: send a heartbeat whenever it is due.', move: { type: 'SendHeartbeat' }, duty: true },
        0: { text: 'Keep sending heartbeats while you believe you lead.', move: { type: 'SendHeartbeat' }, duty: true },
      },
      until: { kind: 'event', type: 'TermAdopted', node: 0, fields: { term: 2 } },
      punches: [{ text: 'A saw term 2 and stepped down: one leader again.', when: { kind: 'event', type: 'TermAdopted', node: 0, fields: { term: 2 } } }],
    },
  ],
};
