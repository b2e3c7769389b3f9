/**
 * What one student's phone shows during a round: their own node as their node knows it
 * (never the global truth), already put into words by the algorithm's module, and the
 * moves with the law's answer to each (a dry run of decide, so a button is greyed for
 * exactly the reason a click would be refused). The phone renders; it never re-derives.
 */
import { answeredMoves } from '../rules/answered-moves';
import { evolve } from '../rules/engine';
import type { InboxLine, MoveLayout, NodeSummary, RoleTable } from '../rules/module';
import type { Refusal } from '../rules/refusal';
import { algorithmModule } from '../rules/registry';
import type { Algorithm, ClusterState, Command, NodeStatus } from '../rules/types';
import type { GameRoom } from './room';
import { commandToMove, type Move } from './moves';
import type { RoundState, TeamState } from './round';
import { seatScore, type SeatScore } from '../scoring/views';
import { storyOnPhone, type SeatStory } from './story-cues';
import { challengeView, type ChallengeView } from '../challenges/outcome';

export interface MoveOption {
  /** Stable key for React and for keyboard shortcuts, e.g. "GrantVote:2". */
  id: string;
  label: string;
  move: Move;
  allowed: boolean;
  refusal: Refusal | null;
  /** Where the phone draws it: a main button, a reply row, the steering pad, the write box. */
  layout: MoveLayout;
  /** What the rules expect of the node now (its duty): drawn brighter. */
  urgent: boolean;
  /** The "no" of a pair (Refuse, Release): drawn quieter. */
  secondary: boolean;
  /** A laptop's key for it, and the hint drawn on the button. */
  shortcut: { key: string; hint: string } | null;
}

export interface RoundClockView {
  running: boolean;
  rate: number;
  /** Room time when the view was made; the phone counts on from it at `rate` while running. */
  roomNow: number;
}

/** A member of the student's team: `index` is what moves carry, `label` what screens print. */
export interface PeerView {
  index: number;
  label: string;
  nickname: string;
}

/** The node's own knowledge, raw (documented per algorithm in docs/PROTOCOL.md): for bots. */
export type SeatNodeView = { algorithm: string; status: NodeStatus } & Record<string, unknown>;

export interface GameSeatView {
  round: number;
  algorithm: Algorithm;
  /** "Raft": the algorithm's name for the screen. */
  title: string;
  preset: string;
  /** The round's seed in force (host:round:start `seed`, or the one the server drew). */
  seed: number;
  /** The round's parameters in force (the preset's values under the host's overrides). */
  params: Record<string, unknown>;
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
  node: SeatNodeView | null;
  /** The node in words: role key, headline, facts, timers (totals in force), callout. */
  summary: NodeSummary | null;
  /** The algorithm's role table: word, shape and colour per role (the projector uses the same). */
  roles: RoleTable;
  /** The last messages that reached the node, newest first, in plain words. */
  inbox: InboxLine[];
  moves: MoveOption[];
  peers: PeerView[];
  /** Between rounds: this student's own line and points, nobody else's (SPEC S8). */
  score: SeatScore | null;
  /** What a stand-in bot did while this student was away (SPEC AP5), once they are back. */
  note: string | null;
  /** Story mode: the story's title, the beat, and this student's cue (null outside a story). */
  story: SeatStory | null;
  /** The round's challenge as the class sees it: goal, timer, winner (SPEC K1); never another student's line. */
  challenge: ChallengeView | null;
}

/** How many inbox lines a phone is sent. */
export const INBOX_LINES = 6;

/** The cluster as it stands at `roomNow`: time moved on though nothing was due. */
export function projectTo(cluster: ClusterState, roomNow: number): ClusterState {
  if (roomNow <= cluster.now) return cluster;
  // One flush builds every phone of a team at the same room time: the team's cluster is
  // moved on once, not once per phone (300 copies of a 300-node cluster per flush before).
  const last = lastProjection;
  if (last && last.cluster === cluster && last.roomNow === roomNow) return last.projected;
  const projected = evolve(cluster, { type: 'ClockAdvanced', to: roomNow });
  lastProjection = { cluster, roomNow, projected };
  return projected;
}
/** The last projection made (states are immutable, so the same inputs give the same state). */
let lastProjection: { cluster: ClusterState; roomNow: number; projected: ClusterState } | null = null;

/**
 * Where a student sits, found through a map built once per round's team list (a flush
 * builds every phone of a room from the same list: one pass, not one scan per phone).
 */
