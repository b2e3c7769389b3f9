/**
 * What an algorithm tells the scoring fold (shared/scoring, SPEC S1..S8): which logged
 * batches show a protocol duty done or missed, and which events hand a node the lead or
 * take it away. Each algorithm answers in its own folder (issue 11: per-algorithm duty
 * scoring lives in the module, the fold never branches on an algorithm's name).
 */
import type { Event, NodeIndex } from './types';

/** One logged batch of rule events, as the game's ClusterEvents carries it. */
export interface ScoredBatch {
  cause: 'move' | 'bot' | 'fault' | 'tick' | 'clock' | 'presence';
  /** The player whose accepted move produced the batch (cause 'move'; 'bot' for a bot's move, which earns no duty points: S2 rewards students). */
  node?: NodeIndex;
  events: Event[];
}

export type ScoreMark =
  /** A protocol duty: done in time (points, SPEC S2) or missed (shown, SPEC S6). */
  | { kind: 'duty'; node: NodeIndex; duty: string; done: boolean }
  /** The node took the lead (SPEC S3). */
  | { kind: 'lead'; node: NodeIndex }
  /** The node shows it leads (an accepted heartbeat of a leader the round started with): no points. */
  | { kind: 'in-office'; node: NodeIndex }
  /** The node lost the lead (stepped down, lease gone). Crashes are seen by the fold itself. */
  | { kind: 'lead-lost'; node: NodeIndex };

export interface DutyWords {
  /** Points for doing it in time (SPEC S2). */
  points: number;
  /** "answered an election in time" / "answered {n} elections in time". */
  one: string;
  many: string;
  /** "missed a heartbeat" / "missed {n} heartbeats". */
  missedOne: string;
  missedMany: string;
}

export interface AlgorithmScoring {
  duties: Record<string, DutyWords>;
  /** A command type's noun for the student's line ("1 vote refused: R4"). */
  moveNouns: Record<string, string>;
  /** Marks one batch shows; `leader` is the node the fold last saw take the lead, if any. */
  marks(batch: ScoredBatch, leader: NodeIndex | null): ScoreMark[];
}
