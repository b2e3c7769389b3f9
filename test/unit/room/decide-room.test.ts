import { describe, expect, it } from 'vitest';
import { decideRoom, MAX_SEATS } from '../../../shared/room';
import type { JoinRoom } from '../../../shared/room/commands';
import { created, eventsOf, given, hash, HOST, join, joined, kick, kicked, lock, locked, refusalCode, T0, unlock } from './given';

describe('creating a room', () => {
  it('given no room, when the server creates one, then RoomCreated records the code and host token hash', () => {
    expect(eventsOf(null, { type: 'CreateRoom', at: T0, code: 'K7P3QX', hostTokenHash: HOST })).toEqual([created()]);
  });

  it('given a room, when the same code is created again, then it is refused as room-exists', () => {
    expect(refusalCode(given(created()), { type: 'CreateRoom', at: T0, code: 'K7P3QX', hostTokenHash: HOST })).toBe('room-exists');
  });

  it('given no room, when anything else is asked, then it is refused as unknown-room', () => {
    expect(refusalCode(null, join('Ada'))).toBe('unknown-room');
    expect(refusalCode(null, lock())).toBe('unknown-room');
  });
});

describe('joining', () => {
  it('given an open room, when a student joins, then they get node 1 with a trimmed nickname', () => {
    expect(eventsOf(given(created()), join('  Ada   Lovelace '))).toEqual([
      { type: 'NodeJoined', at: T0 + 1000, nodeId: 1, nickname: 'Ada Lovelace', seatTokenHash: hash('new-seat') },
    ]);
  });

  it('given three students, when a fourth joins, then node ids follow join order', () => {
    const state = given(created(), joined(1, 'Ada'), joined(2, 'Bob'), joined(3, 'Cy'));
    expect(eventsOf(state, join('Dee'))[0]).toMatchObject({ nodeId: 4 });
  });

  it('given a kicked node, when someone joins, then the kicked id is not reused', () => {
    const state = given(created(), joined(1, 'Ada'), joined(2, 'Bob'), kicked(2));
    expect(eventsOf(state, join('Cy'))[0]).toMatchObject({ nodeId: 3 });
  });

  it('given a locked room, when a new student joins, then it is refused as room-locked', () => {
    expect(refusalCode(given(created(), locked()), join('Ada'))).toBe('room-locked');
  });

  it('given a room locked then unlocked, when a student joins, then they are let in', () => {
    expect(eventsOf(given(created(), locked(), { type: 'RoomUnlocked', at: T0 }), join('Ada'))).toHaveLength(1);
  });

  it.each([
    ['', 'nickname-empty'],
    ['    ', 'nickname-empty'],
    ['x'.repeat(21), 'nickname-too-long'],
    ['<b>Ada</b>', 'nickname-markup'],
    ['<script>alert(1)</script>', 'nickname-markup'],
    ['Ada\u202e', 'nickname-hidden-character'], // issue 9: hidden characters have their own code now
  ])('given an open room, when the nickname is %j, then it is refused as %s', (nickname, code) => {
    expect(refusalCode(given(created()), join(nickname))).toBe(code);
  });

  it('given a 20-character nickname with an apostrophe, when joining, then it is accepted', () => {
    expect(eventsOf(given(created()), join("O'Brien-Smith Ada Jo"))[0]).toMatchObject({ nickname: "O'Brien-Smith Ada Jo" });
  });

  it('given Ada aboard, when "ada" joins, then it is refused as nickname-taken', () => {
    expect(refusalCode(given(created(), joined(1, 'Ada')), join('ada'))).toBe('nickname-taken');
  });

  it('given Ada was kicked, when a new "Ada" joins, then the name is free again', () => {
    expect(eventsOf(given(created(), joined(1, 'Ada'), kicked(1)), join('Ada'))[0]).toMatchObject({ nodeId: 2 });
  });

  it('given a full room, when one more joins, then it is refused as room-full', () => {
    const events = [created(), ...Array.from({ length: MAX_SEATS }, (_, i) => joined(i + 1, `s${i + 1}`))];
    expect(refusalCode(given(...events), join('late'))).toBe('room-full');
  });

  it('given a full room in which the host kicked one, when one more joins, then the freed seat is theirs (finding 3)', () => {
    const events = [created(), ...Array.from({ length: MAX_SEATS }, (_, i) => joined(i + 1, `s${i + 1}`)), kicked(7)];
    expect(eventsOf(given(...events), join('late'))[0]).toMatchObject({ type: 'NodeJoined', nodeId: MAX_SEATS + 1 });
  });

  it('given a server cap of 3 seats, when a fourth joins, then it is refused as room-full naming the cap', () => {
    const state = given(created(), joined(1, 'a'), joined(2, 'b'), joined(3, 'c'));
    const decision = decideRoom(state, { ...(join('d') as JoinRoom), maxSeats: 3 });
    expect(decision).toMatchObject({ ok: false, refusal: { code: 'room-full', message: expect.stringContaining('3 seats') } });
  });
});

describe('host commands', () => {
  const room = () => given(created(), joined(1, 'Ada'), joined(2, 'Bob'));

  it('given a room, when the host kicks node 2, then NodeKicked is recorded', () => {
    expect(eventsOf(room(), kick(2))).toEqual([{ type: 'NodeKicked', at: T0 + 1000, nodeId: 2 }]);
  });

  it('given a room, when a student (wrong token) kicks, locks or unlocks, then it is refused as not-host', () => {
    const student = hash('seat-1');
    expect(refusalCode(room(), kick(2, student))).toBe('not-host');
    expect(refusalCode(room(), lock(student))).toBe('not-host');
    expect(refusalCode(given(created(), locked()), unlock(student))).toBe('not-host');
  });

  it('given a room, when the host kicks a node that does not exist, then it is refused as unknown-node', () => {
    expect(refusalCode(room(), kick(9))).toBe('unknown-node');
  });

  it('given node 2 already kicked, when kicked again, then it is refused as node-already-kicked', () => {
    expect(refusalCode(given(created(), joined(1, 'Ada'), kicked(1)), kick(1))).toBe('node-already-kicked');
  });

  it('given an open room, when the host locks it, then RoomLocked; locking twice is refused', () => {
    expect(eventsOf(room(), lock())).toEqual([{ type: 'RoomLocked', at: T0 + 1000 }]);
    expect(refusalCode(given(created(), locked()), lock())).toBe('already-locked');
  });

  it('given a locked room, when the host unlocks it, then RoomUnlocked; unlocking an open room is refused', () => {
    expect(eventsOf(given(created(), locked()), unlock())).toEqual([{ type: 'RoomUnlocked', at: T0 + 1000 }]);
    expect(refusalCode(room(), unlock())).toBe('already-unlocked');
  });

  it('never mutates the state it was given', () => {
    const state = room();
    const before = JSON.stringify(state);
    decideRoom(state, kick(1));
    decideRoom(state, join('Cy'));
    expect(JSON.stringify(state)).toBe(before);
  });
});
