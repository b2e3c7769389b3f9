/**
 * Where each node sits on the ring. Without a partition the nodes go clockwise from the
 * top in label order; with one, each side of the partition gets its own arc, the sides
 * are pulled apart and a dashed line runs between them, so the class sees the split at a
 * glance. The drawing's box is fitted to what is drawn, so a team of 3 fills its card as
 * well as a cluster of 9 does.
 */
import { badgeBox, labelBox, labelsCollide, labelSide, ringRadius, WORDS, type Box, type Detail, type LabelPlacement, type LabelSide, type Point } from './ring-words';

export * from './ring-words';

export interface RingLayout {
  box: Box;
  centre: Point;
  radius: number;
  /** Horizontal stretch of the ring (1: a circle): an ellipse fits a wide screen and wide labels better. */
  stretch: number;
  /** Node size (half the width of its shape). */
  nodeSize: number;
  positions: Point[];
  /** Dashed lines between the sides of a partition (empty when the network is whole). */
  cuts: { from: Point; to: Point }[];
  /** One arc per side of the partition, for the faint halo behind its nodes. */
  sides: { nodes: number[]; startAngle: number; endAngle: number; shift: Point }[];
  /** Each node's side (-1: no partition). */
  sideOf: number[];
  /** The words by each node (name, role, facts): never over another node or another node's words. */
  labels: (Box | null)[];
  /** Which side of its node each node's words are on. */
  labelSides: LabelSide[];
  /** Each node's clock-skew badge, when the ring has room kept for one (`badgeChars` > 0). */
  badges: (Box | null)[];
}

/** Node size and the least distance between neighbours (grown until the words fit: `ringLayout`). */
const SIZING: Record<Detail, { node: number; spacing: number }> = {
  full: { node: 72, spacing: 330 },
  medium: { node: 46, spacing: 200 },
  compact: { node: 70, spacing: 290 },
  role: { node: 46, spacing: 200 },
  letters: { node: 40, spacing: 135 },
  dots: { node: 30, spacing: 82 },
};

/** Levels without words under the nodes draw no badges either: their box hugs the rings. */
const hasWords = (detail: Detail) => WORDS[detail].word > 0;


function sideGroups(count: number, partition: number[][] | null): number[][] {
  if (!partition) return [];
  const groups = partition.map((group) => group.filter((n) => n >= 0 && n < count));
  // A node the host left out of every side talks to nobody: it is its own side.
  const placed = new Set(groups.flat());
  for (let i = 0; i < count; i++) if (!placed.has(i)) groups.push([i]);
  return groups.filter((group) => group.length > 0);
}

/**
 * The ring for `count` nodes: neighbours start `SIZING.spacing` apart and move apart until
 * no node's words touch another node or its words (`roleChars`: the longest role word the
 * algorithm can show, "PRE-CANDIDATE" is 13; `badgeChars`: the longest clock-skew badge on the
 * ring, "2x −0.6 s" is 9, 0 when no clock is skewed).
 */
export function ringLayout(count: number, partition: number[][] | null, detail: Detail, withService: boolean, roleChars = 13, stretch = 1, placement: LabelPlacement = 'under', badgeChars = 0): RingLayout {
  let spacing = SIZING[detail].spacing;
  for (let tries = 0; ; tries++) {
    const layout = placeOnRing(count, partition, detail, withService, spacing, roleChars, stretch, placement, badgeChars);
    if (tries >= 40 || !labelsCollide(layout.positions, layout.labels, layout.nodeSize, layout.badges)) return layout;
    spacing *= 1.06;
  }
}

