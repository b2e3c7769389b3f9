/**
 * The cluster model shared by Raft, Bully and Lease. Everything is plain JSON: arrays
 * indexed by node number, no classes, Maps or Sets, so a state can be stored, sent and
 * compared byte for byte.
 */
import type { NodeClock } from './clock';
import type { RaftCluster, RaftCommand, RaftEvent, RaftWire } from './raft/types';
import type { BullyCluster, BullyCommand, BullyEvent, BullyWire } from './bully/types';
import type { LeaseCluster, LeaseCommand, LeaseEvent, LeaseWire } from './lease/types';

/** An algorithm's name, as registered in shared/rules/registry.ts ('raft', 'bully', 'lease'...). */
export type Algorithm = string;

/** Node numbers are 0..n-1 within a cluster. The lock service / storage of Lease is -1. */
export type NodeIndex = number;
export const SERVICE: NodeIndex = -1;

export type NodeStatus = 'live' | 'crashed' | 'paused';

export interface NodeBase {
  index: NodeIndex;
  status: NodeStatus;
  clock: NodeClock;
  /** Named timers as deadlines on this node's *local* clock. Missing = not running. */
  timers: Record<string, number>;
  /** The last messages that reached this node, newest last (bounded, see INBOX_LIMIT). */
  inbox: InboxEntry[];
}

export const INBOX_LIMIT = 12;

export interface InboxEntry {
  messageId: number;
  from: NodeIndex;
  at: number;
  payload: WirePayload;
}

/** What travels on the wire; each algorithm defines its own kinds. */
export type WirePayload = RaftWire | BullyWire | LeaseWire;

export interface Message {
  id: number;
  from: NodeIndex;
  to: NodeIndex;
  sentAt: number;
  deliverAt: number;
  /** Decided at send time by the drop rate; the message still travels and vanishes on arrival. */
  lost: boolean;
  payload: WirePayload;
}

export interface LinkSetting {
  delayMs?: number;
  dropRate?: number;
}

export interface Network {
  delayMs: number;
  jitterMs: number;
  dropRate: number;
  /** Directed overrides keyed "from>to" (a slow link can be slow one way only). */
  links: Record<string, LinkSetting>;
  /** Groups that can talk among themselves; null = everyone connected. A node in no group is isolated. The service (-1) is reachable from all unless some group lists it. */
  partition: NodeIndex[][] | null;
  inFlight: Message[];
  nextMessageId: number;
}

export interface NetworkParams {
  delayMs: number;
  jitterMs: number;
  dropRate: number;
}

export interface ClusterStats {
  elections: number;
  messagesSent: number;
  messagesDelivered: number;
  messagesDropped: number;
  /** Room time during which the cluster had no live leader. */
  leaderlessMs: number;
}

export interface ClusterCore {
  now: number;
  rng: number;
  nodes: NodeBase[];
  network: Network;
  stats: ClusterStats;
  /** Timed faults' ends, due on the room clock (absent until the host sets a timed fault). */
  scheduled?: ScheduledFaultEnd[];
}

/** The end of a timed fault: at room time `at`, the host command `undo` is decided like any other. */
export interface ScheduledFaultEnd {
  at: number;
  undo: CommonCommand;
}

export type ClusterState = RaftCluster | BullyCluster | LeaseCluster;

// ---------------------------------------------------------------------------------
// Commands: what a player or the host asks for. Time moves only through Tick.

export type CommonCommand =
  | { type: 'Tick'; to: number }
  | { type: 'CrashNode'; node: NodeIndex; forMs?: number }
  | { type: 'RestartNode'; node: NodeIndex }
  | { type: 'PauseNode'; node: NodeIndex; forMs?: number }
  | { type: 'ResumeNode'; node: NodeIndex }
  | { type: 'SkewClock'; node: NodeIndex; rate?: number; offsetMs?: number }
  | { type: 'SetNetwork'; delayMs?: number; jitterMs?: number; dropRate?: number }
  | { type: 'SetLink'; from: NodeIndex; to: NodeIndex; delayMs?: number; dropRate?: number; bothWays?: boolean; forMs?: number }
  | { type: 'Partition'; groups: NodeIndex[][]; forMs?: number }
  | { type: 'HealPartition' }
  | { type: 'DropMessage'; id: number };

export type Command = CommonCommand | RaftCommand | BullyCommand | LeaseCommand;

// ---------------------------------------------------------------------------------
// Events: past-tense facts. Any event that consumed randomness carries the PRNG's next
// state in `rng`, so folding the events reproduces every draw.

export type CommonEvent =
  | { type: 'ClockAdvanced'; to: number }
  | { type: 'MessagesSent'; messages: Message[]; rng?: number }
  | { type: 'MessageDelivered'; id: number }
  | { type: 'MessageDropped'; id: number; reason: 'lost' | 'partition' | 'crashed' | 'byHand' }
  | { type: 'TimerSet'; node: NodeIndex; timer: string; atLocal: number; rng?: number }
  | { type: 'TimerCleared'; node: NodeIndex; timer: string }
  | { type: 'TimerFired'; node: NodeIndex; timer: string }
  | { type: 'NodeCrashed'; node: NodeIndex }
  | { type: 'NodeRestarted'; node: NodeIndex }
  | { type: 'NodePaused'; node: NodeIndex }
  | { type: 'NodeResumed'; node: NodeIndex }
  | { type: 'ClockSkewed'; node: NodeIndex; rate: number; offsetMs: number }
  | { type: 'NetworkChanged'; delayMs: number; jitterMs: number; dropRate: number }
  | { type: 'LinkChanged'; from: NodeIndex; to: NodeIndex; setting: LinkSetting }
  | { type: 'Partitioned'; groups: NodeIndex[][] }
  | { type: 'PartitionHealed' }
  | { type: 'FaultEndScheduled'; end: ScheduledFaultEnd }
  | { type: 'FaultEndReached'; at: number };

export type Event = CommonEvent | RaftEvent | BullyEvent | LeaseEvent;
