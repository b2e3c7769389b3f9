/**
 * Nickname rules, shared so the join form can warn before the server refuses.
 * Nicknames are always rendered as text; refusing markup characters is belt and
 * braces so a projector never shows "<script>" to a lecture hall.
 */
import { refuseAdmin, type RefusalCode, type Result } from '../rules/refusal';

export const NICKNAME_MAX_LENGTH = 20;

export type NicknameCheck = Result<{ nickname: string }>;

// Angle brackets are what turn text into markup; apostrophes stay allowed (O'Brien).
const MARKUP = /[<>]/;
// Control characters and zero-width / bidi overrides make names unreadable or spoofable.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

export function checkNickname(raw: string): NicknameCheck {
  const nickname = raw.trim().replace(/\s+/g, ' ');
  if (nickname.length === 0) {
    return refuse('nickname-empty', 'Please enter a nickname.');
  }
  if (MARKUP.test(nickname) || INVISIBLE.test(nickname)) {
    return refuse('nickname-markup', 'Nicknames can use letters, digits, spaces and simple punctuation, but not < > or hidden characters.');
  }
  if ([...nickname].length > NICKNAME_MAX_LENGTH) {
    return refuse('nickname-too-long', `Nicknames are at most ${NICKNAME_MAX_LENGTH} characters.`);
  }
  return { ok: true, nickname };
}

function refuse(code: RefusalCode, message: string): NicknameCheck {
  return { ok: false, refusal: refuseAdmin(code, message) };
}
