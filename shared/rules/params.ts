/**
 * Building blocks for the algorithms' parameter schemas (issue 9 item 7, issue 10): a
 * value out of range is REFUSED with a sentence, never silently replaced by a default.
 * zod/mini, as the wire schemas are, so the host's and projector's pages that load the
 * registry carry one zod and not both (issue 12); every message here is our own sentence.
 */
import * as z from 'zod/mini';
import type { Refusal } from './refusal';

/** A duration a classroom can live with: over 0, at most 10 minutes. */
export function durationMs(fallback: number, what: string) {
  return z._default(
    z.number({ error: `${what} must be a number of milliseconds.` }).check(
      z.gt(0, `${what} must be longer than 0 ms.`),
      z.maximum(600_000, `${what} must be at most 10 minutes.`),
    ),
    fallback,
  );
}

export function flag(fallback: boolean, what: string) {
  return z._default(z.boolean({ error: `${what} must be on or off (true or false).` }), fallback);
}

/** The first problem zod found, as a structured refusal (rule G9 of SPEC.md: parameters in force). */
export function paramsRefusal(error: z.core.$ZodError): Refusal {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { code: 'bad-parameter', rule: 'G9', message: `These round settings cannot be used: ${where}${issue?.message ?? 'invalid value'}` };
}
