/**
 * The ticker: one plain sentence for each Raft event worth reading on the projector,
 * null for the noise (clock steps, timers, automatic bookkeeping, followers quietly
 * following). The state before and after the event give the context a sentence needs.
 */
import type { Event } from '../types';
import { entryAt } from './log';
import { nodeLabel as L } from './state';
import type { PreVoteRefusalReason, RaftCluster } from './types';

const PRE_VOTE_REASONS: Record<PreVoteRefusalReason, string> = {
  leaderAlive: 'it heard from a leader recently',
  staleLog: "the candidate's log is behind",
  staleTerm: 'it is already in that term or a later one',
};

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function narrateRaft(event: Event, before: RaftCluster, after: RaftCluster): string | null {
  switch (event.type) {
    case 'NodeCrashed': {
      const was = before.raft[event.node];
      return was?.role === 'leader' ? `The captain is down: leader ${L(event.node)} of term ${was.term} crashed.` : null;
    }
    case 'ElectionTimerExpired':
      return `${L(event.node)}'s election timer ran out: ${L(event.node)} may stand for election.`;
    case 'ElectionStarted':
      return `${L(event.node)} stood for election in term ${event.term} and asked ${plural(after.nodes.length - 1, 'node')} for votes.`;
    case 'PreVoteStarted':
      return `${L(event.node)} asked for pre-votes for term ${event.term} without changing its term.`;
    case 'PreVoteRefused':
      return `${L(event.node)} refused ${L(event.candidate)} a pre-vote for term ${event.term}: ${PRE_VOTE_REASONS[event.reason]} (R9).`;
    case 'TermAdopted': {
      const was = before.raft[event.node];
      if (was?.role !== 'leader' && was?.role !== 'candidate') return null;
      return `${L(event.node)} saw term ${event.term} from ${L(event.from)} and stepped down from ${was.role} to follower (R1).`;
    }
    case 'VoteRequestIgnored':
      return `${L(event.node)} ignored ${L(event.candidate)}'s vote request for term ${event.term}: its leader is alive (R10).`;
    case 'VoteGranted':
      return `${L(event.node)} voted for ${L(event.candidate)} in term ${event.term}.`;
    case 'VoteRefused':
      return `${L(event.node)} refused to vote for ${L(event.candidate)} in term ${event.term}.`;
    case 'LeaderElected':
      return `${L(event.node)} became leader of term ${event.term} with ${event.votes} of ${event.clusterSize} votes.`;
    case 'LeaderHeard': {
      const was = before.raft[event.node];
      if (was?.role !== 'candidate' && was?.role !== 'precandidate') return null;
      return `${L(event.node)} conceded: ${L(event.leader)} leads term ${event.term} (R6).`;
    }
    case 'LogReplicated': {
      const had = before.raft[event.node]?.log.length ?? 0;
      if (event.from > had) return null;
      const dropped = had - event.from + 1;
      return `${L(event.node)} dropped ${plural(dropped, 'uncommitted entry', 'uncommitted entries')} that conflicted with leader ${L(event.leader)}'s log.`;
    }
    case 'CommandWritten':
      return `${L(event.node)} wrote "${event.command}" as entry ${event.index} of term ${event.term}; the ship follows once a majority holds it.`;
    case 'CommitAdvanced': {
      const from = before.monitor.committed.length;
      const to = after.monitor.committed.length;
      if (to <= from) return null;
      const command = entryAt(after.monitor.committed, to)?.command ?? '';
      const entries = to - from === 1 ? `Entry ${to}` : `Entries ${from + 1}-${to}`;
      return `${entries} committed by ${L(event.node)}: the ship now steers "${command}".`;
    }
    case 'LeaderSteppedDown':
      return `${L(event.node)} stepped down as leader of term ${event.term}: it heard from only ${event.heard} of ${after.nodes.length} nodes within an election timeout (R10).`;
    case 'MessagesSent': {
      const first = event.messages[0];
      if (first?.payload.kind !== 'AppendEntries') return null;
      const carried = event.messages.reduce((most, m) => Math.max(most, m.payload.kind === 'AppendEntries' ? m.payload.entries.length : 0), 0);
      const extra = carried > 0 ? `, carrying up to ${plural(carried, 'entry', 'entries')}` : '';
      return `${L(first.from)} sent a heartbeat for term ${first.payload.term}${extra}.`;
    }
    default:
      return null;
  }
}
