/**
 * The replay routes on a real server (socket.io + SQLite + the HTTP routes, no Next):
 * the host token in a header opens History and exports; another room's token, a guessed
 * round, a guessed or revoked link are refused; an export holds no secret; a fork
 * starts a live round from the replayed moment whose log says where it came from.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStore } from '../../server/event-store';
import { importLog } from '../../shared/replay/ndjson';
import { summarizeRound } from '../../shared/replay/round-summaries';
import { sliceRound, sliceRounds } from '../../shared/replay/rounds';
import { buildTimeline } from '../../shared/replay/timeline';
import { openClass, startServerWithReplays, stopServer, type RunningWithReplays } from './game-harness';

let running: RunningWithReplays | null = null;

afterEach(async () => {
  if (!running) return;
  running.shares.close();
  await stopServer(running);
  rmSync(running.dir, { recursive: true, force: true });
  running = null;
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function playedRound() {
  running = await startServerWithReplays();
  const klass = await openClass(running, ['Ada', 'Bob', 'Cy']);
  expect(await klass.hostAsk('host:round:start', { algorithm: 'raft', preset: 'raft-lecture', teamSize: null })).toMatchObject({ ok: true });
  expect(await klass.hostAsk('host:fault', { team: 0, fault: { type: 'CrashNode', node: 0 } })).toMatchObject({ ok: true });
  expect(await klass.hostAsk('host:round:end')).toMatchObject({ ok: true });
  return klass;
}

describe('replay routes', () => {
  it('History and export need this room\'s host token, in a header', async () => {
    const klass = await playedRound();
    const other = await openClass(running!, []);
    const url = `${running!.url}/api/rooms/${klass.code}`;
    expect((await fetch(`${url}/rounds`)).status).toBe(403);
    expect((await fetch(`${url}/rounds`, { headers: bearer(other.hostToken) })).status).toBe(403);
    const history = (await (await fetch(`${url}/rounds`, { headers: bearer(klass.hostToken) })).json()) as { rounds: { round: number; algorithm: string; students: number }[] };
    expect(history.rounds).toMatchObject([{ round: 1, algorithm: 'raft', students: 3, preset: 'raft-lecture', ended: true }]);
    const missing = await fetch(`${url}/log?round=9`, { headers: bearer(klass.hostToken) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ refusal: { code: 'unknown-round' } });
  });

  it('an export holds no secret and imports back; anonymized, no nickname', async () => {
    const klass = await playedRound();
    const url = `${running!.url}/api/rooms/${klass.code}/log?round=1`;
    const response = await fetch(url, { headers: bearer(klass.hostToken) });
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="captain-down-${klass.code}-round-1.ndjson"`);
    const text = await response.text();
    const stored = JSON.stringify(running!.store.read(klass.code));
    for (const hash of stored.match(/[0-9a-f]{64}/g) ?? []) expect(text).not.toContain(hash);
    expect(text).not.toContain(klass.hostToken);
    const back = importLog(text);
    if (!back.ok) throw new Error(back.problem);
    expect(buildTimeline(sliceRound(back.events, 1)!).markers.map((m) => m.kind)).toContain('crash');
    const anonymized = await (await fetch(`${url}&anonymize=1`, { headers: bearer(klass.hostToken) })).text();
    expect(anonymized).not.toMatch(/Ada|Bob|"Cy"/);
    expect(anonymized).toContain('"nickname":"Node A"');
  });

  it('a published link opens the round for anyone until revoked; a guessed id opens nothing', async () => {
    const klass = await playedRound();
    const shares = `${running!.url}/api/rooms/${klass.code}/shares`;
    const published = (await (await fetch(shares, { method: 'POST', headers: { ...bearer(klass.hostToken), 'content-type': 'application/json' }, body: JSON.stringify({ round: 1 }) })).json()) as { id: string };
    expect(published.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // A round the class never played cannot be published.
    const unplayed = await fetch(shares, { method: 'POST', headers: { ...bearer(klass.hostToken), 'content-type': 'application/json' }, body: JSON.stringify({ round: 2 }) });
    expect(unplayed.status).toBe(404);
    expect(await unplayed.json()).toMatchObject({ refusal: { code: 'unknown-round' } });
    const open = await fetch(`${running!.url}/api/replays/${published.id}`);
    expect(open.status).toBe(200);
    expect(importLog(await open.text()).ok).toBe(true);
    const guessed = await fetch(`${running!.url}/api/replays/${'x'.repeat(43)}`);
    expect(guessed.status).toBe(404);
    expect(await guessed.json()).toMatchObject({ refusal: { code: 'unknown-replay' } });
    expect((await fetch(`${shares}/1`, { method: 'DELETE' })).status).toBe(403);
    expect(await (await fetch(`${shares}/1`, { method: 'DELETE', headers: bearer(klass.hostToken) })).json()).toMatchObject({ revoked: 1 });
    expect((await fetch(`${running!.url}/api/replays/${published.id}`)).status).toBe(404);
  });

  it('deleting a class takes its published links with it: the link answers "unknown-replay" and its record is gone', async () => {
    const klass = await playedRound();
    const id = running!.shares.publish(klass.code, 1, Date.now());
    expect((await fetch(`${running!.url}/api/replays/${id}`)).status).toBe(200);
    expect(await klass.hostAsk('host:room:delete')).toMatchObject({ ok: true });
    const late = await fetch(`${running!.url}/api/replays/${id}`);
    expect(late.status).toBe(404);
    expect(await late.json()).toMatchObject({ refusal: { code: 'unknown-replay', message: expect.stringContaining('deleting a class') } });
    // Nothing left that a new class given the same code could be opened through.
    expect(running!.shares.find(id)).toBeNull();
  });

  it('the retention sweep takes a class\'s published links with it too', async () => {
    const klass = await playedRound();
    const id = running!.shares.publish(klass.code, 1, Date.now());
    const other = running!.shares.publish('ZZZZZZ', 1, Date.now());
    for (const socket of running!.sockets) socket.disconnect();
    expect(running!.game.registry.deleteUnusedSince(Date.now() + 60_000, () => false)).toContain(klass.code);
    expect(running!.shares.find(id)).toBeNull();
    expect(running!.shares.find(other)).not.toBeNull(); // another room's link is untouched
    expect((await fetch(`${running!.url}/api/replays/${id}`)).status).toBe(404);
  });

  it('History after a server restart is the one before it, and the stored log\'s slices', async () => {
    const klass = await playedRound();
    const ask = async () => ((await (await fetch(`${running!.url}/api/rooms/${klass.code}/rounds`, { headers: bearer(klass.hostToken) })).json()) as { rounds: object[] }).rounds;
    const before = await ask();
    running!.shares.close();
    await stopServer(running!, { keepData: true });
    running = await startServerWithReplays(running!.dir);
    const after = await ask();
    expect(after).toEqual(before);
    expect(after).toEqual(sliceRounds(importLogRows(running.store.read(klass.code))).map((slice) => ({ ...summarizeRound(slice), published: 0 })));
    expect(after).toMatchObject([{ round: 1, ended: true, leaderChanges: expect.any(Number) }]);
  });

  it('fork: a live round 2 from a moment of round 1, same students on the same nodes, its origin in the log', async () => {
    const klass = await playedRound();
    const log = running!.store.read(klass.code);
    const crashRow = log.find((row) => row.type === 'ClusterEvents' && (row.payload as { cause?: string }).cause === 'fault')!;
    const source = buildTimeline(sliceRound(importLogRows(log), 1)!, { diagram: false });
    expect((await fetch(`${running!.url}/api/rooms/${klass.code}/rounds`, { headers: bearer(klass.hostToken) })).status).toBe(200);
    const t = source.rows.time[source.rows.seq.indexOf(crashRow.seq)]!;
    const forked = await fetch(`${running!.url}/api/rooms/${klass.code}/fork`, { method: 'POST', headers: { ...bearer(klass.hostToken), 'content-type': 'application/json' }, body: JSON.stringify({ round: 1, t }) });
    expect(await forked.json()).toMatchObject({ ok: true, round: 2 });
    const view = await klass.screen.until((v) => v?.round === 2, 10_000);
    expect(view!.teams[0]!.nodes.map((n) => [n.nickname, n.status])).toEqual([['Ada', 'crashed'], ['Bob', 'live'], ['Cy', 'live']]);
    expect(view!.clock.roomNow).toBeGreaterThanOrEqual(t);
    const started = running!.store.read(klass.code).find((row) => row.type === 'RoundStarted' && (row.payload as { round: number }).round === 2)!;
    expect(started.payload).toMatchObject({ forkedFrom: { round: 1, seq: crashRow.seq, roomTime: t } });
    // History was kept across the fork (asked before it, once more now): the same as slicing the stored log.
    const history = (await (await fetch(`${running!.url}/api/rooms/${klass.code}/rounds`, { headers: bearer(klass.hostToken) })).json()) as { rounds: object[] };
    const expected = sliceRounds(importLogRows(running!.store.read(klass.code))).map((slice) => ({ ...summarizeRound(slice), published: 0 }));
    expect(history.rounds).toEqual(expected);
    expect(expected.map((s) => [s.round, s.ended, s.forkedFrom?.round ?? null])).toEqual([[1, true, null], [2, false, 1]]);
    const again = await fetch(`${running!.url}/api/rooms/${klass.code}/fork`, { method: 'POST', headers: { ...bearer(klass.hostToken), 'content-type': 'application/json' }, body: JSON.stringify({ round: 1, t }) });
    expect(again.status).toBe(409);
  });
});

function importLogRows(rows: ReturnType<EventStore['read']>) {
  return rows.map((row) => ({ seq: row.seq, event: { ...row.payload, type: row.type, at: row.at } as never }));
}
