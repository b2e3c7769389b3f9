/** Bully's parts of the views, as zod schemas for the wire (docs/PROTOCOL.md, "Bully's node view"). */
import * as z from 'zod/mini';
import { movePeerSchema, nodeIndexSchema, nodeStatusSchema, timerLeftSchema } from '../view-schema-parts';
import type { TeamExtras } from '../module';
import type { BullyNodeView } from './view';

const heard = z.object({ from: nodeIndexSchema, round: z.int() });

export const bullyNodeViewSchema = z.object({
  index: nodeIndexSchema,
  rank: z.int().check(z.positive()),
  label: z.string(),
  clusterSize: z.int().check(z.positive()),
  higherRanks: z.int().check(z.nonnegative()),
  status: nodeStatusSchema,
  coordinator: z.nullable(nodeIndexSchema),
  isCoordinator: z.boolean(),
  suspecting: z.boolean(),
  recovered: z.boolean(),
  lowerCoordinator: z.nullable(nodeIndexSchema),
  phase: z.enum(['idle', 'awaitingAnswer', 'mayDeclare', 'awaitingCoordinator', 'coordinatorOverdue']),
  round: z.int(),
  answersFrom: z.array(nodeIndexSchema),
  electionsToAnswer: z.array(heard),
  electionsAnswered: z.array(heard),
  electionReason: z.nullable(z.enum(['overdue', 'lowerCoordinator', 'recovered', 'noCoordinator', 'suspected', 'lowerElection'])),
  duties: z.array(z.enum(['sendAlive', 'answer', 'startElection', 'declare'])),
  timers: z.object({ heartbeat: timerLeftSchema, suspicion: timerLeftSchema, answer: timerLeftSchema, coordinatorWait: timerLeftSchema }),
  inbox: z.array(z.object({ messageId: z.int(), from: nodeIndexSchema, fromRank: z.int(), kind: z.enum(['ELECTION', 'ANSWER', 'COORDINATOR', 'ALIVE']), round: z.nullable(z.int()) })),
}) satisfies z.ZodMiniType<BullyNodeView>;

/** The last election's message count, drawn under a Bully team. */
export const bullyExtrasSchema = z.object({
  bully: z.optional(z.object({
    lastElection: z.nullable(z.object({ sent: z.int(), delivered: z.int(), startedBy: z.string(), declaredBy: z.nullable(z.string()) })),
    totalSent: z.int(),
  })),
}) satisfies z.ZodMiniType<Pick<TeamExtras, 'bully'>>;

/** Bully's moves as a player sends them (the server adds the node). */
export const bullyMoveSchemas = [
  z.object({ type: z.literal('SendAlive') }),
  z.object({ type: z.literal('StartElection') }),
  z.object({ type: z.literal('Answer'), to: movePeerSchema }),
  z.object({ type: z.literal('DeclareCoordinator') }),
] as const;
