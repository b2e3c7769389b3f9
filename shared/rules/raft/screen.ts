/** What the projector shows of a Raft team: every node's truth, the ship's course, stale leaders. */
import type { TeamExtras, TeamTruth, TruthSpecific } from '../module';
import { entriesFrom } from './log';
import { shipHeading, staleLeaders } from './monitor';
import { nodeLabel } from './state';
import type { RaftCluster } from './types';

const COURSE_LIMIT = 40;

function ring(name: string, deadline: number | undefined, local: number, totalMs: number): TruthSpecific['timer'] {
  if (deadline === undefined) return null;
  const remainingMs = Math.max(0, deadline - local);
  return { name, remainingMs, totalMs: Math.max(totalMs, remainingMs) };
}

export function raftTruth(state: RaftCluster, i: number, local: number): TruthSpecific {
  const n = state.raft[i]!;
  const timers = state.nodes[i]!.timers;
  const timer = n.role === 'leader'
    ? ring('heartbeat', timers.heartbeat, local, state.params.heartbeatMs)
    : ring('election', timers.election, local, state.params.electionTimeoutMaxMs);
  const votedFor = n.votedFor === null ? null : nodeLabel(n.votedFor);
  const leader = n.leaderId === null ? null : nodeLabel(n.leaderId);
  const newest = Math.max(0, ...state.raft.map((r) => r.term));
  const info = [`term ${n.term}`];
  if (n.role === 'candidate' || n.role === 'precandidate') info.push(`${n.votes.length} vote${n.votes.length === 1 ? '' : 's'}`);
  else if (votedFor) info.push(`voted ${votedFor}`);
  if (leader && n.role !== 'leader') info.push(`→ ${leader}`);
  return {
    role: n.role, term: n.term, votedFor, votes: n.votes.length, leader, timer, info: info.join(' · '),
    // A leader of an older term than the newest one seen: cut off, about to learn it lost.
    stale: n.role === 'leader' && state.nodes[i]!.status !== 'crashed' && n.term < newest,
  };
}

export function raftTeam(state: RaftCluster): TeamTruth {
  // The course's last entries only: a projector view is made every tick, and copying an hour's committed log each time grew with the log.
  const committed = state.monitor.committed;
  const course = entriesFrom(committed, committed.length - COURSE_LIMIT + 1, COURSE_LIMIT).map((e) => e.command);
  const stale = staleLeaders(state).map((i) => nodeLabel(i));
  const alerts = state.monitor.violations.slice(-3);
  if (stale.length > 0) alerts.push(`Stale leader${stale.length > 1 ? 's' : ''} ${stale.join(', ')}: still leading an older term, cut off from the majority.`);
  const term = Math.max(0, ...state.raft.map((n) => n.term));
  return { elections: state.stats.elections, alerts, extras: { raft: { course, commitIndex: committed.length, heading: shipHeading(state), term } } };
}

type Node = { label: string; status: string; role: string; term?: number };

/** "Leader B (term 2)", "No leader · B, C stand". */
export function raftTeamLine(nodes: Node[], _extras: TeamExtras): string {
  const up = nodes.filter((n) => n.status !== 'crashed');
  const leaders = up.filter((n) => n.role === 'leader');
  if (leaders.length > 0) return `${leaders.length > 1 ? 'Leaders' : 'Leader'} ${leaders.map((n) => `${n.label} (term ${n.term ?? 0})`).join(', ')}`;
  const standing = up.filter((n) => n.role === 'candidate' || n.role === 'precandidate');
  if (standing.length === 0) return 'No leader';
  return `No leader · ${standing.map((n) => n.label).join(', ')} ${standing.length > 1 ? 'stand' : 'stands'}`;
}
