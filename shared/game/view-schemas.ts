/**
 * The zod schemas of the round's views (`game:view` for the projector and host,
 * `game:seat` for one phone), checked against the TypeScript types with `satisfies` so
 * schema and type cannot drift. The per-algorithm parts (a node's raw view, a team's
 * panels) come from every registered module's `wire` (shared/rules/module.ts), so a new
 * algorithm's views are described by registering it, never by editing a union here.
 */
import { z } from 'zod';
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
  dashed: z.boolean().optional(),
  plain: z.boolean().optional(),
}) satisfies z.ZodType<RoleLook>;
export const roleTableSchema = z.record(z.string(), roleLookSchema);

export const teamWordsSchema = z.object({ elections: z.string(), service: z.boolean(), serviceName: z.string().optional(), legend: z.array(z.string()) }) satisfies z.ZodType<TeamWords>;

export const roundClockViewSchema = z.object({ running: z.boolean(), rate: z.number(), roomNow: z.number() }) satisfies z.ZodType<RoundClockView>;

// ---------------------------------------------------------------------------------
// game:seat, one phone.

const factSchema = z.object({ label: z.string(), value: z.string(), id: z.string(), strong: z.boolean().optional(), wide: z.boolean().optional() }) satisfies z.ZodType<Fact>;
const timerFactSchema = z.object({
  id: z.string(), label: z.string(), then: z.string(), remainingMs: z.number(), totalMs: z.number(), critical: z.boolean().optional(),
}) satisfies z.ZodType<TimerFact>;

export const nodeSummarySchema = z.object({
  role: z.string(),
  headline: z.object({ label: z.string(), value: z.string(), suffix: z.string().optional() }),
  facts: z.array(factSchema),
  timers: z.array(timerFactSchema),
  callout: z.string().nullable(),
  footnote: z.string().optional(),
}) satisfies z.ZodType<NodeSummary>;

export const inboxLineSchema = z.object({
  key: z.number().int(), text: z.string(), tone: z.enum(['ask', 'good', 'bad', 'info']), at: z.number().nullable(),
}) satisfies z.ZodType<InboxLine>;

export const moveLayoutSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('main') }),
  z.object({ kind: z.literal('reply'), peer: nodeIndexSchema, title: z.string(), stale: z.boolean(), grants: z.boolean() }),
  z.object({ kind: z.literal('steer'), text: z.string(), title: z.string(), note: z.string().optional() }),
  z.object({ kind: z.literal('write'), field: z.string() }),
]) satisfies z.ZodType<MoveLayout>;

export const moveOptionSchema = fromWires(() => z.object({
  id: z.string(),
  label: z.string(),
  move: moveSchema(),
  allowed: z.boolean(),
  refusal: refusalSchema().nullable(),
  layout: moveLayoutSchema,
  urgent: z.boolean(),
  secondary: z.boolean(),
  shortcut: z.object({ key: z.string(), hint: z.string() }).nullable(),
}) satisfies z.ZodType<MoveOption>);

export const peerViewSchema = z.object({ index: nodeIndexSchema, label: z.string(), nickname: z.string() }) satisfies z.ZodType<PeerView>;

/** A node's raw view, one shape per registered algorithm, told apart by `algorithm`. */
export const seatNodeViewSchema = fromWires((wires) =>
  z.discriminatedUnion(
    'algorithm',
    wires.map((m) => m.wire.node.extend({ algorithm: z.literal(m.name), status: nodeStatusSchema })) as unknown as [z.ZodObject, ...z.ZodObject[]],
  ) as unknown as z.ZodType<SeatNodeView>, // each module checks its part against its own type (e.g. raft/wire-schema.ts)
);

