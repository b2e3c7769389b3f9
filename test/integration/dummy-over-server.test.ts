/**
 * Issue 10: adding an algorithm is one folder. The dummy "talking stick" algorithm
 * (test/unit/algorithms/dummy/) is registered at start-up and played over the REAL game
 * server (registry, zod edge, SQLite log, broadcaster) through the in-process transport:
 * its move passes the wire's move schema (built from the registry), the rules answer
 * with the module's own refusal code, and the pushed views parse with the wire schemas.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '../../server/event-store';
import { serveGame, type GameServer } from '../../server/game-server';
import { serverEvents } from '../../shared/protocol';
import { registerAlgorithm } from '../../shared/rules/registry';
import { stickModule } from '../unit/algorithms/dummy/module';
import { InProcessTransport } from './in-process-transport';

let game: GameServer | null = null;
let store: EventStore | null = null;
const dir = mkdtempSync(join(tmpdir(), 'captain-down-dummy-'));

beforeAll(() => registerAlgorithm(stickModule));
afterEach(async () => {
  await game?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a new algorithm registered at start-up plays over the real server', () => {
  it('D1: the holder passes the stick over the wire; a listener is refused with the module\'s own code', async () => {
    const transport = new InProcessTransport();
    store = EventStore.openIn(dir);
    game = serveGame(transport, store);
    const host = transport.connect();
    const created = await host.ask('room:create', {});
    const students = [transport.connect(), transport.connect(), transport.connect()];
    const seats: { seatToken: string }[] = [];
    for (const [i, student] of students.entries()) seats.push(await student.ask('seat:join', { code: created.code, nickname: `S${i + 1}` }));

    const started = await host.ask('host:round:start', {
      code: created.code, hostToken: created.hostToken, algorithm: 'stick', preset: 'stick-classroom', teamSize: null, seed: 5, startPaused: true, network: { jitterMs: 0, dropRate: 0 },
    });
    expect(started).toEqual({ ok: true, round: 1, seed: 5 });
    const move = (i: number, moveId: string, to: number) => students[i]!.ask('seat:move', { code: created.code, seatToken: seats[i]!.seatToken, moveId, move: { type: 'PassStick', to } });

    expect(await move(2, 'm1', 0)).toMatchObject({ ok: false, refusal: { code: 'not-stick-holder', rule: 'D1' } });
    expect(await move(0, 'm2', 1)).toEqual({ ok: true });
    expect(await students[0]!.ask('seat:move', { code: created.code, seatToken: seats[0]!.seatToken, moveId: 'm3', move: { type: 'PassStick' } }))
      .toMatchObject({ ok: false, refusal: { code: 'invalid-payload' } });

    expect(await host.ask('host:clock', { code: created.code, hostToken: created.hostToken, action: 'step', stepMs: 5000 })).toEqual({ ok: true });
    const seat = await students[1]!.latest('game:seat', (v) => v?.clock.roomNow === 5000);
    expect(seat.node).toEqual({ algorithm: 'stick', status: 'live', holds: true });
    expect(serverEvents['game:seat'].safeParse(seat).success).toBe(true);
    const view = await host.latest('game:view', (v) => v?.clock.roomNow === 5000);
    expect(view.teams[0]).toMatchObject({ summary: 'B speaks', counters: { elections: 1 } });
    expect(serverEvents['game:view'].safeParse(view).error?.issues ?? []).toEqual([]);
  });
});
