/** Lease's parts of the views, as zod schemas for the wire (docs/PROTOCOL.md, "Lease's node view"). */
import * as z from 'zod/mini';
import { inboxEntrySchema, moveTextSchema, nodeIndexSchema, nodeStatusSchema, timerLeftSchema } from '../view-schema-parts';
import type { TeamExtras } from '../module';
import type { LeaseNodeView } from './view';

export const leaseNodeViewSchema = z.object({
  algorithm: z.literal('lease'),
  index: nodeIndexSchema,
  label: z.string(),
  status: nodeStatusSchema,
  localNow: z.number(),
  leading: z.boolean(),
  leadsForMs: timerLeftSchema,
  token: z.nullable(z.int()),
  knownVersion: z.int(),
  knownHolder: z.nullable(nodeIndexSchema),
  timers: z.object({ retry: timerLeftSchema, renewDeadline: timerLeftSchema }),
  params: z.object({ leaseDurationMs: z.number(), renewDeadlineMs: z.number(), retryPeriodMs: z.number(), fencing: z.boolean() }),
  inbox: z.array(inboxEntrySchema),
}) satisfies z.ZodMiniType<Omit<LeaseNodeView, 'inbox'> & { inbox: unknown[] }>;

/** The lock service and storage panels, drawn with a Lease team. */
export const leaseExtrasSchema = z.object({
  lease: z.optional(z.object({
    holder: z.nullable(z.string()),
    expiresAt: z.nullable(z.number()),
    version: z.int(),
    token: z.nullable(z.int()),
    fencing: z.boolean(),
    splitBrains: z.int(),
    writes: z.array(z.object({ node: z.string(), value: z.string(), token: z.int(), at: z.number(), accepted: z.boolean(), stale: z.boolean() })),
  })),
}) satisfies z.ZodMiniType<Pick<TeamExtras, 'lease'>>;

/** Lease's moves as a player sends them (the server adds the node). */
export const leaseMoveSchemas = [
  z.object({ type: z.literal('Acquire') }),
  z.object({ type: z.literal('Renew') }),
  z.object({ type: z.literal('Release') }),
  z.object({ type: z.literal('Write'), value: moveTextSchema(24) }),
] as const;
