import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventStore } from '../../server/event-store';
import { RoomRegistry } from '../../server/room-registry';
import { loadOpenRoundsInBackground } from '../../server/open-rounds';
import { hashToken } from '../../server/secrets';

let dir: string;
const open: EventStore[] = [];
const openStore = () => {
  const store = EventStore.openIn(dir);
  open.push(store);
  return store;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'captain-down-store-'));
});
afterEach(() => {
  for (const store of open.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('event store', () => {
  it('appends events with increasing seq and reads them back in order', () => {
    const store = openStore();
    expect(store.append('AAAAAA', 0, [{ type: 'A', at: 1, payload: { x: 1 } }, { type: 'B', at: 2, payload: {} }])).toBe(2);
    expect(store.append('AAAAAA', 2, [{ type: 'C', at: 3, payload: { nested: { ok: true } } }])).toBe(3);
    expect(store.read('AAAAAA')).toEqual([
      { room: 'AAAAAA', seq: 1, type: 'A', at: 1, payload: { x: 1 } },
      { room: 'AAAAAA', seq: 2, type: 'B', at: 2, payload: {} },
      { room: 'AAAAAA', seq: 3, type: 'C', at: 3, payload: { nested: { ok: true } } },
    ]);
  });

  it('keeps each room in its own log', () => {
    const store = openStore();
    store.append('AAAAAA', 0, [{ type: 'A', at: 1, payload: {} }]);
    store.append('BBBBBB', 0, [{ type: 'B', at: 2, payload: {} }]);
    expect(store.rooms()).toEqual(['AAAAAA', 'BBBBBB']);
    expect(store.read('BBBBBB').map((e) => e.type)).toEqual(['B']);
    expect(store.read('CCCCCC')).toEqual([]);
  });

  it('refuses an append that did not see the latest event, writing nothing', () => {
    const store = openStore();
    store.append('AAAAAA', 0, [{ type: 'A', at: 1, payload: {} }]);
    expect(() => store.append('AAAAAA', 0, [{ type: 'X', at: 2, payload: {} }, { type: 'Y', at: 2, payload: {} }])).toThrow(/expected seq 0/);
    expect(store.read('AAAAAA')).toHaveLength(1);
  });

  it('survives a restart: a new store on the same file sees every event', () => {
    const first = openStore();
    first.append('AAAAAA', 0, [{ type: 'A', at: 1, payload: { n: 1 } }]);
    first.close();
    const second = openStore();
    expect(second.read('AAAAAA')).toEqual([{ room: 'AAAAAA', seq: 1, type: 'A', at: 1, payload: { n: 1 } }]);
    expect(second.append('AAAAAA', 1, [{ type: 'B', at: 2, payload: {} }])).toBe(2);
  });

  it("a batch with many appends of one room leaves its catalogue row as appending them one by one would", () => {
    const appends = [
      { room: 'AAAAAA', expectedSeq: 0, events: [{ type: 'A', at: 5, payload: {} }], note: { openRound: true } },
      { room: 'BBBBBB', expectedSeq: 0, events: [{ type: 'B', at: 7, payload: {} }], note: { openRound: true } },
      { room: 'AAAAAA', expectedSeq: 1, events: [{ type: 'C', at: 9, payload: {} }, { type: 'D', at: 8, payload: {} }], note: { openRound: false } },
      { room: 'AAAAAA', expectedSeq: 3, events: [{ type: 'E', at: 6, payload: {} }] },
      { room: 'BBBBBB', expectedSeq: 1, events: [], note: { openRound: false } },
    ];
    const catalogue = (store: EventStore) => store.database.prepare('SELECT room, last_seq, last_at, open_round FROM rooms ORDER BY room').all();
    const oneByOne = openStore();
    for (const a of appends) oneByOne.append(a.room, a.expectedSeq, a.events, a.note);
    const separate = catalogue(oneByOne);
    oneByOne.close();
    rmSync(dir, { recursive: true, force: true });
    const batched = openStore();
    expect(batched.appendBatch(appends)).toEqual([1, 1, 3, 4, 1]);
    expect(catalogue(batched)).toEqual(separate);
    expect(separate).toEqual([
      { room: 'AAAAAA', last_seq: 4, last_at: 9, open_round: 0 },
      { room: 'BBBBBB', last_seq: 1, last_at: 7, open_round: 1 },
    ]);
  });
});

describe('room registry on the store', () => {
  const host = hashToken('host');

  it('rebuilds every room after a restart by replaying its log', () => {
    const store = openStore();
    const registry = RoomRegistry.load(store);
    const code = registry.freshCode();
    registry.execute(code, { type: 'CreateRoom', at: 1, code, hostTokenHash: host });
    registry.execute(code, { type: 'JoinRoom', at: 2, nickname: 'Ada', seatTokenHash: hashToken('s1') });
    registry.execute(code, { type: 'JoinRoom', at: 3, nickname: 'Bob', seatTokenHash: hashToken('s2') });
    registry.execute(code, { type: 'KickNode', at: 4, hostTokenHash: host, nodeId: 2 });
    registry.execute(code, { type: 'LockRoom', at: 5, hostTokenHash: host });
    const before = registry.get(code);
    store.close();

    const restarted = RoomRegistry.load(openStore());
    expect(restarted.get(code)).toEqual(before);
    expect(restarted.get(code)?.seats.map((s) => [s.nodeId, s.kicked])).toEqual([[1, false], [2, true]]);
    // And it keeps going from where it was: the next join is node 3... once unlocked.
    restarted.execute(code, { type: 'UnlockRoom', at: 6, hostTokenHash: host });
    const next = restarted.execute(code, { type: 'JoinRoom', at: 7, nickname: 'Cy', seatTokenHash: hashToken('s3') });
    expect(next.ok && next.events[0]).toMatchObject({ type: 'NodeJoined', nodeId: 3 });
  });

  it('appends nothing and tells nobody when a command is refused', () => {
    const store = openStore();
    const registry = RoomRegistry.load(store);
    const changes: string[] = [];
    registry.onChange((code) => changes.push(code));
    const code = registry.freshCode();
    registry.execute(code, { type: 'CreateRoom', at: 1, code, hostTokenHash: host });
    const refused = registry.execute(code, { type: 'LockRoom', at: 2, hostTokenHash: hashToken('student') });
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'not-host' } });
    expect(store.read(code)).toHaveLength(1);
    expect(changes).toEqual([code]);
  });

  it('stores token hashes, never the tokens', () => {
    const store = openStore();
    const registry = RoomRegistry.load(store);
    const code = registry.freshCode();
    registry.execute(code, { type: 'CreateRoom', at: 1, code, hostTokenHash: hashToken('the-host-secret') });
    expect(JSON.stringify(store.read(code))).not.toContain('the-host-secret');
  });

  // Rooms load on first use now (issue 9: start-up must not fold every room), so a log
  // that cannot be understood fails loudly when its room is loaded, not at start-up.
  it('fails loudly when a room whose log it cannot understand is loaded', () => {
    const store = openStore();
    store.append('AAAAAA', 0, [{ type: 'NodeJoined', at: 1, payload: { nodeId: 1 } }]);
    const registry = RoomRegistry.load(store);
    expect(() => registry.get('AAAAAA')).toThrow();
  });

  it('start-up folds no room: rooms load on first use, and only rooms with an open round load at start', () => {
    const store = openStore();
    const registry = RoomRegistry.load(store);
    const closed = registry.freshCode();
    registry.execute(closed, { type: 'CreateRoom', at: 1, code: closed, hostTokenHash: host });
    const open = registry.freshCode();
    registry.execute(open, { type: 'CreateRoom', at: 1, code: open, hostTokenHash: host });
    registry.execute(open, { type: 'JoinRoom', at: 2, nickname: 'Ada', seatTokenHash: hashToken('s1') });
    registry.execute(open, { type: 'JoinRoom', at: 3, nickname: 'Bo', seatTokenHash: hashToken('s2') });
    registry.executeGame(open, { type: 'StartRound', at: 4, hostTokenHash: host, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, seed: 1 });
    store.close();

    const restarted = RoomRegistry.load(openStore());
    expect(restarted.size).toBe(0);
    expect(restarted.loadOpenRounds()).toBe(1);
    expect([restarted.isInMemory(open), restarted.isInMemory(closed)]).toEqual([true, false]);
    expect(restarted.get(closed)?.code).toBe(closed);
  });

  it('a restart opens at once: open rounds load in the background, one room a turn, none twice (issue 12)', async () => {
    const store = openStore();
    const registry = RoomRegistry.load(store);
    const codes = [0, 1, 2].map(() => registry.freshCode());
    for (const code of codes) {
      registry.execute(code, { type: 'CreateRoom', at: 1, code, hostTokenHash: host });
      for (const nickname of ['Ada', 'Bo', 'Cy']) registry.execute(code, { type: 'JoinRoom', at: 2, nickname, seatTokenHash: hashToken(`${nickname}-${code}`) });
      registry.executeGame(code, { type: 'StartRound', at: 4, hostTokenHash: host, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, seed: 1 });
    }
    store.close();

    const restarted = RoomRegistry.load(openStore());
    const loads: string[] = [];
    restarted.onLoad((code) => loads.push(code));
    const background = loadOpenRoundsInBackground(restarted);
    expect(restarted.size).toBe(0); // nothing folded before the server goes on (and listens)
    expect(restarted.get(codes[2]!)?.round).not.toBeNull(); // a first use does not wait
    expect(await background).toBe(2);
    expect(loads.sort()).toEqual([...codes].sort());
  });

  it('a data file of schema 1 gets its rooms catalogued on open; each room is marked open until its next append', () => {
    const first = openStore();
    first.append('AAAAAA', 0, [{ type: 'RoomCreated', at: 5, payload: { code: 'AAAAAA', hostTokenHash: host } }]);
    first.database.exec('DROP TABLE rooms; DROP TABLE snapshots;');
    first.database.pragma('user_version = 1');
    first.close();
    const reopened = RoomRegistry.load(openStore());
    expect(reopened.catalog.exists('AAAAAA')).toBe(true);
    expect(reopened.catalog.withOpenRound()).toEqual(['AAAAAA']);
    reopened.execute('AAAAAA', { type: 'LockRoom', at: 6, hostTokenHash: host });
    expect(reopened.catalog.withOpenRound()).toEqual([]);
  });
});
