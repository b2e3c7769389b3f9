/**
 * The log reader (server/log-reader/): a room's first History folded on a thread counts each
 * event once while commits keep arriving; a client that leaves mid-download stops its thread;
 * jobs beyond the places and the queue are refused; a closed store or a failing thread is an
 * error for the caller, never a hang.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStore, type NewEvent } from '../../server/event-store';
import { LogReader, ReaderBusy, ReaderClosed } from '../../server/log-reader/log-reader';
import { RoomRegistry } from '../../server/room-registry';
import { RoundHistory } from '../../server/round-history';
import { forkSourceOfLog } from '../../shared/replay/fork';
import { parseLogRow, toLogRow } from '../../shared/replay/log-rows';
import { summarizeLog } from '../../shared/replay/round-summaries';
import type { RoomEvent } from '../../shared/room/events';
import { HOST } from '../unit/room/given';
import { lectureStory } from '../unit/replay/scripted-round';

const CODE = 'K7P3QX';
const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanup.splice(0).reverse()) fn();
});

function openStore(): EventStore {
  const dir = mkdtempSync(join(tmpdir(), 'captain-down-log-reader-'));
  const store = EventStore.openIn(dir);
  cleanup.push(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

const rows = (events: readonly RoomEvent[]): NewEvent[] => events.map((event) => { const { type, at, payload } = toLogRow(0, event); return { type, at, payload }; });
const allSummaries = (store: EventStore) => summarizeLog(store.read(CODE).map((row) => ({ ...row.payload, type: row.type, at: row.at }) as RoomEvent));

/** A room of ~`megabytes` MB: created, one round, then rows of padding (an export copies them as stored). */
function bigRoom(store: EventStore, megabytes: number): void {
  const { log } = lectureStory();
  store.append(CODE, 0, rows(log.map((row) => row.event)));
  const pad = 'x'.repeat(1_000);
  const padding = Array.from({ length: megabytes * 1_000 }, (_, i) => ({ type: 'BotLooked', at: i, payload: { pad } }));
  store.append(CODE, log.length, padding);
}

/** A room that played the lecture's round, in memory as a host's request finds it (its host token was checked). */
function lectureRoom() {
  const store = openStore();
  const { log } = lectureStory();
  store.append(CODE, 0, rows(log.map((row) => row.event)));
  const registry = RoomRegistry.load(store, { groupCommit: true });
  registry.get(CODE);
  return { store, log, registry };
}

