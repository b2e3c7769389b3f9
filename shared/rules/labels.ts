/**
 * Two ways to name a node in sentences; each algorithm's module picks one (nodeLabel):
 * by letter (0 -> A, 25 -> Z, 26 -> A2, 52 -> A3...) or by rank (index + 1, for Bully).
 */
import type { NodeIndex } from './types';

export function letterLabel(index: NodeIndex): string {
  const letter = String.fromCharCode(65 + (index % 26));
  const round = Math.floor(index / 26);
  return round === 0 ? letter : `${letter}${round + 1}`;
}

export function rankLabel(index: NodeIndex): string {
  return String(index + 1);
}
