import { describe, expect, it } from 'vitest';
import { MOVE_IDS_PER_ROUND, recallMove, rememberMove, type MoveAsk, type SeatMoves } from '../../../shared/game/double-tap';

const ok = { ok: true };
const ask = (over: Partial<MoveAsk> = {}): MoveAsk => ({ round: 1, moveId: 'a', content: '{"type":"SendHeartbeat"}', at: 1_000, seq: 10, nodeCrashed: false, ...over });
const after = (first: MoveAsk, answer = ok): SeatMoves => rememberMove(undefined, first, answer);

describe('SPEC G7: a double tap is one action', () => {
  it('the same move id in the same round gets the first answer, even much later', () => {
    expect(recallMove(after(ask()), ask({ at: 60_000, seq: 99, content: 'other' }))).toBe(ok);
  });
  it('the same move with a new id within 400 ms and nothing logged since gets the first answer', () => {
    expect(recallMove(after(ask()), ask({ moveId: 'b', at: 1_399 }))).toBe(ok);
  });
  it('is a new action once 400 ms have passed', () => {
    expect(recallMove(after(ask()), ask({ moveId: 'b', at: 1_400 }))).toBeNull();
  });
  it('is a new action once anything was logged in the room, even if the first was accepted', () => {
    expect(recallMove(after(ask()), ask({ moveId: 'b', seq: 11 }))).toBeNull();
  });
  it('a new tap from a crashed node is always decided again', () => {
    expect(recallMove(after(ask()), ask({ moveId: 'b', nodeCrashed: true }))).toBeNull();
  });
  it('ids are remembered per round', () => {
    const memory = after(ask());
    expect(recallMove(memory, ask({ round: 2 }))).toBeNull();
    expect([...rememberMove(memory, ask({ round: 2, moveId: 'z' }), ok).byId.keys()]).toEqual(['z']);
  });
  it(`keeps the last ${MOVE_IDS_PER_ROUND} ids of a round`, () => {
    let memory: SeatMoves | undefined;
    for (let i = 0; i <= MOVE_IDS_PER_ROUND; i++) memory = rememberMove(memory, ask({ moveId: `m${i}` }), ok);
    expect(memory!.byId.size).toBe(MOVE_IDS_PER_ROUND);
    expect(recallMove(memory, ask({ moveId: 'm0', content: 'x' }))).toBeNull();
    expect(recallMove(memory, ask({ moveId: 'm1', content: 'x' }))).toBe(ok);
  });
});
