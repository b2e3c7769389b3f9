/**
 * What the projector and the host panel show during a round: the truth of every team's
 * cluster, readable at a glance. Each node carries its role (shown by shape, label and
 * colour), its term or rank, its main timer as a fraction for the ring, and its clock;
 * each team carries the messages in flight, the partition, the lease, the ship's course,
 * the ticker and its counters.
 */
import { localTime } from '../rules/clock';
import type { MessageColour, MessageTable, RoleTable, TeamExtras, TeamWords } from '../rules/module';
import { algorithmModule } from '../rules/registry';
import type { ClusterState, NodeStatus } from '../rules/types';
import type { GameRoom } from './room';
import { clockView, projectTo, type RoundClockView } from './seat-view';
import type { TeamState, TickerLine } from './round';
import { screenScores, type ScreenScores } from '../scoring/views';
import { storyOnScreen, type ScreenStory } from './story-cues';
import { challengeScreenView, type ChallengeScreenView } from '../challenges/outcome';
import { refusalLines, type RefusalLine } from './refusal-lines';
import { roundRecap, type RoundRecap } from './recap';

/** A key of the algorithm's role table (the view's `roles`): word, shape and colour. */
export type NodeRole = string;

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
  /** The facts under the role word, e.g. "term 3 · voted B". */
  info: string;
  /** A leader of an older term, cut off from the majority (Raft). */
  stale: boolean;
}

export interface TruthMessage {
  id: number;
  from: number;
  to: number;
  kind: string;
  sentAt: number;
  deliverAt: number;
  lost: boolean;
  /** The pill: a short label and a colour name, from the algorithm's message table. */
  label: string;
  colour: MessageColour;
}

/** A ticker line as the screens get it: its text, weight (0 routine to 3 alarm) and how many events it groups. */
export interface TickerView {
  at: number;
  text: string;
  weight: number;
  count: number;
}

const tickerView = (line: TickerLine): TickerView => ({ at: line.at, text: line.text, weight: line.weight ?? 1, count: line.count ?? 1 });

export interface TeamCounters {
  elections: number;
  messagesSent: number;
  messagesDropped: number;
  refusedMoves: number;
  /** Time without a leader, in whole seconds (as ms): the screen shows seconds. */
  leaderlessMs: number;
}

export interface TruthTeam extends TeamExtras {
  team: number;
  /** "Leader B (term 2)", "Coordinator 4", "Lease held by A": who leads, in words. */
  summary: string;
  nodes: TruthNode[];
  messages: TruthMessage[];
  partition: number[][] | null;
  network: { delayMs: number; jitterMs: number; dropRate: number };
  slowLinks: { from: number; to: number; delayMs?: number; dropRate?: number }[];
  counters: TeamCounters;
  /** What happened, oldest first: routine repeats grouped, each with its weight (shared/game/ticker.ts). */
  ticker: TickerView[];
  /** Live nodes acting as leader now (the module's `actingLeaders`): two or more is a split brain. */
  leaders: number[];
  /** The most important recent line, held until something as important happens. */
  headline: TickerView | null;
  /** The last few refused moves: who tried what, which rule, why. */
  refusals: RefusalLine[];
  /** Sentences about safety: Raft invariant violations (never expected), split brains, stale leaders. */
  alerts: string[];
}

export interface GameScreenView {
  round: number;
  algorithm: string;
  /** "Raft": the algorithm's name for the screen. */
  title: string;
  /** The role table (word, shape, colour per role): the phone uses the same. */
  roles: RoleTable;
  /** Counter names, the legend, whether a central service is drawn. */
  words: TeamWords;
  preset: string;
  /** The round's parameters in force. */
  params: Record<string, unknown>;
  /** The round's seed in force (host:round:start `seed`, or the one the server drew). */
  seed: number;
  ended: boolean;
  clock: RoundClockView;
  teamSize: number | null;
  crashOnDisconnect: boolean;
  teams: TruthTeam[];
  /** Between rounds (round ended): the podium, the team table, the class's totals (SPEC S8). */
  scores: ScreenScores | null;
  /** Story mode: the story, the current beat's cue, the cued nodes and the punch lines (null outside a story). */
  story: ScreenStory | null;
  /** The teacher switched scores off (SPEC S11): `scores` is null. */
  scoresOff: boolean;
  /** The round's challenge, running or over: goal, timer, standing, winner (SPEC K1..K6). */
  challenge: ChallengeScreenView | null;
  /** Between rounds: the recap card's figures, folded from the round's log (shared/game/recap.ts). */
  recap: RoundRecap | null;
}

/**
 * The screen shows time without a leader in whole seconds; the view carries it so, or it
 * would change at every tick in every leaderless team and be most of the watchers' patches
 * (issue 12: ~4 of 12.7 KB a patch at 300 nodes).
 */
