/**
 * Every story file is a valid script: it parses, its algorithm and preset exist, its
 * numbers are parameters the rules accept (G9), its faults are host faults naming nodes of
 * the cast, its cues name moves the algorithm has, its role conditions name roles of the
 * algorithm's table, and its `since` names an earlier beat.
 */
import { describe, expect, it } from 'vitest';
import { faultSchema } from '../../../shared/game/moves';
import { presetsFor } from '../../../shared/game/presets';
import { algorithmModule, isAlgorithm, paramsInForce } from '../../../shared/rules/registry';
import { leaves } from '../../../shared/stories/conditions';
import { STORIES, STORY_FILES } from '../../../shared/stories/index';
import { storySchema, type StoryCondition } from '../../../shared/stories/schema';

const moveTypes = (algorithm: string) => algorithmModule(algorithm).wire.moves.map((m) => [...(m._zod.def.shape.type?._zod.values ?? [])][0]);

describe('story scripts', () => {
  it('the lecture\'s five stories plus a split vote and a stale leader are in the catalogue, ids unique', () => {
    const ids = STORIES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['bully-captain-down', 'raft-captain-down', 'lease-takeover', 'lease-late-renewal', 'lease-gc-fenced', 'raft-split-vote', 'raft-stale-leader']));
  });

  for (const file of STORY_FILES) {
    describe(file.id, () => {
      const story = storySchema.parse(file);
      it('sets up a round the rules accept: a registered algorithm, its preset, parameters in range', () => {
        expect(isAlgorithm(story.algorithm)).toBe(true);
        const preset = presetsFor(story.algorithm).find((p) => p.id === story.preset);
        expect(preset).toBeDefined();
        expect(paramsInForce(story.algorithm, { ...preset!.params, ...story.params })).toMatchObject({ ok: true });
        expect(story.lesson.length).toBeGreaterThan(20);
      });

      it('its beats name nodes of the cast, moves of the algorithm, roles of its table and earlier beats', () => {
        const moves = moveTypes(story.algorithm);
        const roles = Object.keys(algorithmModule(story.algorithm).roles);
        const ids = story.beats.map((b) => b.id);
        expect(new Set(ids).size).toBe(ids.length);
        story.beats.forEach((beat, index) => {
          for (const fault of beat.faults) {
            expect(faultSchema.safeParse(fault).success).toBe(true);
            const nodes = [('node' in fault ? fault.node : undefined), ('from' in fault ? fault.from : undefined), ...('groups' in fault ? fault.groups.flat() : [])];
            for (const n of nodes) if (n !== undefined) expect(n).toBeLessThan(story.nodes);
          }
          for (const [node, cue] of Object.entries(beat.nodes)) {
            expect(Number(node)).toBeLessThan(story.nodes);
            if (cue.move) expect(moves).toContain(cue.move.type);
            if (cue.move?.peer !== undefined) expect(cue.move.peer).toBeLessThan(story.nodes);
            if (cue.orElse) expect(moves).toContain(cue.orElse.type);
          }
          const cueDone = Object.values(beat.nodes).flatMap((cue) => (cue.done ? [cue.done] : []));
          for (const done of cueDone) expect(leaves(done).every((l) => l.kind === 'event')).toBe(true);
          const conditions: StoryCondition[] = [...(beat.until ? [beat.until] : []), ...beat.punches.map((p) => p.when), ...cueDone];
          for (const leaf of conditions.flatMap(leaves)) {
            if (leaf.kind === 'role') expect(roles).toContain(leaf.role);
            if (leaf.kind === 'event' && leaf.node !== undefined) expect(leaf.node).toBeLessThan(story.nodes);
            if (leaf.kind === 'elapsed' && leaf.since) expect(ids.slice(0, index)).toContain(leaf.since);
          }
          for (const punch of beat.punches) expect(leaves(punch.when).some((l) => l.kind === 'elapsed')).toBe(false);
        });
      });
    });
  }

  it('a malformed story is refused by the schema (a node index out of range, an unknown condition)', () => {
    const good = STORY_FILES[0]!;
    expect(storySchema.safeParse({ ...good, beats: [{ id: 'x', cue: 'c', nodes: { 12: { text: 't' } } }] }).success).toBe(false);
    expect(storySchema.safeParse({ ...good, beats: [{ id: 'x', cue: 'c', until: { kind: 'soon' } }] }).success).toBe(false);
    expect(storySchema.safeParse({ ...good, beats: [] }).success).toBe(false);
  });
});
