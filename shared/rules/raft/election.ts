/**
 * Elections (Raft paper 5.2, 5.4.1; thesis 9.6 for PreVote, 6.2 and etcd's `inLease` for
 * CheckQuorum): standing, the automatic parts of voting (recording requests, counting
 * replies, promotion on a majority) and the mandatory reactions to terms (R1, R2).
 */
import type { Emitter } from '../algorithm';
import { peersOf, send } from '../network';
import { clearTimer, setRandomTimer, setTimer } from '../timers';
import type { NodeIndex } from '../types';
import { atLeastAsUpToDate, lastIndex, lastTerm } from './log';
import { ELECTION_TIMER, HEARTBEAT_TIMER, QUORUM_TIMER, localNow, majority, raftNode } from './state';
import type { PreVoteRefusalReason, RaftCluster, RaftWire } from './types';

type Out = Emitter<RaftCluster>;
type Wire<K extends RaftWire['kind']> = Extract<RaftWire, { kind: K }>;

export function restartElectionTimer(out: Out, node: NodeIndex): void {
  const p = out.state.params;
  setRandomTimer(out, node, ELECTION_TIMER, p.electionTimeoutMinMs, p.electionTimeoutMaxMs);
}

/**
 * R1: a higher term makes any node a follower of that term with no vote. Like etcd's
 * becomeFollower, the election timer restarts, so a node that just learned of a newer
 * election waits a full timeout before it may disrupt it.
 */
export function adoptTerm(out: Out, node: NodeIndex, term: number, from: NodeIndex): void {
  out.emit({ type: 'TermAdopted', node, term, from });
  clearTimer(out, node, HEARTBEAT_TIMER);
  clearTimer(out, node, QUORUM_TIMER);
  restartElectionTimer(out, node);
}

/**
 * R10 with CheckQuorum: a node that heard from a live leader within the minimum election
 * timeout (or is that leader) treats a vote request as a disruption and ignores it,
 * without adopting its term (etcd's `inLease`).
 */
export function inLease(state: RaftCluster, node: NodeIndex): boolean {
  const n = raftNode(state, node);
  if (n.role === 'leader') return true;
  if (n.leaderId === null || n.leaderContactAt === null) return false;
  return localNow(state, node) - n.leaderContactAt < state.params.electionTimeoutMinMs;
}

/** R3: term + 1, a vote for itself, a fresh randomized timer, RequestVote to every peer. */
export function startElection(out: Out, node: NodeIndex): void {
  const n = raftNode(out.state, node);
  out.emit({ type: 'ElectionStarted', node, term: n.term + 1 });
  restartElectionTimer(out, node);
  const after = raftNode(out.state, node);
  const payload: RaftWire = { kind: 'RequestVote', term: after.term, lastLogIndex: lastIndex(after.log), lastLogTerm: lastTerm(after.log) };
  send(out, node, peersOf(out.state, node).map((to) => ({ to, payload })));
  promoteIfMajority(out, node);
}

/** R9: the same as standing, but for the next term without taking it; voters answer by themselves. */
export function startPreVote(out: Out, node: NodeIndex): void {
  const n = raftNode(out.state, node);
  out.emit({ type: 'PreVoteStarted', node, term: n.term + 1 });
  restartElectionTimer(out, node);
  const payload: RaftWire = { kind: 'PreVoteRequest', term: n.term + 1, lastLogIndex: lastIndex(n.log), lastLogTerm: lastTerm(n.log) };
  send(out, node, peersOf(out.state, node).map((to) => ({ to, payload })));
  if (raftNode(out.state, node).preVotes.length >= majority(out.state)) startElection(out, node);
}

/** R5: a candidate whose grants reach a majority of the whole cluster leads at once. */
function promoteIfMajority(out: Out, node: NodeIndex): void {
  const n = raftNode(out.state, node);
  if (n.role !== 'candidate' || n.votes.length < majority(out.state)) return;
  out.emit({ type: 'LeaderElected', node, term: n.term, votes: n.votes.length, clusterSize: out.state.nodes.length });
  clearTimer(out, node, ELECTION_TIMER);
  setTimer(out, node, HEARTBEAT_TIMER, out.state.params.heartbeatMs);
  if (out.state.params.checkQuorum) setTimer(out, node, QUORUM_TIMER, out.state.params.electionTimeoutMinMs);
}