function placeOnRing(count: number, partition: number[][] | null, detail: Detail, withService: boolean, least: number, roleChars: number, stretch: number, placement: LabelPlacement, badgeChars: number): RingLayout {
  const size = SIZING[detail];
  const at = (c: Point, a: number, r: number): Point => ({ x: c.x + Math.cos(a) * r * stretch, y: c.y + Math.sin(a) * r });
  const groups = sideGroups(count, partition);
  const split = groups.length >= 2;
  const GAP = 0.8;
  const slots = count + (split ? groups.length * GAP : 0);
  // Chord between neighbours = spacing; a lone pair sits side by side; the service needs room.
  // Few nodes: the top node's words hang down towards the lower ones, so space them more.
  const spacing = least * (slots <= 4.5 ? 1.3 : 1);
  const fromSpacing = slots <= 1 ? 0 : slots === 2 ? spacing / 2 : spacing / (2 * Math.sin(Math.PI / slots));
  const radius = Math.max(fromSpacing, withService ? 340 : 0);
  const centre = { x: 0, y: 0 };
  const step = (2 * Math.PI) / Math.max(1, slots);
  const gap = GAP * step;
  const angles: number[] = new Array<number>(count).fill(0);
  const sideOf: number[] = new Array<number>(count).fill(-1);
  const sides: RingLayout['sides'] = [];
  const cuts: RingLayout['cuts'] = [];

  if (!split) {
    for (let i = 0; i < count; i++) angles[i] = -Math.PI / 2 + i * step;
  } else {
    // The first cut at the top, so two halves read as left and right.
    let angle = -Math.PI / 2 + gap / 2 + step / 2;
    const cutAngles: number[] = [];
    groups.forEach((group, g) => {
      const first = angle;
      for (const node of group) {
        angles[node] = angle;
        sideOf[node] = g;
        angle += step;
      }
      sides.push({ nodes: group, startAngle: first - step / 2, endAngle: angle - step / 2, shift: { x: 0, y: 0 } });
      cutAngles.push(angle - step / 2 + gap / 2);
      angle += gap;
    });
    // Pull the sides apart: away from the cut (two sides) or outward from the centre (more).
    const pull = size.node * 0.8;
    const reach = radius + size.node * 1.6;
    if (groups.length === 2) {
      // Two sides: push them apart along the line joining their centres, and draw the cut
      // across that line, halfway between the nearest nodes of each side.
      const base = angles.map((a) => at(centre, a, radius));
      const mean = (g: number[]) => ({ x: g.reduce((t, i) => t + base[i]!.x, 0) / g.length, y: g.reduce((t, i) => t + base[i]!.y, 0) / g.length });
      const m0 = mean(groups[0]!);
      const m1 = mean(groups[1]!);
      const len = Math.hypot(m1.x - m0.x, m1.y - m0.y) || 1;
      const d = { x: (m1.x - m0.x) / len, y: (m1.y - m0.y) / len };
      sides[0]!.shift = { x: -d.x * pull, y: -d.y * pull };
      sides[1]!.shift = { x: d.x * pull, y: d.y * pull };
      const along = (i: number, side: number) => (base[i]!.x + sides[side]!.shift.x) * d.x + (base[i]!.y + sides[side]!.shift.y) * d.y;
      const middle = (Math.max(...groups[0]!.map((i) => along(i, 0))) + Math.min(...groups[1]!.map((i) => along(i, 1)))) / 2;
      const across = { x: -d.y, y: d.x };
      const spread = base.map((p) => p.x * across.x + p.y * across.y);
      const lo = Math.min(...spread) - size.node * 1.6;
      const hi = Math.max(...spread) + size.node * 1.6;
      const point = (t: number) => ({ x: d.x * middle + across.x * t, y: d.y * middle + across.y * t });
      cuts.push({ from: point(lo), to: point(hi) });
    } else {
      for (const a of cutAngles) cuts.push({ from: at(centre, a, withService ? radius * 0.6 : 0), to: at(centre, a, reach) });
      for (const side of sides) side.shift = at({ x: 0, y: 0 }, (side.startAngle + side.endAngle) / 2, pull);
    }
  }

  const positions = angles.map((a, i) => {
    const base = at(centre, a, radius);
    const shift = sides[sideOf[i]!]?.shift ?? { x: 0, y: 0 };
    return { x: base.x + shift.x, y: base.y + shift.y };
  });
  const labelSides = positions.map((p) => labelSide(p, centre, placement));
  const labels = positions.map((p, i) => labelBox(p, detail, size.node, roleChars, labelSides[i]));
  const badges = positions.map((p, i) => badgeBox(p, detail, size.node, badgeChars, labelSides[i]));
  return { box: fitBox(positions, [...labels, ...badges], cuts, size, withService, hasWords(detail)), centre, radius, stretch, nodeSize: size.node, positions, cuts, sides, sideOf, labels, labelSides, badges };
}

/** The smallest box holding every node with its ring, badges and words (`boxes`), the cuts and the service. */
function fitBox(positions: Point[], boxes: (Box | null)[], cuts: RingLayout['cuts'], size: (typeof SIZING)[Detail], withService: boolean, badges: boolean): Box {
  const ring = ringRadius(size.node);
  const xs: number[] = [];
  const ys: number[] = [];
  positions.forEach((p) => {
    // A margin around the ring for its timer text; a clock-skew badge is one of `boxes`.
    xs.push(p.x - ring - (badges ? size.node * 1.4 : 0), p.x + ring + (badges ? size.node * 1.6 : 0));
    ys.push(p.y - ring - (badges ? size.node * 0.5 : 0), p.y + ring + 8);
  });
  for (const box of boxes) {
    if (!box) continue;
    xs.push(box.x, box.x + box.width);
    ys.push(box.y, box.y + box.height);
  }
  for (const c of cuts) {
    xs.push(c.from.x - 90, c.from.x + 90, c.to.x - 90, c.to.x + 90);
    ys.push(c.from.y - 60, c.from.y + 60, c.to.y - 60, c.to.y + 60);
  }
  if (withService) {
    xs.push(-210, 210);
    ys.push(-125, 125);
  }
  if (xs.length === 0) return { x: -200, y: -200, width: 400, height: 400 };
  const x = Math.min(...xs) - 10;
  const y = Math.min(...ys) - 10;
  return { x, y, width: Math.max(...xs) + 10 - x, height: Math.max(...ys) + 10 - y };
}

/** Moves the lock service into the side of the partition that holds it. */
export function placeService(layout: RingLayout, partition: number[][] | null): Point {
  const side = partition?.findIndex((group) => group.includes(-1)) ?? -1;
  const arc = side >= 0 ? layout.sides.find((s) => s.nodes.some((n) => partition![side]!.includes(n))) : undefined;
  if (!arc) return layout.centre;
  const mid = (arc.startAngle + arc.endAngle) / 2;
  return { x: layout.centre.x + arc.shift.x + Math.cos(mid) * layout.radius * layout.stretch * 0.4, y: layout.centre.y + arc.shift.y + Math.sin(mid) * layout.radius * 0.4 };
}

export function lerp(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

export function arcPath(centre: Point, radius: number, from: number, to: number, stretch = 1): string {
  const p = (a: number) => `${(centre.x + Math.cos(a) * radius * stretch).toFixed(1)} ${(centre.y + Math.sin(a) * radius).toFixed(1)}`;
  const large = to - from > Math.PI ? 1 : 0;
  return `M ${p(from)} A ${radius * stretch} ${radius} 0 ${large} 1 ${p(to)}`;
}
