/**
 * Issue 9, finding 5, written as the attack: names that hide characters, reorder text,
 * render blank, or imitate a classmate. Each is refused or judged a duplicate, and the
 * refusal produces no event (the room is unchanged).
 */
import { describe, expect, it } from 'vitest';
import { checkNickname, decideRoom, normalizeNickname } from '../../../shared/room';
import { nicknameSkeleton } from '../../../shared/room/nickname-skeleton';
import { created, eventsOf, given, join, joined } from './given';

const aboard = () => given(created(), joined(1, 'bot-a0'), joined(2, 'Ada'));

function expectRefused(nickname: string, code: string) {
  const state = aboard();
  const before = JSON.stringify(state);
  const decision = decideRoom(state, join(nickname));
  expect(decision.ok).toBe(false);
  if (!decision.ok) expect(decision.refusal.code).toBe(code);
  expect(JSON.stringify(state)).toBe(before); // nothing else changed
}

describe('nicknames with hidden characters are refused (issue 9, finding 5)', () => {
  it.each([
    ['word joiner U+2060', 'bot-\u2060a1'],
    ['soft hyphen U+00AD', 'bot-\u00ADa0'],
    ['Arabic letter mark U+061C', 'bot\u061C-a1'],
    ['right-to-left override U+202E', 'Ada\u202Eevil'],
    ['left-to-right isolate U+2066', '\u2066Bob\u2069'],
    ['zero-width space U+200B', 'B\u200Bob'],
    ['zero-width joiner U+200D', 'Bo\u200Db'],
    ['byte order mark U+FEFF', 'Bo\uFEFFb'],
    ['Hangul filler U+3164 next to a letter', 'Bob\u3164'],
    ['Hangul choseong filler U+115F', 'x\u115F'],
    ['Hangul jungseong filler U+1160', 'x\u1160'],
    ['half-width Hangul filler U+FFA0', 'x\uFFA0'],
    ['braille blank U+2800', 'x\u2800y'],
    ['a control character U+0007', 'Bob\u0007'],
    ['a tag character U+E0041', 'Bob\u{E0041}'],
    ['a private-use character U+E000', 'Bob\uE000'],
  ])('given a class, when a student joins with a %s, then it is refused as nickname-hidden-character', (_what, nickname) => {
    expectRefused(nickname, 'nickname-hidden-character');
  });

  it('names the hidden character in the sentence the student reads', () => {
    const check = checkNickname('bot-\u00ADa0');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.refusal.message).toContain('U+00AD');
  });

  it.each([
    ['only a Hangul filler U+3164', '\u3164'],
    ['only ideographic spaces', '\u3000\u3000'],
    ['only a presentation selector', '\uFE0F'],
  ])('given a class, when the nickname is %s, then it is refused (hidden or blank)', (_what, nickname) => {
    const decision = decideRoom(aboard(), join(nickname));
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(['nickname-hidden-character', 'nickname-empty']).toContain(decision.refusal.code);
  });

  it('given only combining marks, when joining, then it is refused as nickname-empty', () => {
    expectRefused('\u0301\u0301', 'nickname-empty');
  });
});

describe('nicknames are NFKC-normalized', () => {
  it('full-width letters and odd spaces become plain text before anything is stored', () => {
    expect(normalizeNickname('\uFF21\uFF44\uFF41\u3000 Lovelace')).toBe('Ada Lovelace');
    expect(eventsOf(aboard(), join('\uFF22\uFF4F\uFF42'))[0]).toMatchObject({ nickname: 'Bob' });
  });

  it('an emoji typed on a phone keeps working: its presentation selector is dropped', () => {
    expect(eventsOf(aboard(), join('Cy \u2764\uFE0F'))[0]).toMatchObject({ nickname: 'Cy \u2764' });
  });

  it('accented letters stay (NFKC composes them)', () => {
    expect(eventsOf(aboard(), join('Zoe\u0301'))[0]).toMatchObject({ nickname: 'Zoé' });
  });
});

describe('look-alike nicknames are duplicates (UTS #39 skeleton)', () => {
  it.each([
    ['Cyrillic а for Latin a', 'bot-\u04300'],
    ['Cyrillic А and Greek Α', '\u0410d\u0430'],
    ['digit 0 for letter o', 'b0t-a0'],
    ['full-width letters', '\uFF41\uFF44\uFF41'],
    ['mathematical bold letters', '\u{1D400}\u{1D41D}\u{1D41A}'],
    ['upper case', 'ADA'],
  ])('given bot-a0 and Ada aboard, when a student joins with %s, then it is refused as nickname-taken', (_what, nickname) => {
    expectRefused(nickname, 'nickname-taken');
  });

  it('rn and m look alike on a projector', () => {
    expect(nicknameSkeleton('rnia')).toBe(nicknameSkeleton('mia'));
  });

  it('different names stay different', () => {
    expect(eventsOf(aboard(), join('bot-a1'))[0]).toMatchObject({ nickname: 'bot-a1' });
    expect(eventsOf(aboard(), join('Adam'))[0]).toMatchObject({ nickname: 'Adam' });
  });

  it('a kicked student no longer holds the name', () => {
    const state = given(created(), joined(1, 'Ada'), { type: 'NodeKicked', at: 1, nodeId: 1 });
    expect(eventsOf(state, join('\u0410da'))).toHaveLength(1);
  });
});
