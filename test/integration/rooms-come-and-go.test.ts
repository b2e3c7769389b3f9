/**
 * Issue 9, written as the attacks: fill a class and kick, evict and reload a long room,
 * delete a class, let retention sweep old logs. Each checks the outcome AND that nothing
 * else changed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RoomRegistry } from '../../server/room-registry';
import { hashToken } from '../../server/secrets';
import { MAX_SEATS } from '../../shared/room/state';
import { ask, connectClient, Latest, openClass, startServer, stopServer, type Class, type Running } from './game-harness';

let server: Running;
afterEach(async () => {
  await stopServer(server);
});

const stateJson = (code: string) => JSON.stringify(server.game.registry.get(code));
const nobodyConnected = () => false;

async function playedRaftRound(): Promise<Class> {
  const cls = await openClass(server, ['Ada', 'Bo', 'Cy', 'Di']);
  await cls.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, network: { jitterMs: 0 } });
  await cls.hostAsk('host:clock', { action: 'pause' });
  await cls.hostAsk('host:fault', { team: 0, fault: { type: 'CrashNode', node: 0 } });
  await cls.hostAsk('host:clock', { action: 'step', stepMs: 30_000 });
  await cls.students[1]!.move({ type: 'StandForElection' });
  await cls.hostAsk('host:clock', { action: 'step', stepMs: 1_000 });
  await cls.students[2]!.move({ type: 'GrantVote', candidate: 1 });
  await cls.hostAsk('host:clock', { action: 'step', stepMs: 1_000 });
  return cls;
}

describe('a full class (finding 3)', () => {
  it('500 seats taken, the host kicks 50, and a real student gets in; the cap is a setting', async () => {
    // The host's 50 kicks are scripted (faster than the connection budget a person needs).
    server = await startServer(undefined, { limits: { connection: { perSecond: 1_000, burst: 1_000 } } });
    const cls = await openClass(server, []);
    // The scripted fill goes through the same decide path a socket's join does.
    for (let i = 1; i <= MAX_SEATS; i++) {
      server.game.registry.execute(cls.code, { type: 'JoinRoom', at: Date.now(), nickname: `bot-${i}`, seatTokenHash: hashToken(`bot-token-${i}-padding`) });
    }
    const student = await connectClient(server);
    expect(await ask(student, 'seat:join', { code: cls.code, nickname: 'Real' })).toMatchObject({ ok: false, refusal: { code: 'room-full' } });
    for (let nodeId = 1; nodeId <= 50; nodeId++) expect(await cls.hostAsk('host:kick', { nodeId })).toEqual({ ok: true });
    const joined = await ask(student, 'seat:join', { code: cls.code, nickname: 'Real' });
    expect(joined).toMatchObject({ ok: true, view: { nodeId: MAX_SEATS + 1, nickname: 'Real' } });
    // A kicked bot's token still does not come back.
    const kickedBot = await connectClient(server);
    expect(await ask(kickedBot, 'seat:resume', { code: cls.code, seatToken: 'bot-token-1-padding' })).toMatchObject({ ok: false, refusal: { code: 'kicked' } });
  });

  it('MAX_SEATS of 3: the fourth student is refused room-full and the log does not grow', async () => {
    server = await startServer(undefined, { settings: { maxSeats: 3 } });
    const cls = await openClass(server, ['a', 'b', 'c']);
    const before = server.store.lastSeq(cls.code);
    const late = await connectClient(server);
    expect(await ask(late, 'seat:join', { code: cls.code, nickname: 'd' })).toMatchObject({ ok: false, refusal: { code: 'room-full', message: expect.stringContaining('3 seats') } });
    expect(server.store.lastSeq(cls.code)).toBe(before);
  });
});

describe('idle rooms leave memory and come back the same', () => {
  it('an evicted room reloads byte-identical, from its snapshot, and from its whole log', async () => {
    server = await startServer();
    const cls = await playedRaftRound();
    const registry = server.game.registry;
    const live = stateJson(cls.code);
    // The clock is paused, so only the connections keep the room: pretend they are gone.
    expect(registry.evictIdle({ idleMs: 0, now: Date.now(), isConnected: nobodyConnected })).toContain(cls.code);
    expect(registry.isInMemory(cls.code)).toBe(false);
    expect(registry.catalog.snapshot(cls.code)?.seq).toBe(server.store.lastSeq(cls.code));
    expect(stateJson(cls.code)).toBe(live);

    // More play on top of the snapshot, then a load that folds snapshot + tail...
    await cls.students[3]!.move({ type: 'GrantVote', candidate: 1 });
    await cls.hostAsk('host:clock', { action: 'step', stepMs: 1_000 });
    const after = stateJson(cls.code);
    expect(JSON.stringify(RoomRegistry.load(server.store).get(cls.code))).toBe(after);
    // ...a snapshot made by another version of the fold is ignored: the whole log is folded.
    server.store.database.prepare('UPDATE snapshots SET version = 999 WHERE room = ?').run(cls.code);
    expect(JSON.stringify(RoomRegistry.load(server.store).get(cls.code))).toBe(after);
    // ...and so is one that does not parse.
    server.store.database.prepare("UPDATE snapshots SET version = 1, state = '{broken' WHERE room = ?").run(cls.code);
    expect(JSON.stringify(RoomRegistry.load(server.store).get(cls.code))).toBe(after);
  });

  it('a room whose round clock runs stays in memory; a connected room stays too', async () => {
    server = await startServer();
    const cls = await openClass(server, ['Ada', 'Bo']);
    await cls.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true });
    const registry = server.game.registry;
    expect(registry.evictIdle({ idleMs: 0, now: Date.now(), isConnected: nobodyConnected })).toEqual([]);
    await cls.hostAsk('host:round:end');
    expect(registry.evictIdle({ idleMs: 0, now: Date.now(), isConnected: () => true })).toEqual([]);
    expect(server.game.lifecycle.evictIdle()).toEqual([]); // the real sockets are connected
    expect(registry.evictIdle({ idleMs: 0, now: Date.now(), isConnected: nobodyConnected })).toEqual([cls.code]);
  });
});

describe('delete this class', () => {
  it('the host deletes the class: log and snapshot gone, everyone told, the code is unknown', async () => {
    server = await startServer();
    const cls = await playedRaftRound();
    const projector = await connectClient(server);
    await ask(projector, 'screen:watch', { code: cls.code });
    const told = [cls.host, projector, cls.students[0]!.socket].map((socket) => new Latest<{ code: string; message: string }>(socket, 'room:deleted'));
    const other = await openClass(server, ['Eve', 'Fay']);
    const otherBefore = stateJson(other.code);

    // A student cannot delete it; nothing changes.
    const student = cls.students[0]!;
    const seqBefore = server.store.lastSeq(cls.code);
    expect(await ask(student.socket, 'host:room:delete', { code: cls.code, hostToken: student.seatToken })).toMatchObject({ ok: false, refusal: { code: 'not-host' } });
    expect(server.store.lastSeq(cls.code)).toBe(seqBefore);

    expect(await cls.hostAsk('host:room:delete')).toEqual({ ok: true });
    for (const latest of told) expect(await latest.until((v) => v.code === cls.code)).toMatchObject({ message: expect.stringMatching(/deleted/) });
    const count = (table: string) => (server.store.database.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE room = ?`).get(cls.code) as { n: number }).n;
    expect([count('events'), count('snapshots'), count('rooms')]).toEqual([0, 0, 0]);
    expect(await ask(student.socket, 'seat:resume', { code: cls.code, seatToken: student.seatToken })).toMatchObject({ ok: false, refusal: { code: 'unknown-room' } });
    expect(await cls.hostAsk('host:room:delete')).toMatchObject({ ok: false, refusal: { code: 'unknown-room' } });
    expect(stateJson(other.code)).toBe(otherBefore);
  });
});

describe('retention', () => {
  it('logs last used longer ago than RETENTION_DAYS are deleted; recent ones are kept', async () => {
    server = await startServer(undefined, { settings: { retentionMs: 30 * 86_400_000 } });
    const registry = server.game.registry;
    const old = registry.freshCode();
    const longAgo = Date.now() - 31 * 86_400_000;
    registry.execute(old, { type: 'CreateRoom', at: longAgo, code: old, hostTokenHash: hashToken('old-host') });
    registry.execute(old, { type: 'JoinRoom', at: longAgo + 1, nickname: 'Ada', seatTokenHash: hashToken('old-seat') });
    const recent = await openClass(server, ['Bo']);
    const recentBefore = stateJson(recent.code);
    registry.evictIdle({ idleMs: 0, now: Date.now(), isConnected: (code) => code === recent.code });

    expect(await server.game.lifecycle.sweepRetention()).toBe(1);
    expect(registry.catalog.exists(old)).toBe(false);
    expect(server.store.read(old)).toEqual([]);
    expect(registry.get(old)).toBeUndefined();
    expect(stateJson(recent.code)).toBe(recentBefore);
  });
});
