/**
 * A round's network (delay, jitter, loss), as the host sets it and the log keeps it. On
 * its own so the protocol (which the browser loads) takes it without the game's events,
 * which need the registry of algorithms and so every algorithm's rules (issue 12).
 */
import * as z from 'zod/mini';

export const networkParamsSchema = z.object({
  delayMs: z.number().check(z.minimum(0), z.maximum(600_000)),
  jitterMs: z.number().check(z.minimum(0), z.maximum(600_000)),
  dropRate: z.number().check(z.minimum(0), z.maximum(1)),
});
