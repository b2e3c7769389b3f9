/**
 * Issue 8: nothing the class must read is smaller than 28 px at 1920x1080. The ring's
 * drawing is scaled to fit its room, so ring-fit.ts picks the richest level whose every
 * word (names, role words, facts, timers, badges, the letter in the shape, the message
 * pills) is drawn at 28 px or more in that room; a crowded ring shows less, not smaller.
 * The rooms are the projector's at 1920x1080 (as drawn in Chromium): one cluster (the ring's column beside the
 * story), a tile of 12 teams (6x2) and a tile of 60 teams (a pictogram beside the name).
 */
import { describe, expect, it } from 'vitest';
import { fitRing, LEVELS, pillFontFor, smallestText, type RingRoom } from '../../../app/components/game/ring-fit';
import { badgeBox, labelsCollide, WORDS } from '../../../app/components/game/ring-layout';

const ROOMS = { oneCluster: { width: 1216, height: 960 }, twelveTeams: { width: 285, height: 330 }, sixtyTeams: { width: 40, height: 40 } };
const room = (count: number, size: { width: number; height: number }, extra: Partial<RingRoom> = {}): RingRoom => ({ count, partition: null, service: false, roleChars: 13, labelChars: count > 9 ? 2 : 1, minPx: 28, ...size, ...extra });

describe('every word on a projector ring is drawn at 28 px or more', () => {
  const cases = [];
  for (let count = 3; count <= 16; count++) for (const [name, size] of Object.entries(ROOMS)) for (const service of [false, true]) cases.push({ count, name, size, service });
  it.each(cases)('$count nodes in the $name room, service $service', ({ count, size, service }) => {
    const fit = fitRing(room(count, size, { service }));
    const smallest = smallestText(fit.detail, fit.layout.nodeSize, count > 9 ? 2 : 1, fit.letters);
    // Either every word reaches the floor, or nothing is written at all (shapes only).
    if (smallest > 0) expect(smallest * fit.scale).toBeGreaterThanOrEqual(28);
    const pill = pillFontFor(fit, 3, 28);
    if (pill > 0) expect(pill * fit.scale).toBeGreaterThanOrEqual(28);
  });
});

describe('a crowded ring shows less, not smaller', () => {
  it('one cluster of 5: name, role and facts', () => {
    expect(fitRing(room(5, ROOMS.oneCluster)).detail).toBe('full');
  });

  it('one cluster of 7 or 8: name and role; of 9: the role word; of 12: the letter in each shape', () => {
    expect(fitRing(room(7, ROOMS.oneCluster)).detail).toBe('medium');
    expect(fitRing(room(8, ROOMS.oneCluster)).detail).toBe('medium');
    expect(fitRing(room(9, ROOMS.oneCluster)).detail).toBe('role');
    expect(fitRing(room(12, ROOMS.oneCluster))).toMatchObject({ detail: 'letters', letters: true });
  });

  it('a team of 5 in a grid of 12 keeps its letters; in a grid of 60 it is a pictogram', () => {
    expect(fitRing(room(5, ROOMS.twelveTeams))).toMatchObject({ detail: 'letters', letters: true });
    expect(fitRing(room(5, ROOMS.sixtyTeams))).toMatchObject({ detail: 'dots', letters: false });
  });

  it('levels are ordered from most to fewest words', () => {
    const words = LEVELS.map((d) => Object.values(WORDS[d]).filter((n) => n > 0).length);
    expect(words).toEqual([...words].sort((a, b) => b - a));
  });

  it('the message pills of a one-cluster ring keep their words', () => {
    for (const count of [5, 7, 9]) expect(pillFontFor(fitRing(room(count, ROOMS.oneCluster)), 6, 28)).toBeGreaterThan(0);
  });
});

describe('a clock-skew badge ("2x −0.6 s") is part of the ring\'s layout', () => {
  // 12 characters: the ring keeps room in steps of 4 (ClusterRing), "0.5x +12.5 s" is 11.
  const cases = [];
  for (let count = 3; count <= 9; count++) for (const service of [false, true]) cases.push({ count, service });
  it.each(cases)('$count nodes in one cluster, service $service: every badge inside the drawing, off the other nodes and their words, in 28 px type', ({ count, service }) => {
    const fit = fitRing(room(count, ROOMS.oneCluster, { service, badgeChars: 12 }));
    const { layout } = fit;
    const font = WORDS[fit.detail].badge;
    if (font === 0) return;
    expect(font * fit.scale).toBeGreaterThanOrEqual(28);
    const badges = layout.positions.map((p, i) => badgeBox(p, fit.detail, layout.nodeSize, 12, layout.labelSides[i]));
    const { box } = layout;
    for (const b of badges) {
      expect(b!.x).toBeGreaterThanOrEqual(box.x);
      expect(b!.x + b!.width).toBeLessThanOrEqual(box.x + box.width);
      expect(b!.y).toBeGreaterThanOrEqual(box.y);
    }
    expect(labelsCollide(layout.positions, layout.labels, layout.nodeSize, badges)).toBe(false);
  });
});
