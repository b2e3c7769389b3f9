/** How Raft's ticker lines rank (shared/rules/ticker-rank.ts): leader changes and commits lead, votes and heartbeats group. */
import { HEADLINE, routine, type TickerRank } from '../ticker-rank';
import type { Event, NodeIndex } from '../types';
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
  // A plain loop, not flatMap: the game folds this after every logged batch (issue 7's fold).
  const leaders: NodeIndex[] = [];
  for (let i = 0; i < state.raft.length; i++) if (state.raft[i]!.role === 'leader' && state.nodes[i]?.status !== 'crashed') leaders.push(i);
  return leaders;
}
