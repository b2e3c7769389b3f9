/**
 * The game's room events, in the same log as the room's own. Rule events travel inside
 * ClusterEvents as produced by shared/rules; their own shapes are the rules' types, so
 * here they are checked only for being events (a type and a plain object).
 */
import { z } from 'zod';
import { isAlgorithm } from '../rules/registry';
import type { ClusterState, Event } from '../rules/types';
import { MAX_RATE, MIN_RATE } from './room-clock';
import { storyEventSchemas, type StoryEvent } from '../stories/events';
import { challengeEndedSchema, challengeStartedSchema, scoresSwitchedSchema } from '../challenges/events';
import { networkParamsSchema } from './network-params';

const at = z.number().int().nonnegative();
const algorithm = z.string().refine(isAlgorithm, 'not a registered algorithm');

export { networkParamsSchema };

export const roundConfigSchema = z.object({
  algorithm,
  preset: z.string().max(64),
  params: z.record(z.string(), z.unknown()),
  network: networkParamsSchema,
  teamSize: z.number().int().min(3).max(9).nullable(),
  crashOnDisconnect: z.boolean(),
  // Logs written before bots lack it: no autopilot.
  autopilot: z.boolean().default(false),
  seed: z.number().int(),
  // Logs written before rounds could start paused lack the field: they started running.
  startPaused: z.boolean().default(false),
});

/** A cluster as the rules keep it; checked for its outline only (the rules own its shape). */
const clusterSnapshot = z.looseObject({ algorithm, now: z.number().nonnegative(), nodes: z.array(z.looseObject({})) });

/** Where a forked round came from: the replay's round and the moment the host forked at. */
export const forkOriginSchema = z.object({
  round: z.number().int().positive(),
  seq: z.number().int().positive(),
  roomTime: z.number().nonnegative(),
});

export const roundStartedSchema = z.object({
  type: z.literal('RoundStarted'),
  at,
  round: z.number().int().positive(),
  config: roundConfigSchema,
  teams: z.array(z.array(z.number().int().positive())),
  /**
   * A fork ("what if the captain had not crashed?") starts from the source round's
   * clusters at that moment, written into the log so the new round folds like any other
   * (and an exported fork replays without its source). Older logs have neither field.
   */
  forkedFrom: forkOriginSchema.optional(),
  clusters: z.array(clusterSnapshot).transform((clusters) => clusters as unknown as ClusterState[]).optional(),
});

export const roundClockSetSchema = z.object({
  type: z.literal('RoundClockSet'),
  at,
  running: z.boolean(),
  rate: z.number().min(MIN_RATE).max(MAX_RATE),
  roomTime: z.number().nonnegative(),
});

/**
 * A rule event is checked for its kind only here (the fold is its law: a row it cannot fold
 * is refused with its line, see shared/replay/ndjson.ts). Checked in place, not copied: a
 * copy of each of an hour's ~940,000 rule events was a fifth of opening its log (issue 7).
 */
const ruleEvent = z.custom<{ type: string }>((value) => typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string', { error: 'a rule event is an object with a "type"' });

export const clusterEventsSchema = z.object({
  type: z.literal('ClusterEvents'),
  at,
  team: z.number().int().nonnegative(),
  /** Why the cluster moved: a player's move, the host's fault, or time passing. */
  cause: z.enum(['move', 'bot', 'fault', 'tick', 'clock', 'presence']),
  node: z.number().int().nonnegative().optional(),
  events: z.array(ruleEvent).transform((events) => events as unknown as Event[]),
});

export const moveRefusedSchema = z.object({
  type: z.literal('MoveRefused'),
  at,
  team: z.number().int().nonnegative(),
  node: z.number().int().nonnegative(),
  move: z.string(),
  code: z.string(),
  rule: z.string(),
  /** The rules' sentence, for the projector's refusal line (absent in older logs). */
  message: z.string().optional(),
  /** The move was a bot's (SPEC AP2): refused by the same rules as a student's. */
  bot: z.boolean().optional(),
});

/** A bot looked at its phone (and maybe moved): when it looks next, and its PRNG state (SPEC AP3). */
export const botLookedSchema = z.object({
  type: z.literal('BotLooked'),
  at,
  nodeId: z.number().int().positive(),
  nextAt: z.number().nonnegative(),
  rng: z.number().int().nonnegative(),
  /** The phone's label of the move it played and the rules accepted ("Send heartbeat"), if any. */
  played: z.string().optional(),
});

export const roundEndedSchema = z.object({ type: z.literal('RoundEnded'), at });

/** A bot took a student's node: their phone went away, or the host kicked them (SPEC AP5, AP6). */
export const botTookOverSchema = z.object({
  type: z.literal('BotTookOver'),
  at,
  nodeId: z.number().int().positive(),
  reason: z.enum(['away', 'kicked']),
  rng: z.number().int().nonnegative(),
  roomTime: z.number().nonnegative(),
});

/** The student is back: the bot hands the node back and tells what it did meanwhile (SPEC AP5). */
export const botHandedBackSchema = z.object({
  type: z.literal('BotHandedBack'),
  at,
  nodeId: z.number().int().positive(),
  note: z.string(),
});

export const gameEventSchemas = [roundStartedSchema, roundClockSetSchema, clusterEventsSchema, moveRefusedSchema, botLookedSchema, botTookOverSchema, botHandedBackSchema, roundEndedSchema, ...storyEventSchemas, challengeStartedSchema, challengeEndedSchema, scoresSwitchedSchema] as const;

export type RoundStarted = z.infer<typeof roundStartedSchema>;
export type ClusterEvents = z.infer<typeof clusterEventsSchema>;
export type GameEvent =
  | RoundStarted
  | z.infer<typeof roundClockSetSchema>
  | ClusterEvents
  | z.infer<typeof moveRefusedSchema>
  | z.infer<typeof botLookedSchema>
  | z.infer<typeof botTookOverSchema>
  | z.infer<typeof botHandedBackSchema>
  | z.infer<typeof roundEndedSchema>
  | StoryEvent
  | z.infer<typeof challengeStartedSchema>
  | z.infer<typeof challengeEndedSchema>
  | z.infer<typeof scoresSwitchedSchema>;
