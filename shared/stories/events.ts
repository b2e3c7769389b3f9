/**
 * The story's facts in the room's log (append before broadcast, like every event): a
 * replay folds them and shows the same cues and punch lines. StoryStarted carries the
 * whole script, so a replay never depends on the story files of a later version.
 */
import { z } from 'zod';
import { storySchema } from './schema';

const at = z.number().int().nonnegative();
const roomTime = z.number().nonnegative();

export const storyStartedSchema = z.object({ type: z.literal('StoryStarted'), at, story: storySchema, roomTime });

/** A beat begins: the story's start, the teacher's Next, Back or Replay, or its own end condition (auto). */
export const storyBeatShownSchema = z.object({
  type: z.literal('StoryBeatShown'),
  at,
  beat: z.number().int().nonnegative(),
  reason: z.enum(['start', 'next', 'back', 'replay', 'auto']),
  roomTime,
});

/** The last beat is over: the projector shows the lesson. */
export const storyFinishedSchema = z.object({ type: z.literal('StoryFinished'), at, roomTime });

/** The teacher stopped the story: the round goes on without cues. */
export const storyStoppedSchema = z.object({ type: z.literal('StoryStopped'), at });

export const storyEventSchemas = [storyStartedSchema, storyBeatShownSchema, storyFinishedSchema, storyStoppedSchema] as const;

export type StoryStarted = z.infer<typeof storyStartedSchema>;
export type StoryEvent = z.infer<(typeof storyEventSchemas)[number]>;
export const STORY_EVENT_TYPES = ['StoryStarted', 'StoryBeatShown', 'StoryFinished', 'StoryStopped'] as const;
