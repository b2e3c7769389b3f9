/**
 * The refusal of shared/rules/refusal.ts as a zod schema (the wire wraps it; views carry it
 * on greyed moves). Its codes are the built-in ones plus every registered module's own
 * (`refusalCodes`), so an algorithm added at start-up answers with codes of its own.
 */
import * as z from 'zod/mini';
import { REFUSAL_CODES, type Refusal } from './refusal';
import { fromWires } from './wire-registry';

const fields = {
  /** Rule ID from SPEC.md when a game rule was broken (e.g. "R3"); absent for room admin. */
  rule: z.optional(z.string()),
  message: z.string(),
};

/** The built-in codes only: the type check that the schema and `Refusal` agree. */
const builtInRefusalSchema = z.object({ code: z.enum(REFUSAL_CODES), ...fields }) satisfies z.ZodMiniType<Refusal>;

export const refusalSchema = fromWires((wires) =>
  wires.some((m) => m.refusalCodes?.length)
    ? (z.object({
        /** Stable machine-readable reason in kebab-case: a built-in code or a registered module's. */
        code: z.enum([...REFUSAL_CODES, ...wires.flatMap((m) => m.refusalCodes ?? [])]),
        ...fields,
      }) as unknown as z.ZodMiniType<Refusal>)
    : builtInRefusalSchema,
);
