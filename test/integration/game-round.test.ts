/**
 * Journeys through a live round on a real server: the host starts Raft, pauses the room
 * clock and steps it (so the story is deterministic), students play their moves over
 * socket.io, and the log replays to the very state the live room holds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RoomRegistry } from '../../server/room-registry';
import { ask, openClass, startServer, stopServer, type Class, type Running } from './game-harness';

let server: Running;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await stopServer(server);
});

const NAMES = ['Ada', 'Bo', 'Cy', 'Di', 'Ed'];

async function raftRound(): Promise<Class> {
  const cls = await openClass(server, NAMES);
  const started = await cls.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, network: { jitterMs: 0 } });
  expect(started).toMatchObject({ ok: true, round: 1 });
  expect(await cls.hostAsk('host:clock', { action: 'pause' })).toEqual({ ok: true });
  return cls;
}

const step = (cls: Class, ms: number) => cls.hostAsk('host:clock', { action: 'step', stepMs: ms });

describe('a Raft round played over the wire', () => {
  it('the captain crashes, B wins the election of term 2, a second vote is refused (R4), and a write commits', async () => {
    const cls = await raftRound();
    const [a, b, c, d, e] = cls.students as [typeof cls.students[0], typeof cls.students[0], typeof cls.students[0], typeof cls.students[0], typeof cls.students[0]];
    const initial = await b.view.until((v) => v?.node?.algorithm === 'raft');
    expect(initial?.label).toBe('B');

    expect(await cls.hostAsk('host:fault', { team: 0, fault: { type: 'CrashNode', node: 0 } })).toEqual({ ok: true });
    expect((await a.move({ type: 'SendHeartbeat' })).refusal).toMatchObject({ code: 'node-crashed', rule: 'C1' });
    // Standing early breaks R3.
    expect((await b.move({ type: 'StandForElection' })).refusal).toMatchObject({ code: 'election-timer-running', rule: 'R3' });

    expect(await step(cls, 30_000)).toEqual({ ok: true });
    expect(await b.move({ type: 'StandForElection' })).toEqual({ ok: true });
    expect(await c.move({ type: 'StandForElection' })).toEqual({ ok: true });
    await step(cls, 1000);

    expect(await d.move({ type: 'GrantVote', candidate: 1 })).toEqual({ ok: true });
    const second = await d.move({ type: 'GrantVote', candidate: 2 });
    expect(second.ok).toBe(false);
    expect(second.refusal).toMatchObject({ code: 'already-voted', rule: 'R4' });
    expect(second.refusal.message).toMatch(/B/);
    expect(await e.move({ type: 'GrantVote', candidate: 1 })).toEqual({ ok: true });
    await step(cls, 1000);

    const leaderView = await b.view.until((v) => v?.node?.algorithm === 'raft' && v.node.role === 'leader');
    expect(leaderView?.node).toMatchObject({ role: 'leader', term: 2 });
    const screen = await cls.screen.until((v) => v?.teams[0]?.nodes[1]?.role === 'leader');
    expect(screen?.teams[0]?.ticker.some((line) => /B/.test(line.text) && /leader/i.test(line.text))).toBe(true);
    expect(screen?.teams[0]?.counters.refusedMoves).toBe(3);

    expect(await b.move({ type: 'WriteCommand', command: 'N' })).toEqual({ ok: true });
    expect(await b.move({ type: 'SendHeartbeat' })).toEqual({ ok: true });
    await step(cls, 1000);
    await step(cls, 1000);
    const course = await cls.screen.until((v) => (v?.teams[0]?.raft?.course.length ?? 0) > 0);
    expect(course?.teams[0]?.raft?.course).toEqual(['N']);

    // The log is the truth: folding it again gives exactly the live room.
    const replayed = RoomRegistry.load(server.store).get(cls.code);
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(server.game.registry.get(cls.code)));
  });

  it('a double tap is one action, and a retry with the same move id is answered once', async () => {
    const cls = await raftRound();
    const b = cls.students[1]!;
    await cls.hostAsk('host:fault', { team: 0, fault: { type: 'CrashNode', node: 0 } });
    await step(cls, 30_000);
    const before = server.store.lastSeq(cls.code);
    const [first, second] = await Promise.all([b.move({ type: 'StandForElection' }), b.move({ type: 'StandForElection' })]);
    expect(first).toEqual({ ok: true });
    expect(second).toEqual({ ok: true });
    const stood = server.store.read(cls.code).slice(before).filter((e) => e.type === 'ClusterEvents');
    expect(stood).toHaveLength(1);
    const retry = await ask(b.socket, 'seat:move', { code: cls.code, seatToken: b.seatToken, moveId: 'same-id', move: { type: 'SendHeartbeat' } });
    const again = await ask(b.socket, 'seat:move', { code: cls.code, seatToken: b.seatToken, moveId: 'same-id', move: { type: 'SendHeartbeat' } });
    expect(again).toEqual(retry);
  });

  it('host commands need the host token, and moves need a seat in the round', async () => {
    const cls = await raftRound();
    const student = cls.students[0]!;
    const forged = await ask(student.socket, 'host:fault', { code: cls.code, hostToken: student.seatToken, team: 0, fault: { type: 'CrashNode', node: 1 } });
    expect(forged.refusal.code).toBe('not-host');
    const badMove = await ask(student.socket, 'seat:move', { code: cls.code, seatToken: student.seatToken, moveId: 'x', move: { type: 'Teleport' } });
    expect(badMove.refusal.code).toBe('invalid-payload');
    const wrongAlgorithm = await student.move({ type: 'Acquire' });
    expect(wrongAlgorithm.refusal.code).toBe('wrong-algorithm');
    // A latecomer watches this round and plays the next.
    const late = await openLatecomer(cls);
    expect((await late({ type: 'StandForElection' })).refusal.code).toBe('not-in-round');
  });

  it('a student whose phone goes away is a crashed node until it comes back', async () => {
    const cls = await raftRound();
    const c = cls.students[2]!;
    c.socket.disconnect();
    await cls.screen.until((v) => v?.teams[0]?.nodes[2]?.status === 'crashed', 6000);
    c.socket.connect();
    await new Promise<void>((resolve) => c.socket.once('connect', () => resolve()));
    expect((await ask(c.socket, 'seat:resume', { code: cls.code, seatToken: c.seatToken })).ok).toBe(true);
    await cls.screen.until((v) => v?.teams[0]?.nodes[2]?.status === 'live');
  }, 15_000);
});

async function openLatecomer(cls: Class) {
  const { connectClient } = await import('./game-harness');
  const socket = await connectClient(server);
  const joined = await ask(socket, 'seat:join', { code: cls.code, nickname: 'Late' });
  return (move: Record<string, unknown>) => ask(socket, 'seat:move', { code: cls.code, seatToken: joined.seatToken, moveId: `late-${Math.random()}`, move });
}
