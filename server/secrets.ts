/**
 * Randomness and hashing live here, in the I/O shell: the pure room core only ever
 * receives the results as inputs.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../shared/room/code';

/** 256 bits, base64url (43 chars): unguessable, URL-safe, fits in localStorage. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The log stores only this hash. A session log can then be exported or replayed without
 * handing out the keys to the host panel or anyone's seat. The tokens carry 256 random
 * bits, so a plain (unsalted) SHA-256 cannot be reversed by guessing.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 6 symbols from 32: about 10^9 codes, uniformly drawn with crypto.randomInt. */
export function newRoomCode(): string {
  let code = '';
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}
