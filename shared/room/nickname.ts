/**
 * Nickname rules, shared so the join form can warn before the server refuses.
 * Nicknames are always rendered as text (React escapes them); refusing markup
 * characters is belt and braces so a projector never shows "<script>" to a lecture hall.
 *
 * Normalization (issue 9, finding 5): NFKC first, so full-width letters, ligatures and
 * odd spaces become their plain forms; then any character a reader cannot see or that
 * reorders the text is refused, because two names that look the same on the projector
 * must be the same name (uniqueness compares skeletons: nickname-skeleton.ts).
 */
import { refuseAdmin, type RefusalCode, type Result } from '../rules/refusal';

export const NICKNAME_MAX_LENGTH = 20;

export type NicknameCheck = Result<{ nickname: string }>;

// Angle brackets are what turn text into markup; apostrophes stay allowed (O'Brien).
const MARKUP = /[<>]/;
// Emoji presentation selectors (VS15/VS16) come from phone keyboards ("❤️"); they only
// choose text or emoji style, so they are dropped rather than refused.
const PRESENTATION_SELECTORS = /[\uFE0E\uFE0F]/g;
// Whitespace of every kind (tabs, newlines, no-break and ideographic spaces) is one space.
const WHITESPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
/**
 * Characters a reader cannot see, or that change how the text around them is shown:
 * control (Cc), format (Cf: soft hyphen U+00AD, word joiner U+2060, Arabic letter mark
 * U+061C, zero-width and bidi overrides/isolates U+202A-202E, U+2066-2069), every Unicode
 * Default_Ignorable code point (Hangul fillers U+115F, U+1160, U+3164, U+FFA0, variation
 * selectors, tag characters), private-use, unassigned and lone surrogates, and the
 * braille blank U+2800 (a visible-width space that is not a space).
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800]/u;
// After all that, a name needs something a person can read.
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export function normalizeNickname(raw: string): string {
  return raw.normalize('NFKC').replace(PRESENTATION_SELECTORS, '').replace(WHITESPACE, ' ').trim();
}

export function checkNickname(raw: string): NicknameCheck {
  const nickname = normalizeNickname(raw);
  const hidden = HIDDEN.exec(nickname);
  if (hidden) {
    const codePoint = hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return refuse('nickname-hidden-character', `Your nickname contains a hidden or invisible character (U+${codePoint}). Please type it again with letters, digits and spaces.`);
  }
  if (!VISIBLE.test(nickname)) {
    return refuse('nickname-empty', 'Please enter a nickname.');
  }
  if (MARKUP.test(nickname)) {
    return refuse('nickname-markup', 'Nicknames can use letters, digits, spaces and simple punctuation, but not < or >.');
  }
  if ([...nickname].length > NICKNAME_MAX_LENGTH) {
    return refuse('nickname-too-long', `Nicknames are at most ${NICKNAME_MAX_LENGTH} characters.`);
  }
  return { ok: true, nickname };
}

function refuse(code: RefusalCode, message: string): NicknameCheck {
  return { ok: false, refusal: refuseAdmin(code, message) };
}
