/** Bully's parameters with their validation: durations over 0, refused otherwise (never replaced). */
import * as z from 'zod/mini';
import { durationMs } from '../params';
import { DEFAULT_BULLY_PARAMS as D, type BullyParams } from './types';

export const bullyParamsSchema: z.ZodMiniType<BullyParams, Record<string, unknown>> = z
  .strictObject({
    heartbeatMs: durationMs(D.heartbeatMs, '"I\'m alive" period'),
    suspicionMs: durationMs(D.suspicionMs, 'The suspicion timeout'),
    answerTimeoutMs: durationMs(D.answerTimeoutMs, 'T (waiting for answers)'),
    coordinatorTimeoutMs: durationMs(D.coordinatorTimeoutMs, "T' (waiting for COORDINATOR)"),
  })
  .check(
    // B2: a coordinator that says "I'm alive" less often than the others suspect it is always suspected.
    z.refine((p) => p.heartbeatMs < p.suspicionMs, { message: '"I\'m alive" must come more often than the suspicion timeout.', path: ['heartbeatMs'] }),
  );
