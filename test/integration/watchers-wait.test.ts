/**
 * The watchers' flush waits while a watcher's connection is still writing the last views
 * (a websocket deflating them: server/transport.ts, isBehind), and what went out meanwhile
 * comes in one view afterwards: nothing piles up behind a slow socket, nothing is lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchersRoom } from '../../server/broadcaster';
import { EventStore } from '../../server/event-store';
import { serveGame, type GameServer } from '../../server/game-server';
import { InProcessTransport } from './in-process-transport';

let game: GameServer | null = null;
let store: EventStore | null = null;
const dir = mkdtempSync(join(tmpdir(), 'captain-down-watchers-wait-'));

afterEach(async () => {
  await game?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const roomNowOf = (view: { clock: { roomNow: number } }) => view.clock.roomNow;

describe('watchers behind on their socket', () => {
  it('get no view while behind, then one view with everything that happened meanwhile', async () => {
    const transport = new InProcessTransport();
    store = EventStore.openIn(dir);
    game = serveGame(transport, store);
    const host = transport.connect();
    const { code, hostToken } = await host.ask('room:create', {});
    for (const name of ['Ada', 'Bo', 'Cy']) await transport.connect().ask('seat:join', { code, nickname: name });
    expect(await host.ask('host:round:start', { code, hostToken, algorithm: 'raft', preset: 'raft-classroom', teamSize: null, seed: 77, startPaused: true })).toMatchObject({ ok: true });
    await host.latest('game:view', (view) => view !== null && roomNowOf(view) === 0);
    const views = () => host.received.filter((r) => r.event === 'game:view').map((r) => roomNowOf(r.payload));
    const before = views().length;

    transport.behind.add(watchersRoom(code));
    expect(await host.ask('host:clock', { code, hostToken, action: 'step', stepMs: 500 })).toEqual({ ok: true });
    expect(await host.ask('host:clock', { code, hostToken, action: 'step', stepMs: 500 })).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 400)); // four watchers' intervals
    expect(views().length).toBe(before);

    transport.behind.delete(watchersRoom(code));
    await host.latest('game:view', (view) => view !== null && roomNowOf(view) === 1000);
    expect(views().slice(before)).toEqual([1000]);
  });
});
