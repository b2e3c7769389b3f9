/**
 * Folds Raft's events. Each case copies only the node entry it changes (and the short
 * per-peer arrays of a leader), so folding costs the same late in an hour-long class as
 * at its start. The safety monitor is updated here too (see monitor.ts).
 */
import { leadersMayHaveChanged, owned, ownedAt, ownedList, replaceAt, spread, type ClusterDraft } from '../draft';
import type { Event, NodeIndex } from '../types';
import { appendOn, truncate } from './log';
import { monitorCommit, monitorGrant, monitorLeader, monitorReplicated, monitorTerm, monitorVoteCounted } from './monitor';
import { copyRaftCluster, followerNode, localNow, raftNode } from './state';
import type { RaftCluster, RaftNode, RaftVoteRequest } from './types';

/** Node `index` of `next` (a cluster ready to be written) ready to be written: the draft's, or a copy. */
function writable(next: RaftCluster, index: NodeIndex, draft: ClusterDraft | undefined): RaftNode {
  raftNode(next, index); // throws for a node that does not exist
  const raft = ownedList(draft, next.raft);
  next.raft = raft;
  return ownedAt(draft, raft, index, spread);
}

/** Raft's leader reading reads the roles (leaders.ts): a role the draft writes in place is told to it. */
function setRole(n: RaftNode, role: RaftNode['role'], draft: ClusterDraft | undefined): void {
  if (n.role === role) return;
  n.role = role;
  leadersMayHaveChanged(draft);
}

/** What a node forgets when it stops leading or campaigning (shared lists: never written in place, see draft.ts). */
const NO_CAMPAIGN: Pick<RaftNode, 'votes' | 'preVotes' | 'nextIndex' | 'matchIndex' | 'heardAt'> = {
  votes: [], preVotes: [], nextIndex: [], matchIndex: [], heardAt: [],
};

function withRequest(requests: RaftVoteRequest[], request: RaftVoteRequest): RaftVoteRequest[] {
  const at = requests.findIndex((r) => r.candidate === request.candidate);
  if (at === -1) return requests.concat(request);
  const copy = requests.slice();
  copy[at] = request;
  return copy;
}

/** `values` with `value` at `index`: in place when the draft made the list. */
function withAt<T>(draft: ClusterDraft | undefined, values: readonly T[], index: number, value: T): T[] {
  const copy = ownedList(draft, values);
  copy[index] = value;
  return copy;
}

