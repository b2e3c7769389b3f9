/**
 * zod pieces the algorithm modules share when they describe their parts of the views
 * (their node view, their team panels) for the wire (shared/game/view-schemas.ts).
 */
import * as z from 'zod/mini';
import type { InboxEntry, NodeStatus } from './types';

export const nodeIndexSchema = z.int().check(z.minimum(0));
/** A message's end: a node's index, or -1 for a central service (Lease's lock service). */
export const endpointSchema = z.int().check(z.minimum(-1));
export const nodeStatusSchema = z.enum(['live', 'crashed', 'paused']) satisfies z.ZodMiniType<NodeStatus>;
/** Milliseconds left on the node's own clock; null when the timer is not running. */
export const timerLeftSchema = z.nullable(z.number().check(z.nonnegative()));

/**
 * A message as it reached a node. The payload is the algorithm's own message (`kind` and
 * its fields, documented per algorithm in docs/PROTOCOL.md); unknown fields pass through.
 */
export const inboxEntrySchema = z.object({
  messageId: z.int(),
  from: endpointSchema,
  at: z.number(),
  payload: z.looseObject({ kind: z.string() }),
}) satisfies z.ZodMiniType<Omit<InboxEntry, 'payload'> & { payload: { kind: string } }>;

/** A peer a move names, by 0-based index (the room caps teams far below this). */
export const movePeerSchema = z.int().check(z.minimum(0), z.maximum(499));
/** Free text a move carries: trimmed, never empty. */
export const moveTextSchema = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
