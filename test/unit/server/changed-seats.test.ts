/**
 * The seats a flush looks at (server/changed-seats.ts): only the phones of teams whose
 * cluster changed, unless something every phone shows changed. Skipping the others must
 * never lose a view: over played rounds, the views sent when looking only at those seats
 * are exactly the views sent when looking at every seat.
 */
import { describe, expect, it } from 'vitest';
import { decideGame } from '../../../shared/game/decide';
import type { GameCommand } from '../../../shared/game/commands';
import { evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import { ChangedSeats } from '../../../server/changed-seats';
import { SeatViewCache } from '../../../server/seat-view-cache';
import { HOST, T0, created, given, joined, locked } from '../room/given';

const CODE = 'K7P3QX';

/** One command through the rules (a refused move still logs its refusal), folded into the room. */
function play(state: RoomState, command: GameCommand): RoomState {
  return decideGame(state, command).events.reduce<RoomState>((s, e) => evolveRoom(s, e as RoomEvent) as RoomState, state);
}

function roundOf(students: number, teamSize: number, algorithm: 'raft' | 'bully' | 'lease', seed: number, preset = `${algorithm}-classroom`): RoomState {
  const room = given(created(), ...Array.from({ length: students }, (_, i) => joined(i + 1, `S${i + 1}`)));
  return play(room, { type: 'StartRound', at: T0 + 10, hostTokenHash: HOST, algorithm, preset, teamSize, crashOnDisconnect: false, seed } as GameCommand);
}

/** A small seeded PRNG, so a failing round can be played again. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the seats a flush looks at', () => {
  it("a move in one team: that team's phones only; a reconnect adds its phone; the lock or a new seat: every phone", () => {
    const changed = new ChangedSeats();
    let room = roundOf(9, 3, 'raft', 4, 'raft-lecture'); // starts with a leader in each team
    expect(changed.since(CODE, room)).toBeNull(); // the first flush looks at everyone
    expect([...changed.since(CODE, room)!]).toEqual([]); // nothing changed since
    const team = room.round!.teams[1]!;
    room = play(room, { type: 'TickRound', at: T0 + 20, roomTime: 0 }); // nothing due: no change
    room = play(room, { type: 'PlayMove', at: T0 + 30, roomTime: 10, nodeId: team.members[0]!, move: { type: 'WriteCommand', command: 'N' } });
    changed.ask(CODE, 1);
    const look = changed.since(CODE, room)!;
    expect(look).not.toBeNull();
    expect([...look].sort()).toEqual([1, ...team.members].sort());
    expect(changed.since(CODE, evolveRoom(room, locked()) as RoomState)).toBeNull();
  });

  for (const algorithm of ['raft', 'bully', 'lease'] as const) {
    it(`${algorithm}: looking only at those seats sends exactly the views that looking at every seat sends`, () => {
      for (const seed of [1, 2]) {
        const random = prng(seed);
        let room = roundOf(15, 5, algorithm, seed);
        const everySeat = new SeatViewCache();
        const changedOnly = new SeatViewCache();
        const changed = new ChangedSeats();
        const latest = new Map<number, { moves: { move: unknown; allowed: boolean }[] } | null>();
        let roomTime = 0;
        let skipped = 0;
        let sent = 0;
        for (let step = 0; step < 200; step++) {
          roomTime += 50 + Math.floor(random() * 450);
          if (random() < 0.4) room = play(room, { type: 'TickRound', at: T0 + roomTime, roomTime });
          else {
            const nodeId = 1 + Math.floor(random() * 15);
            const moves = latest.get(nodeId)?.moves ?? [];
            const pick = moves[Math.floor(random() * moves.length)];
            if (pick) room = play(room, { type: 'PlayMove', at: T0 + roomTime, roomTime, nodeId, move: pick.move } as GameCommand);
          }
          if (random() < 0.05) changed.ask(CODE, 1 + Math.floor(random() * 15)); // a phone that reconnects...
          const look = changed.since(CODE, room);
          for (const seat of room.seats) {
            const all = everySeat.update(CODE, room, seat.nodeId, roomTime);
            if (all.game !== undefined) latest.set(seat.nodeId, all.game);
            const looked = look === null || look.has(seat.nodeId);
            if (!looked) skipped++;
            if (all.game !== undefined) sent++;
            const some = looked ? changedOnly.update(CODE, room, seat.nodeId, roomTime) : {};
            expect(some, `${algorithm} seed ${seed} step ${step} node ${seat.nodeId}`).toEqual(all);
          }
        }
        // The case is not empty: the round was played, and most looks were saved.
        expect(sent).toBeGreaterThan(60);
        expect(skipped).toBeGreaterThan(200 * 15 * 0.3);
      }
    });
  }
});