const wholeSeconds = (ms: number) => Math.floor(ms / 1000) * 1000;

function truthNodes(room: GameRoom, team: TeamState, state: ClusterState, online: ReadonlySet<number>): TruthNode[] {
  const module = algorithmModule(state.algorithm);
  return state.nodes.map((node, i) => {
    const local = localTime(node.clock, state.now);
    const nodeId = team.members[i]!;
    const specific = module.screen.node(state, i, local);
    return {
      index: i, label: module.nodeLabel(i), nodeId,
      nickname: room.seats.find((s) => s.nodeId === nodeId)?.nickname ?? '?',
      online: online.has(nodeId), status: node.status,
      clock: { rate: node.clock.rate, driftMs: Math.round(local - state.now), frozen: node.clock.frozen },
      ...specific,
      stale: specific.stale ?? false,
      timer: node.status === 'live' ? (specific.timer ?? null) : null,
    };
  });
}

/** Unknown kinds still travel: a few letters of their name, in mist. */
function pill(table: MessageTable, kind: string): { label: string; colour: MessageColour } {
  return table[kind] ?? { label: kind.slice(0, 8), colour: 'mist' };
}

function truthTeam(room: GameRoom, team: TeamState, roomNow: number, online: ReadonlySet<number>): TruthTeam {
  const state = projectTo(team.cluster, roomNow);
  const module = algorithmModule(state.algorithm);
  const { elections, alerts, extras } = module.screen.team(state);
  const nodes = truthNodes(room, team, state, online);
  return {
    team: team.team,
    summary: module.screen.summary(nodes, extras),
    nodes,
    messages: state.network.inFlight.map((m) => ({ id: m.id, from: m.from, to: m.to, kind: m.payload.kind, sentAt: m.sentAt, deliverAt: m.deliverAt, lost: m.lost, ...pill(module.messages, m.payload.kind) })),
    partition: state.network.partition,
    network: { delayMs: state.network.delayMs, jitterMs: state.network.jitterMs, dropRate: state.network.dropRate },
    slowLinks: Object.entries(state.network.links).map(([key, setting]) => {
      const [from, to] = key.split('>').map(Number) as [number, number];
      return { from, to, ...setting };
    }),
    counters: { elections, messagesSent: state.stats.messagesSent, messagesDropped: state.stats.messagesDropped, refusedMoves: team.refusedMoves, leaderlessMs: wholeSeconds(state.stats.leaderlessMs) },
    ticker: team.ticker.map(tickerView),
    headline: team.headline ? tickerView(team.headline) : null,
    leaders: module.actingLeaders?.(state) ?? [],
    refusals: refusalLines(team.refusals, module.nodeLabel, (i) => nodes[i]?.nickname ?? '?'),
    alerts,
    ...extras,
  };
}

export function gameScreenView(room: GameRoom, roomNow: number, onlineNodeIds: readonly number[]): GameScreenView | null {
  const round = room.round;
  if (!round) return null;
  // A node a bot plays is always at the table (SPEC AP1).
  const online = new Set([...onlineNodeIds, ...Object.keys(round.bots ?? {}).map(Number)]);
  const module = algorithmModule(round.config.algorithm);
  return {
    round: round.id,
    algorithm: round.config.algorithm,
    title: module.title,
    roles: module.roles,
    words: module.team,
    preset: round.config.preset,
    params: round.config.params,
    seed: round.config.seed,
    ended: round.ended,
    clock: clockView(round, roomNow),
    teamSize: round.config.teamSize,
    crashOnDisconnect: round.config.crashOnDisconnect,
    teams: round.teams.map((team) => truthTeam(room, team, roomNow, online)),
    // The story's lesson closes its recap (a stopped story taught nothing to the end).
    recap: round.ended ? roundRecap(round, round.story && round.story.status !== 'stopped' ? round.story.story.lesson : null) : null,
    story: storyOnScreen(round.story, module.nodeLabel),
    scores: round.ended && round.scoring && !room.scoresOff ? screenScores(round.scoring, (id) => room.seats.find((s) => s.nodeId === id)?.nickname ?? '?') : null,
    scoresOff: room.scoresOff === true,
    challenge: round.challenge ? challengeScreenView(round.challenge, (team, node) => module.nodeLabel(node) + nicknameIn(room, round.teams[team]?.members[node]), (move) => module.scoring?.moveNouns[move] ?? move) : null,
  };
}

/** " (Ada)": the nickname of the node's student, for the projector's lines. */
function nicknameIn(room: GameRoom, nodeId: number | undefined): string {
  const nickname = room.seats.find((s) => s.nodeId === nodeId)?.nickname;
  return nickname ? ` (${nickname})` : '';
}
