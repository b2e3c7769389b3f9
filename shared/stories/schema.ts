/**
 * A story is data (issue 8, story mode): one file per story in shared/stories/, checked by
 * this zod schema, so a teacher can write another without touching the engine. A story
 * sets up a round (algorithm, preset, the numbers tuned for people clicking at 1x) and
 * plays a script of beats. Nodes are named by their 0-based index in the team's cluster,
 * as faults and moves are (docs/PROTOCOL.md); the texts use the algorithm's labels.
 */
import { z } from 'zod';
import { faultSchema } from '../game/moves';

const nodeIndex = z.number().int().min(0).max(8);
const text = z.string().min(1).max(200);

/**
 * When a beat is over (its `until`) or its punch line is true (`when`):
 * - `event`: a rule event of this type was logged in the team since the beat began
 *   (its `node` and the listed `fields` equal), e.g. Raft's LeaderElected of B with 3 votes;
 * - `role`: the node's role on the projector is this key of the algorithm's role table now;
 * - `elapsed`: this much room time passed since the beat began, or since the beat `since`
 *   (an earlier beat's id) last began: an 8 s GC pause spans two beats (never in a punch line);
 * - `all` / `any` of the above.
 */
export type StoryCondition =
  | { kind: 'event'; type: string; node?: number; fields?: Record<string, string | number | boolean | null> }
  | { kind: 'role'; node: number; role: string }
  | { kind: 'elapsed'; ms: number; since?: string }
  | { kind: 'all'; of: StoryCondition[] }
  | { kind: 'any'; of: StoryCondition[] };

export const storyConditionSchema: z.ZodType<StoryCondition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('event'), type: z.string().min(1).max(64), node: nodeIndex.optional(), fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional() }),
    z.object({ kind: z.literal('role'), node: nodeIndex, role: z.string().min(1).max(32) }),
    z.object({ kind: z.literal('elapsed'), ms: z.number().int().positive().max(600_000), since: z.string().optional() }),
    z.object({ kind: z.literal('all'), of: z.array(storyConditionSchema).min(1).max(8) }),
    z.object({ kind: z.literal('any'), of: z.array(storyConditionSchema).min(1).max(8) }),
  ]),
);

const cuedMoveSchema = z.object({ type: z.string().min(1).max(32), peer: nodeIndex.optional(), value: z.string().min(1).max(24).optional() });

/**
 * What one student should do now: the sentence on their phone and the move the story
 * needs (its type, and the peer it names for a vote or an answer, or the value to write).
 * `duty`: highlight the move only when the rules ask for it too (a heartbeat that is due),
 * so a routine duty is not clicked non-stop. `keepDuties`: the rules' own duties of the node
 * (drawn urgent by its algorithm) stay lit beside the cued move.
 */
export const nodeCueSchema = z.object({
  text,
  move: cuedMoveSchema.optional(),
  /**
   * The way back when the cued move is not allowed now: a person who clicked late may have
   * lost what the cue assumes (a lease holder whose own clock ended its belief cannot renew
   * or write; acquiring again gets the belief back). Without it a late student would face a
   * dead button and the story would wait for ever: a teacher in front of a class cannot retry.
   */
  orElse: cuedMoveSchema.optional(),
  duty: z.boolean().optional(),
  /** Keep the node's routine duties lit too (a lease holder renews while the story asks it to write). */
  keepDuties: z.boolean().optional(),
  /**
   * The cue is spent once this holds in the node's team (event leaves only), e.g. B stood:
   * B is not asked to stand again in the same beat, even if its timer runs out again.
   */
  done: storyConditionSchema.optional(),
});
export type NodeCue = z.infer<typeof nodeCueSchema>;

export const beatSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,32}$/),
  /** The projector's cue banner while the beat lasts. */
  cue: text,
  /** Host faults injected when the beat begins (the host panel's own faults, timed ones too). */
  faults: z.array(faultSchema).max(6).default([]),
  /** Per node index ("0", "1"...): that student's cue; the others are calm. */
  nodes: z.record(z.string().regex(/^[0-8]$/), nodeCueSchema).default({}),
  /** The beat ends by itself when this holds in every team; without it, only the teacher's Next ends it. */
  until: storyConditionSchema.optional(),
  /** The lecture's punch lines, each shown on the projector when its condition becomes true. */
  punches: z.array(z.object({ text, when: storyConditionSchema })).max(3).default([]),
});
export type Beat = z.infer<typeof beatSchema>;

export const storySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  title: z.string().min(1).max(60),
  /** What the story shows, one line for the host's list. */
  shows: text,
  /** The lesson, one sentence for the recap. */
  lesson: text,
  algorithm: z.string().min(1).max(32),
  preset: z.string().min(1).max(64),
  params: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])).default({}),
  /** The round's network (delay, jitter, loss), over the classroom default (the game's own network schema checks it again). */
  network: z.object({ delayMs: z.number().min(0).max(600_000), jitterMs: z.number().min(0).max(600_000), dropRate: z.number().min(0).max(1) }).partial().default({}),
  /** The cast: a team has exactly this many nodes (the cues name them). */
  nodes: z.number().int().min(3).max(9),
  /** The default seed: the same story, the same timer draws. */
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  beats: z.array(beatSchema).min(1).max(20),
});
export type Story = z.infer<typeof storySchema>;
export type StoryInput = z.input<typeof storySchema>;
