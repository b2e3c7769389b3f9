/** Recognizes Bully's messages among every algorithm's wire payloads. */
import type { WirePayload } from '../types';
import type { BullyWire } from './types';

const KINDS: ReadonlySet<string> = new Set(['ELECTION', 'ANSWER', 'COORDINATOR', 'ALIVE']);

export function isBullyWire(payload: WirePayload): payload is BullyWire {
  return KINDS.has((payload as { kind: string }).kind);
}
