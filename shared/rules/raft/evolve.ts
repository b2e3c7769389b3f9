/**
 * Folds Raft's events. Each case copies only the node entry it changes (and the short
 * per-peer arrays of a leader), so folding costs the same late in an hour-long class as
 * at its start. The safety monitor is updated here too (see monitor.ts).
 */
import type { Event, NodeIndex } from '../types';
import { append, truncate } from './log';
import { monitorCommit, monitorGrant, monitorLeader, monitorReplicated, monitorTerm, monitorVoteCounted } from './monitor';
import { copyRaftCluster, followerNode, localNow, raftNode } from './state';
import type { RaftCluster, RaftNode, RaftVoteRequest } from './types';

function withRaft(state: RaftCluster, index: NodeIndex, change: (node: RaftNode) => RaftNode): RaftCluster {
  const raft = state.raft.slice();
  raft[index] = change(raftNode(state, index));
  const next = copyRaftCluster(state);
  next.raft = raft;
  return next;
}

/** What a node forgets when it stops leading or campaigning. */
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

function withAt<T>(values: readonly T[], index: number, value: T): T[] {
  const copy = values.slice();
  copy[index] = value;
  return copy;
}

export function evolveRaft(state: RaftCluster, event: Event): RaftCluster {
  switch (event.type) {
    case 'NodeCrashed': {
      // R11: term, vote and log are on disk; everything else is volatile (commitIndex too, as in the paper).
      const { term, votedFor, log } = raftNode(state, event.node);
      return withRaft(state, event.node, () => ({ ...followerNode(), term, votedFor, log }));
    }
    case 'ElectionTimerExpired':
      return withRaft(state, event.node, (n) => ({ ...n, electionDue: true }));
    case 'ElectionStarted': {
      const checked = monitorGrant(monitorTerm(state, event.node, event.term), event.node, event.term, event.node);
      const next = withRaft(checked, event.node, (n) => ({
        ...n, ...NO_CAMPAIGN, term: event.term, votedFor: event.node, role: 'candidate', leaderId: null,
        electionDue: false, votes: [event.node],
      }));
      const counted = copyRaftCluster(next);
      counted.stats = { ...next.stats, elections: next.stats.elections + 1 };
      return counted;
    }
    case 'PreVoteStarted':
      return withRaft(state, event.node, (n) => ({ ...n, ...NO_CAMPAIGN, role: 'precandidate', leaderId: null, electionDue: false, preVotes: [event.node] }));
    case 'PreVoteCounted':
      return withRaft(state, event.node, (n) => (n.preVotes.includes(event.voter) ? n : { ...n, preVotes: n.preVotes.concat(event.voter) }));
    case 'TermAdopted':
      return withRaft(monitorTerm(state, event.node, event.term), event.node, (n) => ({
        ...n, ...NO_CAMPAIGN, term: event.term, votedFor: null, role: 'follower', leaderId: null, electionDue: false,
      }));
    case 'VoteRequestReceived': {
      const { node, candidate, term, lastLogIndex, lastLogTerm } = event;
      return withRaft(state, node, (n) => ({ ...n, requests: withRequest(n.requests, { candidate, term, lastLogIndex, lastLogTerm }) }));
    }
    case 'VoteGranted':
      return withRaft(monitorGrant(state, event.node, event.term, event.candidate), event.node, (n) => ({ ...n, votedFor: event.candidate, electionDue: false }));
    case 'VoteCounted':
      return withRaft(monitorVoteCounted(state, event), event.node, (n) => (n.votes.includes(event.voter) ? n : { ...n, votes: n.votes.concat(event.voter) }));
    case 'LeaderElected': {
      const checked = monitorLeader(state, event);
      const local = localNow(state, event.node);
      return withRaft(checked, event.node, (n) => {
        const next = n.log.length + 1;
        return {
          ...n, role: 'leader', leaderId: event.node, electionDue: false, preVotes: [],
          nextIndex: state.nodes.map(() => next),
          matchIndex: state.nodes.map((peer) => (peer.index === event.node ? n.log.length : 0)),
          heardAt: state.nodes.map((peer) => (n.votes.includes(peer.index) ? local : null)),
        };
      });
    }
    case 'LeaderHeard': {
      const local = localNow(state, event.node);
      return withRaft(state, event.node, (n) => ({
        ...n, ...NO_CAMPAIGN, role: 'follower', leaderId: event.leader, electionDue: false, leaderContactAt: local,
      }));
    }
    case 'LogReplicated': {
      const checked = monitorReplicated(state, event);
      return withRaft(checked, event.node, (n) => ({ ...n, log: append(truncate(n.log, event.from - 1), event.entries) }));
    }
    case 'CommandWritten':
      return withRaft(state, event.node, (n) => ({
        ...n,
        log: append(n.log, [{ term: event.term, command: event.command }]),
        matchIndex: withAt(n.matchIndex, event.node, event.index),
      }));
    case 'ReplicationAcked': {
      const local = localNow(state, event.node);
      return withRaft(state, event.node, (n) => ({
        ...n,
        matchIndex: withAt(n.matchIndex, event.follower, Math.max(n.matchIndex[event.follower] ?? 0, event.matchIndex)),
        nextIndex: withAt(n.nextIndex, event.follower, Math.max(n.nextIndex[event.follower] ?? 1, event.matchIndex + 1)),
        heardAt: withAt(n.heardAt, event.follower, local),
      }));
    }
    case 'ReplicationRejected': {
      const local = localNow(state, event.node);
      return withRaft(state, event.node, (n) => ({
        ...n,
        nextIndex: withAt(n.nextIndex, event.follower, event.nextIndex),
        heardAt: withAt(n.heardAt, event.follower, local),
      }));
    }
    case 'CommitAdvanced': {
      const checked = monitorCommit(state, event.node, event.commitIndex);
      return withRaft(checked, event.node, (n) => ({ ...n, commitIndex: event.commitIndex }));
    }
    case 'LeaderSteppedDown':
      return withRaft(state, event.node, (n) => ({ ...n, ...NO_CAMPAIGN, role: 'follower', leaderId: null, electionDue: false }));
    default:
      return state;
  }
}
