import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventStore } from '../../server/event-store';
import { FALLBACK_PAGES } from '../../server/wal-checkpointer';

let dir: string;
let store: EventStore | null = null;
const file = () => join(dir, 'captain-down.sqlite');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'captain-down-wal-'));
});
afterEach(() => {
  store?.close();
  store = null;
  rmSync(dir, { recursive: true, force: true });
});

const until = async (done: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  return done();
};

describe('the event log checkpoints its WAL off the event loop (issue 12)', () => {
  it('leaves checkpoints to its own thread: the event loop\'s connection checkpoints only past the fallback', () => {
    store = EventStore.openIn(dir);
    expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(FALLBACK_PAGES);
  });

  it('moves committed pages into the database file without any commit on the event loop doing it', async () => {
    store = EventStore.openIn(dir);
    const before = statSync(file()).size;
    // About 300 pages of WAL: under SQLite's own threshold of 1,000, so no commit checkpoints.
    const payload = { pad: 'x'.repeat(3_000) };
    for (let seq = 0; seq < 300; seq += 1) store.append('AAAAAA', seq, [{ type: 'A', at: seq, payload }]);
    expect(statSync(file()).size).toBe(before);
    expect(await until(() => statSync(file()).size > before + 500_000, 5_000)).toBe(true);
    expect(store.read('AAAAAA')).toHaveLength(300);
  });

  it('every appended event survives closing and reopening while the checkpointer runs', async () => {
    store = EventStore.openIn(dir);
    for (let seq = 0; seq < 200; seq += 1) store.append('BBBBBB', seq, [{ type: 'B', at: seq, payload: { seq } }]);
    await new Promise((resolve) => setTimeout(resolve, 600));
    store.append('BBBBBB', 200, [{ type: 'B', at: 200, payload: { seq: 200 } }]);
    store.close();
    store = EventStore.openIn(dir);
    const events = store.read('BBBBBB');
    expect(events).toHaveLength(201);
    expect(events.at(-1)?.payload).toEqual({ seq: 200 });
  });
});
