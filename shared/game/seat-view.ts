/**
 * What one student's phone shows during a round: their own node as their node knows it
 * (never the global truth), and the moves of the algorithm with the law's answer to each
 * (a dry run of decide, so a button is greyed for exactly the reason a click would be
 * refused).
 */
import { bullyMoves, bullyNodeView, type BullyNodeView } from '../rules/bully/view';
import { evolve } from '../rules/engine';
import { nodeLabel } from '../rules/labels';
import { leaseMoves, leaseNodeView, type LeaseNodeView } from '../rules/lease/view';
import { raftMoves, raftNodeView, type RaftNodeView } from '../rules/raft/view';
import type { Refusal } from '../rules/refusal';
import type { Algorithm, ClusterState, Command } from '../rules/types';
import type { GameRoom } from './room';
import { commandToMove, type Move } from './moves';
import { seatInRound, type RoundState } from './round';

export interface MoveOption {
  /** Stable key for React and for keyboard shortcuts, e.g. "GrantVote:2". */
  id: string;
  label: string;
  move: Move;
  allowed: boolean;
  refusal: Refusal | null;
}

export interface RoundClockView {
  running: boolean;
  rate: number;
  /** Room time when the view was made; the phone counts on from it at `rate` while running. */
  roomNow: number;
}

export interface PeerView {
  index: number;
  label: string;
  nickname: string;
}

export type AlgorithmNodeView = RaftNodeView | (BullyNodeView & { algorithm: 'bully' }) | LeaseNodeView;

export interface GameSeatView {
  round: number;
  algorithm: Algorithm;
  preset: string;
  /** The round's seed in force (host:round:start `seed`, or the one the server drew). */
  seed: number;
  ended: boolean;
  clock: RoundClockView;
  /**
   * Room time at which `node` and `moves` were computed. The server re-sends a node's
   * view only when the node changed, so timers in `node` count from here, not from
   * `clock.roomNow`: remaining = timerMs - (room time now - computedAt).
   */
  computedAt: number;
  /** False for a student who joined after the round started (they wait for the next). */
  inRound: boolean;
  team: number | null;
  teamCount: number;
  index: number | null;
  label: string | null;
  node: AlgorithmNodeView | null;
  moves: MoveOption[];
  peers: PeerView[];
}

/** The cluster as it stands at `roomNow`: time moved on though nothing was due. */
export function projectTo(cluster: ClusterState, roomNow: number): ClusterState {
  return roomNow > cluster.now ? evolve(cluster, { type: 'ClockAdvanced', to: roomNow }) : cluster;
}

export function clockView(round: RoundState, roomNow: number): RoundClockView {
  return { running: round.clock.running && !round.ended, rate: round.clock.rate, roomNow };
}

function moveId(command: Command): string {
  const c = command as Command & { candidate?: number; to?: number; command?: string };
  const target = c.candidate ?? c.to ?? c.command;
  return target === undefined ? c.type : `${c.type}:${target}`;
}

function options(state: ClusterState, index: number): MoveOption[] {
  if (state.algorithm === 'raft') {
    return raftMoves(state, index).map((m) => ({ id: moveId(m.command), label: m.label, move: commandToMove(m.command), allowed: m.allowed, refusal: m.refusal }));
  }
  if (state.algorithm === 'bully') {
    return bullyMoves(state, index).map((m) => ({ id: moveId(m.command), label: bullyLabel(m.command), move: commandToMove(m.command), allowed: m.allowed, refusal: m.refusal }));
  }
  return leaseMoves(state, index).map((m) => ({ id: moveId(m.command), label: LEASE_LABELS[m.type], move: commandToMove(m.command), allowed: m.allowed, refusal: m.refusal }));
}

const LEASE_LABELS = { Acquire: 'Acquire the lease', Renew: 'Renew', Release: 'Release', Write: 'Write' } as const;

function bullyLabel(command: Command): string {
  switch (command.type) {
    case 'SendAlive': return "Send \"I'm alive\"";
    case 'StartElection': return 'Start election';
    case 'DeclareCoordinator': return 'Declare coordinator';
    case 'Answer': return `Answer ${command.to + 1} (OK)`;
    default: return command.type;
  }
}

function nodeView(state: ClusterState, index: number): AlgorithmNodeView | null {
  if (state.algorithm === 'raft') return raftNodeView(state, index);
  if (state.algorithm === 'bully') return { ...bullyNodeView(state, index), algorithm: 'bully' };
  return leaseNodeView(state, index);
}

export function gameSeatView(room: GameRoom, nodeId: number, roomNow: number): GameSeatView | null {
  const round = room.round;
  if (!round) return null;
  const base = {
    round: round.id,
    algorithm: round.config.algorithm,
    preset: round.config.preset,
    seed: round.config.seed,
    ended: round.ended,
    clock: clockView(round, roomNow),
    computedAt: roomNow,
    teamCount: round.teams.length,
  };
  const seat = seatInRound(round, nodeId);
  if (!seat) return { ...base, inRound: false, team: null, index: null, label: null, node: null, moves: [], peers: [] };
  const state = projectTo(seat.team.cluster, roomNow);
  const nickname = (id: number) => room.seats.find((s) => s.nodeId === id)?.nickname ?? '?';
  return {
    ...base,
    inRound: true,
    team: seat.team.team,
    index: seat.index,
    label: nodeLabel(state.algorithm, seat.index),
    node: nodeView(state, seat.index),
    // A finished round is history: nothing can be played any more.
    moves: round.ended ? [] : options(state, seat.index),
    peers: seat.team.members.map((id, index) => ({ index, label: nodeLabel(state.algorithm, index), nickname: nickname(id) })),
  };
}
