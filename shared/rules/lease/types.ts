/**
 * Lease: a time-limited lock, as Kubernetes client-go's leaderelection does it with a
 * Lease object (holderIdentity, acquireTime, renewTime, leaseTransitions, and optimistic
 * concurrency through resourceVersion), plus the storage the leader writes to, guarded
 * by fencing tokens (Kleppmann, "How to do distributed locking", 2016).
 *
 * The server plays both the lock service and the storage; both sit at the endpoint
 * SERVICE (-1), so requests and replies cross the simulated network with its delays,
 * drops and partitions. Rule IDs (L1..L7) are those of SPEC.md.
 */
import type { ClusterCore, NodeIndex } from '../types';

export interface LeaseParams {
  /** How long the lease lasts after its last renewal, judged by the service on the room clock. */
  leaseDurationMs: number;
  /** The holder gives up if it could not renew within this long (on its own clock). */
  renewDeadlineMs: number;
  /** The reminder between two attempts (acquire or renew). */
  retryPeriodMs: number;
  /** Whether storage refuses tokens lower than the highest it has seen. */
  fencing: boolean;
}

/** Classroom defaults (election-rules.md, "Lease"). */
export const DEFAULT_LEASE_PARAMS: LeaseParams = {
  leaseDurationMs: 30_000,
  renewDeadlineMs: 20_000,
  retryPeriodMs: 5_000,
  fencing: true,
};

/**
 * The seed lecture's stories: (a) a 10 s lease renewed every 5 s; (b) a 5 s lease
 * renewed every 2 s hit by an 8 s GC pause, with fencing on and off. The renew
 * deadlines keep client-go's ordering LeaseDuration > RenewDeadline > RetryPeriod.
 */
export const LEASE_SEED_PRESETS = {
  renewEvery5s: { leaseDurationMs: 10_000, renewDeadlineMs: 8_000, retryPeriodMs: 5_000, fencing: true },
  gcPauseFenced: { leaseDurationMs: 5_000, renewDeadlineMs: 4_000, retryPeriodMs: 2_000, fencing: true },
  gcPauseUnfenced: { leaseDurationMs: 5_000, renewDeadlineMs: 4_000, retryPeriodMs: 2_000, fencing: false },
} as const satisfies Record<string, LeaseParams>;

/** The length of the GC pause in the seed's story (the host pauses and resumes the node). */
export const SEED_GC_PAUSE_MS = 8_000;

export type LeaseRequestKind = 'acquire' | 'renew' | 'release';

/** How the previous lease ended: what L1 checks a takeover against. */
export interface LeaseEnding {
  holder: NodeIndex;
  token: number;
  /** The last renewal seen by the service (room time). */
  renewTime: number;
  /** Room time the lease ended (its expiry instant, or the release's arrival). */
  at: number;
  how: 'expired' | 'released';
}

/** The lock record kept by the service (a Kubernetes Lease object). */
export interface LeaseLock {
  holder: NodeIndex | null;
  acquireTime: number | null;
  renewTime: number | null;
  /** renewTime + leaseDurationMs while held; null when free. */
  expiresAt: number | null;
  leaseDurationMs: number;
  transitions: number;
  /** resourceVersion: +1 on every successful change (acquire, renew, release). */
  version: number;
  /** The fencing token of the current holder (null when free). */
  token: number | null;
  nextToken: number;
  previous: LeaseEnding | null;
}

export interface StorageWrite {
  node: NodeIndex;
  value: string;
  token: number;
  at: number;
  accepted: boolean;
  /** Lower than the highest token storage had seen (refused with fencing, accepted without). */
  stale: boolean;
}

export const STORAGE_RECENT_LIMIT = 16;

export interface LeaseStorage {
  highestToken: number;
  /** The most recent writes, newest last (bounded). */
  recent: StorageWrite[];
  accepted: number;
  refused: number;
}

