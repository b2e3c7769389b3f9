/**
 * Story mode over the real game server (socket.io + SQLite): the host's one-click
 * `host:story:start`, Next/Back/Replay through `host:story:beat` with structured refusals,
 * the projector's `game:view` carrying the cue and the punch line, the phones' `game:seat`
 * carrying each student's cue, and the story's facts in the stored log.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GameSeatView } from '../../shared/game/seat-view';
import { openClass, startServer, stopServer, type Running } from './game-harness';

let server: Running;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await stopServer(server);
});

describe('story mode on the wire', () => {
  it('Raft story: one click starts it; refusals are structured; bots and a student follow the cues to B leading with 3 votes', async () => {
    const cls = await openClass(server, ['Dana']); // node 1 is A
    expect(await cls.hostAsk('host:story:start', { story: 'raft-captain-down' })).toMatchObject({ ok: false, refusal: { code: 'story-cast' } });
    expect(await cls.hostAsk('host:bots:fill', { upTo: 5 })).toEqual({ ok: true });
    expect(await cls.hostAsk('host:story:start', { story: 'no-such-story' })).toMatchObject({ ok: false, refusal: { code: 'unknown-story' } });
    expect(await cls.hostAsk('host:story:beat', { action: 'next' })).toMatchObject({ ok: false, refusal: { code: 'no-round' } });
    expect(await cls.hostAsk('host:story:start', { story: 'raft-captain-down' })).toEqual({ ok: true, round: 1, seed: 1001 });
    expect(await cls.hostAsk('host:story:beat', { action: 'back' })).toMatchObject({ ok: false, refusal: { code: 'first-beat' } });
    expect(await cls.hostAsk('host:story:beat', { action: 'sideways' })).toMatchObject({ ok: false, refusal: { code: 'invalid-payload' } });

    const dana = cls.students[0]!;
    // A duty cue glows only once the heartbeat is due (its 2 s reminder ran out).
    const cued = await dana.view.until((v: GameSeatView | null) => v?.story?.cue?.moveId === 'SendHeartbeat' && v.moves.some((m) => m.urgent), 8000);
    expect(cued!.story?.cue?.text).toMatch(/captain/);
    expect(cued!.moves.filter((m) => m.urgent).map((m) => m.id)).toEqual(['SendHeartbeat']);
    expect((await dana.move({ type: 'SendHeartbeat' })).ok).toBe(true);

    const opening = await cls.screen.until((v) => v?.story?.beat === 1, 3000);
    expect(opening!.story).toMatchObject({ title: 'Raft: the captain is down', beats: 3, status: 'playing' });
    // The teacher presses Next: A crashes; the bots (B-E) follow their cues.
    expect(await cls.hostAsk('host:story:beat', { action: 'next' })).toEqual({ ok: true });
    expect(await cls.hostAsk('host:clock', { action: 'rate', rate: 4 })).toEqual({ ok: true });
    const crowned = await cls.screen.until((v) => (v?.story?.punches.length ?? 0) > 0, 20_000);
    expect(crowned!.story!.punches[0]).toMatch(/^B wins term 2 with 3 votes/);
    expect(crowned!.teams[0]!.nodes.filter((n) => n.role === 'leader').map((n) => n.label)).toEqual(['B']);

    const log = server.store.read(cls.code);
    expect(log.filter((e) => e.type === 'StoryStarted')).toHaveLength(1);
    expect(log.filter((e) => e.type === 'StoryBeatShown').map((e) => e.payload.reason)).toEqual(expect.arrayContaining(['start', 'next']));
    const elected = log.flatMap((e) => (e.type === 'ClusterEvents' ? (e.payload.events as { type: string; node?: number; votes?: number }[]) : [])).filter((e) => e.type === 'LeaderElected');
    expect(elected).toEqual([expect.objectContaining({ node: 1, votes: 3 })]);
  }, 40_000);
});