export const gameSeatViewSchema = fromWires(() =>
  z.object({
    round: z.number().int(),
    algorithm: z.string(),
    title: z.string(),
    preset: z.string(),
    seed: z.number().int(),
    params,
    ended: z.boolean(),
    clock: roundClockViewSchema,
    computedAt: z.number(),
    inRound: z.boolean(),
    team: z.number().int().nullable(),
    teamCount: z.number().int(),
    index: nodeIndexSchema.nullable(),
    label: z.string().nullable(),
    node: seatNodeViewSchema().nullable(),
    summary: nodeSummarySchema.nullable(),
    roles: roleTableSchema,
    inbox: z.array(inboxLineSchema),
    moves: z.array(moveOptionSchema()),
    peers: z.array(peerViewSchema),
    score: seatScoreSchema.nullable(),
    note: z.string().nullable(),
    story: seatStorySchema().nullable(),
    challenge: challengeViewSchema.nullable(),
  }) satisfies z.ZodType<GameSeatView>,
);

// Story mode (issue 8): the phone's cue and the projector's banner.
const seatStorySchema = fromWires(() => z.object({
  title: z.string(),
  status: z.enum(['playing', 'finished']),
  beat: z.string(),
  cue: z.object({ text: z.string(), moveId: z.string().nullable(), move: moveSchema().nullable() }).nullable(),
}) satisfies z.ZodType<SeatStory>);

const screenStorySchema = z.object({
  id: z.string(), title: z.string(), beat: z.number().int(), beats: z.number().int(), cue: z.string(),
  nodeCues: z.array(z.object({ label: z.string(), text: z.string() })),
  punches: z.array(z.string()), waitsForNext: z.boolean(), status: z.enum(['playing', 'finished']), lesson: z.string(),
}) satisfies z.ZodType<ScreenStory>;

// Challenges (SPEC K1..K6): the phone sees the goal, the timer and the winner; the projector the standing too.
const challengeViewSchema = z.object({
  kind: z.enum(CHALLENGE_KINDS), title: z.string(), goal: z.string(), startedAt: z.number(), endsAt: z.number(), ended: z.boolean(),
  winner: z.string().nullable(), detail: z.string(),
}) satisfies z.ZodType<ChallengeView>;

const challengeScreenViewSchema = challengeViewSchema.extend({
  held: z.array(z.object({ at: z.number(), team: z.number().int(), who: z.string(), move: z.string().nullable(), rule: z.string() })),
  heldByRule: z.record(z.string(), z.number().int()),
  teams: z.array(z.object({ team: z.number().int(), leaderlessSince: z.number().nullable(), longestLeaderlessMs: z.number(), faults: z.number().int(), bestRecoveryMs: z.number().nullable(), breach: z.string().nullable() })),
  faultsToSurvive: z.number().int(),
}) satisfies z.ZodType<ChallengeScreenView>;

// Between rounds (SPEC S8): a phone's own line, the projector's podium and totals.
const seatScoreSchema = z.object({ line: z.string(), points: z.number() }) satisfies z.ZodType<SeatScore>;

const screenScoresSchema = z.object({
  podium: z.array(z.object({ place: z.number().int(), nickname: z.string(), team: z.number().int(), points: z.number() })),
  teams: z.array(z.object({ team: z.number().int(), points: z.number(), members: z.number().int() })),
  totals: z.object({ movesAccepted: z.number().int(), refused: z.number().int(), dutiesDone: z.number().int(), leads: z.number().int() }),
}) satisfies z.ZodType<ScreenScores>;

// ---------------------------------------------------------------------------------
// game:view, the projector and the host.

export const truthNodeSchema = z.object({
  index: nodeIndexSchema,
  label: z.string(),
  nodeId: z.number().int().positive(),
  nickname: z.string(),
  online: z.boolean(),
  status: nodeStatusSchema,
  role: z.string(),
  term: z.number().int().optional(),
  votedFor: z.string().nullable().optional(),
  votes: z.number().int().optional(),
  leader: z.string().nullable(),
  timer: z.object({ name: z.string(), remainingMs: z.number(), totalMs: z.number() }).nullable(),
  clock: z.object({ rate: z.number(), driftMs: z.number(), frozen: z.boolean() }),
  believesLeading: z.boolean().optional(),
  token: z.number().int().nullable().optional(),
  info: z.string(),
  stale: z.boolean(),
}) satisfies z.ZodType<TruthNode>;

