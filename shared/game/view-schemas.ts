/**
 * The zod schemas of the round's views (`game:view` for the projector and host,
 * `game:seat` for one phone), checked against the TypeScript types with `satisfies` so
 * schema and type cannot drift. The per-algorithm parts (a node's raw view, a team's
 * panels) come from every registered module's `wire` (shared/rules/module.ts), so a new
 * algorithm's views are described by registering it, never by editing a union here.
 */
import * as z from 'zod/mini';
import type { Fact, InboxLine, MoveLayout, NodeSummary, RoleLook, TeamExtras, TeamWords, TimerFact } from '../rules/module';
import { refusalSchema } from '../rules/refusal-schema';
import { fromWires } from '../rules/wire-registry';
import { endpointSchema, nodeIndexSchema, nodeStatusSchema } from '../rules/view-schema-parts';
import { moveSchema } from './moves';
import type { GameScreenView, TeamCounters, TickerView, TruthMessage, TruthNode, TruthTeam } from './screen-view';
import type { RefusalLine } from './refusal-lines';
import type { RoundRecap } from './recap';
import type { GameSeatView, MoveOption, PeerView, RoundClockView, SeatNodeView } from './seat-view';
import type { ScreenScores, SeatScore } from '../scoring/views';
import type { ScreenStory, SeatStory } from './story-cues';
import type { ChallengeScreenView, ChallengeView } from '../challenges/outcome';
import { CHALLENGE_KINDS } from '../challenges/types';

const params = z.record(z.string(), z.unknown());

export const roleLookSchema = z.object({
  word: z.string(),
  shape: z.enum(['crown', 'diamond', 'circle', 'square', 'warning']),
  colour: z.enum(['brass', 'amber', 'ember', 'wave', 'dusk', 'alarm']),
  dashed: z.optional(z.boolean()),
  plain: z.optional(z.boolean()),
}) satisfies z.ZodMiniType<RoleLook>;
export const roleTableSchema = z.record(z.string(), roleLookSchema);

export const teamWordsSchema = z.object({ elections: z.string(), service: z.boolean(), serviceName: z.optional(z.string()), legend: z.array(z.string()) }) satisfies z.ZodMiniType<TeamWords>;

export const roundClockViewSchema = z.object({ running: z.boolean(), rate: z.number(), roomNow: z.number() }) satisfies z.ZodMiniType<RoundClockView>;

// ---------------------------------------------------------------------------------
// game:seat, one phone.

const factSchema = z.object({ label: z.string(), value: z.string(), id: z.string(), strong: z.optional(z.boolean()), wide: z.optional(z.boolean()) }) satisfies z.ZodMiniType<Fact>;
const timerFactSchema = z.object({
  id: z.string(), label: z.string(), then: z.string(), remainingMs: z.number(), totalMs: z.number(), critical: z.optional(z.boolean()),
}) satisfies z.ZodMiniType<TimerFact>;

export const nodeSummarySchema = z.object({
  role: z.string(),
  headline: z.object({ label: z.string(), value: z.string(), suffix: z.optional(z.string()) }),
  facts: z.array(factSchema),
  timers: z.array(timerFactSchema),
  callout: z.nullable(z.string()),
  footnote: z.optional(z.string()),
}) satisfies z.ZodMiniType<NodeSummary>;

export const inboxLineSchema = z.object({
  key: z.int(), text: z.string(), tone: z.enum(['ask', 'good', 'bad', 'info']), at: z.nullable(z.number()),
}) satisfies z.ZodMiniType<InboxLine>;

export const moveLayoutSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('main') }),
  z.object({ kind: z.literal('reply'), peer: nodeIndexSchema, title: z.string(), stale: z.boolean(), grants: z.boolean() }),
  z.object({ kind: z.literal('steer'), text: z.string(), title: z.string(), note: z.optional(z.string()) }),
  z.object({ kind: z.literal('write'), field: z.string() }),
]) satisfies z.ZodMiniType<MoveLayout>;

export const moveOptionSchema = fromWires(() => z.object({
  id: z.string(),
  label: z.string(),
  move: moveSchema(),
  allowed: z.boolean(),
  refusal: z.nullable(refusalSchema()),
  layout: moveLayoutSchema,
  urgent: z.boolean(),
  secondary: z.boolean(),
  shortcut: z.nullable(z.object({ key: z.string(), hint: z.string() })),
}) satisfies z.ZodMiniType<MoveOption>);

