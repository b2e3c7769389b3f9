import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventStore } from '../../server/event-store';
import { RoomRegistry } from '../../server/room-registry';
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

  it('fails loudly at start-up on a log it cannot understand', () => {
    const store = openStore();
    store.append('AAAAAA', 0, [{ type: 'NodeJoined', at: 1, payload: { nodeId: 1 } }]);
    expect(() => RoomRegistry.load(store)).toThrow();
  });
});
