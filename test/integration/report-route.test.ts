/**
 * The session report's data (server/report-route.ts) over a real SQLite log: the host's
 * only (issue 11, privacy), scored from the log (SPEC S1), and its CSV parses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { EventStore } from '../../server/event-store';
import { LogReader } from '../../server/log-reader/log-reader';
import { answerReport } from '../../server/report-route';
import { RoomRegistry } from '../../server/room-registry';
import { hashToken } from '../../server/secrets';
import { scoresOf } from '../../shared/scoring';

const dir = mkdtempSync(join(tmpdir(), 'captain-down-report-'));
const store = EventStore.openIn(dir);
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const HOST_TOKEN = 'the-host-token';
const host = hashToken(HOST_TOKEN);
const registry = RoomRegistry.load(store);
const code = registry.freshCode();
const T = 1_700_000_000_000;
expect(registry.execute(code, { type: 'CreateRoom', at: T, code, hostTokenHash: host }).ok).toBe(true);
for (const [i, nickname] of ['Ada', '=SUM(A1)', 'Cy'].entries()) {
  expect(registry.execute(code, { type: 'JoinRoom', at: T + 1 + i, nickname, seatTokenHash: hashToken(`seat-${i}`) }).ok).toBe(true);
}
for (const round of [1, 2]) {
  const at = T + round * 10_000;
  registry.executeGame(code, { type: 'StartRound', at, hostTokenHash: host, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: false, seed: 3, network: { jitterMs: 0 } });
  registry.executeGame(code, { type: 'PlayMove', at: at + 100, roomTime: 100, nodeId: 1, move: { type: 'SendHeartbeat' } });
  registry.executeGame(code, { type: 'PlayMove', at: at + 200, roomTime: 200, nodeId: 2, move: { type: 'SendHeartbeat' } });
  registry.executeGame(code, { type: 'EndRound', at: at + 300, hostTokenHash: host, roomTime: 300 });
}

describe('the session report (host only)', async () => {
  it('is refused without the host token, and with another token, in words', async () => {
    const none = (await answerReport(`/api/report/${code}`, undefined, registry, store))!;
    expect(none.status).toBe(403);
    expect(JSON.parse(none.body).refusal.code).toBe('not-host');
    expect((await answerReport(`/api/report/${code}.csv`, 'a-student-token', registry, store))!.status).toBe(403);
    expect((await answerReport('/api/report/ZZZZZZ', HOST_TOKEN, registry, store))!.status).toBe(404);
    expect(await answerReport('/api/other', HOST_TOKEN, registry, store)).toBeNull();
  });

  it('gives the host every round scored from the log, the same as the live fold (S1)', async () => {
    const answer = (await answerReport(`/api/report/${code}`, HOST_TOKEN, registry, store))!;
    expect(answer.status).toBe(200);
    const report = JSON.parse(answer.body);
    expect(report.rounds).toHaveLength(2);
    expect(report.rounds[1]).toEqual(scoresOf(registry.get(code)!.round!.scoring));
    expect(report.rounds[0].students[0].dutiesDone).toEqual({ heartbeat: 1 });
    expect(report.rounds[0].students[1].refusedByRule).toEqual({ R6: 1 });
  });

  it("tells each round's story from the log: who led, elections, messages, refusals by rule (S9)", async () => {
    const report = JSON.parse((await answerReport(`/api/report/${code}`, HOST_TOKEN, registry, store))!.body);
    expect(report.stories).toHaveLength(2);
    expect(report.stories[0]).toMatchObject({ round: 1, algorithm: 'raft', title: 'Raft', refusalsByRule: { R6: 1 } });
    expect(report.stories[0].teams[0].leadership[0]).toMatchObject({ from: 0, leader: 'A' });
    expect(report.stories[0].teams[0].messages.sent).toBeGreaterThan(0);
  });

  it('exports the per-student table as CSV that parses, with the formula-like nickname neutralised', async () => {
    const answer = (await answerReport(`/api/report/${code}.csv`, HOST_TOKEN, registry, store))!;
    expect(answer.headers['content-disposition']).toContain(`captain-down-${code}.csv`);
    const rows = parse(answer.body) as string[][];
    expect(rows).toHaveLength(1 + 2 * 3);
    expect(rows.filter((r) => r[1] === "'=SUM(A1)")).toHaveLength(2);
  });

  it('of a long log is folded on a log reader thread, never the game\'s, and is the very report the game\'s thread makes (JSON and CSV)', async () => {
    for (const path of [`/api/report/${code}`, `/api/report/${code}.csv`]) {
      const reader = new LogReader(store);
      const here = (await answerReport(path, HOST_TOKEN, registry, store))!;
      // inlineRows 0: this short class goes to a thread as an hour-long one does.
      const threaded = answerReport(path, HOST_TOKEN, registry, store, reader, 0);
      expect(reader.jobs).toBe(1);
      expect((await threaded)!).toEqual(here);
    }
  });

  it('deleting the class deletes its report (S10): nothing is kept beside the log', async () => {
    const other = registry.freshCode();
    registry.execute(other, { type: 'CreateRoom', at: T, code: other, hostTokenHash: host });
    registry.execute(other, { type: 'JoinRoom', at: T + 1, nickname: 'Zed', seatTokenHash: hashToken('zed') });
    expect((await answerReport(`/api/report/${other}`, HOST_TOKEN, registry, store))!.status).toBe(200);
    registry.delete(other);
    expect((await answerReport(`/api/report/${other}`, HOST_TOKEN, registry, store))!.status).toBe(404);
    expect((await answerReport(`/api/report/${other}.csv`, HOST_TOKEN, registry, store))!.status).toBe(404);
    expect(store.read(other)).toEqual([]);
  });
});
