/** Raft's parts of the views, as zod schemas for the wire (docs/PROTOCOL.md, "Raft's node view"). */
import * as z from 'zod/mini';
import { inboxEntrySchema, movePeerSchema, moveTextSchema, nodeIndexSchema, nodeStatusSchema, timerLeftSchema } from '../view-schema-parts';
import type { TeamExtras } from '../module';
import type { RaftNodeView } from './view';

export const raftNodeViewSchema = z.object({
  algorithm: z.literal('raft'),
  index: nodeIndexSchema,
  label: z.string(),
  status: nodeStatusSchema,
  role: z.enum(['follower', 'precandidate', 'candidate', 'leader']),
  term: z.int().check(z.nonnegative()),
  votedFor: z.nullable(nodeIndexSchema),
  leader: z.nullable(nodeIndexSchema),
  votes: z.array(nodeIndexSchema),
  preVotes: z.array(nodeIndexSchema),
  clusterSize: z.int().check(z.positive()),
  majority: z.int().check(z.positive()),
  electionTimerMs: timerLeftSchema,
  electionDue: z.boolean(),
  heartbeatDueMs: timerLeftSchema,
  requests: z.array(z.object({ candidate: nodeIndexSchema, term: z.int(), lastLogIndex: z.int(), lastLogTerm: z.int(), current: z.boolean() })),
  logLength: z.int().check(z.nonnegative()),
  log: z.array(z.object({ index: z.int(), term: z.int(), command: z.string(), committed: z.boolean() })),
  commitIndex: z.int().check(z.nonnegative()),
  heading: z.nullable(z.string()),
  followers: z.array(z.object({ index: nodeIndexSchema, matchIndex: z.int(), nextIndex: z.int() })),
  inbox: z.array(inboxEntrySchema),
}) satisfies z.ZodMiniType<Omit<RaftNodeView, 'inbox'> & { inbox: unknown[] }>;

/** The ship's course panel (the committed commands), drawn under a Raft team. */
export const raftExtrasSchema = z.object({
  raft: z.optional(z.object({ course: z.array(z.string()), commitIndex: z.int(), heading: z.nullable(z.string()), term: z.int() })),
}) satisfies z.ZodMiniType<Pick<TeamExtras, 'raft'>>;

/** Raft's moves as a player sends them (the server adds the node). */
export const raftMoveSchemas = [
  z.object({ type: z.literal('StandForElection') }),
  z.object({ type: z.literal('GrantVote'), candidate: movePeerSchema }),
  z.object({ type: z.literal('RefuseVote'), candidate: movePeerSchema }),
  z.object({ type: z.literal('SendHeartbeat') }),
  z.object({ type: z.literal('WriteCommand'), command: moveTextSchema(16) }),
] as const;
