/**
 * Folds Raft's events. Each case copies only the node entry it changes (and the short
 * per-peer arrays of a leader), so folding costs the same late in an hour-long class as
 * at its start. The safety monitor is updated here too (see monitor.ts).
 */
import { leadersMayHaveChanged, owned, ownedAt, ownedList, replaceAt, spread, type ClusterDraft } from '../draft';
import type { Event, NodeIndex } from '../types';
import { append, truncate } from './log';
import { monitorCommit, monitorGrant, monitorLeader, monitorReplicated, monitorTerm, monitorVoteCounted } from './monitor';
import { copyRaftCluster, followerNode, localNow, raftNode } from './state';
import type { RaftCluster, RaftNode, RaftVoteRequest } from './types';

/** Node `index` changed by `change`, which writes into a node ready to be written (the draft's, or a copy). */
function withRaft(state: RaftCluster, index: NodeIndex, draft: ClusterDraft | undefined, change: (node: RaftNode) => void): RaftCluster {
  raftNode(state, index); // throws for a node that does not exist
  const next = owned(draft, state, copyRaftCluster);
  const raft = ownedList(draft, next.raft);
  next.raft = raft;
  const node = ownedAt(draft, raft, index, spread);
  const role = node.role;
  change(node);
  // Raft's leader reading reads the role (leaders.ts).
  if (node.role !== role) leadersMayHaveChanged(draft);
  return next;
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
    case 'ElectionTimerExpired':
      return withRaft(state, event.node, draft, (n) => {
        n.electionDue = true;
      });
    case 'ElectionStarted': {
      const checked = monitorGrant(monitorTerm(state, event.node, event.term), event.node, event.term, event.node);
      const next = withRaft(checked, event.node, draft, (n) => {
        Object.assign(n, NO_CAMPAIGN);
        n.term = event.term;
        n.votedFor = event.node;
        n.role = 'candidate';
        n.leaderId = null;
        n.electionDue = false;
        n.votes = [event.node];
      });
      next.stats = { ...next.stats, elections: next.stats.elections + 1 }; // `next` is this event's own copy (or the draft's)
      return next;
    }
    case 'PreVoteStarted':
      return withRaft(state, event.node, draft, (n) => {
        Object.assign(n, NO_CAMPAIGN);
        n.role = 'precandidate';
        n.leaderId = null;
        n.electionDue = false;
        n.preVotes = [event.node];
      });
    case 'PreVoteCounted':
      if (raftNode(state, event.node).preVotes.includes(event.voter)) return state;
      return withRaft(state, event.node, draft, (n) => {
        n.preVotes = n.preVotes.concat(event.voter);
      });
    case 'TermAdopted':
      return withRaft(monitorTerm(state, event.node, event.term), event.node, draft, (n) => {
        Object.assign(n, NO_CAMPAIGN);
        n.term = event.term;
        n.votedFor = null;
        n.role = 'follower';
        n.leaderId = null;
        n.electionDue = false;
      });
    case 'VoteRequestReceived': {
      const { node, candidate, term, lastLogIndex, lastLogTerm } = event;
      return withRaft(state, node, draft, (n) => {
        n.requests = withRequest(n.requests, { candidate, term, lastLogIndex, lastLogTerm });
      });
    }
    case 'VoteGranted':
      return withRaft(monitorGrant(state, event.node, event.term, event.candidate), event.node, draft, (n) => {
        n.votedFor = event.candidate;
        n.electionDue = false;
      });
    case 'VoteCounted': {
      const checked = monitorVoteCounted(state, event);
      if (raftNode(checked, event.node).votes.includes(event.voter)) return checked;
      return withRaft(checked, event.node, draft, (n) => {
        n.votes = n.votes.concat(event.voter);
      });
    }
    case 'LeaderElected': {
      const checked = monitorLeader(state, event);
      const local = localNow(state, event.node);
      const nodes = state.nodes;
      return withRaft(checked, event.node, draft, (n) => {
        const next = n.log.length + 1;
        n.role = 'leader';
        n.leaderId = event.node;
        n.electionDue = false;
        n.preVotes = [];
        n.nextIndex = nodes.map(() => next);
        n.matchIndex = nodes.map((peer) => (peer.index === event.node ? n.log.length : 0));
        n.heardAt = nodes.map((peer) => (n.votes.includes(peer.index) ? local : null));
      });
    }
    case 'LeaderHeard': {
      const local = localNow(state, event.node);
      return withRaft(state, event.node, draft, (n) => {
        Object.assign(n, NO_CAMPAIGN);
        n.role = 'follower';
        n.leaderId = event.leader;
        n.electionDue = false;
        n.leaderContactAt = local;
      });
    }
    case 'LogReplicated': {
      const checked = monitorReplicated(state, event);
      return withRaft(checked, event.node, draft, (n) => {
        n.log = append(truncate(n.log, event.from - 1), event.entries);
      });
    }
    case 'CommandWritten':
      return withRaft(state, event.node, draft, (n) => {
        n.log = append(n.log, [{ term: event.term, command: event.command }]);
        n.matchIndex = withAt(draft, n.matchIndex, event.node, event.index);
      });
    case 'ReplicationAcked': {
      const local = localNow(state, event.node);
      return withRaft(state, event.node, draft, (n) => {
        n.matchIndex = withAt(draft, n.matchIndex, event.follower, Math.max(n.matchIndex[event.follower] ?? 0, event.matchIndex));
        n.nextIndex = withAt(draft, n.nextIndex, event.follower, Math.max(n.nextIndex[event.follower] ?? 1, event.matchIndex + 1));
        n.heardAt = withAt(draft, n.heardAt, event.follower, local);
      });
    }
    case 'ReplicationRejected': {
      const local = localNow(state, event.node);
      return withRaft(state, event.node, draft, (n) => {
        n.nextIndex = withAt(draft, n.nextIndex, event.follower, event.nextIndex);
        n.heardAt = withAt(draft, n.heardAt, event.follower, local);
      });
    }
    case 'CommitAdvanced': {
      const checked = monitorCommit(state, event.node, event.commitIndex);
      return withRaft(checked, event.node, draft, (n) => {
        n.commitIndex = event.commitIndex;
      });
    }
    case 'LeaderSteppedDown':
      return withRaft(state, event.node, draft, (n) => {
        Object.assign(n, NO_CAMPAIGN);
        n.role = 'follower';
        n.leaderId = null;
        n.electionDue = false;
      });
    default:
      return state;
  }
}
