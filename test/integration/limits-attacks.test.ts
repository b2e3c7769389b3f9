/**
 * Issue 9, findings 1 and 2, written as the attack against the real game server: one
 * seat flooding moves, one address flooding room creation, joins and code guesses. Each
 * asserts the refusal (`rate-limited`), that nothing of it reached the log, and that
 * other players and other addresses are unaffected. Addresses are told apart by
 * X-Forwarded-For, which the server believes only with trustProxy (TRUST_PROXY).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ask, connectClient, openClass, startServer, stopServer, type Running } from './game-harness';

let server: Running;
afterEach(async () => {
  await stopServer(server);
});

const from = (address: string) => connectClient(server, { 'x-forwarded-for': address });
const codeOf = (answer: any): string | undefined => answer?.refusal?.code;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `count` events on `perConnection`-event connections (each within its own burst), from one address. */
async function spray(address: string, count: number, perConnection: number, event: (i: number) => [string, unknown]): Promise<any[]> {
  const answers: any[] = [];
  for (let i = 0; i < count; i += perConnection) {
    const socket = await from(address);
    const batch = Array.from({ length: Math.min(perConnection, count - i) }, (_, j) => ask(socket, ...event(i + j)));
    answers.push(...(await Promise.all(batch)));
  }
  return answers;
}

