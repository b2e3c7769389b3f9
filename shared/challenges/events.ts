/** The challenge's facts in the room's log (SPEC K1, K6), checked like every logged event. */
import { z } from 'zod';
import { CHALLENGE_KINDS, MAX_CHALLENGE_MS, MIN_CHALLENGE_MS } from './types';

const at = z.number().int().nonnegative();

export const challengeStartedSchema = z.object({
  type: z.literal('ChallengeStarted'),
  at,
  kind: z.enum(CHALLENGE_KINDS),
  /** Room time the challenge starts; it ends at roomTime + durationMs. */
  roomTime: z.number().nonnegative(),
  durationMs: z.number().int().min(MIN_CHALLENGE_MS).max(MAX_CHALLENGE_MS),
  /** No leader lost: how many faults to survive. */
  faults: z.number().int().min(1).max(20).optional(),
  /** The goal in the algorithm's words, as the class read it. */
  goal: z.string().max(300),
});

export const challengeEndedSchema = z.object({
  type: z.literal('ChallengeEnded'),
  at,
  roomTime: z.number().nonnegative(),
  reason: z.enum(['time', 'goal', 'host']),
});

/** The teacher switched the scores off or on (SPEC S11): a setting of the class, not of a round. */
export const scoresSwitchedSchema = z.object({ type: z.literal('ScoresSwitched'), at, on: z.boolean() });

export type ChallengeStarted = z.infer<typeof challengeStartedSchema>;
export type ChallengeEnded = z.infer<typeof challengeEndedSchema>;
export type ScoresSwitched = z.infer<typeof scoresSwitchedSchema>;