export const peerViewSchema = z.object({ index: nodeIndexSchema, label: z.string(), nickname: z.string() }) satisfies z.ZodMiniType<PeerView>;

/** A node's raw view, one shape per registered algorithm, told apart by `algorithm`. */
export const seatNodeViewSchema = fromWires((wires) =>
  z.discriminatedUnion(
    'algorithm',
    // A module's node object may be classic zod (one registered at start-up): z.extend clones it in its own kind.
    wires.map((m) => z.extend(m.wire.node as z.ZodMiniObject, { algorithm: z.literal(m.name), status: nodeStatusSchema })) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]],
  ) as unknown as z.ZodMiniType<SeatNodeView>, // each module checks its part against its own type (e.g. raft/wire-schema.ts)
);

export const gameSeatViewSchema = fromWires(() =>
  z.object({
    round: z.int(),
    algorithm: z.string(),
    title: z.string(),
    preset: z.string(),
    seed: z.int(),
    params,
    ended: z.boolean(),
    clock: roundClockViewSchema,
    computedAt: z.number(),
    inRound: z.boolean(),
    team: z.nullable(z.int()),
    teamCount: z.int(),
    index: z.nullable(nodeIndexSchema),
    label: z.nullable(z.string()),
    node: z.nullable(seatNodeViewSchema()),
    summary: z.nullable(nodeSummarySchema),
    roles: roleTableSchema,
    inbox: z.array(inboxLineSchema),
    moves: z.array(moveOptionSchema()),
    peers: z.array(peerViewSchema),
    score: z.nullable(seatScoreSchema),
    note: z.nullable(z.string()),
    story: z.nullable(seatStorySchema()),
    challenge: z.nullable(challengeViewSchema),
  }) satisfies z.ZodMiniType<GameSeatView>,
);

// Story mode (issue 8): the phone's cue and the projector's banner.
const seatStorySchema = fromWires(() => z.object({
  title: z.string(),
  status: z.enum(['playing', 'finished']),
  beat: z.string(),
  cue: z.nullable(z.object({ text: z.string(), moveId: z.nullable(z.string()), move: z.nullable(moveSchema()) })),
}) satisfies z.ZodMiniType<SeatStory>);

const screenStorySchema = z.object({
  id: z.string(), title: z.string(), beat: z.int(), beats: z.int(), cue: z.string(),
  nodeCues: z.array(z.object({ label: z.string(), text: z.string() })),
  punches: z.array(z.string()), waitsForNext: z.boolean(), status: z.enum(['playing', 'finished']), lesson: z.string(),
}) satisfies z.ZodMiniType<ScreenStory>;

// Challenges (SPEC K1..K6): the phone sees the goal, the timer and the winner; the projector the standing too.
const challengeViewSchema = z.object({
  kind: z.enum(CHALLENGE_KINDS), title: z.string(), goal: z.string(), startedAt: z.number(), endsAt: z.number(), ended: z.boolean(),
  winner: z.nullable(z.string()), detail: z.string(),
}) satisfies z.ZodMiniType<ChallengeView>;

const challengeScreenViewSchema = z.extend(challengeViewSchema, {
  held: z.array(z.object({ at: z.number(), team: z.int(), who: z.string(), move: z.nullable(z.string()), rule: z.string() })),
  heldByRule: z.record(z.string(), z.int()),
  teams: z.array(z.object({ team: z.int(), leaderlessSince: z.nullable(z.number()), longestLeaderlessMs: z.number(), faults: z.int(), bestRecoveryMs: z.nullable(z.number()), breach: z.nullable(z.string()) })),
  faultsToSurvive: z.int(),
}) satisfies z.ZodMiniType<ChallengeScreenView>;

// Between rounds (SPEC S8): a phone's own line, the projector's podium and totals.
const seatScoreSchema = z.object({ line: z.string(), points: z.number() }) satisfies z.ZodMiniType<SeatScore>;

const screenScoresSchema = z.object({
  podium: z.array(z.object({ place: z.int(), nickname: z.string(), team: z.int(), points: z.number() })),
  teams: z.array(z.object({ team: z.int(), points: z.number(), members: z.int() })),
  totals: z.object({ movesAccepted: z.int(), refused: z.int(), dutiesDone: z.int(), leads: z.int() }),
}) satisfies z.ZodMiniType<ScreenScores>;

// ---------------------------------------------------------------------------------
// game:view, the projector and the host.

