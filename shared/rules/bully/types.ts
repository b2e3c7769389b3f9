/**
 * Bully (Garcia-Molina, 1982): every node has a rank that all know (index + 1), the
 * coordinator says "I'm alive", and an election sends ELECTION upwards only, OK (ANSWER)
 * downwards only, and COORDINATOR to everyone. See SPEC.md for the rule IDs.
 */
import type { ClusterCore, NodeIndex } from '../types';

export interface BullyParams {
  /** How often the coordinator's player is reminded to send "I'm alive" (B7). */
  heartbeatMs: number;
  /** A node suspects its coordinator after this long without ALIVE (B8). */
  suspicionMs: number;
  /** T: how long an electing node waits for an answer from a higher rank (B1, B3). */
  answerTimeoutMs: number;
  /** T': how long a node that got an answer waits for a COORDINATOR (B4). */
  coordinatorTimeoutMs: number;
}

/** Classroom defaults from election-rules.md. */
export const DEFAULT_BULLY_PARAMS: BullyParams = {
  heartbeatMs: 5_000,
  suspicionMs: 15_000,
  answerTimeoutMs: 15_000,
  coordinatorTimeoutMs: 30_000,
};

/** The lecture's story: nodes 1-5, node 5 (the coordinator) crashes, 4 is highest alive. */
export const BULLY_SEED_PRESET = {
  algorithm: 'bully' as const,
  nodeCount: 5,
  params: DEFAULT_BULLY_PARAMS,
  /** The host's first fault in the story: crash the coordinator, node 5 (index 4). */
  crash: 4 as NodeIndex,
};

/** Timer names on a node's own clock. */
export const BULLY_TIMERS = {
  heartbeat: 'heartbeat',
  suspicion: 'suspicion',
  answer: 'answer',
  coordinatorWait: 'coordinatorWait',
} as const;

/**
 * Where a node stands in its own election round:
 * - idle: not electing;
 * - awaitingAnswer: ELECTION sent upwards, T running;
 * - mayDeclare: T ran out with no answer, the node won (B3);
 * - awaitingCoordinator: a higher rank answered, T' running (B6 forbids declaring);
 * - coordinatorOverdue: T' ran out without a COORDINATOR, it may start again (B4).
 */
export type BullyPhase = 'idle' | 'awaitingAnswer' | 'mayDeclare' | 'awaitingCoordinator' | 'coordinatorOverdue';

export interface HeardElection {
  from: NodeIndex;
  /** The sender's election round id. */
  round: number;
  answered: boolean;
}

export interface BullyNode {
  /** Who this node believes is the coordinator (null: it knows none, e.g. after a restart). */
  coordinator: NodeIndex | null;
  /** The suspicion timer ran out: no ALIVE from the coordinator for a while (B8). */
  suspecting: boolean;
  /** Restarted and has not started an election nor heard a coordinator since (B1, B9). */
  recovered: boolean;
  /** Accepted a COORDINATOR from this lower rank: the right and duty to bully back (B5). */
  lowerCoordinator: NodeIndex | null;
  phase: BullyPhase;
  /** Id of this node's current (or last) election round; 0 = never elected. Ids are unique in the cluster. */
  round: number;
  /** Higher ranks that answered in the current round (B2, B6). */
  answersFrom: NodeIndex[];
  /** ELECTIONs from lower ranks since this node last learned of a coordinator, one per sender (B2). */
  electionsHeard: HeardElection[];
  /** The round in which this node last declared itself (0: never; -1: the initial coordinator). */
  declaredRound: number;
  /** Ever announced itself coordinator (or was the initial one). History: survives crashes. */
  announced: boolean;
}

export interface KindCounts {
  election: number;
  answer: number;
  coordinator: number;
}

/**
 * One election of the cluster (an "episode"): from the first StartElection (or a
 * declaration) while nobody was electing, until no live node is electing any more.
 * Messages are attributed by the episode id they carry, so late deliveries count too.
 */
export interface BullyElectionTally {
  id: number;
  startedAt: number;
  startedBy: NodeIndex;
  /** StartElection clicks in this episode. */
  rounds: number;
  sent: KindCounts;
  /** Messages that reached a live node (those to crashed nodes or lost vanish). */
  delivered: KindCounts;
  /** The last node that declared itself coordinator in this episode. */
  declaredBy: NodeIndex | null;
  /** When the last electing node stopped electing; null while open. */
  settledAt: number | null;
}

export const RECENT_TALLIES = 8;

export interface BullyTallies {
  /** Id of the current (or last) episode, 0 = none yet. */
  current: number;
  open: boolean;
  /** The last RECENT_TALLIES episodes, oldest first. */
  recent: BullyElectionTally[];
  totals: { sent: KindCounts & { alive: number }; delivered: KindCounts };
}

export type BullyCluster = ClusterCore & {
  algorithm: 'bully';
  params: BullyParams;
  bully: BullyNode[];
  /** How many nodes have phase !== 'idle' (kept incrementally; checked by an invariant). */
  electingCount: number;
  tallies: BullyTallies;
};

export type BullyCommand =
  | { type: 'SendAlive'; node: NodeIndex }
  | { type: 'StartElection'; node: NodeIndex }
  | { type: 'Answer'; node: NodeIndex; to: NodeIndex }
  | { type: 'DeclareCoordinator'; node: NodeIndex };

export type ElectionReason = 'overdue' | 'lowerCoordinator' | 'recovered' | 'noCoordinator' | 'suspected' | 'lowerElection';

export type BullyEvent =
  | { type: 'BullyElectionStarted'; node: NodeIndex; round: number; reason: ElectionReason }
  | { type: 'ElectionHeard'; node: NodeIndex; from: NodeIndex; round: number; episode: number }
  | { type: 'ElectionAnswered'; node: NodeIndex; to: NodeIndex; round: number }
  | { type: 'AnswerReceived'; node: NodeIndex; from: NodeIndex; round: number; episode: number }
  | { type: 'AnswerTimedOut'; node: NodeIndex; round: number }
  | { type: 'CoordinatorWaitTimedOut'; node: NodeIndex; round: number }
  | { type: 'CoordinatorAnnounced'; node: NodeIndex; round: number }
  | { type: 'CoordinatorAccepted'; node: NodeIndex; from: NodeIndex; episode: number }
  | { type: 'CoordinatorSuspected'; node: NodeIndex; coordinator: NodeIndex }
  | { type: 'SuspicionCleared'; node: NodeIndex; coordinator: NodeIndex };

export type BullyWire =
  | { kind: 'ELECTION'; round: number; episode: number }
  | { kind: 'ANSWER'; round: number; episode: number }
  | { kind: 'COORDINATOR'; round: number; episode: number }
  | { kind: 'ALIVE' };
