/**
 * The decisions a Raft player makes, each validated against the rule it could break
 * before anything is emitted. Crashed and paused nodes were already refused by the
 * engine (C1, C2).
 */
import type { Emitter } from '../algorithm';
import type { Refusal } from '../refusal';
import { refuse } from '../refusal';
import { send } from '../network';
import { restartElectionTimer, startElection, startPreVote } from './election';
import { atLeastAsUpToDate, lastIndex, lastTerm } from './log';
import { sendHeartbeat, writeCommand } from './replication';
import { ELECTION_TIMER, localNow, nodeLabel, raftNode } from './state';
import type { RaftCluster, RaftCommand, RaftNode } from './types';
import { MAX_COMMAND_LENGTH } from './types';
import { timeLeftText } from '../words';

type Out = Emitter<RaftCluster>;

function roleWords(n: RaftNode): string {
  return n.role === 'precandidate' ? 'a pre-candidate' : `a ${n.role}`;
}

function standForElection(out: Out, node: number): Refusal | void {
  const n = raftNode(out.state, node);
  if (n.role === 'leader') {
    return refuse('already-leader', 'R8', `You are already the leader of term ${n.term}; a leader never turns back into a candidate (R8).`);
  }
  if (!n.electionDue) {
    const deadline = out.state.nodes[node]?.timers[ELECTION_TIMER];
    const left = deadline === undefined ? '' : ` (${timeLeftText(deadline - localNow(out.state, node))} left)`;
    return refuse('election-timer-running', 'R3', `Your election timer has not run out yet${left}; you may stand only after a whole election timeout without hearing from a leader (R3).`);
  }
  if (out.state.params.preVote) startPreVote(out, node);
  else startElection(out, node);
}

/** Shared checks of GrantVote and RefuseVote: a real candidate whose request reached this node. */
function findRequest(out: Out, node: number, candidate: number): Refusal | { term: number; lastLogIndex: number; lastLogTerm: number } {
  if (!Number.isInteger(candidate) || !out.state.nodes[candidate]) {
    return refuse('unknown-node', 'C0', `There is no node ${candidate} in this cluster.`);
  }
  if (candidate === node) {
    return refuse('self-vote', 'R3', 'You vote for yourself by standing for election, not by answering a request (R3).');
  }
  const request = raftNode(out.state, node).requests.find((r) => r.candidate === candidate);
  if (!request) {
    return refuse('no-vote-request', 'R4', `${nodeLabel(candidate)} has not asked you for a vote; you can answer only a RequestVote that reached you (R4).`);
  }
  return request;
}

function grantVote(out: Out, node: number, candidate: number): Refusal | void {
  const request = findRequest(out, node, candidate);
  if ('code' in request) return request;
  const n = raftNode(out.state, node);
  const c = nodeLabel(candidate);
  if (request.term < n.term) {
    return refuse('stale-term', 'R4', `${c} asked for your vote in term ${request.term}, but you are in term ${n.term} now; a vote counts only in your current term (R4).`);
  }
  if (n.votedFor !== null && n.votedFor !== candidate) {
    const whom = n.votedFor === node ? 'yourself' : nodeLabel(n.votedFor);
    return refuse('already-voted', 'R4', `You already voted for ${whom} in term ${n.term}; a node votes at most once per term (R4).`);
  }
  if (!atLeastAsUpToDate(request.lastLogTerm, request.lastLogIndex, n.log)) {
    return refuse('stale-candidate-log', 'R4',
      `${c}'s log (last entry ${request.lastLogIndex}, term ${request.lastLogTerm}) is behind yours (last entry ${lastIndex(n.log)}, term ${lastTerm(n.log)}); vote only for a log at least as up to date as yours (R4).`);
  }
  out.emit({ type: 'VoteGranted', node, candidate, term: n.term });
  restartElectionTimer(out, node);
  send(out, node, [{ to: candidate, payload: { kind: 'VoteReply', term: n.term, granted: true } }]);
}

function refuseVote(out: Out, node: number, candidate: number): Refusal | void {
  const request = findRequest(out, node, candidate);
  if ('code' in request) return request;
  const term = raftNode(out.state, node).term;
  out.emit({ type: 'VoteRefused', node, candidate, term });
  send(out, node, [{ to: candidate, payload: { kind: 'VoteReply', term, granted: false } }]);
}

function notLeader(n: RaftNode, action: string, rule: string): Refusal {
  const leader = n.leaderId === null ? '' : ` (you follow ${nodeLabel(n.leaderId)})`;
  return refuse('not-leader', rule, `Only the leader ${action}; you are ${roleWords(n)} of term ${n.term}${leader} (${rule}).`);
}

function write(out: Out, node: number, command: unknown): Refusal | void {
  const n = raftNode(out.state, node);
  if (n.role !== 'leader') return notLeader(n, 'writes commands', 'R7');
  if (!out.state.params.logs) return refuse('logs-off', 'R7', 'The log is switched off in this round: leaders only keep the ship together, they do not steer (R7).');
  if (typeof command !== 'string' || command.trim().length === 0 || command.trim().length > MAX_COMMAND_LENGTH) {
    return refuse('bad-command', 'C0', `A command is a short text of 1 to ${MAX_COMMAND_LENGTH} characters, such as a heading N, E, S or W.`);
  }
  writeCommand(out, node, command.trim());
}

export function decideRaft(out: Out, command: RaftCommand): Refusal | void {
  switch (command.type) {
    case 'StandForElection':
      return standForElection(out, command.node);
    case 'GrantVote':
      return grantVote(out, command.node, command.candidate);
    case 'RefuseVote':
      return refuseVote(out, command.node, command.candidate);
    case 'SendHeartbeat': {
      const n = raftNode(out.state, command.node);
      if (n.role !== 'leader') return notLeader(n, 'sends heartbeats', 'R6');
      return sendHeartbeat(out, command.node);
    }
    case 'WriteCommand':
      return write(out, command.node, command.command);
  }
}
