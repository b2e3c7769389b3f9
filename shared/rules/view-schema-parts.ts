/**
 * zod pieces the algorithm modules share when they describe their parts of the views
 * (their node view, their team panels) for the wire (shared/game/view-schemas.ts).
 */
import { z } from 'zod';
import type { InboxEntry, NodeStatus } from './types';

export const nodeIndexSchema = z.number().int().min(0);
/** A message's end: a node's index, or -1 for a central service (Lease's lock service). */
export const endpointSchema = z.number().int().min(-1);
export const nodeStatusSchema = z.enum(['live', 'crashed', 'paused']) satisfies z.ZodType<NodeStatus>;
/** Milliseconds left on the node's own clock; null when the timer is not running. */
export const timerLeftSchema = z.number().nonnegative().nullable();

/**
 * A message as it reached a node. The payload is the algorithm's own message (`kind` and
 * its fields, documented per algorithm in docs/PROTOCOL.md); unknown fields pass through.
 */
export const inboxEntrySchema = z.object({
  messageId: z.number().int(),
  from: endpointSchema,
  at: z.number(),
  payload: z.looseObject({ kind: z.string() }),
}) satisfies z.ZodType<Omit<InboxEntry, 'payload'> & { payload: { kind: string } }>;

/** A peer a move names, by 0-based index (the room caps teams far below this). */
export const movePeerSchema = z.number().int().min(0).max(499);
/** Free text a move carries: trimmed, never empty. */
export const moveTextSchema = (max: number) => z.string().trim().min(1).max(max);
