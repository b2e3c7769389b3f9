/**
 * What the projector and the host panel show during a round: the truth of every team's
 * cluster, readable at a glance. Each node carries its role (shown by shape, label and
 * colour), its term or rank, its main timer as a fraction for the ring, and its clock;
 * each team carries the messages in flight, the partition, the lease, the ship's course,
 * the ticker and its counters.
 */
import { localTime } from '../rules/clock';
import { logEntries, shipHeading, staleLeaders } from '../rules/raft';
import type { BullyCluster } from '../rules/bully/types';
import { nodeLabel } from '../rules/labels';
import type { LeaseCluster } from '../rules/lease/types';
import type { RaftCluster } from '../rules/raft/types';
import type { ClusterState, NodeStatus } from '../rules/types';
import type { GameRoom } from './room';
import { clockView, projectTo, type RoundClockView } from './seat-view';
import type { TeamState, TickerLine } from './round';

/** Roles across algorithms; the projector draws each with its own shape. */
export type NodeRole = 'leader' | 'candidate' | 'precandidate' | 'follower' | 'electing' | 'waiting' | 'holder' | 'idle';

export interface TruthNode {
  index: number;
  label: string;
  nodeId: number;
  nickname: string;
  online: boolean;
  status: NodeStatus;
  role: NodeRole;
  /** Raft term; absent elsewhere. */
  term?: number;
  votedFor?: string | null;
  votes?: number;
  /** Who this node believes leads (label), if anyone. */
  leader: string | null;
  /** The timer that matters most for this node, for the ring around it. */
  timer: { name: string; remainingMs: number; totalMs: number } | null;
  /** The node's clock: rate and how far it is from the room's (ms, + = ahead). */
  clock: { rate: number; driftMs: number; frozen: boolean };
  /** Lease: believes it leads (which can be wrong!), and its fencing token. */
  believesLeading?: boolean;
  token?: number | null;
}

export interface TruthMessage {
  id: number;
  from: number;
  to: number;
  kind: string;
  sentAt: number;
  deliverAt: number;
  lost: boolean;
}

export interface TeamCounters {
  elections: number;
  messagesSent: number;
  messagesDropped: number;
  refusedMoves: number;
  leaderlessMs: number;
}

export interface TruthTeam {
  team: number;
  nodes: TruthNode[];
  messages: TruthMessage[];
  partition: number[][] | null;
  network: { delayMs: number; jitterMs: number; dropRate: number };
  slowLinks: { from: number; to: number; delayMs?: number; dropRate?: number }[];
  counters: TeamCounters;
  ticker: TickerLine[];
  /** Sentences about safety: Raft invariant violations (never expected), split brains, stale leaders. */
  alerts: string[];
  raft?: { course: string[]; commitIndex: number; heading: string | null; term: number };
  bully?: { lastElection: { sent: number; delivered: number; startedBy: string; declaredBy: string | null } | null; totalSent: number };
  lease?: { holder: string | null; expiresAt: number | null; version: number; token: number | null; fencing: boolean; splitBrains: number; writes: { node: string; value: string; token: number; at: number; accepted: boolean; stale: boolean }[] };
}

export interface GameScreenView {
  round: number;
  algorithm: ClusterState['algorithm'];
  preset: string;
  params: Record<string, unknown>;
  /** The round's seed in force (host:round:start `seed`, or the one the server drew). */
  seed: number;
  ended: boolean;
  clock: RoundClockView;
  teamSize: number | null;
  crashOnDisconnect: boolean;
  teams: TruthTeam[];
}

const COURSE_LIMIT = 40;

function raftTruth(state: RaftCluster, i: number, local: number): Partial<TruthNode> & { role: NodeRole; leader: string | null } {
  const n = state.raft[i]!;
  const timers = state.nodes[i]!.timers;
  const timer = n.role === 'leader'
    ? ringFor('heartbeat', timers.heartbeat, local, state.params.heartbeatMs)
    : ringFor('election', timers.election, local, state.params.electionTimeoutMaxMs);
  return {
    role: n.role, term: n.term, votedFor: n.votedFor === null ? null : nodeLabel('raft', n.votedFor), votes: n.votes.length,
    leader: n.leaderId === null ? null : nodeLabel('raft', n.leaderId), timer,
  };
}

function bullyTruth(state: BullyCluster, i: number, local: number): Partial<TruthNode> & { role: NodeRole; leader: string | null } {
  const n = state.bully[i]!;
  const t = state.nodes[i]!.timers;
  const p = state.params;
  const role: NodeRole = n.coordinator === i ? 'leader' : n.phase === 'idle' ? 'follower' : n.answersFrom.length > 0 ? 'waiting' : 'electing';
  const timer = t.answer !== undefined ? ringFor('answer (T)', t.answer, local, p.answerTimeoutMs)
    : t.coordinatorWait !== undefined ? ringFor("coordinator (T')", t.coordinatorWait, local, p.coordinatorTimeoutMs)
    : t.heartbeat !== undefined ? ringFor('heartbeat', t.heartbeat, local, p.heartbeatMs)
    : ringFor('suspicion', t.suspicion, local, p.suspicionMs);
  return { role, leader: n.coordinator === null ? null : nodeLabel('bully', n.coordinator), timer };
}

function leaseTruth(state: LeaseCluster, i: number, local: number): Partial<TruthNode> & { role: NodeRole; leader: string | null } {
  const c = state.clients[i]!;
  const t = state.nodes[i]!.timers;
  const p = state.params;
  const timer = c.leading ? ringFor('renew deadline', t.renewDeadline, local, p.renewDeadlineMs) : ringFor('retry', t.retry, local, p.retryPeriodMs);
  return {
    role: state.lock.holder === i ? 'holder' : c.leading ? 'leader' : 'idle',
    leader: c.knownHolder === null ? null : nodeLabel('lease', c.knownHolder),
    believesLeading: c.leading, token: c.token, timer,
  };
}

