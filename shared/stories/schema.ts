/**
 * A story is data (issue 8, story mode): one file per story in shared/stories/, checked by
 * this zod schema (zod/mini, as every schema the pages load: classic zod would add its own
 * chunk to /host), so a teacher can write another without touching the engine. A story
 * sets up a round (algorithm, preset, the numbers tuned for people clicking at 1x) and
 * plays a script of beats. Nodes are named by their 0-based index in the team's cluster,
 * as faults and moves are (docs/PROTOCOL.md); the texts use the algorithm's labels.
 */
import * as z from 'zod/mini';
import { faultSchema } from '../game/moves';

const nodeIndex = z.int().check(z.minimum(0), z.maximum(8));
const text = z.string().check(z.minLength(1), z.maxLength(200));
/** A string of 1 to `max` characters. */
const name = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

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

export const storyConditionSchema: z.ZodMiniType<StoryCondition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('event'), type: name(64), node: z.optional(nodeIndex), fields: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))) }),
    z.object({ kind: z.literal('role'), node: nodeIndex, role: name(32) }),
    z.object({ kind: z.literal('elapsed'), ms: z.int().check(z.positive(), z.maximum(600_000)), since: z.optional(z.string()) }),
    z.object({ kind: z.literal('all'), of: z.array(storyConditionSchema).check(z.minLength(1), z.maxLength(8)) }),
    z.object({ kind: z.literal('any'), of: z.array(storyConditionSchema).check(z.minLength(1), z.maxLength(8)) }),
  ]),
);

const cuedMoveSchema = z.object({ type: name(32), peer: z.optional(nodeIndex), value: z.optional(name(24)) });

/**
 * What one student should do now: the sentence on their phone and the move the story
 * needs (its type, and the peer it names for a vote or an answer, or the value to write).
 * `duty`: highlight the move only when the rules ask for it too (a heartbeat that is due),
 * so a routine duty is not clicked non-stop. `keepDuties`: the rules' own duties of the node
 * (drawn urgent by its algorithm) stay lit beside the cued move.
 */
export const nodeCueSchema = z.object({
  text,
  move: z.optional(cuedMoveSchema),
  /**
   * The way back when the cued move is not allowed now: a person who clicked late may have
   * lost what the cue assumes (a lease holder whose own clock ended its belief cannot renew
   * or write; acquiring again gets the belief back). Without it a late student would face a
   * dead button and the story would wait for ever: a teacher in front of a class cannot retry.
   */
  orElse: z.optional(cuedMoveSchema),
  duty: z.optional(z.boolean()),
  /** Keep the node's routine duties lit too (a lease holder renews while the story asks it to write). */
  keepDuties: z.optional(z.boolean()),
  /**
   * The cue is spent once this holds in the node's team (event leaves only), e.g. B stood:
   * B is not asked to stand again in the same beat, even if its timer runs out again.
   */
  done: z.optional(storyConditionSchema),
});
export type NodeCue = z.infer<typeof nodeCueSchema>;

export const beatSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,32}$/)),
  /** The projector's cue banner while the beat lasts. */
  cue: text,
  /** Host faults injected when the beat begins (the host panel's own faults, timed ones too). */
  faults: z._default(z.array(faultSchema).check(z.maxLength(6)), []),
  /** Per node index ("0", "1"...): that student's cue; the others are calm. */
  nodes: z._default(z.record(z.string().check(z.regex(/^[0-8]$/)), nodeCueSchema), {}),
  /** The beat ends by itself when this holds in every team; without it, only the teacher's Next ends it. */
  until: z.optional(storyConditionSchema),
  /** The lecture's punch lines, each shown on the projector when its condition becomes true. */
  punches: z._default(z.array(z.object({ text, when: storyConditionSchema })).check(z.maxLength(3)), []),
});
export type Beat = z.infer<typeof beatSchema>;

export const storySchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  title: name(60),
  /** What the story shows, one line for the host's list. */
  shows: text,
  /** The lesson, one sentence for the recap. */
  lesson: text,
  algorithm: name(32),
  preset: name(64),
  params: z._default(z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])), {}),
  /** The round's network (delay, jitter, loss), over the classroom default (the game's own network schema checks it again). */
  network: z._default(z.partial(z.object({ delayMs: z.number().check(z.minimum(0), z.maximum(600_000)), jitterMs: z.number().check(z.minimum(0), z.maximum(600_000)), dropRate: z.number().check(z.minimum(0), z.maximum(1)) })), {}),
  /** The cast: a team has exactly this many nodes (the cues name them). */
  nodes: z.int().check(z.minimum(3), z.maximum(9)),
  /** The default seed: the same story, the same timer draws. */
  seed: z.int().check(z.minimum(0), z.maximum(2 ** 31 - 1)),
  beats: z.array(beatSchema).check(z.minLength(1), z.maxLength(20)),
});
export type Story = z.infer<typeof storySchema>;
export type StoryInput = z.input<typeof storySchema>;