describe('a seat flooding moves (findings 1 and 2)', () => {
  it('is refused rate-limited beyond its burst, writes none of it to the log, and the flooding connection is cut', async () => {
    server = await startServer();
    const cls = await openClass(server, ['Ada', 'Bo', 'Cy']);
    expect(await cls.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-classroom', teamSize: null, crashOnDisconnect: true })).toMatchObject({ ok: true });
    expect(await cls.hostAsk('host:clock', { action: 'pause' })).toEqual({ ok: true }); // no time passes: only moves could write
    const [flooder, other] = cls.students as [(typeof cls.students)[0], (typeof cls.students)[0]];
    const rowsBefore = server.store.read(cls.code).length;

    const answers: any[] = [];
    const cut = new Promise<string>((resolve) => flooder.socket.once('disconnect', resolve));
    for (let i = 0; i < 400; i++) {
      flooder.socket.emit('seat:move', { code: cls.code, seatToken: flooder.seatToken, moveId: `flood-${i}`, move: { type: 'StandForElection' } }, (a: unknown) => answers.push(a));
    }
    expect(await cut).toBe('io server disconnect');

    const limited = answers.filter((a) => codeOf(a) === 'rate-limited');
    const admitted = answers.filter((a) => codeOf(a) !== 'rate-limited');
    expect(limited.length).toBeGreaterThanOrEqual(50);
    expect(limited[0].refusal.message).toMatch(/faster than the game allows/);
    expect(admitted.length).toBeLessThanOrEqual(10); // the burst
    const added = server.store.read(cls.code).slice(rowsBefore);
    expect(added.length).toBeLessThanOrEqual(admitted.length); // at most one fact per admitted move
    expect(JSON.stringify(added)).not.toContain('rate-limited');

    // Nothing else changed: a classmate plays on, and the room is all there.
    expect(codeOf(await other.move({ type: 'StandForElection' }))).not.toBe('rate-limited');
    expect(server.game.registry.get(cls.code)?.seats).toHaveLength(3);
  });

  it('a seat cut for flooding that connects again and floods again is cut at its first refusal (no second grace)', async () => {
    server = await startServer();
    const cls = await openClass(server, ['Ada', 'Bo', 'Cy']);
    expect(await cls.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-classroom', teamSize: null, crashOnDisconnect: true })).toMatchObject({ ok: true });
    const [flooder, other] = cls.students as [(typeof cls.students)[0], (typeof cls.students)[0]];
    const flood = async (socket: Socket, tag: string): Promise<any[]> => {
      const answers: any[] = [];
      const cut = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      for (let i = 0; i < 300; i++) {
        socket.emit('seat:move', { code: cls.code, seatToken: flooder.seatToken, moveId: `${tag}-${i}`, move: { type: 'StandForElection' } }, (a: unknown) => answers.push(a));
      }
      expect(await cut).toBe('io server disconnect');
      return answers;
    };
    const first = await flood(flooder.socket, 'first');
    expect(first.filter((a) => codeOf(a) === 'rate-limited').length).toBeGreaterThanOrEqual(50); // the grace of a first offence

    const again = await flood(await connectClient(server), 'again');
    expect(again.filter((a) => codeOf(a) === 'rate-limited')).toHaveLength(1);
    // The classmates play on.
    expect(codeOf(await other.move({ type: 'StandForElection' }))).not.toBe('rate-limited');
  });

  it('one seat on several connections shares one budget', async () => {
    server = await startServer();
    const cls = await openClass(server, ['Ada', 'Bo', 'Cy']);
    await cls.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-classroom', teamSize: null, crashOnDisconnect: true });
    const ada = cls.students[0]!;
    const sockets: Socket[] = [ada.socket];
    for (let i = 0; i < 3; i++) {
      const socket = await connectClient(server);
      expect(await ask(socket, 'seat:resume', { code: cls.code, seatToken: ada.seatToken })).toMatchObject({ ok: true });
      sockets.push(socket);
    }
    await sleep(1100); // the resumes above were the sockets' own events
    const moves = sockets.flatMap((socket, s) =>
      Array.from({ length: 8 }, (_, i) => ask(socket, 'seat:move', { code: cls.code, seatToken: ada.seatToken, moveId: `s${s}-${i}`, move: { type: 'SendHeartbeat' } })),
    );
    const answers = await Promise.all(moves); // 32 moves, 8 per connection: each connection within its own burst
    expect(answers.filter((a) => codeOf(a) !== 'rate-limited').length).toBeLessThanOrEqual(10);
    expect(answers.filter((a) => codeOf(a) === 'rate-limited').length).toBeGreaterThanOrEqual(22);
  });

  it('a person double-tapping and clicking every second is never limited', async () => {
    server = await startServer();
    const cls = await openClass(server, ['Ada', 'Bo', 'Cy']);
    await cls.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-classroom', teamSize: null, crashOnDisconnect: true });
    const ada = cls.students[0]!;
    for (let click = 0; click < 6; click++) {
      const taps = await Promise.all([ada.move({ type: 'SendHeartbeat' }), ada.move({ type: 'SendHeartbeat' })]);
      for (const tap of taps) expect(codeOf(tap)).not.toBe('rate-limited');
      await sleep(400);
    }
  });
});

describe('one address flooding the entrance (finding 2)', () => {
  it('room creation is limited per address: 30 at first, the rest refused and never logged; another address still opens a class', async () => {
    server = await startServer(undefined, { trustProxy: 1 });
    const answers = await spray('198.51.100.7', 60, 6, () => ['room:create', {}]);
    const opened = answers.filter((a) => a.ok);
    expect(opened).toHaveLength(30);
    expect(answers.filter((a) => codeOf(a) === 'rate-limited')).toHaveLength(30);
    expect(server.game.registry.size).toBe(30);
    expect(server.store.rooms()).toHaveLength(30);

    expect(await ask(await from('203.0.113.9'), 'room:create', {})).toMatchObject({ ok: true });
    expect(server.game.registry.size).toBe(31);
  });

  it('without TRUST_PROXY a forged X-Forwarded-For does not buy a fresh budget', async () => {
    server = await startServer();
    const answers: any[] = [];
    for (let i = 0; i < 10; i++) {
      const socket = await connectClient(server, { 'x-forwarded-for': `10.0.0.${i}` });
      answers.push(...(await Promise.all(Array.from({ length: 5 }, () => ask(socket, 'room:create', {})))));
    }
    expect(answers.filter((a) => a.ok)).toHaveLength(30);
    expect(server.game.registry.size).toBe(30);
  });

  it('joins are limited per address (100 per 10 s, a whole class behind one NAT); another address still joins', async () => {
    server = await startServer(undefined, { trustProxy: 1 });
    const host = await from('192.0.2.1');
    const { code } = await ask(host, 'room:create', {});
    const answers = await spray('198.51.100.7', 130, 1, (i) => ['seat:join', { code, nickname: `bot ${i}` }]);
    expect(answers.filter((a) => a.ok)).toHaveLength(100);
    expect(answers.filter((a) => codeOf(a) === 'rate-limited')).toHaveLength(30);
    expect(server.game.registry.get(code)?.seats).toHaveLength(100);

    expect(await ask(await from('203.0.113.9'), 'seat:join', { code, nickname: 'Ada' })).toMatchObject({ ok: true, view: { nodeId: 101 } });
  });

  it('wrong room codes: 20 are free, then each miss doubles the wait; other addresses and students already in a class are unaffected', async () => {
    server = await startServer(undefined, { trustProxy: 1 });
    const host = await from('192.0.2.1');
    const { code } = await ask(host, 'room:create', {});
    const { code: otherClass } = await ask(host, 'room:create', {});
    const seated = await from('198.51.100.7'); // a classmate on the same network, in the class before the guessing
    const seat = await ask(seated, 'seat:join', { code, nickname: 'Ada' });
    expect(seat).toMatchObject({ ok: true });
    const rowsBefore = server.store.read(code).length;

    const guess = (i: number): [string, unknown] => ['seat:join', { code: `ZZZZ${'23456789ABCDEFGHJKLMNPQRSTUVWXYZ'[i % 32]}${'23456789'[Math.floor(i / 32)]}`, nickname: 'x' }];
    const misses = await spray('198.51.100.7', 21, 7, guess);
    expect(misses.map(codeOf)).toEqual(Array(21).fill('unknown-room'));

    const locked = await ask(await from('198.51.100.7'), ...guess(30));
    expect(locked.refusal).toMatchObject({ code: 'rate-limited', message: expect.stringMatching(/Wait 2 s/) });
    // Even a real code is refused to that address if it never got in there: no code oracle.
    expect(codeOf(await ask(await from('198.51.100.7'), 'screen:watch', { code: otherClass }))).toBe('rate-limited');
    // The classmate who was already in keeps playing, on a new connection too.
    expect(await ask(await from('198.51.100.7'), 'seat:resume', { code, seatToken: seat.seatToken })).toMatchObject({ ok: true });
    // Another address is unaffected.
    expect(await ask(await from('203.0.113.9'), 'seat:join', { code, nickname: 'Bo' })).toMatchObject({ ok: true });

    await sleep(2_100);
    expect(codeOf(await ask(await from('198.51.100.7'), ...guess(31)))).toBe('unknown-room'); // the 22nd miss
    const longer = await ask(await from('198.51.100.7'), ...guess(32));
    expect(longer.refusal.message).toMatch(/Wait 4 s/);
    expect(server.store.read(code).length).toBe(rowsBefore + 1); // only Bo's join was logged
    expect(server.game.registry.size).toBe(2);
  });
});
