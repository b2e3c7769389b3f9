/** Raft's parts of the views, as zod schemas for the wire (docs/PROTOCOL.md, "Raft's node view"). */
import { z } from 'zod';
import { inboxEntrySchema, movePeerSchema, moveTextSchema, nodeIndexSchema, nodeStatusSchema, timerLeftSchema } from '../view-schema-parts';
import type { TeamExtras } from '../module';
import type { RaftNodeView } from './view';

export const raftNodeViewSchema = z.object({
  algorithm: z.literal('raft'),
  index: nodeIndexSchema,
  label: z.string(),
  status: nodeStatusSchema,
  role: z.enum(['follower', 'precandidate', 'candidate', 'leader']),
  term: z.number().int().nonnegative(),
  votedFor: nodeIndexSchema.nullable(),
  leader: nodeIndexSchema.nullable(),
  votes: z.array(nodeIndexSchema),
  preVotes: z.array(nodeIndexSchema),
  clusterSize: z.number().int().positive(),
  majority: z.number().int().positive(),
  electionTimerMs: timerLeftSchema,
  electionDue: z.boolean(),
  heartbeatDueMs: timerLeftSchema,
  requests: z.array(z.object({ candidate: nodeIndexSchema, term: z.number().int(), lastLogIndex: z.number().int(), lastLogTerm: z.number().int(), current: z.boolean() })),
  logLength: z.number().int().nonnegative(),
  log: z.array(z.object({ index: z.number().int(), term: z.number().int(), command: z.string(), committed: z.boolean() })),
  commitIndex: z.number().int().nonnegative(),
  heading: z.string().nullable(),
  followers: z.array(z.object({ index: nodeIndexSchema, matchIndex: z.number().int(), nextIndex: z.number().int() })),
  inbox: z.array(inboxEntrySchema),
}) satisfies z.ZodType<Omit<RaftNodeView, 'inbox'> & { inbox: unknown[] }>;

/** The ship's course panel (the committed commands), drawn under a Raft team. */
export const raftExtrasSchema = z.object({
  raft: z.object({ course: z.array(z.string()), commitIndex: z.number().int(), heading: z.string().nullable(), term: z.number().int() }).optional(),
}) satisfies z.ZodType<Pick<TeamExtras, 'raft'>>;

/** Raft's moves as a player sends them (the server adds the node). */
export const raftMoveSchemas = [
  z.object({ type: z.literal('StandForElection') }),
  z.object({ type: z.literal('GrantVote'), candidate: movePeerSchema }),
  z.object({ type: z.literal('RefuseVote'), candidate: movePeerSchema }),
  z.object({ type: z.literal('SendHeartbeat') }),
  z.object({ type: z.literal('WriteCommand'), command: moveTextSchema(16) }),
] as const;
