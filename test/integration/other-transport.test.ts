/**
 * The game server talks to the wire only through the Transport interface
 * (server/transport.ts): here it is served by a second, in-process transport instead of
 * socket.io, with the real registry, SQLite log and broadcaster. A host opens a class,
 * three students join, a round starts with a fixed seed, paused, and a student's refused
 * move comes back with its rule, all without a socket.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStore } from '../../server/event-store';
import { serveGame, type GameServer } from '../../server/game-server';
import { InProcessTransport } from './in-process-transport';

let game: GameServer | null = null;
let store: EventStore | null = null;
const dir = mkdtempSync(join(tmpdir(), 'captain-down-transport-'));

afterEach(async () => {
  await game?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('rooms served by another transport', () => {
  it('a class, three students and a seeded paused Raft round, without socket.io', async () => {
    const transport = new InProcessTransport();
    store = EventStore.openIn(dir);
    game = serveGame(transport, store);

    const host = transport.connect();
    const created = await host.ask('room:create', {});
    expect(created).toMatchObject({ ok: true, view: { locked: false, nodes: [] } });
    const students = [transport.connect(), transport.connect(), transport.connect()];
    const seats = [];
    for (const [i, student] of students.entries()) seats.push(await student.ask('seat:join', { code: created.code, nickname: `S${i + 1}` }));
    expect(seats.map((s) => s.view.nodeId)).toEqual([1, 2, 3]);

    const started = await host.ask('host:round:start', {
      code: created.code, hostToken: created.hostToken, algorithm: 'raft', preset: 'raft-classroom', teamSize: null, seed: 77, startPaused: true,
    });
    expect(started).toEqual({ ok: true, round: 1, seed: 77 });
    expect(await host.latest('game:view', (v) => v !== null)).toMatchObject({ seed: 77, clock: { running: false, roomNow: 0 } });
    expect(await students[0]!.latest('game:seat', (v) => v !== null)).toMatchObject({ seed: 77, index: 0, clock: { running: false } });

    const early = await students[0]!.ask('seat:move', { code: created.code, seatToken: seats[0].seatToken, moveId: 'm1', move: { type: 'StandForElection' } });
    expect(early).toMatchObject({ ok: false, refusal: { code: 'election-timer-running', rule: 'R3' } });
    expect(await host.ask('no:such:event', {})).toMatchObject({ ok: false, refusal: { code: 'unknown-event' } });
  });
});
