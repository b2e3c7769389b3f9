/**
 * Where a message in flight is drawn, and as what (issue 8: labels never overlap nodes
 * or pills). A pill travels its link from sender to receiver, trimmed off both nodes and
 * nudged to the left of its direction (a request and its reply on one link do not sit
 * on each other). Where the pill's box would cross a node's words it shrinks to a dot,
 * which is drawn beneath the words (their halo keeps them readable over it).
 */
import { boxesOverlap, lerp, type Box, type Point } from './ring-layout';

export type FlightShape = { kind: 'pill'; at: Point; box: Box } | { kind: 'dot'; at: Point };

/** Width of a pill holding `label` at `fontSize` (bold: about 0.6 em a character, plus its rounded ends). */
export const pillSize = (label: string, fontSize: number) => ({ width: label.length * fontSize * 0.6 + fontSize * 0.9, height: fontSize * 1.45 });

/**
 * The message's place at `progress` (0 at the sender, 1 at the receiver) and its shape:
 * a pill when `fontSize` > 0 and its box clears every label box, else a dot.
 */
export function flightShape(start: Point, end: Point, progress: number, label: string, fontSize: number, trim: number, labels: readonly (Box | null)[]): FlightShape {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const length = Math.hypot(dx, dy) || 1;
  const cut = Math.min(trim, length * 0.35);
  const from = { x: start.x + (dx / length) * cut, y: start.y + (dy / length) * cut };
  const to = { x: end.x - (dx / length) * cut, y: end.y - (dy / length) * cut };
  const nudge = Math.max(10, fontSize * 0.7);
  const centre = lerp(from, to, Math.max(0, Math.min(1, progress)));
  const at = { x: centre.x + (dy / length) * nudge, y: centre.y - (dx / length) * nudge };
  if (fontSize <= 0) return { kind: 'dot', at };
  const { width, height } = pillSize(label, fontSize);
  const box = { x: at.x - width / 2, y: at.y - height / 2, width, height };
  return labels.some((l) => l !== null && boxesOverlap(box, l)) ? { kind: 'dot', at } : { kind: 'pill', at, box };
}
