/**
 * Raft's part of the cluster model (SPEC R-rules, SPEC.md). Per node: the
 * persistent trio of the paper's Figure 2 (term, votedFor, log) and the volatile rest.
 * Plain JSON only; node indices are 0..n-1 and are labelled A, B, C... in sentences.
 */
import type { ClusterCore, NodeIndex } from '../types';
import type { RaftLog, RaftLogEntry } from './log';

export type { RaftLog, RaftLogEntry } from './log';

export interface RaftParams {
  /** The leader's heartbeat reminder: a countdown the UI shows; sending is still a click. */
  heartbeatMs: number;
  /** Election timeouts are drawn uniformly from [min, max) on the node's own clock (R3). */
  electionTimeoutMinMs: number;
  electionTimeoutMaxMs: number;
  /** Whether leaders may write commands (the ship's heading) and heartbeats replicate them (R7). */
  logs: boolean;
  /** A pre-election that changes no term before the real one (R9). */
  preVote: boolean;
  /** Leaders without a recent majority step down; followers with a live leader ignore vote requests (R10). */
  checkQuorum: boolean;
  /** Start with this node already leader of term 1, everyone following it (the lecture's opening). */
  startWithLeader: NodeIndex | null;
}

export const DEFAULT_RAFT_PARAMS: RaftParams = {
  heartbeatMs: 3000,
  electionTimeoutMinMs: 15_000,
  electionTimeoutMaxMs: 30_000,
  logs: true,
  preVote: false,
  checkQuorum: false,
  startWithLeader: null,
};

/**
 * The lecture's Raft story: five nodes A-E, A is the captain of term 1; the teacher crashes
 * A, B and C stand, B gets three votes and leads.
 */
export const RAFT_SEED_PRESET = {
  algorithm: 'raft' as const,
  nodeCount: 5,
  params: { ...DEFAULT_RAFT_PARAMS, startWithLeader: 0 } satisfies RaftParams,
  story: 'Nodes A-E, A leads term 1. Crash A: B and C stand for election, B gets 3 votes and becomes leader of term 2.',
};

/** The headings a leader can write; any short text is accepted (R7). */
export const RAFT_HEADINGS = ['N', 'E', 'S', 'W'] as const;
export const MAX_COMMAND_LENGTH = 16;
/** At most this many entries ride on one AppendEntries, like etcd's MaxSizePerMsg. */
export const MAX_ENTRIES_PER_MESSAGE = 32;

export type RaftRole = 'follower' | 'precandidate' | 'candidate' | 'leader';

/** A RequestVote the node received, kept (one per candidate, newest) so its player can answer it. */
export interface RaftVoteRequest {
  candidate: NodeIndex;
  term: number;
  lastLogIndex: number;
  lastLogTerm: number;
}

export interface RaftNode {
  // Persistent (survive a crash, R11).
  term: number;
  votedFor: NodeIndex | null;
  log: RaftLog;
  // Volatile.
  role: RaftRole;
  leaderId: NodeIndex | null;
  /** The election timer ran out: the player may stand for election (R3). */
  electionDue: boolean;
  /** Grants for the current term (own vote included) while candidate; the electing majority once leader. */
  votes: NodeIndex[];
  /** Pre-vote grants while precandidate (R9). */
  preVotes: NodeIndex[];
  requests: RaftVoteRequest[];
  commitIndex: number;
  /** Local time of the last AppendEntries accepted from a leader; null when none since the crash. */
  leaderContactAt: number | null;
  // Leader only (empty otherwise): per peer, 1-based log positions, and the local time last heard.
  nextIndex: number[];
  matchIndex: number[];
  heardAt: (number | null)[];
}

export interface RaftGrant {
  term: number;
  candidate: NodeIndex;
}

/** The safety monitor's compact history (SPEC "Raft invariants"). */
export interface RaftMonitor {
  /** term -> the node elected leader of that term (the first, should there ever be two). */
  leaders: Record<string, NodeIndex>;
  /** Per node, the last vote it granted (own vote included). Terms only grow, so the last one suffices. */
  lastGrant: (RaftGrant | null)[];
  /** The longest committed prefix any node has reported. */
  committed: RaftLog;
  /** For each term in which the committed prefix grew, how far it reached (ascending). */
  commitMarks: { term: number; index: number }[];
  /** Safety violations seen while folding events. Empty unless the engine is wrong. */
  violations: string[];
}

