/**
 * A round's network (delay, jitter, loss), as the host sets it and the log keeps it. On
 * its own so the protocol (which the browser loads) takes it without the game's events,
 * which need the registry of algorithms and so every algorithm's rules (issue 12).
 */
import { z } from 'zod';

export const networkParamsSchema = z.object({
  delayMs: z.number().min(0).max(600_000),
  jitterMs: z.number().min(0).max(600_000),
  dropRate: z.number().min(0).max(1),
});
