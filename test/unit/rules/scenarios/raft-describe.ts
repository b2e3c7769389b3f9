/**
 * How a Raft transcript prints state: one line per node (what that node holds), the
 * monitor's view of the whole cluster (leaders per term, the committed log, the ship),
 * and a few quiet facts the projector's ticker leaves out but a scenario needs to show
 * (a follower moving to a newer term, a log mismatch, a pre-vote granted, entries stored).
 */
import { letterLabel } from '../../../../shared/rules/labels';
import { toArray, type RaftLog } from '../../../../shared/rules/raft/log';
import { shipHeading, staleLeaders } from '../../../../shared/rules/raft/monitor';
import type { ClusterState, Event } from '../../../../shared/rules/types';
import type { Run } from '../harness';
import { node, S, timerAt } from '../raft/helpers';

export const letter = letterLabel;

/** Room time, exact: t=16.283s. */
export function time(ms: number): string {
  return `t=${ms / 1000}s`;
}

function logText(log: RaftLog): string {
  const entries = toArray(log);
  return entries.length === 0 ? 'empty' : entries.map((e) => `${e.term}:${e.command}`).join(' ');
}

function letters(indices: number[]): string {
  return indices.length === 0 ? 'none' : indices.map(letter).join(' ');
}

export function describeNode(run: Run, index: number): string {
  const n = node(run, index);
  const status = run.state.nodes[index]!.status;
  const parts = [`${n.role} of term ${n.term}`, `voted ${n.votedFor === null ? 'nobody' : letter(n.votedFor)}`];
  if (n.role !== 'leader' && n.leaderId !== null) parts.push(`follows ${letter(n.leaderId)}`);
  if (n.role === 'candidate' || n.role === 'leader') parts.push(`votes ${letters(n.votes)}`);
  if (n.role === 'precandidate') parts.push(`pre-votes ${letters(n.preVotes)}`);
  if (n.role !== 'leader' && n.requests.length > 0) parts.push(`vote requests from ${letters(n.requests.map((r) => r.candidate))}`);
  parts.push(`log ${logText(n.log)}`, `commit ${n.commitIndex}`);
  const election = timerAt(run, index, 'election');
  if (n.electionDue) parts.push('may stand');
  else if (election !== null) parts.push(`election timer ends ${time(election)}`);
  return `${letter(index)}${status === 'live' ? '' : ` (${status})`}: ${parts.join(', ')}`;
}

export function describeCluster(run: Run, what: 'nodes' | 'monitor'): string[] {
  if (what === 'nodes') return run.state.nodes.map((_, i) => describeNode(run, i));
  const cluster = S(run);
  const leaders = Object.entries(cluster.monitor.leaders).map(([term, leader]) => `term ${term} ${letter(leader)}`);
  const heading = shipHeading(cluster);
  return [
    `leaders: ${leaders.length === 0 ? 'none yet' : leaders.join(', ')}; stale leaders: ${letters(staleLeaders(cluster))}`,
    `committed: ${logText(cluster.monitor.committed)}; the ship ${heading === null ? 'holds its course' : `steers ${heading}`}`,
  ];
}

/** A line for the events the ticker keeps quiet about but a scenario should show; null for the rest. */
export function quietFact(event: Event, before: ClusterState): string | null {
  switch (event.type) {
    case 'TermAdopted':
      return `${letter(event.node)} moved to term ${event.term} (heard from ${letter(event.from)}) (R1).`;
    case 'PreVoteGranted':
      return `${letter(event.node)} granted ${letter(event.candidate)} a pre-vote for term ${event.term} (R9).`;
    case 'ReplicationRejected':
      return `${letter(event.follower)}'s log did not match: ${letter(event.node)} will resend from entry ${event.nextIndex} (R6).`;
    case 'LogReplicated': {
      if (event.entries.length === 0 || before.algorithm !== 'raft') return null;
      return `${letter(event.node)} stored ${event.entries.map((e) => `${e.term}:${e.command}`).join(' ')} from ${letter(event.leader)} at entry ${event.from}.`;
    }
    default:
      return null;
  }
}
