import type { GameSeatView } from '@/shared/game/seat-view';
import type { RaftNodeView } from '@/shared/rules/raft/view';
import { presetParam, whoIs, type Fact, type NodeSummary, type RoleKey, type TimerFact } from './node-summary';

const ROLE_LABELS: Record<RaftNodeView['role'], string> = {
  leader: 'Leader',
  candidate: 'Candidate',
  precandidate: 'Pre-candidate',
  follower: 'Follower',
};

export function raftSummary(node: RaftNodeView, view: GameSeatView): NodeSummary {
  const who = (label: string | null) => whoIs(view.peers, label, node.label);
  const facts: Fact[] = [
    { id: 'leader', label: 'Leader', value: node.role === 'leader' ? 'you' : node.leader ? who(node.leader) : 'none known' },
    { id: 'vote', label: `Your vote (term ${node.term})`, value: node.votedFor ? who(node.votedFor) : 'not cast yet' },
  ];
  if (node.role === 'candidate' || node.role === 'precandidate') {
    const votes = node.role === 'candidate' ? node.votes : node.preVotes;
    facts.push({ id: 'votes', label: `${node.role === 'candidate' ? 'Votes' : 'Pre-votes'} (${node.majority} needed)`, value: `${votes.length}${votes.length > 0 ? ` (${votes.join(', ')})` : ''}`, strong: true });
  }
  if (node.role === 'leader') {
    const inSync = node.followers.filter((f) => f.matchIndex >= node.logLength).length;
    facts.push({ id: 'followers', label: 'Followers up to date', value: `${inSync} of ${node.followers.length}` });
  }
  if (node.logLength > 0 || node.heading) {
    facts.push({ id: 'heading', label: "Ship's heading", value: `${node.heading ?? 'none yet'} · ${node.commitIndex} of ${node.logLength} committed` });
  }

  const timers: TimerFact[] = [];
  if (node.electionTimerMs !== null) {
    timers.push({ id: 'election', label: 'Election timer', then: 'you may stand', remainingMs: node.electionTimerMs, totalMs: presetParam(view, 'electionTimeoutMaxMs') });
  }
  if (node.heartbeatDueMs !== null) {
    timers.push({ id: 'heartbeat', label: 'Heartbeat due', then: 'send one', remainingMs: node.heartbeatDueMs, totalMs: presetParam(view, 'heartbeatMs'), critical: true });
  }

  const open = node.requests.filter((r) => r.current && !node.votedFor);
  let callout: string | null = null;
  if (node.electionDue && node.role !== 'leader') callout = 'Your election timer ran out: you may stand for election.';
  else if (node.role === 'leader' && node.heartbeatDueMs === 0) callout = 'A heartbeat is due: send one so nobody stands.';
  else if (open.length > 0) callout = `${open.map((r) => r.candidate).join(' and ')} asked for your vote.`;

  return {
    role: node.role as RoleKey,
    roleLabel: ROLE_LABELS[node.role],
    headline: { label: 'Term', value: String(node.term) },
    facts,
    timers,
    callout,
  };
}
