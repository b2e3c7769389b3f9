/**
 * The lecture's Raft story (seed script, "RAFT: Majority votes"): A leads term 1 and
 * crashes; B and C stand; B gets 3 votes and leads. Numbers for people at 1x: timeouts of
 * 6-6.5 s start within half a second of each other, and a 2 s network delay lets C stand
 * before B's request reaches it (R3), however the two students' clicks fall.
 */
import type { StoryInput } from './schema';

export const raftCaptainDown: StoryInput = {
  id: 'raft-captain-down',
  title: 'Raft: the captain is down',
  shows: 'A leads term 1 and crashes; B and C both stand; B wins with 3 votes of 5.',
  lesson: 'Raft elects by majority: two candidates may stand at once, but only one can collect 3 votes of 5 in a term.',
  algorithm: 'raft',
  preset: 'raft-lecture',
  params: { heartbeatMs: 2000, electionTimeoutMinMs: 6000, electionTimeoutMaxMs: 6500, startWithLeader: 0 },
  network: { delayMs: 2000, jitterMs: 0, dropRate: 0 },
  nodes: 5,
  seed: 1001,
  beats: [
    {
      id: 'captain',
      cue: 'A is captain of term 1. A sends heartbeats; every heartbeat resets the others\' election timers.',
      nodes: { 0: { text: 'You are captain: send a heartbeat whenever it is due.', move: { type: 'SendHeartbeat' }, duty: true } },
      until: { kind: 'elapsed', ms: 8000 },
    },
    {
      id: 'crash',
      cue: 'Captain A is down. B and C: your timers ran out — stand for election. D and E: vote for B.',
      faults: [{ type: 'CrashNode', node: 0 }],
      nodes: {
        1: { text: 'No heartbeat from A: when your timer runs out, stand for election.', move: { type: 'StandForElection' }, done: { kind: 'event', type: 'ElectionStarted', node: 1 } },
        2: { text: 'No heartbeat from A: when your timer runs out, stand for election.', move: { type: 'StandForElection' }, done: { kind: 'event', type: 'ElectionStarted', node: 2 } },
        3: { text: 'B asks for your vote: vote for B.', move: { type: 'GrantVote', peer: 1 }, done: { kind: 'event', type: 'VoteGranted', node: 3, fields: { candidate: 1 } } },
        4: { text: 'B asks for your vote: vote for B.', move: { type: 'GrantVote', peer: 1 }, done: { kind: 'event', type: 'VoteGranted', node: 4, fields: { candidate: 1 } } },
      },
      until: { kind: 'event', type: 'LeaderElected', node: 1 },
      punches: [{ text: 'B wins term 2 with 3 votes of 5 (B, D, E): a majority. C gets only its own.', when: { kind: 'event', type: 'LeaderElected', node: 1, fields: { votes: 3 } } }],
    },
    {
      id: 'new-captain',
      cue: 'B is captain of term 2. Its heartbeats tell C that the election is over: C follows B.',
      nodes: { 1: { text: 'You are captain: send a heartbeat whenever it is due.', move: { type: 'SendHeartbeat' }, duty: true } },
      until: { kind: 'elapsed', ms: 6000 },
    },
  ],
};
