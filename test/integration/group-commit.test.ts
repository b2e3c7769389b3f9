/**
 * Group commit (issue 12): the game's commands of one event-loop turn are written in one
 * SQLite transaction at the end of the turn; the state in memory moves at once, but no
 * answer and no view leaves before the rows are in the log, and a batch that cannot be
 * written tells nobody anything and sends its rooms back to what the log holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStore, type PendingAppend } from '../../server/event-store';
import { Broadcaster, nodeRoom } from '../../server/broadcaster';
import { RoomRegistry } from '../../server/room-registry';
import { RoundClocks } from '../../server/round-clocks';
import type { Transport } from '../../server/transport';
import { hashToken } from '../../server/secrets';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const HOST = hashToken('host');
const T = 1_700_000_000_000;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A room of three in a Raft round, on a store on disk whose batches are counted. */
function roundInProgress() {
  const dir = mkdtempSync(join(tmpdir(), 'captain-down-group-'));
  dirs.push(dir);
  const store = EventStore.openIn(dir);
  const batches: number[] = [];
  const write = store.appendBatch.bind(store);
  store.appendBatch = (batch: readonly PendingAppend[]) => {
    batches.push(batch.length);
    return write(batch);
  };
  const registry = RoomRegistry.load(store, { groupCommit: true });
  const code = registry.freshCode();
  registry.execute(code, { type: 'CreateRoom', at: T, code, hostTokenHash: HOST });
  for (const i of [0, 1, 2]) registry.execute(code, { type: 'JoinRoom', at: T + 1 + i, nickname: `s${i}`, seatTokenHash: hashToken(`seat-${i}`) });
  registry.executeGame(code, { type: 'StartRound', at: T + 10, hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: false, seed: 3, network: { jitterMs: 0 } });
  registry.flush();
  batches.length = 0;
  return { dir, store, registry, code, batches };
}

const moves = (registry: RoomRegistry, code: string) => {
  for (const nodeId of [1, 2, 3]) registry.executeGame(code, { type: 'PlayMove', at: T + 100 + nodeId, roomTime: 100 + nodeId, nodeId, move: { type: 'SendHeartbeat' } });
};

describe('group commit: one transaction per turn, answers only once durable', () => {
  it("a turn's moves are one transaction; nothing is told and no answer leaves before it is written", async () => {
    const { store, registry, code, batches } = roundInProgress();
    const durableSeq = store.lastSeq(code);
    const told: number[] = [];
    registry.onChange(() => told.push(store.lastSeq(code)));
    const answers: Array<{ durable: boolean; logAt: number }> = [];

    moves(registry, code);
    registry.whenDurable((durable) => answers.push({ durable, logAt: store.lastSeq(code) }));

    // The rules moved on in memory (each move decided on the one before)...
    expect(registry.seqOf(code)).toBeGreaterThan(durableSeq);
    // ...but the log, the listeners and the answer wait for the end of the turn.
    expect(store.lastSeq(code)).toBe(durableSeq);
    expect(told).toEqual([]);
    expect(answers).toEqual([]);

    await nextTurn();
    expect(batches).toEqual([3]);
    expect(store.lastSeq(code)).toBe(registry.seqOf(code));
    expect(answers).toEqual([{ durable: true, logAt: registry.seqOf(code) }]);
    // Every listener ran after the write: what it was told is in the log.
    expect(told).toHaveLength(3);
    for (const seq of told) expect(seq).toBe(registry.seqOf(code));
  });

  it('with nothing waiting, an answer leaves at once; room commands are written before they return', () => {
    const { store, registry, code } = roundInProgress();
    let durable: boolean | null = null;
    registry.whenDurable((d) => (durable = d));
    expect(durable).toBe(true);
    registry.execute(code, { type: 'LockRoom', at: T + 500, hostTokenHash: HOST });
    expect(store.lastSeq(code)).toBe(registry.seqOf(code));
  });

  it('a batch that cannot be written tells nobody, refuses the answers waiting, and the room reloads from its log', async () => {
    const { store, registry, code } = roundInProgress();
    const durableSeq = store.lastSeq(code);
    const told: string[] = [];
    registry.onChange((c) => told.push(c));
    moves(registry, code);
    let durable: boolean | null = null;
    registry.whenDurable((d) => (durable = d));
    // Another writer takes the next seq first: the batch's first append is out of step.
    store.database.prepare('INSERT INTO events (room, seq, type, at, payload) VALUES (?, ?, ?, ?, ?)').run(code, durableSeq + 1, 'Intruder', T, '{}');
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await nextTurn();
    } finally {
      console.error = log;
    }
    expect(durable).toBe(false);
    expect(told).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(registry.isInMemory(code)).toBe(false);
    // None of the batch reached the log.
    expect(store.read(code, durableSeq).map((e) => e.type)).toEqual(['Intruder']);
  });

  it("a view flush that comes due before the turn's write waits for it: no view shows an unwritten fact or overtakes its ack", async () => {
    const { store, registry, code } = roundInProgress();
    await nextTurn(); // the set-up's own end-of-turn write is behind us
    const clocks = new RoundClocks(() => 0);
    clocks.sync(code, registry.get(code)!);
    const seen: string[] = [];
    const audiences = new Set([1, 2, 3].map((nodeId) => nodeRoom(code, nodeId)));
    const transport: Transport = {
      serve: () => {},
      // Each view records whether the log held everything the room in memory had when it left.
      broadcast: (_audience, event) => void seen.push(`${event} ${store.lastSeq(code) === registry.seqOf(code) ? 'durable' : 'AHEAD OF THE LOG'}`),
      audienceSize: (audience) => (audiences.has(audience) ? 1 : 0),
      disband: () => {},
      connectionCount: () => 3,
      close: async () => {},
    };
    const broadcaster = new Broadcaster(transport, registry, clocks);
    registry.onChange((c) => broadcaster.markDirty(c));

    // A flush comes due (a student came back online) and, in the same turn before it runs,
    // a tick moves every node 30 s on: the election timers fire, in memory only.
    broadcaster.markDirty(code);
    registry.executeGame(code, { type: 'TickRound', at: T + 30_000, roomTime: 30_000 });
    expect(store.lastSeq(code)).toBeLessThan(registry.seqOf(code));
    registry.whenDurable(() => seen.push('ack'));

    await nextTurn();
    await nextTurn();
    expect(seen[0]).toBe('ack');
    expect(seen.filter((s) => s.startsWith('game:seat'))).toEqual(['game:seat durable', 'game:seat durable', 'game:seat durable']);
    expect(seen.every((s) => !s.endsWith('AHEAD OF THE LOG'))).toBe(true);
  });
});
