/**
 * Issue 8: labels never overlap nodes or messages ("Grant" over "Ada", "ANSWEF" clipped,
 * a pill crossing a name). The ring layout is pure geometry: for rings of 3 to 16 nodes,
 * whole or split in two by a partition, with or without the lock service in the middle,
 * words under the nodes or outward from the centre, on a circle or a stretched ring, every
 * node's words (sized for the longest name, role word and facts) stay clear of every other
 * node and of the other nodes' words, and inside the drawing's box (nothing clipped at the
 * edge). A message in flight, anywhere on any link, is drawn as a pill only where the pill
 * clears every node's words; elsewhere it is a dot, drawn beneath the words.
 */
import { describe, expect, it } from 'vitest';
import { flightShape } from '../../../app/components/game/flight-geometry';
import { fitRing } from '../../../app/components/game/ring-fit';
import { boxesOverlap, boxTouchesDisc, ringLayout, ringRadius, type Box, type Detail, type LabelPlacement, type RingLayout } from '../../../app/components/game/ring-layout';

const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

const halves = (count: number) => [Array.from({ length: Math.ceil(count / 2) }, (_, i) => i), Array.from({ length: Math.floor(count / 2) }, (_, i) => i + Math.ceil(count / 2))];

const WORDED: Detail[] = ['full', 'medium', 'compact', 'role'];
const cases: { count: number; detail: Detail; partition: number[][] | null; service: boolean; stretch: number; placement: LabelPlacement }[] = [];
for (let count = 3; count <= 16; count++) {
  for (const detail of WORDED) {
    for (const partition of [null, halves(count)]) {
      for (const service of [false, true]) {
        for (const [stretch, placement] of [[1, 'under'], [1.3, 'outside'], [1, 'radial'], [1.45, 'radial']] as const) cases.push({ count, detail, partition, service, stretch, placement });
      }
    }
  }
}

function expectWordsClear(layout: RingLayout) {
  const r = ringRadius(layout.nodeSize);
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
}

describe('ring labels never overlap nodes or other labels', () => {
  it.each(cases)('$count nodes, $detail, partition $partition, service $service, stretch $stretch, words $placement', ({ count, detail, partition, service, stretch, placement }) => {
    const layout = ringLayout(count, partition, detail, service, 13, stretch, placement);
    expect(layout.labels).toHaveLength(count);
    expectWordsClear(layout);
  });

  it('a word as long as the longest role takes room: the ring grows rather than letting words collide', () => {
    const short = ringLayout(6, null, 'full', false, 8);
    const long = ringLayout(6, null, 'full', false, 20);
    expect(long.radius).toBeGreaterThanOrEqual(short.radius);
    expect(long.labels[0]!.width).toBeGreaterThan(short.labels[0]!.width);
  });

  it.each([3, 5, 8, 12, 16])('a %i-ring of letters only (a team tile): the nodes\' rings never touch', (count) => {
    const layout = ringLayout(count, null, 'letters', false);
    const r = ringRadius(layout.nodeSize);
    layout.positions.forEach((p, i) => layout.positions.forEach((q, j) => j > i && expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(2 * r)));
  });

  it('outward words sit beside the side nodes and under the bottom one', () => {
    const layout = ringLayout(8, null, 'medium', false, 13, 1, 'radial');
    expect(layout.labelSides[0]).toBe('above');
    expect(layout.labelSides[2]).toBe('right');
    expect(layout.labelSides[4]).toBe('below');
    expect(layout.labelSides[6]).toBe('left');
  });
});

/** Message labels of the three algorithms, the longest lost ("ELECTION ✗"). */
const PILLS = ['Vote?', 'PreVote', 'Append', 'Ack', 'ELECTION ✗', 'COORD', 'Acquire', 'Release'];
const PROJECTOR_RING = { width: 1216, height: 960 };

describe('messages in flight never cover a node\'s words', () => {
  it.each([5, 7, 9])('a fitted %i-ring: every pill on every link, all the way, clears every label box', (count) => {
    const fit = fitRing({ count, partition: null, service: false, roleChars: 13, labelChars: 1, ...PROJECTOR_RING, minPx: 28 });
    const layout = fit.layout;
    const font = Math.ceil(28 / fit.scale);
    let pills = 0;
    let dots = 0;
    for (let a = 0; a < count; a++) {
      for (let b = 0; b < count; b++) {
        if (a === b) continue;
        for (const label of PILLS) {
          for (let step = 0; step <= 50; step++) {
            const shape = flightShape(layout.positions[a]!, layout.positions[b]!, step / 50, label, font, layout.nodeSize * 1.6, layout.labels);
            if (shape.kind === 'dot') {
              dots++;
              continue;
            }
            pills++;
            layout.labels.forEach((box, i) => expect(boxesOverlap(shape.box, box!), `${label} ${a}->${b} at ${step / 50} over node ${i}'s words`).toBe(false));
          }
        }
      }
    }
    // The rule is kept by shrinking some pills, not by hiding them all.
    expect(pills).toBeGreaterThan(dots);
  });

  it('a pill crossing a label becomes a dot', () => {
    const layout = ringLayout(5, null, 'full', false);
    // From the top node straight down through the bottom nodes' words.
    const under = layout.labels[2]!;
    const target = { x: under.x + under.width / 2, y: under.y + under.height / 2 };
    const shape = flightShape(layout.positions[0]!, target, 1, 'ELECTION', 40, 0, layout.labels);
    expect(shape.kind).toBe('dot');
  });
});