export function evolveRaft(state: RaftCluster, event: Event, draft?: ClusterDraft): RaftCluster {
  switch (event.type) {
    case 'NodeCrashed': {
      // R11: term, vote and log are on disk; everything else is volatile (commitIndex too, as in the paper).
      const { term, votedFor, log } = raftNode(state, event.node);
      const next = owned(draft, state, copyRaftCluster);
      next.raft = ownedList(draft, next.raft);
      replaceAt(draft, next.raft, event.node, { ...followerNode(), term, votedFor, log });
      return next;
    }
    case 'ElectionTimerExpired': {
      const next = owned(draft, state, copyRaftCluster);
      writable(next, event.node, draft).electionDue = true;
      return next;
    }
    case 'ElectionStarted': {
      const next = owned(draft, monitorGrant(monitorTerm(state, event.node, event.term), event.node, event.term, event.node), copyRaftCluster);
      const n = writable(next, event.node, draft);
      Object.assign(n, NO_CAMPAIGN);
      n.term = event.term;
      n.votedFor = event.node;
      setRole(n, 'candidate', draft);
      n.leaderId = null;
      n.electionDue = false;
      n.votes = [event.node];
      next.stats = { ...next.stats, elections: next.stats.elections + 1 };
      return next;
    }
    case 'PreVoteStarted': {
      const next = owned(draft, state, copyRaftCluster);
      const n = writable(next, event.node, draft);
      Object.assign(n, NO_CAMPAIGN);
      setRole(n, 'precandidate', draft);
      n.leaderId = null;
      n.electionDue = false;
      n.preVotes = [event.node];
      return next;
    }
    case 'PreVoteCounted': {
      if (raftNode(state, event.node).preVotes.includes(event.voter)) return state;
      const next = owned(draft, state, copyRaftCluster);
      const n = writable(next, event.node, draft);
      n.preVotes = n.preVotes.concat(event.voter);
      return next;
    }
    case 'TermAdopted': {
      const next = owned(draft, monitorTerm(state, event.node, event.term), copyRaftCluster);
      const n = writable(next, event.node, draft);
      Object.assign(n, NO_CAMPAIGN);
      n.term = event.term;
      n.votedFor = null;
      setRole(n, 'follower', draft);
      n.leaderId = null;
      n.electionDue = false;
      return next;
    }
    case 'VoteRequestReceived': {
      const { node, candidate, term, lastLogIndex, lastLogTerm } = event;
      const next = owned(draft, state, copyRaftCluster);
      const n = writable(next, node, draft);
      n.requests = withRequest(n.requests, { candidate, term, lastLogIndex, lastLogTerm });
      return next;
    }
    case 'VoteGranted': {
      const next = owned(draft, monitorGrant(state, event.node, event.term, event.candidate), copyRaftCluster);
      const n = writable(next, event.node, draft);
      n.votedFor = event.candidate;
      n.electionDue = false;
      return next;
    }
    case 'VoteCounted': {
      const checked = monitorVoteCounted(state, event);
      if (raftNode(checked, event.node).votes.includes(event.voter)) return checked;
      const next = owned(draft, checked, copyRaftCluster);
      const n = writable(next, event.node, draft);
      n.votes = n.votes.concat(event.voter);
      return next;
    }
    case 'LeaderElected': {
      const local = localNow(state, event.node);
      const nodes = state.nodes;
      const next = owned(draft, monitorLeader(state, event), copyRaftCluster);
      const n = writable(next, event.node, draft);
      const length = n.log.length;
      setRole(n, 'leader', draft);
      n.leaderId = event.node;
      n.electionDue = false;
      n.preVotes = [];
      n.nextIndex = nodes.map(() => length + 1);
      n.matchIndex = nodes.map((peer) => (peer.index === event.node ? length : 0));
      n.heardAt = nodes.map((peer) => (n.votes.includes(peer.index) ? local : null));
      return next;
    }
    case 'LeaderHeard': {
      const local = localNow(state, event.node);
      const next = owned(draft, state, copyRaftCluster);
      const n = writable(next, event.node, draft);
      Object.assign(n, NO_CAMPAIGN);
      setRole(n, 'follower', draft);
      n.leaderId = event.leader;
      n.electionDue = false;
      n.leaderContactAt = local;
      return next;
    }
    case 'LogReplicated': {
      const next = owned(draft, monitorReplicated(state, event), copyRaftCluster);
      const n = writable(next, event.node, draft);
      n.log = appendOn(draft, truncate(n.log, event.from - 1), event.entries);
      return next;
    }
    case 'CommandWritten': {
      const next = owned(draft, state, copyRaftCluster);
      const n = writable(next, event.node, draft);
      n.log = appendOn(draft, n.log, [{ term: event.term, command: event.command }]);
      n.matchIndex = withAt(draft, n.matchIndex, event.node, event.index);
      return next;
    }
    case 'ReplicationAcked': {
      const local = localNow(state, event.node);
      const next = owned(draft, state, copyRaftCluster);
      const n = writable(next, event.node, draft);
      n.matchIndex = withAt(draft, n.matchIndex, event.follower, Math.max(n.matchIndex[event.follower] ?? 0, event.matchIndex));
      n.nextIndex = withAt(draft, n.nextIndex, event.follower, Math.max(n.nextIndex[event.follower] ?? 1, event.matchIndex + 1));
      n.heardAt = withAt(draft, n.heardAt, event.follower, local);
      return next;
    }
    case 'ReplicationRejected': {
      const local = localNow(state, event.node);
      const next = owned(draft, state, copyRaftCluster);
      const n = writable(next, event.node, draft);
      n.nextIndex = withAt(draft, n.nextIndex, event.follower, event.nextIndex);
      n.heardAt = withAt(draft, n.heardAt, event.follower, local);
      return next;
    }
    case 'CommitAdvanced': {
      const next = owned(draft, monitorCommit(state, event.node, event.commitIndex), copyRaftCluster);
      writable(next, event.node, draft).commitIndex = event.commitIndex;
      return next;
    }
    case 'LeaderSteppedDown': {
      const next = owned(draft, state, copyRaftCluster);
      const n = writable(next, event.node, draft);
      Object.assign(n, NO_CAMPAIGN);
      setRole(n, 'follower', draft);
      n.leaderId = null;
      n.electionDue = false;
      return next;
    }
    default:
      return state;
  }
}
