/**
 * The moments a teacher looks for on the scrubber. Each kind has a colour AND a shape
 * (never colour alone: a washed-out projector or a colour-blind student must still tell
 * a crash from an election). The kinds are named in shared/rules/replay-hooks.ts, where an
 * algorithm's own marks (shared/rules/<name>/replay.ts) can use them.
 */
import type { MarkerKind } from '../rules/replay-hooks';

export type { MarkerKind };
export type MarkerShape = 'crown' | 'triangle-down' | 'cross' | 'circle' | 'bars' | 'play' | 'slash' | 'link' | 'bolt' | 'warning' | 'square' | 'check' | 'swap';

export interface MarkerLook {
  name: string;
  colour: string;
  shape: MarkerShape;
}

export const MARKER_LOOKS: Record<MarkerKind, MarkerLook> = {
  leader: { name: 'Leader elected', colour: '#f5b82e', shape: 'crown' },
  'leader-lost': { name: 'Leader lost', colour: '#ff9f43', shape: 'triangle-down' },
  crash: { name: 'Crash', colour: '#ef5b5b', shape: 'cross' },
  restart: { name: 'Restart', colour: '#3ccf91', shape: 'circle' },
  pause: { name: 'Pause (GC)', colour: '#8fe3ff', shape: 'bars' },
  resume: { name: 'Resumed', colour: '#8fe3ff', shape: 'play' },
  partition: { name: 'Partition', colour: '#b892ff', shape: 'slash' },
  heal: { name: 'Healed', colour: '#b892ff', shape: 'link' },
  'split-brain': { name: 'Split brain', colour: '#ff3b6b', shape: 'bolt' },
  'stale-leader': { name: 'Stale leader', colour: '#ff3b6b', shape: 'warning' },
  refused: { name: 'Refused move', colour: '#a9c4dc', shape: 'square' },
  commit: { name: 'Commit', colour: '#3ccf91', shape: 'check' },
  handover: { name: 'Lease handover', colour: '#f5b82e', shape: 'swap' },
};

export const MARKER_KINDS = Object.keys(MARKER_LOOKS) as MarkerKind[];