describe('the first History, folded on a log reader thread', () => {
  it('counts each event once: commits waiting before the request are in the rows read, commits made while the thread reads are added after', async () => {
    const { store, log, registry } = lectureRoom();
    const history = new RoundHistory(registry, new LogReader(store));
    let at = log[log.length - 1]!.event.at + 1_000;
    const play = (command: Parameters<RoomRegistry['executeGame']>[1]) => expect(registry.executeGame(CODE, command).ok).toBe(true);

    // Waiting for the end of the turn when History is asked: the request writes it first.
    play({ type: 'StartRound', at: (at += 1_000), hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, seed: 9 });
    let answered = false;
    const answer = history.summaries(CODE).then((summaries) => ((answered = true), summaries));
    // Committed (at the end of this turn) while the thread reads: told to History before its answer.
    const toldBeforeAnswer: boolean[] = [];
    registry.onChange(() => toldBeforeAnswer.push(!answered));
    for (let t = 500; t <= 5_000; t += 500) play({ type: 'TickRound', at: at + t, roomTime: t });
    play({ type: 'InjectFault', at: at + 5_100, roomTime: 5_100, hostTokenHash: HOST, team: 0, fault: { type: 'CrashNode', node: 0 } });
    play({ type: 'EndRound', at: at + 6_000, roomTime: 6_000, hostTokenHash: HOST });

    const first = await answer;
    expect(toldBeforeAnswer.length).toBeGreaterThan(0);
    expect(toldBeforeAnswer.every(Boolean)).toBe(true);
    expect(first).toEqual(allSummaries(store));
    expect(first.map((s) => [s.round, s.ended])).toEqual([[1, true], [2, true]]);

    // Then the kept summaries follow every commit.
    play({ type: 'StartRound', at: at + 10_000, hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, seed: 3 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await history.summaries(CODE)).toEqual(allSummaries(store));
  });
});

describe('the first History of a short log', () => {
  it('is read on the game\'s thread, without starting a reader thread (its start costs more than the rows)', async () => {
    const { store, log, registry } = lectureRoom();
    // A reader that cannot start a thread: a History that asked it would be refused.
    const broken = new LogReader({ file: join(tmpdir(), 'captain-down-no-such-dir', 'log.sqlite'), isOpen: true, onClose: () => {} });
    expect(await new RoundHistory(registry, broken, log.length).summaries(CODE)).toEqual(allSummaries(store));
    await expect(new RoundHistory(registry, broken, log.length - 1).summaries(CODE)).rejects.toThrow(/the log reader failed/);
  });
});

describe('a fork\'s source, folded on a log reader thread', () => {
  it('is what the game\'s thread folds from the same rows: the round\'s clusters at each moment, and "no such round" for one the log lacks', async () => {
    const store = openStore();
    const { log, crashAt } = lectureStory();
    store.append(CODE, 0, rows(log.map((row) => row.event)));
    const reader = new LogReader(store);
    const parsed = store.read(CODE).map((row) => ({ seq: row.seq, event: parseLogRow(row) }));
    for (const t of [0, crashAt - 1, crashAt, crashAt + 2_500, 1e9]) {
      const here = forkSourceOfLog(parsed, 1, t);
      expect(here).not.toBeNull();
      expect(await reader.forkSource(CODE, 1, t, log.length)).toEqual(here);
    }
    expect(await reader.forkSource(CODE, 2, crashAt, log.length)).toBe('no-round');
  });
});

describe('a log reader', () => {
  it('stops a download\'s thread when its client leaves in the middle', async () => {
    const store = openStore();
    bigRoom(store, 30);
    const reader = new LogReader(store);
    const server: Server = createServer((_req, res) => {
      void reader.export({ room: CODE, which: 'all', options: { appVersion: 't', exportedAt: 't', room: CODE, anonymize: false } }).then((bytes) => {
        res.writeHead(200);
        void bytes!.pipe(res);
      });
    });
    cleanup.push(() => server.close());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    let received = 0;
    await new Promise<void>((resolve) => {
      const request = get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, (res) => {
        // Read a little, then stop reading: the response backs up and the thread waits for it.
        res.once('data', (chunk: Buffer) => {
          received += chunk.length;
          res.pause();
          setTimeout(() => {
            expect(reader.jobs).toBe(1);
            request.destroy();
            resolve();
          }, 500);
        });
      });
    });
    const gone = Date.now();
    while (reader.jobs > 0 && Date.now() - gone < 10_000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reader.jobs).toBe(0);
    expect(received).toBeLessThan(30_000_000);
  });

  it('runs `concurrent` jobs, queues `waiting` more, and refuses the next at once', async () => {
    const store = openStore();
    bigRoom(store, 1);
    const reader = new LogReader(store, { concurrent: 1, waiting: 1 });
    const first = reader.summaries(CODE, 100);
    const second = reader.summaries(CODE, 100);
    await expect(reader.summaries(CODE, 100)).rejects.toBeInstanceOf(ReaderBusy);
    expect((await first).map((s) => s.round)).toEqual([1]);
    expect((await second).map((s) => s.round)).toEqual([1]);
  });

  it('a closed store ends its jobs and refuses new ones; a thread that fails is an error', async () => {
    const store = openStore();
    bigRoom(store, 20);
    const reader = new LogReader(store, { concurrent: 1, waiting: 1 });
    const running = expect(reader.summaries(CODE, 1e9)).rejects.toThrow(/stopped before answering/);
    const waiting = expect(reader.summaries(CODE, 1e9)).rejects.toBeInstanceOf(ReaderClosed);
    store.close();
    await running;
    await waiting;
    await expect(reader.summaries(CODE, 1)).rejects.toBeInstanceOf(ReaderClosed);

    const missing = new LogReader({ file: join(tmpdir(), 'captain-down-no-such-dir', 'log.sqlite'), isOpen: true, onClose: () => {} });
    await expect(missing.summaries(CODE, 1)).rejects.toThrow(/the log reader failed: .*(unable to open|does not exist)/i);
  });
});
