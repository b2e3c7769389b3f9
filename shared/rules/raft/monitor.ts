/**
 * The safety monitor (Raft paper, Figure 3): Election Safety, one vote per term, leaders
 * elected by a majority, terms that never go down, Leader Completeness and State Machine
 * Safety. The fold records any violation the moment an event would cause one (the engine
 * would be wrong); `raftInvariants` adds the checks computed from the state itself.
 */
import type { Event, NodeIndex } from '../types';
import { append, entriesFrom, entryAt, sameEntry } from './log';
import { copyRaftCluster, majority, nodeLabel, raftNode } from './state';
import type { RaftCluster, RaftMonitor } from './types';

type Ev<T extends Event['type']> = Extract<Event, { type: T }>;

function withMonitor(state: RaftCluster, change: Partial<RaftMonitor>): RaftCluster {
  const next = copyRaftCluster(state);
  next.monitor = { ...state.monitor, ...change };
  return next;
}

function violation(state: RaftCluster, sentence: string): RaftCluster {
  return withMonitor(state, { violations: state.monitor.violations.concat(sentence) });
}

export function monitorTerm(state: RaftCluster, node: NodeIndex, term: number): RaftCluster {
  const before = raftNode(state, node).term;
  if (term > before) return state;
  return violation(state, `Terms never decrease: ${nodeLabel(node)} went from term ${before} to term ${term}.`);
}

export function monitorGrant(state: RaftCluster, node: NodeIndex, term: number, candidate: NodeIndex): RaftCluster {
  const last = state.monitor.lastGrant[node] ?? null;
  if (last && last.term === term && last.candidate === candidate) return state;
  let next = state;
  if (last && last.term === term) {
    next = violation(next, `One vote per term: ${nodeLabel(node)} voted for both ${nodeLabel(last.candidate)} and ${nodeLabel(candidate)} in term ${term}.`);
  } else if (last && last.term > term) {
    next = violation(next, `${nodeLabel(node)} voted in term ${term} after voting in the later term ${last.term}.`);
  }
  const lastGrant = next.monitor.lastGrant.slice();
  lastGrant[node] = { term, candidate };
  return withMonitor(next, { lastGrant });
}

export function monitorVoteCounted(state: RaftCluster, event: Ev<'VoteCounted'>): RaftCluster {
  const last = state.monitor.lastGrant[event.voter] ?? null;
  if (last && (last.term > event.term || (last.term === event.term && last.candidate === event.node))) return state;
  return violation(state, `${nodeLabel(event.node)} counted a vote from ${nodeLabel(event.voter)} in term ${event.term} that ${nodeLabel(event.voter)} never granted it.`);
}

export function monitorLeader(state: RaftCluster, event: Ev<'LeaderElected'>): RaftCluster {
  const key = String(event.term);
  const existing = state.monitor.leaders[key];
  const node = raftNode(state, event.node);
  let next = state;
  if (existing !== undefined && existing !== event.node) {
    next = violation(next, `Two leaders in term ${event.term}: ${nodeLabel(existing)} and ${nodeLabel(event.node)}.`);
  }
  if (node.votes.length < majority(state)) {
    next = violation(next, `${nodeLabel(event.node)} became leader of term ${event.term} with ${node.votes.length} of ${state.nodes.length} votes, short of a majority.`);
  }
  if (node.role !== 'candidate' || node.term !== event.term) {
    next = violation(next, `${nodeLabel(event.node)} became leader of term ${event.term} without being its candidate (R8).`);
  }
  if (existing !== undefined) return next;
  return withMonitor(next, { leaders: { ...next.monitor.leaders, [key]: event.node } });
}