/** Per node: what the node knows (view) and, apart, what the monitor tracks (never shown to it). */
export interface LeaseClient {
  /** The lock's version as last learnt from a reply (what the next request carries, L4). */
  knownVersion: number;
  /** The holder named in the last reply (null = free, or nothing learnt yet). */
  knownHolder: NodeIndex | null;
  /** L6: the node believes it leads, until its own clock reads `leadUntilLocal`. */
  leading: boolean;
  leadUntilLocal: number | null;
  /** The fencing token of the lease this node believes it holds. */
  token: number | null;
  /** Replies to requests with a smaller message id are outdated: they teach only the version. */
  freshFrom: number;
  // Monitor only (room times), for split-brain detection.
  leadingSince: number | null;
  leadingEndedAt: number | null;
  lastAcceptedWriteAt: number | null;
  lastAcceptedToken: number | null;
}

export interface SplitBrainRecord {
  nodes: [NodeIndex, NodeIndex];
  tokens: [number, number];
  since: [number, number];
  at: number;
}

export const SPLIT_BRAIN_RECENT_LIMIT = 8;

export interface LeaseMonitor {
  /** False once any clock was skewed or any node paused: then beliefs may overlap (L6). */
  clocksTrue: boolean;
  splitBrains: number;
  recentSplitBrains: SplitBrainRecord[];
}

export type LeaseCluster = ClusterCore & {
  algorithm: 'lease';
  params: LeaseParams;
  lock: LeaseLock;
  storage: LeaseStorage;
  clients: LeaseClient[];
  monitor: LeaseMonitor;
};

export type LeaseCommand =
  | { type: 'Acquire'; node: NodeIndex }
  | { type: 'Renew'; node: NodeIndex }
  | { type: 'Release'; node: NodeIndex }
  | { type: 'Write'; node: NodeIndex; value: string };

export const WRITE_VALUE_MAX = 24;

/** Messages: requests to the service carry the version the sender last saw and its local send time. */
export type LeaseWire =
  | { kind: 'LeaseAcquire'; version: number; sentAtLocal: number }
  | { kind: 'LeaseRenew'; version: number; sentAtLocal: number }
  | { kind: 'LeaseRelease'; version: number; sentAtLocal: number }
  | { kind: 'StorageWrite'; value: string; token: number }
  | { kind: 'LeaseGrant'; request: 'acquire' | 'renew'; requestId: number; sentAtLocal: number; token: number; version: number; leaseDurationMs: number }
  | { kind: 'LeaseReleaseAck'; requestId: number; version: number }
  | { kind: 'LeaseRefusal'; request: LeaseRequestKind; requestId: number; code: string; rule: string; message: string; version: number; holder: NodeIndex | null }
  | { kind: 'StorageAck'; requestId: number; value: string; token: number }
  | { kind: 'StorageRefusal'; requestId: number; value: string; token: number; highestToken: number; code: string; rule: string; message: string };

export type LeaseLossReason = 'renewDeadline' | 'refused' | 'released' | 'fenced';

export type LeaseEvent =
  // The lock service (judged at arrival, on the room clock).
  | { type: 'LeaseAcquired'; node: NodeIndex; token: number; version: number; transitions: number; expiresAt: number }
  | { type: 'LeaseRenewed'; node: NodeIndex; version: number; expiresAt: number }
  | { type: 'LeaseReleased'; node: NodeIndex; version: number }
  | { type: 'LeaseExpired'; node: NodeIndex; at: number }
  | { type: 'LeaseRequestRefused'; node: NodeIndex; request: LeaseRequestKind; code: string; rule: string; holder: NodeIndex | null; version: number; lateByMs?: number }
  // Storage.
  | { type: 'StorageWriteAccepted'; node: NodeIndex; value: string; token: number; stale: boolean }
  | { type: 'StorageWriteRefused'; node: NodeIndex; value: string; token: number; highestToken: number }
  | { type: 'SplitBrainDetected'; nodes: [NodeIndex, NodeIndex]; tokens: [number, number]; since: [number, number] }
  // A node's own knowledge and belief (L4, L6).
  | { type: 'LeaseObserved'; node: NodeIndex; version: number; holder: NodeIndex | null; answered: number }
  | { type: 'LeadershipBelieved'; node: NodeIndex; token: number; untilLocal: number }
  | { type: 'LeadershipLost'; node: NodeIndex; reason: LeaseLossReason; ignoreRepliesBefore?: number };

/** Node timers: the retry reminder, and the holder's renew deadline (the end of its belief). */
export const RETRY_TIMER = 'retry';
export const RENEW_DEADLINE_TIMER = 'renewDeadline';
