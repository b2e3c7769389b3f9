/**
 * What one Raft player may see: their own node only (its persistent and volatile state,
 * its timers on its own clock, its inbox), never the global truth. `raftMoves` lists the
 * moves with whether each is allowed now, by asking the engine itself (a dry run).
 */
import { decide } from '../engine';
import { localTime } from '../clock';
import type { Refusal } from '../refusal';
import type { InboxEntry, NodeIndex, NodeStatus } from '../types';
import { entriesFrom, entryAt } from './log';
import { ELECTION_TIMER, HEARTBEAT_TIMER, majority, nodeLabel, raftNode } from './state';
import type { RaftCluster, RaftCommand, RaftRole } from './types';
import { RAFT_HEADINGS } from './types';

/** How many of its own last log entries a player sees (the length is always shown). */
export const VIEW_LOG_ENTRIES = 20;

export interface RaftNodeView {
  algorithm: 'raft';
  index: NodeIndex;
  label: string;
  status: NodeStatus;
  role: RaftRole;
  term: number;
  votedFor: string | null;
  leader: string | null;
  /** Grants collected this term (own included) while candidate, or the electing majority once leader. */
  votes: string[];
  preVotes: string[];
  clusterSize: number;
  majority: number;
  /** On this node's own clock; null when not running. */
  electionTimerMs: number | null;
  electionDue: boolean;
  /** Leader only: ms until the next heartbeat is due; 0 when overdue. */
  heartbeatDueMs: number | null;
  requests: { candidate: string; candidateIndex: NodeIndex; term: number; lastLogIndex: number; lastLogTerm: number; current: boolean }[];
  logLength: number;
  log: { index: number; term: number; command: string; committed: boolean }[];
  commitIndex: number;
  /** The last command this node knows to be committed: its idea of the ship's heading. */
  heading: string | null;
  /** Leader only: how far each follower is known to hold the log. */
  followers: { label: string; index: NodeIndex; matchIndex: number; nextIndex: number }[];
  inbox: InboxEntry[];
}

export function raftNodeView(state: RaftCluster, index: NodeIndex): RaftNodeView {
  const base = state.nodes[index];
  if (!base) throw new Error(`no node ${index}`);
  const n = raftNode(state, index);
  const local = localTime(base.clock, state.now);
  const remaining = (timer: string): number | null => {
    const at = base.timers[timer];
    return at === undefined ? null : Math.max(0, at - local);
  };
  const first = Math.max(1, n.log.length - VIEW_LOG_ENTRIES + 1);
  return {
    algorithm: 'raft',
    index,
    label: nodeLabel(index),
    status: base.status,
    role: n.role,
    term: n.term,
    votedFor: n.votedFor === null ? null : nodeLabel(n.votedFor),
    leader: n.leaderId === null ? null : nodeLabel(n.leaderId),
    votes: n.votes.map(nodeLabel),
    preVotes: n.preVotes.map(nodeLabel),
    clusterSize: state.nodes.length,
    majority: majority(state),
    electionTimerMs: remaining(ELECTION_TIMER),
    electionDue: n.electionDue,
    heartbeatDueMs: n.role === 'leader' ? (remaining(HEARTBEAT_TIMER) ?? 0) : null,
    requests: n.requests.map((r) => ({ ...r, candidateIndex: r.candidate, candidate: nodeLabel(r.candidate), current: r.term === n.term })),
    logLength: n.log.length,
    log: entriesFrom(n.log, first, VIEW_LOG_ENTRIES).map((e, i) => ({ index: first + i, term: e.term, command: e.command, committed: first + i <= n.commitIndex })),
    commitIndex: n.commitIndex,
    heading: entryAt(n.log, n.commitIndex)?.command ?? null,
    followers: n.role !== 'leader' ? [] : n.matchIndex.flatMap((matchIndex, peer) => (peer === index ? [] : [{
      label: nodeLabel(peer), index: peer, matchIndex, nextIndex: n.nextIndex[peer] ?? 1,
    }])),
    inbox: base.inbox,
  };
}

export interface RaftMove {
  command: RaftCommand;
  /** A short button text, e.g. "Vote for B". */
  label: string;
  allowed: boolean;
  refusal: Refusal | null;
}

function dryRun(state: RaftCluster, command: RaftCommand, label: string): RaftMove {
  const decision = decide(state, command);
  return { command, label, allowed: decision.ok, refusal: decision.ok ? null : decision.refusal };
}

/** The player's moves now; voting moves list one entry per candidate whose request reached this node. */
export function raftMoves(state: RaftCluster, index: NodeIndex): RaftMove[] {
  const n = raftNode(state, index);
  const moves: RaftMove[] = [
    dryRun(state, { type: 'StandForElection', node: index }, 'Stand for election'),
    dryRun(state, { type: 'SendHeartbeat', node: index }, 'Send heartbeat'),
  ];
  if (state.params.logs) {
    for (const heading of RAFT_HEADINGS) moves.push(dryRun(state, { type: 'WriteCommand', node: index, command: heading }, `Steer ${heading}`));
  }
  for (const request of n.requests) {
    const c = nodeLabel(request.candidate);
    moves.push(dryRun(state, { type: 'GrantVote', node: index, candidate: request.candidate }, `Vote for ${c}`));
    moves.push(dryRun(state, { type: 'RefuseVote', node: index, candidate: request.candidate }, `Refuse ${c}`));
  }
  return moves;
}
