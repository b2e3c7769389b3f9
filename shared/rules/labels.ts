/**
 * How the UI names nodes in sentences: Raft and Lease nodes by letter (0 -> A, 25 -> Z,
 * 26 -> A2, 52 -> A3...), Bully nodes by rank (index + 1), since Bully is about ranks.
 */
import type { Algorithm, NodeIndex } from './types';

export function letterLabel(index: NodeIndex): string {
  const letter = String.fromCharCode(65 + (index % 26));
  const round = Math.floor(index / 26);
  return round === 0 ? letter : `${letter}${round + 1}`;
}

export function rankLabel(index: NodeIndex): string {
  return String(index + 1);
}

export function nodeLabel(algorithm: Algorithm, index: NodeIndex): string {
  return algorithm === 'bully' ? rankLabel(index) : letterLabel(index);
}
