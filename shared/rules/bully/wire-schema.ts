/** Bully's parts of the views, as zod schemas for the wire (docs/PROTOCOL.md, "Bully's node view"). */
import { z } from 'zod';
import { movePeerSchema, nodeIndexSchema, nodeStatusSchema, timerLeftSchema } from '../view-schema-parts';
import type { TeamExtras } from '../module';
import type { BullyNodeView } from './view';

const heard = z.object({ from: nodeIndexSchema, round: z.number().int() });

export const bullyNodeViewSchema = z.object({
  index: nodeIndexSchema,
  rank: z.number().int().positive(),
  label: z.string(),
  clusterSize: z.number().int().positive(),
  higherRanks: z.number().int().nonnegative(),
  status: nodeStatusSchema,
  coordinator: nodeIndexSchema.nullable(),
  isCoordinator: z.boolean(),
  suspecting: z.boolean(),
  recovered: z.boolean(),
  lowerCoordinator: nodeIndexSchema.nullable(),
  phase: z.enum(['idle', 'awaitingAnswer', 'mayDeclare', 'awaitingCoordinator', 'coordinatorOverdue']),
  round: z.number().int(),
  answersFrom: z.array(nodeIndexSchema),
  electionsToAnswer: z.array(heard),
  electionsAnswered: z.array(heard),
  electionReason: z.enum(['overdue', 'lowerCoordinator', 'recovered', 'noCoordinator', 'suspected', 'lowerElection']).nullable(),
  duties: z.array(z.enum(['sendAlive', 'answer', 'startElection', 'declare'])),
  timers: z.object({ heartbeat: timerLeftSchema, suspicion: timerLeftSchema, answer: timerLeftSchema, coordinatorWait: timerLeftSchema }),
  inbox: z.array(z.object({ messageId: z.number().int(), from: nodeIndexSchema, fromRank: z.number().int(), kind: z.enum(['ELECTION', 'ANSWER', 'COORDINATOR', 'ALIVE']), round: z.number().int().nullable() })),
}) satisfies z.ZodType<BullyNodeView>;

/** The last election's message count, drawn under a Bully team. */
export const bullyExtrasSchema = z.object({
  bully: z.object({
    lastElection: z.object({ sent: z.number().int(), delivered: z.number().int(), startedBy: z.string(), declaredBy: z.string().nullable() }).nullable(),
    totalSent: z.number().int(),
  }).optional(),
}) satisfies z.ZodType<Pick<TeamExtras, 'bully'>>;

/** Bully's moves as a player sends them (the server adds the node). */
export const bullyMoveSchemas = [
  z.object({ type: z.literal('SendAlive') }),
  z.object({ type: z.literal('StartElection') }),
  z.object({ type: z.literal('Answer'), to: movePeerSchema }),
  z.object({ type: z.literal('DeclareCoordinator') }),
] as const;
