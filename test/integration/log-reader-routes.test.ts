/**
 * Exports and published links streamed by a log reader thread (server/log-reader/) are the
 * bytes the event loop used to build (exportStored over the same rows): a real class log with
 * nicknames, a fork and bots, every round and the whole class, anonymized or not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameCommand } from '../../shared/game/commands';
import { decideGame } from '../../shared/game/decide';
import { decideRoom, evolveRoom, type RoomEvent, type RoomState } from '../../shared/room';
import { decideFork, forkSourceAt } from '../../shared/replay/fork';
import { parseLogRow, toLogRow, type SeqEvent } from '../../shared/replay/log-rows';
import { sliceRound } from '../../shared/replay/rounds';
import { buildTimeline } from '../../shared/replay/timeline';
import { forkFromReplay } from '../../server/http/fork-route';
import { exportStored } from '../../server/http/stored-export';
import { LogReader } from '../../server/log-reader/log-reader';
import { HOST, T0 } from '../unit/room/given';
import { lectureStory } from '../unit/replay/scripted-round';
import { startServerWithReplays, stopServer, type RunningWithReplays } from './game-harness';

const CODE = 'K7P3QX';
const TOKEN = 'host-token'; // HOST is its hash

/** The lecture's round 1, a round 2 forked from its crash, then bots seated and a round 3 they play. */
export function classWithForkAndBots(): SeqEvent[] {
  const { log, crashAt } = lectureStory();
  let room = log.reduce<RoomState | null>((state, row) => evolveRoom(state, row.event), null)!;
  const record = (events: readonly RoomEvent[]) => {
    for (const event of events) {
      room = evolveRoom(room, event)!;
      log.push({ seq: log.length + 1, event });
    }
  };
  const run = (command: GameCommand) => record(decideGame(room, command).events as RoomEvent[]);
  let at = log[log.length - 1]!.event.at + 1_000;
  const fork = decideFork(room, { at, hostTokenHash: HOST, source: forkSourceAt(buildTimeline(sliceRound(log, 1)!), crashAt) });
  if (!fork.ok) throw new Error(fork.refusal.message);
  record(fork.events as RoomEvent[]);
  for (let t = crashAt + 500; t <= crashAt + 3_000; t += 500) run({ type: 'TickRound', at: at + t - crashAt, roomTime: t });
  run({ type: 'EndRound', at: (at += 4_000), roomTime: crashAt + 4_000, hostTokenHash: HOST });
  const bots = decideRoom(room, { type: 'FillWithBots', at: (at += 1_000), hostTokenHash: HOST, upTo: 5, temperament: 'diligent' });
  if (!bots.ok) throw new Error(bots.refusal.message);
  record(bots.events);
  run({ type: 'StartRound', at: (at += 1_000), hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, seed: 7 });
  for (let t = 100; t <= 4_000; t += 100) run({ type: 'TickRound', at: at + t, roomTime: t });
  run({ type: 'EndRound', at: at + 4_100, roomTime: 4_100, hostTokenHash: HOST });
  return log;
}

let running: RunningWithReplays;

beforeAll(async () => {
  running = await startServerWithReplays();
  // Dated today: a class last used in 2023 is past retention, and the server's sweep would delete it.
  const shift = Date.now() - T0;
  running.store.append(CODE, 0, classWithForkAndBots().map(({ event }) => { const { type, at, payload } = toLogRow(0, event); return { type, at: at + shift, payload }; }));
});
afterAll(async () => {
  running.shares.close();
  await stopServer(running);
});

const bearer = { authorization: `Bearer ${TOKEN}` };

/** What the event loop made of the same rows, dated and versioned as the streamed file's header says. */
function madeHere(streamed: string, which: number | 'all', anonymize: boolean): string | null {
  const header = JSON.parse(streamed.slice(0, streamed.indexOf('\n'))) as { appVersion: string; exportedAt: string };
  return exportStored(running.store.readText(CODE), which, { appVersion: header.appVersion, exportedAt: header.exportedAt, room: CODE, anonymize });
}

describe('an export streamed from the log reader thread', () => {
  it('the test class has three rounds: the lecture, a fork of it and a round of bots', () => {
    const types = running.store.read(CODE).map((row) => row.type);
    expect(types.filter((type) => type === 'RoundStarted')).toHaveLength(3);
    expect(types).toContain('BotLooked');
    expect(running.store.read(CODE).some((row) => row.type === 'RoundStarted' && row.payload.forkedFrom)).toBe(true);
  });

  for (const anonymize of [false, true]) {
    for (const which of [1, 2, 3, 'all'] as const) {
      it(`is byte for byte the file made on the event loop: round ${which}${anonymize ? ', anonymized' : ''}`, async () => {
        const response = await fetch(`${running.url}/api/rooms/${CODE}/log?round=${which}${anonymize ? '&anonymize=1' : ''}`, { headers: bearer });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
        const streamed = await response.text();
        expect(streamed).toBe(madeHere(streamed, which, anonymize));
      });
    }
  }

  it('a published link streams the same bytes as the round\'s export', async () => {
    const published = await fetch(`${running.url}/api/rooms/${CODE}/shares`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify({ round: 2 }) });
    const { id } = (await published.json()) as { id: string };
    const response = await fetch(`${running.url}/api/replays/${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="captain-down-round-2.ndjson"');
    const streamed = await response.text();
    expect(streamed).toBe(madeHere(streamed, 2, false));
  });

  it('a round the log lacks is still a 404 with its sentence', async () => {
    const response = await fetch(`${running.url}/api/rooms/${CODE}/log?round=4`, { headers: bearer });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ refusal: { code: 'unknown-round' } });
  });

  // Last: it adds a round 4 to the class.
  it('a fork folded on a log reader thread starts the round the game\'s thread would: the same source, the same clusters; a round the log lacks is a 404', async () => {
    const { crashAt } = lectureStory();
    const parsed = running.store.read(CODE).map((row) => ({ seq: row.seq, event: parseLogRow(row) }));
    const expected = forkSourceAt(buildTimeline(sliceRound(parsed, 1)!, { diagram: false }), crashAt)!;
    const missing = await fetch(`${running.url}/api/rooms/${CODE}/fork`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify({ round: 9, t: crashAt }) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ refusal: { code: 'unknown-round' } });
    // inlineRows 0: this class's log (short) goes to a thread as an hour-long one does.
    const forked = await forkFromReplay(running.game, new LogReader(running.store), CODE, 1, crashAt, 0);
    expect(forked).toEqual({ ok: true, round: 4 });
    const started = running.store.read(CODE).filter((row) => row.type === 'RoundStarted').at(-1)!;
    expect(started.payload).toMatchObject({ round: 4, forkedFrom: expected.forkedFrom, teams: expected.teams });
    expect(started.payload.clusters).toEqual(expected.clusters);
    // A second fork while round 4 runs is refused before any fold.
    expect(await forkFromReplay(running.game, null, CODE, 1, crashAt, 0)).toMatchObject({ ok: false, status: 409, code: 'round-running' });
  });
});
