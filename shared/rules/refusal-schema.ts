/** The refusal of shared/rules/refusal.ts as a zod schema (the wire wraps it; views carry it on greyed moves). */
import { z } from 'zod';
import { REFUSAL_CODES, type Refusal } from './refusal';

export const refusalSchema = z.object({
  /** Stable machine-readable reason in kebab-case, e.g. "room-locked" (shared/rules/refusal.ts lists them). */
  code: z.enum(REFUSAL_CODES),
  /** Rule ID from SPEC.md when a game rule was broken (e.g. "R3"); absent for room admin. */
  rule: z.string().optional(),
  message: z.string(),
}) satisfies z.ZodType<Refusal>;
