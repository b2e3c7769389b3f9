/**
 * Room events: past-tense facts, appended to the room's log before anyone hears of them.
 * The zod schemas double as the check applied when a log is replayed from disk, so a
 * corrupted or foreign row fails loudly instead of folding into a wrong room.
 *
 * Adding a kind of event (e.g. the game's rounds): add its schema to `roomEventSchema`,
 * then TypeScript points at every `switch` in evolve.ts that must handle it.
 */
import { z } from 'zod';
import { gameEventSchemas } from '../game/events';
import { TEMPERAMENTS } from '../game/bot-policy';

/** Every event carries the server time it happened at (ms since epoch), given as input. */
const at = z.number().int().nonnegative();
/** SHA-256 hex of a secret token: enough to verify it, useless to impersonate with. */
const tokenHash = z.string().regex(/^[0-9a-f]{64}$/);

export const roomCreatedSchema = z.object({
  type: z.literal('RoomCreated'),
  at,
  code: z.string(),
  hostTokenHash: tokenHash,
});

export const nodeJoinedSchema = z.object({
  type: z.literal('NodeJoined'),
  at,
  nodeId: z.number().int().positive(),
  nickname: z.string(),
  seatTokenHash: tokenHash,
});

export const nodeKickedSchema = z.object({
  type: z.literal('NodeKicked'),
  at,
  nodeId: z.number().int().positive(),
});

/** A seat played by a bot (SPEC AP1): no token, a temperament. */
export const botSeatedSchema = z.object({
  type: z.literal('BotSeated'),
  at,
  nodeId: z.number().int().positive(),
  nickname: z.string(),
  temperament: z.enum(TEMPERAMENTS),
});

export const roomLockedSchema = z.object({ type: z.literal('RoomLocked'), at });
export const roomUnlockedSchema = z.object({ type: z.literal('RoomUnlocked'), at });

export const roomEventSchema = z.discriminatedUnion('type', [
  roomCreatedSchema,
  nodeJoinedSchema,
  nodeKickedSchema,
  botSeatedSchema,
  roomLockedSchema,
  roomUnlockedSchema,
  ...gameEventSchemas,
]);

export type RoomEvent = z.infer<typeof roomEventSchema>;
export type RoomCreated = z.infer<typeof roomCreatedSchema>;
export type NodeJoined = z.infer<typeof nodeJoinedSchema>;