function ringFor(name: string, deadline: number | undefined, local: number, totalMs: number): TruthNode['timer'] {
  if (deadline === undefined) return null;
  const remainingMs = Math.max(0, deadline - local);
  return { name, remainingMs, totalMs: Math.max(totalMs, remainingMs) };
}

function truthNodes(room: GameRoom, team: TeamState, state: ClusterState, online: ReadonlySet<number>): TruthNode[] {
  return state.nodes.map((node, i) => {
    const local = localTime(node.clock, state.now);
    const nodeId = team.members[i]!;
    const specific = state.algorithm === 'raft' ? raftTruth(state, i, local) : state.algorithm === 'bully' ? bullyTruth(state, i, local) : leaseTruth(state, i, local);
    return {
      index: i, label: nodeLabel(state.algorithm, i), nodeId,
      nickname: room.seats.find((s) => s.nodeId === nodeId)?.nickname ?? '?',
      online: online.has(nodeId), status: node.status,
      clock: { rate: node.clock.rate, driftMs: Math.round(local - state.now), frozen: node.clock.frozen },
      ...specific,
      timer: node.status === 'live' ? (specific.timer ?? null) : null,
    };
  });
}

function algorithmExtras(state: ClusterState): Pick<TruthTeam, 'raft' | 'bully' | 'lease'> & { alerts: string[]; elections: number } {
  if (state.algorithm === 'raft') {
    const entries = logEntries(state.monitor.committed);
    const stale = staleLeaders(state).map((i) => nodeLabel('raft', i));
    const alerts = state.monitor.violations.slice(-3);
    if (stale.length > 0) alerts.push(`Stale leader${stale.length > 1 ? 's' : ''} ${stale.join(', ')}: still leading an older term, cut off from the majority.`);
    const term = Math.max(0, ...state.raft.map((n) => n.term));
    return { elections: state.stats.elections, alerts, raft: { course: entries.slice(-COURSE_LIMIT).map((e) => e.command), commitIndex: entries.length, heading: shipHeading(state), term } };
  }
  if (state.algorithm === 'bully') {
    const last = state.tallies.recent[state.tallies.recent.length - 1];
    const sum = (k: { election: number; answer: number; coordinator: number }) => k.election + k.answer + k.coordinator;
    const t = state.tallies.totals.sent;
    return {
      elections: state.stats.elections, alerts: [],
      bully: {
        lastElection: last ? { sent: sum(last.sent), delivered: sum(last.delivered), startedBy: nodeLabel('bully', last.startedBy), declaredBy: last.declaredBy === null ? null : nodeLabel('bully', last.declaredBy) } : null,
        totalSent: t.election + t.answer + t.coordinator + t.alive,
      },
    };
  }
  const lock = state.lock;
  const label = (i: number) => nodeLabel('lease', i);
  const alerts = state.monitor.recentSplitBrains.slice(-2).map((s) => `Split brain: ${label(s.nodes[0])} (token ${s.tokens[0]}) and ${label(s.nodes[1])} (token ${s.tokens[1]}) both wrote as leader.`);
  return {
    elections: lock.transitions, alerts,
    lease: {
      holder: lock.holder === null ? null : label(lock.holder), expiresAt: lock.expiresAt, version: lock.version, token: lock.token,
      fencing: state.params.fencing, splitBrains: state.monitor.splitBrains,
      writes: state.storage.recent.map((w) => ({ node: label(w.node), value: w.value, token: w.token, at: w.at, accepted: w.accepted, stale: w.stale })),
    },
  };
}

function truthTeam(room: GameRoom, team: TeamState, roomNow: number, online: ReadonlySet<number>): TruthTeam {
  const state = projectTo(team.cluster, roomNow);
  const extras = algorithmExtras(state);
  const { elections, alerts, ...algorithm } = extras;
  return {
    team: team.team,
    nodes: truthNodes(room, team, state, online),
    messages: state.network.inFlight.map((m) => ({ id: m.id, from: m.from, to: m.to, kind: m.payload.kind, sentAt: m.sentAt, deliverAt: m.deliverAt, lost: m.lost })),
    partition: state.network.partition,
    network: { delayMs: state.network.delayMs, jitterMs: state.network.jitterMs, dropRate: state.network.dropRate },
    slowLinks: Object.entries(state.network.links).map(([key, setting]) => {
      const [from, to] = key.split('>').map(Number) as [number, number];
      return { from, to, ...setting };
    }),
    counters: { elections, messagesSent: state.stats.messagesSent, messagesDropped: state.stats.messagesDropped, refusedMoves: team.refusedMoves, leaderlessMs: state.stats.leaderlessMs },
    ticker: team.ticker,
    alerts,
    ...algorithm,
  };
}

export function gameScreenView(room: GameRoom, roomNow: number, onlineNodeIds: readonly number[]): GameScreenView | null {
  const round = room.round;
  if (!round) return null;
  const online = new Set(onlineNodeIds);
  return {
    round: round.id,
    algorithm: round.config.algorithm,
    preset: round.config.preset,
    params: round.config.params,
    seed: round.config.seed,
    ended: round.ended,
    clock: clockView(round, roomNow),
    teamSize: round.config.teamSize,
    crashOnDisconnect: round.config.crashOnDisconnect,
    teams: round.teams.map((team) => truthTeam(room, team, roomNow, online)),
  };
}
