/**
 * The story schema in zod/mini (so /host does not load classic zod) validates exactly as the
 * classic one did: every shipped story parses, with its defaults filled in, and a broken
 * story is refused at the same place, for the same reason. The checks were compared
 * against the classic schema when it was converted (session 5: 19 of 19 broken stories,
 * identical issues); these pin the result. Where a refusal's words reach a person (a
 * replay file's StoryStarted row, checked by the log's schemas), they read as before.
 */
import { describe, expect, it } from 'vitest';
import { STORY_FILES } from '../../../shared/stories/index';
import { storyStartedSchema } from '../../../shared/stories/events';
import { storySchema } from '../../../shared/stories/schema';

const good = STORY_FILES[0]!;
const beat = (extra: Record<string, unknown>) => ({ ...good, beats: [{ id: 'x', cue: 'c', ...extra }] });
/** Where and why a story is refused: each issue's code and path. */
const refusal = (story: unknown) => storySchema.safeParse(story).error?.issues.map((issue) => ({ code: issue.code, path: issue.path }));

describe('story schema (zod/mini)', () => {
  for (const file of STORY_FILES) {
    it(`${file.id} parses, and parsing what it made gives the same story`, () => {
      const story = storySchema.parse(file);
      expect(story.id).toBe(file.id);
      expect(storySchema.parse(story)).toEqual(story);
      for (const each of story.beats) {
        expect(Array.isArray(each.faults)).toBe(true);
        expect(Array.isArray(each.punches)).toBe(true);
        expect(typeof each.nodes).toBe('object');
      }
      expect(typeof story.params).toBe('object');
      expect(typeof story.network).toBe('object');
    });
  }

  it('fills the defaults a story may leave out (faults, cues, punch lines, parameters, network)', () => {
    const story = storySchema.parse({ ...good, params: undefined, network: undefined, beats: [{ id: 'x', cue: 'c' }] });
    expect(story).toMatchObject({ params: {}, network: {}, beats: [{ id: 'x', cue: 'c', faults: [], nodes: {}, punches: [] }] });
  });

  it('refuses a broken story where and why the classic schema did', () => {
    expect(refusal({ ...good, beats: [] })).toEqual([{ code: 'too_small', path: ['beats'] }]);
    expect(refusal({ ...good, beats: Array.from({ length: 21 }, () => good.beats[0]) })).toEqual([{ code: 'too_big', path: ['beats'] }]);
    expect(refusal(beat({ nodes: { 12: { text: 't' } } }))).toEqual([{ code: 'invalid_key', path: ['beats', 0, 'nodes', '12'] }]);
    expect(refusal(beat({ until: { kind: 'soon' } }))).toEqual([{ code: 'invalid_union', path: ['beats', 0, 'until', 'kind'] }]);
    expect(refusal(beat({ until: { kind: 'elapsed', ms: 0 } }))).toEqual([{ code: 'too_small', path: ['beats', 0, 'until', 'ms'] }]);
    expect(refusal(beat({ until: { kind: 'all', of: [] } }))).toEqual([{ code: 'too_small', path: ['beats', 0, 'until', 'of'] }]);
    expect(refusal(beat({ nodes: { 0: { text: 't', move: { type: 'Vote', peer: 9 } } } }))).toEqual([{ code: 'too_big', path: ['beats', 0, 'nodes', '0', 'move', 'peer'] }]);
    expect(refusal(beat({ faults: [{ type: 'Nope' }] }))).toEqual([{ code: 'invalid_union', path: ['beats', 0, 'faults', 0, 'type'] }]);
    expect(refusal({ ...good, nodes: 3.5 })).toEqual([{ code: 'invalid_type', path: ['nodes'] }]);
    expect(refusal({ ...good, id: 'Bad Id' })).toEqual([{ code: 'invalid_format', path: ['id'] }]);
    expect(refusal({ ...good, title: 'x'.repeat(61) })).toEqual([{ code: 'too_big', path: ['title'] }]);
    expect(refusal({ ...good, network: { dropRate: 2 } })).toEqual([{ code: 'too_big', path: ['network', 'dropRate'] }]);
  });

  it('a replay row with a broken story is refused in the words it had (classic zod\'s English messages)', () => {
    const row = { type: 'StoryStarted', at: 1, roomTime: 0, story: { ...good, beats: [] } };
    const issues = storyStartedSchema.safeParse(row).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['story.beats', 'Too small: expected array to have >=1 items']]);
  });
});
