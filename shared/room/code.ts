/**
 * Room codes: read aloud by a teacher, typed on a phone.
 * No 0/O or 1/I so nobody has to ask "zero or oh?". Generation (crypto randomness)
 * lives in the server; this module only knows what a valid code looks like.
 */
export const ROOM_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const ROOM_CODE_LENGTH = 6;

const VALID_CODE = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** Upper-cases and drops spaces/dashes, so "abc-def" and "ABC DEF" both work. */
export function normalizeRoomCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

export function isRoomCode(code: string): boolean {
  return VALID_CODE.test(code);
}

/** "ABCDEF" -> "ABC DEF": two groups of three are easier to read out loud. */
export function formatRoomCode(code: string): string {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}
