import { describe, expect, it } from 'vitest';
import { evolveRoom, findSeat, foldRoom, roomView, seatView } from '../../../shared/room';
import { created, given, hash, HOST, joined, kicked, locked, T0, unlocked } from './given';

describe('folding the log', () => {
  it('given RoomCreated, then the room is open, empty and has played no round', () => {
    expect(foldRoom([created()])).toEqual({ code: 'K7P3QX', createdAt: T0, hostTokenHash: HOST, locked: false, seats: [], round: null, roundsPlayed: 0 });
  });

  it('given joins, a kick and a lock, then seats keep join order and the kicked seat is marked', () => {
    const state = given(created(), joined(1, 'Ada'), joined(2, 'Bob'), kicked(1), locked());
    expect(state.locked).toBe(true);
    expect(state.seats.map((s) => [s.nodeId, s.nickname, s.kicked])).toEqual([[1, 'Ada', true], [2, 'Bob', false]]);
  });

  it('given lock then unlock, then the room is open again', () => {
    expect(given(created(), locked(), unlocked()).locked).toBe(false);
  });

  it('given an event before RoomCreated, then the fold refuses to invent a room', () => {
    expect(() => evolveRoom(null, joined(1, 'Ada'))).toThrow(/before RoomCreated/);
  });

  it('is plain JSON: a JSON round trip changes nothing', () => {
    const state = given(created(), joined(1, 'Ada'), kicked(1));
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});

describe('coming back to a seat', () => {
  const state = given(created(), joined(1, 'Ada'), joined(2, 'Bob'), kicked(2));

  it('given a valid seat token, then the same node is found', () => {
    expect(findSeat(state, hash('seat-1'))).toMatchObject({ ok: true, seat: { nodeId: 1 } });
  });

  it('given a kicked seat token, then it is refused as kicked', () => {
    expect(findSeat(state, hash('seat-2'))).toMatchObject({ ok: false, refusal: { code: 'kicked' } });
  });

  it('given a token this room never issued, then it is refused as stale-seat', () => {
    expect(findSeat(state, hash('nope'))).toMatchObject({ ok: false, refusal: { code: 'stale-seat' } });
  });
});

describe('views', () => {
  const state = given(created(), joined(1, 'Ada'), joined(2, 'Bob'), joined(3, 'Cy'), kicked(2));

  it('the room view lists active nodes with presence and never leaks token hashes', () => {
    const view = roomView(state, [3]);
    expect(view).toEqual({
      code: 'K7P3QX', locked: false, kickedCount: 1, scoresOff: false,
      nodes: [{ nodeId: 1, nickname: 'Ada', online: false }, { nodeId: 3, nickname: 'Cy', online: true }],
    });
    expect(JSON.stringify(view)).not.toMatch(/[0-9a-f]{64}/);
  });

  it('a seat view tells a kicked student they are out', () => {
    expect(seatView(state, 2)).toMatchObject({ nodeId: 2, status: 'kicked', crewSize: 2 });
    expect(seatView(state, 9)).toBeNull();
  });
});
