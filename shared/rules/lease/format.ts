/** Words for sentences: node letters (as the UI shows them) and durations in seconds. */
import { letterLabel } from '../labels';
import type { NodeIndex } from '../types';
import { SERVICE } from '../types';

export function who(index: NodeIndex | null): string {
  if (index === null) return 'nobody';
  return index === SERVICE ? 'the lock service' : letterLabel(index);
}

/** 1000 -> "1.0 s"; negative durations read as 0. */
export function secs(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}
