/** Which seat a seat:join gets (shared/room/seat-claim.ts): reuse, not duplicates; kicked stays out. */
import { describe, expect, it } from 'vitest';
import { claimSeat } from '../../../shared/room/seat-claim';
import { created, given, hash, joined, kicked } from './given';

const room = given(created(), joined(1, 'Ada'), joined(2, 'Bob'), kicked(2));
const claim = (held: string | null, previous: string | null) => claimSeat(room, { heldHash: held && hash(held), previousHash: previous && hash(previous) });

describe('claiming a seat on seat:join', () => {
  it('a connection that already holds a seat gets it back (a double tap is one join)', () => {
    expect(claim('seat-1', null)).toEqual({ ok: true, claim: { seat: 'held', nodeId: 1 } });
  });
  it('a browser that sat here before gets its seat back instead of a duplicate node', () => {
    expect(claim(null, 'seat-1')).toEqual({ ok: true, claim: { seat: 'previous', nodeId: 1 } });
  });
  it('a kicked seat stays out, whether held on this connection or remembered by the browser', () => {
    expect(claim('seat-2', null)).toMatchObject({ ok: false, refusal: { code: 'kicked' } });
    expect(claim(null, 'seat-2')).toMatchObject({ ok: false, refusal: { code: 'kicked' } });
  });
  it('a token the room does not know is forgotten: a new seat is taken', () => {
    expect(claim('seat-from-another-server', 'also-unknown')).toEqual({ ok: true, claim: { seat: 'new' } });
    expect(claim(null, null)).toEqual({ ok: true, claim: { seat: 'new' } });
  });
});