export function onRequestVote(out: Out, node: NodeIndex, from: NodeIndex, p: Wire<'RequestVote'>): void {
  const n = raftNode(out.state, node);
  if (p.term < n.term) {
    // R2: refused on arrival; the reply carries my term so the stale candidate steps down.
    send(out, node, [{ to: from, payload: { kind: 'VoteReply', term: n.term, granted: false } }]);
    return;
  }
  out.emit({ type: 'VoteRequestReceived', node, candidate: from, term: p.term, lastLogIndex: p.lastLogIndex, lastLogTerm: p.lastLogTerm });
}

export function onVoteReply(out: Out, node: NodeIndex, from: NodeIndex, p: Wire<'VoteReply'>): void {
  const n = raftNode(out.state, node);
  if (!p.granted || p.term !== n.term || n.role !== 'candidate' || n.votes.includes(from)) return;
  out.emit({ type: 'VoteCounted', node, voter: from, term: p.term });
  promoteIfMajority(out, node);
}

function preVoteRefusal(state: RaftCluster, node: NodeIndex, from: NodeIndex, p: Wire<'PreVoteRequest'>): PreVoteRefusalReason | null {
  const n = raftNode(state, node);
  const heardRecently = n.role === 'leader'
    || (n.leaderContactAt !== null && n.leaderId !== null && localNow(state, node) - n.leaderContactAt < state.params.electionTimeoutMinMs);
  if (heardRecently) return 'leaderAlive';
  const termOk = p.term > n.term || (p.term === n.term && (n.votedFor === null || n.votedFor === from) && n.leaderId === null);
  if (!termOk) return 'staleTerm';
  if (!atLeastAsUpToDate(p.lastLogTerm, p.lastLogIndex, n.log)) return 'staleLog';
  return null;
}

/** R9: pre-votes are answered by the server: yes unless a leader was heard recently, the term is stale or the log is behind. */
export function onPreVoteRequest(out: Out, node: NodeIndex, from: NodeIndex, p: Wire<'PreVoteRequest'>): void {
  const reason = preVoteRefusal(out.state, node, from, p);
  const term = raftNode(out.state, node).term;
  if (reason === null) {
    out.emit({ type: 'PreVoteGranted', node, candidate: from, term: p.term });
    send(out, node, [{ to: from, payload: { kind: 'PreVoteReply', term: p.term, granted: true } }]);
  } else {
    out.emit({ type: 'PreVoteRefused', node, candidate: from, term: p.term, reason });
    send(out, node, [{ to: from, payload: { kind: 'PreVoteReply', term, granted: false } }]);
  }
}

export function onPreVoteReply(out: Out, node: NodeIndex, from: NodeIndex, p: Wire<'PreVoteReply'>): void {
  const n = raftNode(out.state, node);
  if (!p.granted || n.role !== 'precandidate' || p.term !== n.term + 1 || n.preVotes.includes(from)) return;
  out.emit({ type: 'PreVoteCounted', node, voter: from, term: p.term });
  if (raftNode(out.state, node).preVotes.length >= majority(out.state)) startElection(out, node);
}

/** R3: the election timer running out is what allows a follower or candidate to stand. */
export function onElectionTimer(out: Out, node: NodeIndex): void {
  const n = raftNode(out.state, node);
  if (n.role === 'leader' || n.electionDue) return;
  out.emit({ type: 'ElectionTimerExpired', node });
}

/** R10: a leader that has not heard from a majority (itself included) within an election timeout steps down. */
export function onQuorumTimer(out: Out, node: NodeIndex): void {
  const state = out.state;
  const n = raftNode(state, node);
  if (n.role !== 'leader' || !state.params.checkQuorum) return;
  const now = localNow(state, node);
  let heard = 1;
  n.heardAt.forEach((at, peer) => {
    if (peer !== node && at !== null && now - at < state.params.electionTimeoutMinMs) heard++;
  });
  if (heard >= majority(state)) {
    setTimer(out, node, QUORUM_TIMER, state.params.electionTimeoutMinMs);
    return;
  }
  out.emit({ type: 'LeaderSteppedDown', node, term: n.term, heard });
  clearTimer(out, node, HEARTBEAT_TIMER);
  restartElectionTimer(out, node);
}