/** A follower rewriting its log must never change an entry it held that is committed. */
export function monitorReplicated(state: RaftCluster, event: Ev<'LogReplicated'>): RaftCluster {
  const log = raftNode(state, event.node).log;
  const committed = state.monitor.committed;
  const end = Math.min(log.length, committed.length);
  for (let i = Math.max(event.from, 1); i <= end; i++) {
    const old = entryAt(log, i);
    const fixed = entryAt(committed, i);
    if (sameEntry(old, fixed) && !sameEntry(event.entries[i - event.from], fixed)) {
      return violation(state, `${nodeLabel(event.node)} lost committed entry ${i} while copying ${nodeLabel(event.leader)}'s log.`);
    }
  }
  return state;
}

export function monitorCommit(state: RaftCluster, node: NodeIndex, commitIndex: number): RaftCluster {
  const n = raftNode(state, node);
  const mon = state.monitor;
  const known = mon.committed.length;
  if (commitIndex > n.log.length) return violation(state, `${nodeLabel(node)} committed entry ${commitIndex} beyond the end of its log.`);
  const check = Math.min(commitIndex, known);
  if (check > 0 && !sameEntry(entryAt(n.log, check), entryAt(mon.committed, check))) {
    return violation(state, `State machine safety: ${nodeLabel(node)} committed a different entry ${check} than the one already committed.`);
  }
  if (commitIndex <= known) return state;
  const committed = append(mon.committed, entriesFrom(n.log, known + 1, commitIndex - known));
  const last = mon.commitMarks[mon.commitMarks.length - 1];
  const mark = { term: n.term, index: commitIndex };
  const commitMarks = last && last.term === n.term ? mon.commitMarks.slice(0, -1).concat(mark) : mon.commitMarks.concat(mark);
  return withMonitor(state, { committed, commitMarks });
}

/** How far the log was committed in terms before `term` (what a leader of `term` must hold). */
function committedBefore(state: RaftCluster, term: number): number {
  const marks = state.monitor.commitMarks;
  for (let i = marks.length - 1; i >= 0; i--) {
    const mark = marks[i] as { term: number; index: number };
    if (mark.term < term) return mark.index;
  }
  return 0;
}

/** Leaders whose term is lower than another leader's: a stale captain cut off in a minority (legal). */
export function staleLeaders(state: RaftCluster): NodeIndex[] {
  const leaders = state.raft
    .map((node, index) => ({ node, index }))
    .filter(({ node, index }) => node.role === 'leader' && state.nodes[index]?.status !== 'crashed');
  const top = Math.max(0, ...leaders.map(({ node }) => node.term));
  return leaders.filter(({ node }) => node.term < top).map(({ index }) => index);
}

/** The heading the ship follows: the last committed command (R7), or null before any. */
export function shipHeading(state: RaftCluster): string | null {
  return entryAt(state.monitor.committed, state.monitor.committed.length)?.command ?? null;
}

export function raftInvariants(state: RaftCluster): string[] {
  const found = state.monitor.violations.slice();
  const leaderOfTerm: Record<string, NodeIndex> = {};
  state.raft.forEach((node, index) => {
    const label = nodeLabel(index);
    if ((node.role === 'candidate' || node.role === 'leader') && node.votedFor !== index) {
      found.push(`${label} is ${node.role} of term ${node.term} but did not vote for itself.`);
    }
    if (node.role !== 'leader' || state.nodes[index]?.status === 'crashed') return;
    const other = leaderOfTerm[node.term];
    if (other !== undefined) found.push(`Two leaders in term ${node.term}: ${nodeLabel(other)} and ${label}.`);
    leaderOfTerm[node.term] = index;
    if (node.votes.length < majority(state)) found.push(`${label} leads term ${node.term} with ${node.votes.length} votes, short of a majority.`);
    const required = committedBefore(state, node.term);
    for (let i = 1; i <= required; i++) {
      if (!sameEntry(entryAt(node.log, i), entryAt(state.monitor.committed, i))) {
        found.push(`Leader completeness: ${label} leads term ${node.term} without committed entry ${i}.`);
        break;
      }
    }
  });
  return found;
}