export const truthMessageSchema = z.object({
  id: z.number().int(), from: endpointSchema, to: endpointSchema, kind: z.string(), sentAt: z.number(), deliverAt: z.number(), lost: z.boolean(),
  label: z.string(), colour: z.enum(['brass', 'amber', 'kelp', 'ice', 'mist', 'violet', 'coral']),
}) satisfies z.ZodType<TruthMessage>;

const countersSchema = z.object({
  elections: z.number().int(), messagesSent: z.number().int(), messagesDropped: z.number().int(), refusedMoves: z.number().int(), leaderlessMs: z.number(),
}) satisfies z.ZodType<TeamCounters>;

export const tickerLineSchema = z.object({ at: z.number(), text: z.string(), weight: z.number().int(), count: z.number().int() }) satisfies z.ZodType<TickerView>;

const roundRecapSchema = z.object({
  durationMs: z.number(),
  lesson: z.string().nullable(),
  teams: z.array(z.object({
    team: z.number().int(),
    timeline: z.array(z.object({ from: z.number(), to: z.number(), leaders: z.array(z.string()) })),
    leaderChanges: z.number().int(), elections: z.number().int(), electionsWord: z.string(),
    leaderlessMs: z.number(), splitBrainMs: z.number(), messagesSent: z.number().int(), messagesLost: z.number().int(),
    refusals: z.array(z.object({ rule: z.string(), count: z.number().int() })),
  })),
}) satisfies z.ZodType<RoundRecap>;

export const refusalLineSchema = z.object({
  at: z.number(), node: z.string(), nickname: z.string(), move: z.string(), rule: z.string(), why: z.string(), bot: z.boolean(),
}) satisfies z.ZodType<RefusalLine>;

const truthTeamBase = z.object({
      team: z.number().int(),
      summary: z.string(),
      nodes: z.array(truthNodeSchema),
      messages: z.array(truthMessageSchema),
      partition: z.array(z.array(z.number().int())).nullable(),
      network: z.object({ delayMs: z.number(), jitterMs: z.number(), dropRate: z.number() }),
      slowLinks: z.array(z.object({ from: z.number().int(), to: z.number().int(), delayMs: z.number().optional(), dropRate: z.number().optional() })),
      counters: countersSchema,
      ticker: z.array(tickerLineSchema),
      headline: tickerLineSchema.nullable(),
      leaders: z.array(z.number().int()),
      refusals: z.array(refusalLineSchema),
      alerts: z.array(z.string()),
}) satisfies z.ZodType<Omit<TruthTeam, keyof TeamExtras>>;

/** A team's truth; each registered algorithm adds its own panels' fields (its `wire.extras`, checked there). */
export const truthTeamSchema = fromWires(
  (wires) => truthTeamBase.extend(Object.assign({}, ...wires.map((m) => m.wire.extras.shape))) as unknown as z.ZodType<TruthTeam>,
);

export const gameScreenViewSchema = fromWires(() =>
  z.object({
    round: z.number().int(),
    algorithm: z.string(),
    title: z.string(),
    roles: roleTableSchema,
    words: teamWordsSchema,
    preset: z.string(),
    params,
    seed: z.number().int(),
    ended: z.boolean(),
    clock: roundClockViewSchema,
    teamSize: z.number().int().nullable(),
    crashOnDisconnect: z.boolean(),
    teams: z.array(truthTeamSchema()),
    scores: screenScoresSchema.nullable(),
    story: screenStorySchema.nullable(),
    scoresOff: z.boolean(),
    challenge: challengeScreenViewSchema.nullable(),
    recap: roundRecapSchema.nullable(),
  }) satisfies z.ZodType<GameScreenView>,
);
