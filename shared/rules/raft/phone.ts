/**
 * What a Raft player's phone says about their own node, in words: role, facts, timers
 * (with the lengths in force this round), the callout, and the inbox in plain sentences.
 * Only the node's own knowledge (raftNodeView), never the global truth.
 */
import type { InboxEntry, NodeIndex } from '../types';
import type { Fact, InboxTone, NodeSummary, PeerName, TimerFact } from '../module';
import { whoIs } from '../words';
import type { RaftCluster, RaftWire } from './types';
import { nodeLabel, raftNode } from './state';
import { listedRequests, raftNodeView } from './view';

export function raftSummary(state: RaftCluster, index: NodeIndex, peers: PeerName[]): NodeSummary {
  const node = raftNodeView(state, index);
  const who = (peer: NodeIndex | null) => whoIs(peers, peer === null ? null : nodeLabel(peer), node.label);
  const facts: Fact[] = [
    { id: 'leader', label: 'Leader', value: node.role === 'leader' ? 'you' : node.leader !== null ? who(node.leader) : 'none known' },
    { id: 'vote', label: `Your vote (term ${node.term})`, value: node.votedFor !== null ? who(node.votedFor) : 'not cast yet' },
  ];
  if (node.role === 'candidate' || node.role === 'precandidate') {
    const votes = node.role === 'candidate' ? node.votes : node.preVotes;
    facts.push({ id: 'votes', label: `${node.role === 'candidate' ? 'Votes' : 'Pre-votes'} (${node.majority} needed)`, value: `${votes.length}${votes.length > 0 ? ` (${votes.map(nodeLabel).join(', ')})` : ''}`, strong: true });
  }
  if (node.role === 'leader') {
    const inSync = node.followers.filter((f) => f.matchIndex >= node.logLength).length;
    facts.push({ id: 'followers', label: 'Followers up to date', value: `${inSync} of ${node.followers.length}` });
  }
  const older = listedRequests(raftNode(state, index)).older;
  if (older) {
    const terms = older.lowestTerm === older.highestTerm ? `term ${older.lowestTerm}` : `terms ${older.lowestTerm}–${older.highestTerm}`;
    facts.push({ id: 'older-requests', label: 'Older vote requests', value: `${older.count} not listed (${terms}): too old for a vote (R4)`, wide: true });
  }
  if (node.logLength > 0 || node.heading) {
    facts.push({ id: 'heading', label: "Ship's heading", value: `${node.heading ?? 'none yet'} · ${node.commitIndex} of ${node.logLength} committed` });
  }

  const timers: TimerFact[] = [];
  if (node.electionTimerMs !== null) {
    timers.push({ id: 'election', label: 'Election timer', then: 'you may stand', remainingMs: node.electionTimerMs, totalMs: state.params.electionTimeoutMaxMs });
  }
  if (node.heartbeatDueMs !== null) {
    timers.push({ id: 'heartbeat', label: 'Heartbeat due', then: 'send one', remainingMs: node.heartbeatDueMs, totalMs: state.params.heartbeatMs, critical: true });
  }

  const open = node.requests.filter((r) => r.current && node.votedFor === null);
  let callout: string | null = null;
  if (node.electionDue && node.role !== 'leader') callout = 'Your election timer ran out: you may stand for election.';
  else if (node.role === 'leader' && node.heartbeatDueMs === 0) callout = 'A heartbeat is due: send one so nobody stands.';
  else if (open.length > 0) callout = `${open.map((r) => nodeLabel(r.candidate)).join(' and ')} asked for your vote.`;

  return { role: node.role, headline: { label: 'Term', value: String(node.term) }, facts, timers, callout };
}

/** One message that reached the node, in plain words ("C asks for your vote (term 4)"). */
export function raftInboxLine(entry: InboxEntry, label: (index: NodeIndex) => string): { text: string; tone: InboxTone } {
  const from = label(entry.from);
  const m = entry.payload as RaftWire;
  switch (m.kind) {
    case 'RequestVote':
      return { text: `${from} asks for your vote (term ${m.term})`, tone: 'ask' };
    case 'VoteReply':
      return m.granted ? { text: `${from} voted for you (term ${m.term})`, tone: 'good' } : { text: `${from} refused you its vote (term ${m.term})`, tone: 'bad' };
    case 'PreVoteRequest':
      return { text: `${from} asks if it could win (pre-vote, term ${m.term})`, tone: 'ask' };
    case 'PreVoteReply':
      return m.granted ? { text: `${from} would vote for you (pre-vote, term ${m.term})`, tone: 'good' } : { text: `${from} would not vote for you (pre-vote, term ${m.term})`, tone: 'bad' };
    case 'AppendEntries':
      return m.entries.length === 0
        ? { text: `Heartbeat from ${from} (term ${m.term})`, tone: 'info' }
        : { text: `${from} sends ${m.entries.length === 1 ? `entry "${m.entries[0]?.command}"` : `${m.entries.length} entries`} (term ${m.term})`, tone: 'info' };
    case 'AppendReply':
      return m.success ? { text: m.index === 0 ? `${from} accepted your heartbeat` : `${from} holds your log up to entry ${m.index}`, tone: 'good' } : { text: `${from}'s log does not match: it has up to entry ${m.index}`, tone: 'bad' };
  }
}
