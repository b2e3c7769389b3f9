/**
 * Issue 8: labels never overlap nodes ("Grant" over "Ada", "ANSWEF" clipped). The ring
 * layout is pure geometry: for rings of 3 to 12 nodes, whole or split in two by a
 * partition, with or without the lock service in the middle, every node's words (sized
 * for the longest name, role word and facts) stay clear of every other node and of the
 * other nodes' words, and inside the drawing's box (nothing clipped at the edge).
 */
import { describe, expect, it } from 'vitest';
import { boxesOverlap, boxTouchesDisc, ringLayout, ringRadius, type Box, type Detail } from '../../../app/components/game/ring-layout';

const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** The detail ClusterRing draws a single cluster with (a team card uses 'compact'). */
const detailFor = (count: number): Detail => (count > 9 ? 'medium' : 'full');

const halves = (count: number) => [Array.from({ length: Math.ceil(count / 2) }, (_, i) => i), Array.from({ length: Math.floor(count / 2) }, (_, i) => i + Math.ceil(count / 2))];

const cases: { count: number; detail: Detail; partition: number[][] | null; service: boolean; roleChars: number }[] = [];
for (let count = 3; count <= 12; count++) {
  for (const detail of [detailFor(count), 'compact'] as Detail[]) {
    for (const partition of [null, halves(count)]) {
      for (const service of [false, true]) cases.push({ count, detail, partition, service, roleChars: 20 });
    }
  }
}

describe('ring labels never overlap', () => {
  it.each(cases)('$count nodes, $detail, partition $partition, service $service', ({ count, detail, partition, service, roleChars }) => {
    const layout = ringLayout(count, partition, detail, service, roleChars);
    const r = ringRadius(layout.nodeSize);
    expect(layout.labels).toHaveLength(count);
    layout.labels.forEach((label, i) => {
      expect(label).not.toBeNull();
      expect(inside(label!, layout.box), `node ${i}'s words inside the box`).toBe(true);
      layout.positions.forEach((p, j) => {
        if (j !== i) expect(boxTouchesDisc(label!, p, r), `node ${i}'s words clear of node ${j}`).toBe(false);
      });
      layout.labels.forEach((other, j) => {
        if (j > i) expect(boxesOverlap(label!, other!), `words of ${i} and ${j} apart`).toBe(false);
      });
    });
    // Nodes themselves never touch.
    layout.positions.forEach((p, i) => layout.positions.forEach((q, j) => j > i && expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(2 * r)));
  });

  it('a word as long as the longest role takes room: the ring grows rather than letting words collide', () => {
    const short = ringLayout(6, null, 'full', false, 8);
    const long = ringLayout(6, null, 'full', false, 20);
    expect(long.radius).toBeGreaterThanOrEqual(short.radius);
    expect(long.labels[0]!.width).toBeGreaterThan(short.labels[0]!.width);
  });
});