export const truthNodeSchema = z.object({
  index: nodeIndexSchema,
  label: z.string(),
  nodeId: z.int().check(z.positive()),
  nickname: z.string(),
  online: z.boolean(),
  status: nodeStatusSchema,
  role: z.string(),
  term: z.optional(z.int()),
  votedFor: z.optional(z.nullable(z.string())),
  votes: z.optional(z.int()),
  leader: z.nullable(z.string()),
  timer: z.nullable(z.object({ name: z.string(), remainingMs: z.number(), totalMs: z.number() })),
  clock: z.object({ rate: z.number(), driftMs: z.number(), frozen: z.boolean() }),
  believesLeading: z.optional(z.boolean()),
  token: z.optional(z.nullable(z.int())),
  info: z.string(),
  stale: z.boolean(),
}) satisfies z.ZodMiniType<TruthNode>;

export const truthMessageSchema = z.object({
  id: z.int(), from: endpointSchema, to: endpointSchema, kind: z.string(), sentAt: z.number(), deliverAt: z.number(), lost: z.boolean(),
  label: z.string(), colour: z.enum(['brass', 'amber', 'kelp', 'ice', 'mist', 'violet', 'coral']),
}) satisfies z.ZodMiniType<TruthMessage>;

const countersSchema = z.object({
  elections: z.int(), messagesSent: z.int(), messagesDropped: z.int(), refusedMoves: z.int(), leaderlessMs: z.number(),
}) satisfies z.ZodMiniType<TeamCounters>;

export const tickerLineSchema = z.object({ at: z.number(), text: z.string(), weight: z.int(), count: z.int() }) satisfies z.ZodMiniType<TickerView>;

const roundRecapSchema = z.object({
  durationMs: z.number(),
  lesson: z.nullable(z.string()),
  teams: z.array(z.object({
    team: z.int(),
    timeline: z.array(z.object({ from: z.number(), to: z.number(), leaders: z.array(z.string()) })),
    leaderChanges: z.int(), elections: z.int(), electionsWord: z.string(),
    leaderlessMs: z.number(), splitBrainMs: z.number(), messagesSent: z.int(), messagesLost: z.int(),
    refusals: z.array(z.object({ rule: z.string(), count: z.int() })),
  })),
}) satisfies z.ZodMiniType<RoundRecap>;

export const refusalLineSchema = z.object({
  at: z.number(), node: z.string(), nickname: z.string(), move: z.string(), rule: z.string(), why: z.string(), bot: z.boolean(),
}) satisfies z.ZodMiniType<RefusalLine>;

const truthTeamBase = z.object({
      team: z.int(),
      summary: z.string(),
      nodes: z.array(truthNodeSchema),
      messages: z.array(truthMessageSchema),
      partition: z.nullable(z.array(z.array(z.int()))),
      network: z.object({ delayMs: z.number(), jitterMs: z.number(), dropRate: z.number() }),
      slowLinks: z.array(z.object({ from: z.int(), to: z.int(), delayMs: z.optional(z.number()), dropRate: z.optional(z.number()) })),
      counters: countersSchema,
      ticker: z.array(tickerLineSchema),
      headline: z.nullable(tickerLineSchema),
      leaders: z.array(z.int()),
      refusals: z.array(refusalLineSchema),
      alerts: z.array(z.string()),
}) satisfies z.ZodMiniType<Omit<TruthTeam, keyof TeamExtras>>;

/** A team's truth; each registered algorithm adds its own panels' fields (its `wire.extras`, checked there). */
export const truthTeamSchema = fromWires(
  (wires) => z.extend(truthTeamBase, Object.assign({}, ...wires.map((m) => m.wire.extras._zod.def.shape))) as unknown as z.ZodMiniType<TruthTeam>,
);

export const gameScreenViewSchema = fromWires(() =>
  z.object({
    round: z.int(),
    algorithm: z.string(),
    title: z.string(),
    roles: roleTableSchema,
    words: teamWordsSchema,
    preset: z.string(),
    params,
    seed: z.int(),
    ended: z.boolean(),
    clock: roundClockViewSchema,
    teamSize: z.nullable(z.int()),
    crashOnDisconnect: z.boolean(),
    teams: z.array(truthTeamSchema()),
    scores: z.nullable(screenScoresSchema),
    story: z.nullable(screenStorySchema),
    scoresOff: z.boolean(),
    challenge: z.nullable(challengeScreenViewSchema),
    recap: z.nullable(roundRecapSchema),
  }) satisfies z.ZodMiniType<GameScreenView>,
);
