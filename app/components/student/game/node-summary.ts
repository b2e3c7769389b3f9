/**
 * What the phone says about a node, in one shape for all three algorithms: its role,
 * a few facts ("Term 4", "Leader: B (Bob)") and its timers. Pure presentation of the
 * node's own view: nothing here decides what the node may do (the moves say that).
 * The shapes and helpers live here; summarize.ts picks the algorithm's summary (kept
 * apart so the per-algorithm summaries can import these without an import cycle).
 */
import type { GameSeatView, PeerView } from '@/shared/game/seat-view';
import { findPreset } from '@/shared/game/presets';

/** Roles as drawn on every screen: each has its own shape, label and colour. */
export type RoleKey = 'leader' | 'candidate' | 'precandidate' | 'follower' | 'electing' | 'waiting' | 'holder' | 'idle';

export interface Fact {
  label: string;
  value: string;
  /** A stable hook for tests, e.g. "fact-term". */
  id: string;
  /** Worth the student's attention now (drawn brighter). */
  strong?: boolean;
  /** Takes the whole width of the card (long values). */
  wide?: boolean;
}

export interface TimerFact {
  id: string;
  label: string;
  /** What happens when it runs out, in a few words. */
  then: string;
  /** Remaining ms on the node's clock when the view was computed. */
  remainingMs: number;
  /** The full length, for the bar; null when unknown. */
  totalMs: number | null;
  /** Running out costs the node something (its lead): drawn red near the end, not amber. */
  critical?: boolean;
}

export interface NodeSummary {
  role: RoleKey;
  roleLabel: string;
  /** The one number that matters most (Raft's term, Bully's rank, Lease's token). */
  headline: { label: string; value: string; suffix?: string };
  facts: Fact[];
  timers: TimerFact[];
  /** A line for the top of the card when the node must act ("Your election timer ran out"). */
  callout: string | null;
  /** Small print under the facts (the round's public parameters). */
  footnote?: string;
}

/** "B (Bob)": a label with the nickname of the student playing it. */
export function whoIs(peers: PeerView[], label: string | null, self: string | null): string {
  if (label === null) return 'nobody';
  if (label === self) return `${label} (you)`;
  const peer = peers.find((p) => p.label === label);
  return peer ? `${label} (${peer.nickname})` : label;
}

/** The preset's parameter, a good guess at a timer's full length (the host may override it). */
export function presetParam(view: GameSeatView, name: string): number | null {
  const value = findPreset(view.preset)?.params[name];
  return typeof value === 'number' ? value : null;
}

export function seconds(ms: number): string {
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return ms >= 10_000 ? `${Math.ceil(ms / 1000)} s` : `${(Math.ceil(ms / 100) / 10).toFixed(1)} s`;
}
