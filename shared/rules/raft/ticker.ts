/** How Raft's ticker lines rank (shared/rules/ticker-rank.ts): leader changes and commits lead, votes and heartbeats group. */
import { HEADLINE, routine, type TickerRank } from '../ticker-rank';
import type { Event, NodeIndex } from '../types';
import { raftLeaders } from './leaders';
import { nodeLabel as L } from './state';
import type { RaftCluster } from './types';

export function rankRaftEvent(event: Event): TickerRank | null {
  switch (event.type) {
    case 'LeaderElected':
    case 'LeaderSteppedDown':
    case 'CommitAdvanced':
      return HEADLINE;
    case 'VoteGranted':
      return routine(`vote:${event.candidate}:${event.term}`, `{n} votes for ${L(event.candidate)} in term ${event.term}.`);
    case 'VoteRefused':
      return routine(`refuse:${event.candidate}:${event.term}`, `{n} nodes refused to vote for ${L(event.candidate)} in term ${event.term}.`);
    case 'PreVoteRefused':
      return routine(`prerefuse:${event.candidate}:${event.term}`, `{n} nodes refused ${L(event.candidate)} a pre-vote for term ${event.term}.`);
    case 'VoteRequestIgnored':
      return routine(`ignore:${event.candidate}:${event.term}`, `{n} nodes ignored ${L(event.candidate)}'s vote request for term ${event.term}: their leader is alive (R10).`);
    case 'MessagesSent': {
      const first = event.messages[0];
      if (first?.payload.kind !== 'AppendEntries') return null;
      return routine(`heartbeat:${first.from}:${first.payload.term}`, `{n} heartbeats from ${L(first.from)} in term ${first.payload.term}.`);
    }
    default:
      return null; // the common faults rank themselves (shared/game/ticker.ts)
  }
}

/** Live leaders, of any term: an old leader cut off in a minority still acts as one (R1 only stops it once it hears the new term). */
export function raftActingLeaders(state: RaftCluster): NodeIndex[] {
  // Read once per (raft, nodes) pair: the game asks after every logged batch (issue 7's fold).
  return raftLeaders(state).acting as NodeIndex[];
}
