/**
 * The projector's rule for words on a ring (issue 8): every text the class must read is
 * drawn at 28 px or more at 1920x1080. The ring's drawing is scaled to fit its room, so
 * the size a word is drawn at depends on how much there is to draw. Rather than shrink
 * words, a crowded ring shows fewer of them: the richest level whose smallest word still
 * reaches the floor wins (a 5-ring: name, role and facts; a 7-ring: name and role; a
 * 9-ring: the role word (the phone tells each student their letter); a team tile: the
 * node's letter in its shape; a tiny tile: the shapes alone, with the
 * leader named in the tile's own big type).
 */
import { letterFont, ringLayout, ringRadius, WORDS, type Detail, type LabelPlacement, type RingLayout } from './ring-layout';

/** Richest first. */
export const LEVELS: readonly Detail[] = ['full', 'medium', 'compact', 'role', 'letters', 'dots'];

export interface RingRoom {
  count: number;
  partition: number[][] | null;
  service: boolean;
  /** The longest role word with its prefix (ring-layout.ts). */
  roleChars: number;
  /** The longest node label ("10" is two). */
  labelChars: number;
  /** The ring's room on the screen, in CSS pixels. */
  width: number;
  height: number;
  /** The least size a word may be drawn at, in CSS pixels. */
  minPx: number;
  /** The longest clock-skew badge on the ring ("2x −0.6 s" is 9; 0 or unset: no clock skewed). */
  badgeChars?: number;
}

export interface RingFit {
  detail: Detail;
  layout: RingLayout;
  /** CSS pixels per ring unit (the SVG keeps its aspect: the smaller of the two ratios). */
  scale: number;
  /** Whether the node's letter inside its shape reaches the floor (else only the shape is drawn). */
  letters: boolean;
}

/** The smallest text a level draws around a node, in ring units (0: none). */
export function smallestText(detail: Detail, nodeSize: number, labelChars: number, letters = true): number {
  const words = Object.values(WORDS[detail]).filter((size) => size > 0);
  if (letters) words.push(letterFont(nodeSize, labelChars));
  return words.length === 0 ? 0 : Math.min(...words);
}

export const scaleOf = (layout: RingLayout, width: number, height: number) => Math.max(0, Math.min(width / layout.box.width, height / layout.box.height));

/**
 * The richest level whose every word reaches `minPx`; within a level, words outside the
 * ring are preferred (the messages fly inside it). The last level draws shapes only when
 * even its letters would be too small.
 */
export function fitRing(room: RingRoom): RingFit {
  for (const detail of LEVELS) {
    // No layout of this level can do better than one node filling the room: skip it cheaply (60 team tiles fit at once).
    const nodeSize = ringLayout(1, null, detail, false).nodeSize;
    const best = Math.min(room.width, room.height) / (2 * ringRadius(nodeSize));
    if (detail !== 'dots' && smallestText(detail, nodeSize, room.labelChars) * best < room.minPx) continue;
    // Without words under the nodes, where words go changes nothing.
    for (const placement of WORDS[detail].word > 0 ? PLACEMENTS : PLACEMENTS.slice(-1)) {
      const { layout, scale } = widest(room, detail, placement);
      if (smallestText(detail, layout.nodeSize, room.labelChars) * scale >= room.minPx) return { detail, layout, scale, letters: true };
      if (detail === 'dots') return { detail, layout, scale, letters: false };
    }
  }
  throw new Error('unreachable: the last level always fits');
}

/** Stretches tried: a circle, or an ellipse up to the room's own shape (a wide screen, wide labels). */
const STRETCHES = [1, 1.15, 1.3, 1.45, 1.6];

/** Words outside the ring first (the messages fly inside it), beside the side nodes next, under every node last. */
const PLACEMENTS: LabelPlacement[] = ['outside', 'radial', 'under'];

/** The level's layout at the stretch that draws it biggest in the room. */
function widest(room: RingRoom, detail: Detail, placement: LabelPlacement): { layout: RingLayout; scale: number } {
  let best: { layout: RingLayout; scale: number } | null = null;
  for (const stretch of STRETCHES) {
    const layout = ringLayout(room.count, room.partition, detail, room.service, room.roleChars, stretch, placement, room.badgeChars ?? 0);
    const scale = scaleOf(layout, room.width, room.height);
    if (!best || scale > best.scale + 1e-9) best = { layout, scale };
  }
  return best!;
}

/**
 * Size of the words of a message pill, in ring units: the floor at this scale, or 0 (a
 * dot) when the pill would be bigger than a node and crowd the ring, or there are too
 * many of them to read anyway.
 */
export function pillFontFor(fit: RingFit, messages: number, minPx: number): number {
  if (fit.detail === 'letters' || fit.detail === 'dots' || messages > 40 || fit.scale === 0) return 0;
  const font = Math.max(28, Math.ceil(minPx / fit.scale));
  return font > fit.layout.nodeSize * 0.75 ? 0 : font;
}

/** A word drawn on the ring outside the nodes' labels (PARTITION, a slow link's delay): at least the floor, or left out (0) when that would be far bigger than designed. */
export function floorFont(designed: number, fit: RingFit | null, minPx: number): number {
  if (!fit) return designed;
  if (fit.scale === 0) return 0;
  const font = Math.max(designed, minPx / fit.scale);
  return font > designed * 1.6 ? 0 : font;
}
