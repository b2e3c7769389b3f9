/**
 * What one Raft player may see: their own node only (its persistent and volatile state,
 * its timers on its own clock, its inbox), never the global truth. `raftMoves` lists the
 * moves with whether each is allowed now, by asking the engine itself (a dry run).
 */
import { localTime } from '../clock';
import { letterKey, type MoveChoice } from '../module';
import type { InboxEntry, NodeIndex, NodeStatus } from '../types';
import { entriesFrom, entryAt } from './log';
import { ELECTION_TIMER, HEARTBEAT_TIMER, majority, nodeLabel, raftNode } from './state';
import type { RaftCluster, RaftCommand, RaftNode, RaftRole, RaftVoteRequest } from './types';
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
  /** Peers by 0-based index, as moves name them; `label` is only this node's own name for people (docs/PROTOCOL.md). */
  votedFor: NodeIndex | null;
  leader: NodeIndex | null;
  /** Grants collected this term (own included) while candidate, or the electing majority once leader. */
  votes: NodeIndex[];
  preVotes: NodeIndex[];
  clusterSize: number;
  majority: number;
  /** On this node's own clock; null when not running. */
  electionTimerMs: number | null;
  electionDue: boolean;
  /** Leader only: ms until the next heartbeat is due; 0 when overdue. */
  heartbeatDueMs: number | null;
  /** The requests the phone lists (`listedRequests`); the older ones are only counted on the phone. */
  requests: { candidate: NodeIndex; term: number; lastLogIndex: number; lastLogTerm: number; current: boolean }[];
  logLength: number;
  log: { index: number; term: number; command: string; committed: boolean }[];
  commitIndex: number;
  /** The last command this node knows to be committed: its idea of the ship's heading. */
  heading: string | null;
  /** Leader only: how far each follower is known to hold the log. */
  followers: { index: NodeIndex; matchIndex: number; nextIndex: number }[];
  inbox: InboxEntry[];
}

/** Vote requests a node holds but its phone does not list: how many, and their terms. */
export interface OlderRequests {
  count: number;
  lowestTerm: number;
  highestTerm: number;
}

/**
 * The vote requests a phone lists: those of the node's current term (it may still vote on
 * them) and those of the newest older term it holds (the term it just left: trying to vote
 * there is how a student meets R4, "a vote counts only in your current term"). The rules
 * keep every request (refusing one is always allowed, R4, and the fold stays the same), but
 * in a team of 60 a node ends up holding one from nearly every peer, of terms long gone:
 * 58 rows of "an older term" taught nothing more, and each cost the view two dry runs.
 */
export function listedRequests(n: RaftNode): { listed: RaftVoteRequest[]; older: OlderRequests | null } {
  let newestOlderTerm = -1;
  for (const r of n.requests) if (r.term < n.term && r.term > newestOlderTerm) newestOlderTerm = r.term;
  const listed: RaftVoteRequest[] = [];
  let older: OlderRequests | null = null;
  for (const r of n.requests) {
    if (r.term >= n.term || r.term === newestOlderTerm) listed.push(r);
    else if (older === null) older = { count: 1, lowestTerm: r.term, highestTerm: r.term };
    else {
      older.count++;
      older.lowestTerm = Math.min(older.lowestTerm, r.term);
      older.highestTerm = Math.max(older.highestTerm, r.term);
    }
  }
  return { listed, older };
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
    votedFor: n.votedFor,
    leader: n.leaderId,
    votes: n.votes.slice(),
    preVotes: n.preVotes.slice(),
    clusterSize: state.nodes.length,
    majority: majority(state),
    electionTimerMs: remaining(ELECTION_TIMER),
    electionDue: n.electionDue,
    heartbeatDueMs: n.role === 'leader' ? (remaining(HEARTBEAT_TIMER) ?? 0) : null,
    requests: listedRequests(n).listed.map((r) => ({ ...r, current: r.term === n.term })),
    logLength: n.log.length,
    log: entriesFrom(n.log, first, VIEW_LOG_ENTRIES).map((e, i) => ({ index: first + i, term: e.term, command: e.command, committed: first + i <= n.commitIndex })),
    commitIndex: n.commitIndex,
    heading: entryAt(n.log, n.commitIndex)?.command ?? null,
    followers: n.role !== 'leader' ? [] : n.matchIndex.flatMap((matchIndex, peer) => (peer === index ? [] : [{
      index: peer, matchIndex, nextIndex: n.nextIndex[peer] ?? 1,
    }])),
    inbox: base.inbox,
  };
}

/** Arrow keys steer on a laptop. */
const ARROWS: Record<string, { key: string; hint: string }> = {
  N: { key: 'arrowup', hint: '↑' }, E: { key: 'arrowright', hint: '→' }, S: { key: 'arrowdown', hint: '↓' }, W: { key: 'arrowleft', hint: '←' },
};

/** The player's moves now; voting moves list one pair per request the phone lists (`listedRequests`). */
export function raftMoveChoices(state: RaftCluster, index: NodeIndex): MoveChoice<RaftCommand>[] {
  const n = raftNode(state, index);
  const base = state.nodes[index]!;
  const heartbeatAt = base.timers[HEARTBEAT_TIMER];
  // A heartbeat is due once its reminder ran out (the leader's screen says so).
  const urgentHeartbeat = n.role === 'leader' && (heartbeatAt === undefined || heartbeatAt <= localTime(base.clock, state.now));
  const moves: MoveChoice<RaftCommand>[] = [
    { command: { type: 'StandForElection', node: index }, label: 'Stand for election', layout: { kind: 'main' }, urgent: n.electionDue, shortcut: letterKey('s') },
    { command: { type: 'SendHeartbeat', node: index }, label: 'Send heartbeat', layout: { kind: 'main' }, urgent: urgentHeartbeat, shortcut: letterKey('h') },
  ];
  if (state.params.logs) {
    for (const heading of RAFT_HEADINGS) {
      moves.push({ command: { type: 'WriteCommand', node: index, command: heading }, label: `Steer ${heading}`, layout: { kind: 'steer', text: heading, title: 'Steer the ship', note: 'a command in the log' }, shortcut: ARROWS[heading] });
    }
  }
  for (const request of listedRequests(n).listed) {
    const c = nodeLabel(request.candidate);
    const current = request.term === n.term;
    const title = `${c} asks for your vote (term ${request.term})${current ? '' : ': an older term'}`;
    const row = { kind: 'reply' as const, peer: request.candidate, title, stale: !current };
    // An open request of this term with no vote cast yet is the node's duty (the callout says so).
    const open = current && n.votedFor === null;
    moves.push({ command: { type: 'GrantVote', node: index, candidate: request.candidate }, label: `Vote for ${c}`, layout: { ...row, grants: true }, urgent: open, shortcut: letterKey('v') });
    moves.push({ command: { type: 'RefuseVote', node: index, candidate: request.candidate }, label: `Refuse ${c}`, layout: { ...row, grants: false }, secondary: true, shortcut: letterKey('r') });
  }
  return moves;
}
