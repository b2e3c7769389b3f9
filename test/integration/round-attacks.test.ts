/**
 * Issue 9 findings 4, 7 and 8, written as the attacks on a real server: bad host
 * commands, each double-tap case, and a restart with students who never come back.
 * Each asserts the refusal (or the outcome) AND that nothing else changed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ask, connectClient, openClass, startServer, stopServer, type Class, type Running } from './game-harness';

let server: Running;
afterEach(async () => {
  await stopServer(server);
});

const NAMES = ['Ada', 'Bo', 'Cy', 'Di', 'Ed'];

async function pausedRaftRound(names = NAMES): Promise<Class> {
  const cls = await openClass(server, names);
  expect(await cls.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, network: { jitterMs: 0 } })).toMatchObject({ ok: true });
  expect(await cls.hostAsk('host:clock', { action: 'pause' })).toEqual({ ok: true });
  return cls;
}
const step = (cls: Class, ms: number) => cls.hostAsk('host:clock', { action: 'step', stepMs: ms });
const snapshotOf = (code: string) => ({ seq: server.store.lastSeq(code), state: JSON.stringify(server.game.registry.get(code)) });
const rowsSince = (code: string, seq: number) => server.store.read(code, seq);

describe('host commands are checked against the round (finding 7)', () => {
  const bad: [string, Record<string, unknown>, string][] = [
    ['Partition [[],[]] (every node isolated)', { type: 'Partition', groups: [[], []] }, 'bad-partition'],
    ['Partition [[-1],[0,1]] (a side with no node)', { type: 'Partition', groups: [[-1], [0, 1]] }, 'bad-partition'],
    ['Partition [[0,1],[1,2]] (a node on two sides)', { type: 'Partition', groups: [[0, 1], [1, 2]] }, 'bad-partition'],
    ['Partition [[0],[7]] (no node 7)', { type: 'Partition', groups: [[0], [7]] }, 'unknown-node'],
    ['SkewClock offsetMs 1e308', { type: 'SkewClock', node: 1, offsetMs: 1e308 }, 'bad-parameter'],
    ['SkewClock offsetMs -1 hour', { type: 'SkewClock', node: 1, offsetMs: -3_600_000 }, 'bad-parameter'],
    ['SkewClock to before time 0', { type: 'SkewClock', node: 1, offsetMs: -5_000 }, 'bad-parameter'],
    ['SkewClock negative rate', { type: 'SkewClock', node: 1, rate: -1 }, 'bad-parameter'],
    ['SkewClock rate 100', { type: 'SkewClock', node: 1, rate: 100 }, 'bad-parameter'],
  ];
  for (const [name, fault, code] of bad) {
    it(`${name} is refused ${code} and changes nothing`, async () => {
      server = await startServer();
      const cls = await pausedRaftRound();
      const before = snapshotOf(cls.code);
      const answer = await cls.hostAsk('host:fault', { team: 0, fault });
      expect(answer).toMatchObject({ ok: false, refusal: { code, rule: expect.stringMatching(/^C[034]$/), message: expect.any(String) } });
      expect(snapshotOf(cls.code)).toEqual(before);
    });
  }

  it('the bounds themselves are accepted: a 10-minute jump ahead, 4x, and a partition that leaves a node out (C4: isolated)', async () => {
    server = await startServer();
    const cls = await pausedRaftRound();
    expect(await cls.hostAsk('host:fault', { team: 0, fault: { type: 'SkewClock', node: 1, offsetMs: 600_000, rate: 4 } })).toEqual({ ok: true });
    expect(await cls.hostAsk('host:fault', { team: 0, fault: { type: 'Partition', groups: [[0, 1], [2, 3]] } })).toEqual({ ok: true });
  });
});

describe('the double-tap rule (finding 8, SPEC G7)', () => {
  it('after the clock stepped and the heartbeat was delivered, a new heartbeat with a new id is sent, not folded', async () => {
    server = await startServer();
    const cls = await pausedRaftRound();
    const captain = cls.students[0]!;
    expect(await captain.move({ type: 'SendHeartbeat' })).toEqual({ ok: true });
    expect(await step(cls, 1_000)).toEqual({ ok: true });
    const afterStep = server.store.lastSeq(cls.code);
    expect(await captain.move({ type: 'SendHeartbeat' })).toEqual({ ok: true });
    const rows = rowsSince(cls.code, afterStep);
    expect(rows.map((r) => [r.type, r.payload.cause])).toEqual([['ClusterEvents', 'move']]);
  });

  it('a true double tap (nothing happened in between) is one action', async () => {
    server = await startServer();
    const cls = await pausedRaftRound();
    const captain = cls.students[0]!;
    expect(await captain.move({ type: 'SendHeartbeat' })).toEqual({ ok: true });
    const after = snapshotOf(cls.code);
    expect(await captain.move({ type: 'SendHeartbeat' })).toEqual({ ok: true });
    expect(snapshotOf(cls.code)).toEqual(after);
  });

  it('after the host crashes the node, the same move within 400 ms is refused node-crashed', async () => {
    server = await startServer();
    const cls = await pausedRaftRound();
    const captain = cls.students[0]!;
    expect(await captain.move({ type: 'SendHeartbeat' })).toEqual({ ok: true });
    expect(await cls.hostAsk('host:fault', { team: 0, fault: { type: 'CrashNode', node: 0 } })).toEqual({ ok: true });
    const seq = server.store.lastSeq(cls.code);
    expect(await captain.move({ type: 'SendHeartbeat' })).toMatchObject({ ok: false, refusal: { code: 'node-crashed', rule: 'C1' } });
    // The refusal is logged (SPEC G5) and is all that was logged.
    expect(rowsSince(cls.code, seq).map((r) => r.type)).toEqual(['MoveRefused']);
  });

  it('a move id from an old round does not get the old round\'s answer', async () => {
    server = await startServer();
    const cls = await pausedRaftRound();
    const captain = cls.students[0]!;
    const send = () => ask(captain.socket, 'seat:move', { code: cls.code, seatToken: captain.seatToken, moveId: 'reused-id', move: { type: 'SendHeartbeat' } });
    expect(await send()).toEqual({ ok: true });
    expect(await cls.hostAsk('host:round:end')).toEqual({ ok: true });
    expect(await cls.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true })).toMatchObject({ ok: true, round: 2 });
    expect(await cls.hostAsk('host:clock', { action: 'pause' })).toEqual({ ok: true });
    expect(await cls.hostAsk('host:fault', { team: 0, fault: { type: 'CrashNode', node: 0 } })).toEqual({ ok: true });
    const seq = server.store.lastSeq(cls.code);
    expect(await send()).toMatchObject({ ok: false, refusal: { code: 'node-crashed' } });
    expect(rowsSince(cls.code, seq).map((r) => r.type)).toEqual(['MoveRefused']);
    // Within the round the id is still answered once.
    const again = snapshotOf(cls.code);
    expect(await send()).toMatchObject({ ok: false, refusal: { code: 'node-crashed' } });
    expect(snapshotOf(cls.code)).toEqual(again);
  });
});

describe('a restart with students who never come back (finding 4, SPEC G6)', () => {
  it('after the grace period their nodes crash; the student who came back stays live', async () => {
    server = await startServer();
    const cls = await pausedRaftRound(['Ada', 'Bo', 'Cy']);
    const dir = server.dir;
    const [ada] = cls.students;
    await stopServer(server, { keepData: true });

    server = await startServer(dir);
    const nodes = () => server.game.registry.get(cls.code)!.round!.teams[0]!.cluster.nodes.map((n) => n.status);
    expect(nodes()).toEqual(['live', 'live', 'live']);
    const back = await connectClient(server);
    expect(await ask(back, 'seat:resume', { code: cls.code, seatToken: ada!.seatToken })).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(nodes()).toEqual(['live', 'live', 'live']); // still within the 3 s grace
    await new Promise((resolve) => setTimeout(resolve, 2_600));
    expect(nodes()).toEqual(['live', 'crashed', 'crashed']);
    const team = server.game.registry.get(cls.code)!.round!.teams[0]!;
    expect(team.away).toEqual([1, 2]);
  }, 15_000);
});