const places = new WeakMap<readonly TeamState[], Map<number, { team: TeamState; index: number }>>();
export function seatPlace(round: RoundState, nodeId: number): { team: TeamState; index: number } | null {
  let map = places.get(round.teams);
  if (!map) {
    map = new Map();
    for (const team of round.teams) team.members.forEach((id, index) => map!.set(id, { team, index }));
    places.set(round.teams, map);
  }
  return map.get(nodeId) ?? null;
}

/** Nicknames by node id, once per seat list (seats are replaced, never mutated). */
const nicknames = new WeakMap<readonly { nodeId: number; nickname: string }[], Map<number, string>>();
function nicknameOf(seats: readonly { nodeId: number; nickname: string }[], nodeId: number): string {
  let map = nicknames.get(seats);
  if (!map) {
    map = new Map(seats.map((s) => [s.nodeId, s.nickname]));
    nicknames.set(seats, map);
  }
  return map.get(nodeId) ?? '?';
}

/**
 * A team's peers (label and nickname by index), one array for all its phones: a flush of a
 * 300-node cluster built 300 of them per phone, 90,000 objects, most of its garbage. Kept per
 * members list while the seat list and the labels are the same (lists are replaced, never
 * mutated); the phones only read it.
 */
const teamPeers = new WeakMap<readonly number[], { seats: readonly { nodeId: number; nickname: string }[]; nodeLabel: (index: number) => string; peers: PeerView[] }>();
function peersOf(members: readonly number[], seats: readonly { nodeId: number; nickname: string }[], nodeLabel: (index: number) => string): PeerView[] {
  const kept = teamPeers.get(members);
  if (kept && kept.seats === seats && kept.nodeLabel === nodeLabel) return kept.peers;
  const peers = members.map((id, index) => ({ index, label: nodeLabel(index), nickname: nicknameOf(seats, id) }));
  teamPeers.set(members, { seats, nodeLabel, peers });
  return peers;
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
  return answeredMoves(state, index).map((m) => ({
    id: moveId(m.command), label: m.label, move: commandToMove(m.command), allowed: m.allowed, refusal: m.refusal,
    layout: m.layout, urgent: m.urgent ?? false, secondary: m.secondary ?? false, shortcut: m.shortcut ?? null,
  }));
}

function inboxLines(state: ClusterState, index: number): InboxLine[] {
  const module = algorithmModule(state.algorithm);
  const lines: InboxLine[] = [];
  for (const entry of (state.nodes[index]?.inbox ?? []).slice().reverse()) {
    const line = module.seat.inboxLine(entry, module.nodeLabel);
    if (line) lines.push({ key: entry.messageId, at: entry.at, ...line });
    if (lines.length === INBOX_LINES) break;
  }
  return lines;
}

export function gameSeatView(room: GameRoom, nodeId: number, roomNow: number): GameSeatView | null {
  const round = room.round;
  if (!round) return null;
  const module = algorithmModule(round.config.algorithm);
  const base = {
    round: round.id,
    algorithm: round.config.algorithm,
    preset: round.config.preset,
    seed: round.config.seed,
    params: round.config.params,
    ended: round.ended,
    clock: clockView(round, roomNow),
    computedAt: roomNow,
    teamCount: round.teams.length,
    title: module.title,
    roles: module.roles,
    challenge: round.challenge ? challengeView(round.challenge, (_team, node) => module.nodeLabel(node)) : null,
  };
  const seat = seatPlace(round, nodeId);
  if (!seat) return { ...base, inRound: false, team: null, index: null, label: null, node: null, summary: null, inbox: [], moves: [], peers: [], score: null, note: null, story: null };
  const state = projectTo(seat.team.cluster, roomNow);
  const peers = peersOf(seat.team.members, room.seats, module.nodeLabel);
  const status = state.nodes[seat.index]!.status;
  // A finished round is history: nothing can be played any more.
  const told = storyOnPhone(round.story, seat.team.team, seat.index, round.ended ? [] : options(state, seat.index), round.ended);
  return {
    ...base,
    inRound: true,
    team: seat.team.team,
    index: seat.index,
    label: module.nodeLabel(seat.index),
    node: { algorithm: state.algorithm, status, ...(module.seat.node(state, seat.index) as object) },
    summary: module.seat.summary(state, seat.index, peers),
    inbox: inboxLines(state, seat.index),
    moves: told.moves,
    peers,
    score: round.ended && round.scoring && !room.scoresOff ? seatScore(round.scoring, nodeId) : null,
    note: round.notes?.[nodeId] ?? null,
    story: told.story,
  };
}
