/**
 * The broadcaster's phone flush in slices (server/broadcaster.ts): when building and sending
 * a big room's phone views takes longer than one slice, the flush gives the event loop back
 * and goes on in later turns, so clicks and acks are not held behind 300 views; every
 * changed phone still gets its view once, and the student who just moved gets theirs first.
 */
import { describe, expect, it } from 'vitest';
import { Broadcaster, nodeRoom } from '../../../server/broadcaster';
import type { RoomRegistry } from '../../../server/room-registry';
import type { RoundClocks } from '../../../server/round-clocks';
import type { Transport } from '../../../server/transport';
import { decideGame } from '../../../shared/game/decide';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { HOST, T0, created, given, joined } from '../room/given';

const STUDENTS = 40;

function roundOf(students: number): RoomState {
  const room = given(created(), ...Array.from({ length: students }, (_, i) => joined(i + 1, `s${i + 1}`)));
  const decision = decideGame(room, { type: 'StartRound', at: T0 + 10, hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: false, seed: 7 });
  expect(decision.refusal).toBeUndefined();
  return decision.events.reduce<RoomState>((s, e) => evolveRoom(s, e as RoomEvent) as RoomState, room);
}

/** Every phone is connected; each game view takes at least 2 ms to send (a slow socket), so 40 cannot fit one slice. */
function harness(room: RoomState) {
  const sent: string[] = [];
  const transport = {
    audienceSize: () => 1,
    broadcast(audience: string, event: string) {
      if (event !== 'game:seat') return;
      sent.push(audience);
      const until = performance.now() + 2;
      while (performance.now() < until) { /* the socket's write */ }
    },
    disband() {},
  } as unknown as Transport;
  const registry = { peek: () => room, whenDurable: (fn: (durable: boolean) => void) => fn(true), endOfTurn: (fn: () => void) => setImmediate(fn) } as unknown as RoomRegistry;
  const clocks = { now: () => 0 } as unknown as RoundClocks;
  return { sent, broadcaster: new Broadcaster(transport, registry, clocks) };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the phone flush in slices', () => {
  it('gives the event loop back when the views outlast a slice, and still sends every phone its view once', async () => {
    const room = roundOf(STUDENTS);
    const { sent, broadcaster } = harness(room);
    broadcaster.markDirty('K7P3QX');
    await nextTurn();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(STUDENTS);
    for (let turn = 0; turn < STUDENTS && sent.length < STUDENTS; turn += 1) await nextTurn();
    expect(sent.slice().sort()).toEqual(room.seats.map((s) => nodeRoom('K7P3QX', s.nodeId)).sort());
  });

  it("sends the mover's own view first, before the seats ahead of it", async () => {
    const room = roundOf(STUDENTS);
    const { sent, broadcaster } = harness(room);
    const mover = room.seats.at(-1)!.nodeId;
    broadcaster.moved('K7P3QX', mover);
    broadcaster.markDirty('K7P3QX');
    await nextTurn();
    expect(sent[0]).toBe(nodeRoom('K7P3QX', mover));
    for (let turn = 0; turn < STUDENTS && sent.length < STUDENTS; turn += 1) await nextTurn();
    expect(sent.filter((audience) => audience === nodeRoom('K7P3QX', mover))).toHaveLength(1);
  });

  it('many movers waiting at once (a busy machine) go out over several turns, all of them before any other seat', async () => {
    const room = roundOf(STUDENTS);
    const { sent, broadcaster } = harness(room);
    const movers = room.seats.slice(-20).map((s) => s.nodeId);
    for (const nodeId of movers) broadcaster.moved('K7P3QX', nodeId);
    broadcaster.markDirty('K7P3QX');
    await nextTurn();
    expect(sent.length).toBeLessThan(movers.length);
    for (let turn = 0; turn < STUDENTS && sent.length < STUDENTS; turn += 1) await nextTurn();
    expect(sent.slice(0, movers.length).sort()).toEqual(movers.map((id) => nodeRoom('K7P3QX', id)).sort());
    expect(sent).toHaveLength(STUDENTS);
  });
});
