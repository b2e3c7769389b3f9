/**
 * A Raft split vote: A crashes, B and C stand at once, D votes B and E votes C, so nobody
 * has 3 of 5; the next timeout (randomized, R3) lets C stand alone for term 3 and win.
 */
import type { StoryInput } from './schema';

export const raftSplitVote: StoryInput = {
  id: 'raft-split-vote',
  title: 'Raft: a split vote',
  shows: 'B and C stand together and split the votes 2-2; nobody leads term 2; C wins term 3.',
  lesson: 'A split vote elects nobody; randomized timeouts make the next election very likely to have a single candidate.',
  algorithm: 'raft',
  preset: 'raft-lecture',
  params: { heartbeatMs: 2000, electionTimeoutMinMs: 6000, electionTimeoutMaxMs: 6500, startWithLeader: 0 },
  network: { delayMs: 2000, jitterMs: 0, dropRate: 0 },
  nodes: 5,
  seed: 2002,
  beats: [
    {
      id: 'captain',
      cue: 'A is captain of term 1 and sends heartbeats.',
      nodes: { 0: { text: 'You are captain: send a heartbeat whenever it is due.', move: { type: 'SendHeartbeat' }, duty: true } },
      until: { kind: 'elapsed', ms: 8000 },
    },
    {
      id: 'split',
      cue: 'A is down. B and C both stand for term 2. D votes for B, E votes for C.',
      faults: [{ type: 'CrashNode', node: 0 }],
      nodes: {
        1: { text: 'When your timer runs out, stand for election.', move: { type: 'StandForElection' }, done: { kind: 'event', type: 'ElectionStarted', node: 1 } },
        2: { text: 'When your timer runs out, stand for election.', move: { type: 'StandForElection' }, done: { kind: 'event', type: 'ElectionStarted', node: 2 } },
        3: { text: 'Vote for B.', move: { type: 'GrantVote', peer: 1 }, done: { kind: 'event', type: 'VoteGranted', node: 3, fields: { candidate: 1 } } },
        4: { text: 'Vote for C.', move: { type: 'GrantVote', peer: 2 }, done: { kind: 'event', type: 'VoteGranted', node: 4, fields: { candidate: 2 } } },
      },
      until: { kind: 'all', of: [{ kind: 'event', type: 'VoteCounted', node: 1, fields: { voter: 3 } }, { kind: 'event', type: 'VoteCounted', node: 2, fields: { voter: 4 } }] },
      punches: [{
        text: 'Split vote: B has 2 votes, C has 2. Neither reaches 3 of 5, so nobody leads term 2.',
        when: { kind: 'all', of: [{ kind: 'event', type: 'VoteCounted', node: 1, fields: { voter: 3 } }, { kind: 'event', type: 'VoteCounted', node: 2, fields: { voter: 4 } }] },
      }],
    },
    {
      id: 'again',
      cue: 'Nobody won, so timers run out again, each at its own random moment. C: stand again (term 3). Everyone: vote for C.',
      nodes: {
        2: { text: 'Your timer ran out again: stand for election.', move: { type: 'StandForElection' }, done: { kind: 'event', type: 'ElectionStarted', node: 2 } },
        1: { text: 'C asks for your vote in a newer term: vote for C.', move: { type: 'GrantVote', peer: 2 } },
        3: { text: 'C asks for your vote in a newer term: vote for C.', move: { type: 'GrantVote', peer: 2 } },
        4: { text: 'C asks for your vote in a newer term: vote for C.', move: { type: 'GrantVote', peer: 2 } },
      },
      until: { kind: 'event', type: 'LeaderElected', node: 2 },
      punches: [{ text: 'C leads term 3: a randomized timeout broke the tie.', when: { kind: 'event', type: 'LeaderElected', node: 2 } }],
    },
    {
      id: 'settled',
      cue: 'C is captain of term 3 and sends heartbeats; B, D and E follow.',
      nodes: { 2: { text: 'You are captain: send a heartbeat whenever it is due.', move: { type: 'SendHeartbeat' }, duty: true } },
      until: { kind: 'elapsed', ms: 5000 },
    },
  ],
};
