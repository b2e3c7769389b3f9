/**
 * Bots on the real game server (SPEC AP1-AP4): the host fills a class of two students up
 * to five with bots; the room clock's tick makes them look at their phones and play
 * through the same move decision as a student, until the round has a leader.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GameSeatView } from '../../shared/game/seat-view';
import { ask, connectClient, Latest, openClass, startServer, stopServer, type Running } from './game-harness';

let server: Running;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await stopServer(server);
});

const QUICK_RAFT = { heartbeatMs: 1000, electionTimeoutMinMs: 2000, electionTimeoutMaxMs: 4000 };

describe('bots fill a class over the wire', () => {
  it('2 students + 3 diligent bots play a Raft round to a leader; the bots are seats the host sees, their moves are logged as bots\'', async () => {
    const cls = await openClass(server, ['Ada', 'Bo']);
    expect(await cls.hostAsk('host:bots:fill', { upTo: 5, temperament: 'diligent' })).toEqual({ ok: true });
    const again = await cls.hostAsk('host:bots:fill', { upTo: 5 });
    expect(again.refusal).toMatchObject({ code: 'already-filled' });
    const attached = await cls.hostAsk('host:attach');
    expect(attached.view.nodes.filter((n: { bot?: string }) => n.bot === 'diligent')).toHaveLength(3);

    const started = await cls.hostAsk('host:round:start', {
      algorithm: 'raft', preset: 'raft-classroom', params: QUICK_RAFT, teamSize: null, crashOnDisconnect: true, seed: 42, network: { delayMs: 200, jitterMs: 0 },
    });
    expect(started).toMatchObject({ ok: true, round: 1 });
    expect(await cls.hostAsk('host:clock', { action: 'rate', rate: 4 })).toEqual({ ok: true });

    const [ada, bo] = cls.students as [(typeof cls.students)[0], (typeof cls.students)[0]];
    // Both students' phones learn of a leader elected by the bots' votes and stands.
    const led = (v: GameSeatView | null) => typeof v?.node?.leader === 'number';
    await ada.view.until(led, 20_000);
    await bo.view.until(led, 20_000);
    const screen = await cls.screen.until((v) => v?.teams[0]?.nodes.some((n) => n.role === 'leader') ?? false, 5000);
    expect(screen?.teams[0]?.nodes.filter((n) => n.role === 'leader')).toHaveLength(1);

    const log = server.store.read(cls.code);
    expect(log.some((e) => e.type === 'ClusterEvents' && e.payload.cause === 'bot')).toBe(true);
    expect(log.filter((e) => e.type === 'BotSeated')).toHaveLength(3);
  }, 30_000);
});

describe('a bot stands in for a student (autopilot)', () => {
  const startQuick = (cls: Awaited<ReturnType<typeof openClass>>, autopilot: boolean) =>
    cls.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-classroom', params: QUICK_RAFT, teamSize: null, crashOnDisconnect: true, autopilot, seed: 7, network: { delayMs: 200, jitterMs: 0 } });
  const logOf = (code: string) => server.store.read(code);
  const until = async (check: () => boolean, ms = 10_000) => {
    for (const end = Date.now() + ms; !check(); ) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('takes over a disconnected student, keeps the node live, and hands it back on return with a line of what it did', async () => {
    const cls = await openClass(server, ['Ada', 'Bo']);
    expect(await cls.hostAsk('host:bots:fill', { upTo: 5 })).toEqual({ ok: true });
    expect(await startQuick(cls, true)).toMatchObject({ ok: true });
    expect(await cls.hostAsk('host:clock', { action: 'rate', rate: 4 })).toEqual({ ok: true });
    const ada = cls.students[0]!;
    ada.socket.disconnect();
    await until(() => logOf(cls.code).some((e) => e.type === 'BotTookOver' && e.payload.nodeId === ada.nodeId && e.payload.reason === 'away'));
    // The node is not crashed: the bot plays it until a leader holds the round.
    const screen = await cls.screen.until((v) => v?.teams[0]?.nodes.some((n) => n.role === 'leader') ?? false, 15_000);
    expect(screen?.teams[0]?.nodes[0]?.status).toBe('live');

    const back = await connectClient(server);
    const view = new Latest<GameSeatView | null>(back, 'game:seat');
    expect((await ask(back, 'seat:resume', { code: cls.code, seatToken: ada.seatToken })).ok).toBe(true);
    const returned = await view.until((v) => v?.note !== null && v?.note !== undefined, 5000);
    expect(returned?.note).toMatch(/^While you were away, a bot /);
    expect(returned?.node?.status).toBe('live');
    expect(logOf(cls.code).some((e) => e.type === 'BotHandedBack' && e.payload.nodeId === ada.nodeId)).toBe(true);
  }, 30_000);

  it('a kicked student\'s node goes to a bot with autopilot on, and crashes with it off', async () => {
    const on = await openClass(server, ['Ada', 'Bo', 'Cy']);
    expect(await startQuick(on, true)).toMatchObject({ ok: true });
    expect(await on.hostAsk('host:kick', { nodeId: on.students[1]!.nodeId })).toEqual({ ok: true });
    expect(logOf(on.code).some((e) => e.type === 'BotTookOver' && e.payload.reason === 'kicked')).toBe(true);

    const off = await openClass(server, ['Di', 'Ed', 'Flo']);
    expect(await startQuick(off, false)).toMatchObject({ ok: true });
    expect(await off.hostAsk('host:kick', { nodeId: off.students[1]!.nodeId })).toEqual({ ok: true });
    const crashed = await off.screen.until((v) => v?.teams[0]?.nodes[1]?.status === 'crashed', 5000);
    expect(crashed?.teams[0]?.nodes[1]?.status).toBe('crashed');
    expect(logOf(off.code).some((e) => e.type === 'BotTookOver')).toBe(false);
  }, 30_000);
});