export type RaftCluster = ClusterCore & {
  algorithm: 'raft';
  params: RaftParams;
  raft: RaftNode[];
  monitor: RaftMonitor;
};

// ---------------------------------------------------------------------------------
// Commands: the decisions a Raft player makes.

export type RaftCommand =
  | { type: 'StandForElection'; node: NodeIndex }
  | { type: 'GrantVote'; node: NodeIndex; candidate: NodeIndex }
  | { type: 'RefuseVote'; node: NodeIndex; candidate: NodeIndex }
  | { type: 'SendHeartbeat'; node: NodeIndex }
  | { type: 'WriteCommand'; node: NodeIndex; command: string };

// ---------------------------------------------------------------------------------
// Wire messages (Figure 2's RPCs, as one-way messages with their replies).

export type RaftWire =
  | { kind: 'RequestVote'; term: number; lastLogIndex: number; lastLogTerm: number }
  | { kind: 'VoteReply'; term: number; granted: boolean }
  | { kind: 'PreVoteRequest'; term: number; lastLogIndex: number; lastLogTerm: number }
  | { kind: 'PreVoteReply'; term: number; granted: boolean }
  | { kind: 'AppendEntries'; term: number; prevLogIndex: number; prevLogTerm: number; entries: RaftLogEntry[]; leaderCommit: number }
  /** `index`: on success the last index now matching the leader; on failure the follower's hint (its last index, or prevLogIndex - 1). */
  | { kind: 'AppendReply'; term: number; success: boolean; index: number };

// ---------------------------------------------------------------------------------
// Events: past-tense facts.

export type PreVoteRefusalReason = 'leaderAlive' | 'staleLog' | 'staleTerm';

export type RaftEvent =
  | { type: 'ElectionTimerExpired'; node: NodeIndex }
  | { type: 'ElectionStarted'; node: NodeIndex; term: number }
  | { type: 'PreVoteStarted'; node: NodeIndex; term: number }
  | { type: 'PreVoteGranted'; node: NodeIndex; candidate: NodeIndex; term: number }
  | { type: 'PreVoteRefused'; node: NodeIndex; candidate: NodeIndex; term: number; reason: PreVoteRefusalReason }
  | { type: 'PreVoteCounted'; node: NodeIndex; voter: NodeIndex; term: number }
  | { type: 'TermAdopted'; node: NodeIndex; term: number; from: NodeIndex }
  | { type: 'VoteRequestReceived'; node: NodeIndex; candidate: NodeIndex; term: number; lastLogIndex: number; lastLogTerm: number }
  | { type: 'VoteRequestIgnored'; node: NodeIndex; candidate: NodeIndex; term: number }
  | { type: 'VoteGranted'; node: NodeIndex; candidate: NodeIndex; term: number }
  | { type: 'VoteRefused'; node: NodeIndex; candidate: NodeIndex; term: number }
  | { type: 'VoteCounted'; node: NodeIndex; voter: NodeIndex; term: number }
  | { type: 'LeaderElected'; node: NodeIndex; term: number; votes: number; clusterSize: number }
  | { type: 'LeaderHeard'; node: NodeIndex; leader: NodeIndex; term: number }
  | { type: 'LogReplicated'; node: NodeIndex; leader: NodeIndex; from: number; entries: RaftLogEntry[] }
  | { type: 'CommandWritten'; node: NodeIndex; term: number; index: number; command: string }
  | { type: 'ReplicationAcked'; node: NodeIndex; follower: NodeIndex; matchIndex: number }
  | { type: 'ReplicationRejected'; node: NodeIndex; follower: NodeIndex; nextIndex: number }
  | { type: 'CommitAdvanced'; node: NodeIndex; commitIndex: number }
  | { type: 'LeaderSteppedDown'; node: NodeIndex; term: number; heard: number };
