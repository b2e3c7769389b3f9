/**
 * The words by each node on a ring: their sizes per detail level, the box they take (under,
 * above or beside the node) and the overlap tests the ring layout grows until they pass
 * (issue 8: labels never overlap nodes; ring-layout.ts places the nodes).
 */
/**
 * full: name, role, facts. medium: name and role. compact: role only, big (teams grid). role: role only.
 * letters: shape and label, big enough to read on a team tile. dots: shape and label, small.
 */
export type Detail = 'full' | 'medium' | 'compact' | 'role' | 'letters' | 'dots';

/**
 * Font sizes of the words around a node, in the ring's units. The projector fits the
 * ring's box to its room and then picks the richest detail whose smallest word still
 * draws at 28 px (ring-fit.ts, issue 8): a bigger ring shows fewer words, never smaller
 * ones. Within a level the sizes are close to each other, so no one line is the weak link.
 */
export const WORDS: Record<Detail, { name: number; word: number; info: number; badge: number; timer: number }> = {
  full: { name: 38, word: 36, info: 34, badge: 34, timer: 34 },
  medium: { name: 32, word: 30, info: 0, badge: 30, timer: 30 },
  compact: { name: 0, word: 40, info: 0, badge: 30, timer: 34 },
  role: { name: 0, word: 30, info: 0, badge: 30, timer: 30 },
  letters: { name: 0, word: 0, info: 0, badge: 0, timer: 0 },
  dots: { name: 0, word: 0, info: 0, badge: 0, timer: 0 },
};

/** The node's label inside its shape, as a share of the node size (two characters, "10", a little smaller). */
export const letterFont = (nodeSize: number, chars: number) => nodeSize * (chars > 1 ? 0.78 : 0.95);

/** The most characters each line under a node may have (the glyph cuts longer ones with "…"); a tighter level, a shorter name. */
export const LABEL_CHARS = { name: 14, shortName: 10, info: 24 } as const;
export const nameChars = (detail: Detail) => (detail === 'full' ? LABEL_CHARS.name : LABEL_CHARS.shortName);

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Width of a line of `chars` characters at `font` (bold sans: about 0.62 em a character, plus letter spacing). */
const lineWidth = (chars: number, font: number, spacing = 0) => chars * (font * 0.62 + spacing);

/** The radius of a node's timer ring: the disc no word may enter. */
export const ringRadius = (nodeSize: number) => nodeSize * 1.42;

/**
 * The box of the words under a node at `p`: name, role word, facts (see NodeWords), sized
 * for the longest ones (`roleChars`: the algorithm's longest role word). A prefix (PAUSED,
 * STALE) goes on its own line above the role word, so a line is never longer than the
 * longest role word, and the box always keeps room for it: pausing a node never moves the ring.
 */
export function labelBox(p: Point, detail: Detail, nodeSize: number, roleChars: number, side: LabelSide = 'below'): Box | null {
  const w = WORDS[detail];
  if (w.word === 0) return null;
  const gap = ringRadius(nodeSize) + 8;
  const height = w.name + 2 * (w.word + 4) + (w.info > 0 ? w.info + 6 : 0) + w.word * 0.3;
  const width = Math.max(lineWidth(w.name > 0 ? nameChars(detail) : 0, w.name), lineWidth(Math.max(roleChars, PREFIX_CHARS), w.word, 1.5), lineWidth(w.info > 0 ? LABEL_CHARS.info : 0, w.info * 0.9));
  // Beside a node the words sit a little high: the node's badges and timer mirror to its other side (NodeGlyph).
  if (side === 'right') return { x: p.x + gap, y: p.y - height * 0.6, width, height };
  if (side === 'left') return { x: p.x - gap - width, y: p.y - height * 0.6, width, height };
  if (side === 'above') return { x: p.x - width / 2, y: p.y - gap - height, width, height };
  return { x: p.x - width / 2, y: p.y + gap, width, height };
}

/** The longest line above the role word: "OFFLINE PAUSED" (NodeWords). */
const PREFIX_CHARS = 14;

/** Where a node's words go: under it, or (a big ring) outward from the centre, so the side nodes' words do not hang onto the nodes below them. */
export type LabelSide = 'below' | 'above' | 'right' | 'left';

/**
 * How words are placed: 'under' every node; 'outside' (above the upper nodes, under the
 * lower ones: no words inside the ring, where the messages fly); 'radial' (outside, and
 * beside the side nodes).
 */
export type LabelPlacement = 'under' | 'outside' | 'radial';

export function labelSide(p: Point, centre: Point, placement: LabelPlacement): LabelSide {
  const dx = p.x - centre.x;
  const dy = p.y - centre.y;
  if (placement === 'under') return 'below';
  if (placement === 'radial' && Math.abs(dx) > Math.abs(dy) * 0.7) return dx > 0 ? 'right' : 'left';
  return dy < -1e-6 ? 'above' : 'below';
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Does the box come within `r` of the point (a node's disc)? */
export function boxTouchesDisc(box: Box, c: Point, r: number): boolean {
  const dx = Math.max(box.x - c.x, 0, c.x - (box.x + box.width));
  const dy = Math.max(box.y - c.y, 0, c.y - (box.y + box.height));
  return dx * dx + dy * dy < r * r;
}

/** Width of the clock-skew badge (NodeGlyph's SkewBadge): its words, the clock icon and the padding. */
export const badgeWidth = (chars: number, font: number) => lineWidth(chars, font) + font * 2.2;

/**
 * The box of a node's clock-skew badge ("2x −0.6 s", `chars` long) at the ring's upper right,
 * or upper left when the node's words are to its right (NodeGlyph mirrors it): the layout keeps
 * it inside the ring's room and off the other nodes and their words, like the words themselves.
 */
export function badgeBox(p: Point, detail: Detail, nodeSize: number, chars: number, side: LabelSide = 'below'): Box | null {
  const font = WORDS[detail].badge;
  if (chars === 0 || font === 0) return null;
  const ring = ringRadius(nodeSize);
  const width = badgeWidth(chars, font);
  const left = side === 'right' ? -ring * 0.95 - width + font : ring * 0.95;
  return { x: p.x + left - font * 0.5, y: p.y - ring * 0.92 - font * 0.8, width, height: font * 1.6 };
}

/** True when some node's words (or badge) overlap another node's disc, words or badge. */
export function labelsCollide(positions: Point[], labels: (Box | null)[], nodeSize: number, badges: (Box | null)[] = []): boolean {
  const r = ringRadius(nodeSize) + 6;
  const owned = positions.map((_, i) => [labels[i], badges[i]].filter((box): box is Box => !!box));
  for (let i = 0; i < positions.length; i++) {
    for (const box of owned[i]!) {
      for (let j = 0; j < positions.length; j++) {
        if (i === j) continue;
        if (boxTouchesDisc(box, positions[j]!, r)) return true;
        if (j > i && owned[j]!.some((other) => boxesOverlap(box, other))) return true;
      }
    }
  }
  return false;
}
