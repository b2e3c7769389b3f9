/**
 * The ticker: one plain sentence for each Raft event worth reading on the projector,
 * null for the noise (clock steps, timers, automatic bookkeeping, followers quietly
 * following). The state before and after the event give the context a sentence needs.
 */
import type { NarrationReads } from '../module';
import type { Event } from '../types';
import { entryAt } from './log';
import { nodeLabel as L } from './state';
import type { PreVoteRefusalReason, RaftCluster, RaftNode } from './types';

const PRE_VOTE_REASONS: Record<PreVoteRefusalReason, string> = {
  leaderAlive: 'it heard from a leader recently',
  staleLog: "the candidate's log is behind",
  staleTerm: 'it is already in that term or a later one',
};

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Guards the narrator and `raftNarrationReads` share: when a line is told at all. */
const steppedDown = (was: RaftNode | undefined) => was?.role === 'leader' || was?.role === 'candidate';
const conceded = (was: RaftNode | undefined) => was?.role === 'candidate' || was?.role === 'precandidate';
/** A follower's log lost entries: the copy starts at or before its last entry. */
const droppedFrom = (was: RaftNode | undefined, from: number) => from <= (was?.log.length ?? 0);

/**
 * Which events read the cluster before them (see AlgorithmModule's `narrationReads`): the
 * frequent ones (a follower hearing its leader, copying entries, learning the commit index)
 * are told only in the rare case the state before shows, so most are 'silent' and fold in place.
 */
export function raftNarrationReads(event: Event, before: RaftCluster): NarrationReads {
  switch (event.type) {
    case 'NodeCrashed':
      return 'before'; // rare; a crash also has its common line
    case 'TermAdopted':
      return steppedDown(before.raft[event.node]) ? 'before' : 'silent';
    case 'LeaderHeard':
      return conceded(before.raft[event.node]) ? 'before' : 'silent';
    case 'LogReplicated':
      return droppedFrom(before.raft[event.node], event.from) ? 'before' : 'silent';
    case 'CommitAdvanced':
      // The monitor's committed prefix grows only past its end (monitor.ts's monitorCommit).
      return event.commitIndex > before.monitor.committed.length ? 'before' : 'silent';
    default:
      return 'after';
  }
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
      if (!steppedDown(was)) return null;
      return `${L(event.node)} saw term ${event.term} from ${L(event.from)} and stepped down from ${was!.role} to follower (R1).`;
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
      if (!conceded(before.raft[event.node])) return null;
      return `${L(event.node)} conceded: ${L(event.leader)} leads term ${event.term} (R6).`;
    }
    case 'LogReplicated': {
      const was = before.raft[event.node];
      if (!droppedFrom(was, event.from)) return null;
      const had = was?.log.length ?? 0;
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
