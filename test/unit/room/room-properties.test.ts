/**
 * Property test: random command sequences, invariants checked after every step.
 * fast-check prints the seed and the shrunk sequence when one fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRoom, evolveRoom, foldRoom, type RoomCommand, type RoomEvent, type RoomState } from '../../../shared/room';
import { created, hash, HOST } from './given';

const command: fc.Arbitrary<RoomCommand> = fc.oneof(
  fc.record({ type: fc.constant('JoinRoom' as const), at: fc.nat(), nickname: fc.oneof(fc.constantFrom('Ada', 'Bob', 'ada', ' Cy ', '', '<b>', 'x'.repeat(25)), fc.string({ maxLength: 24 })), seatTokenHash: fc.nat(50).map((n) => hash(`s${n}`)) }),
  fc.record({ type: fc.constant('KickNode' as const), at: fc.nat(), hostTokenHash: fc.constantFrom(HOST, hash('student')), nodeId: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ type: fc.constant('LockRoom' as const), at: fc.nat(), hostTokenHash: fc.constantFrom(HOST, hash('student')) }),
  fc.record({ type: fc.constant('UnlockRoom' as const), at: fc.nat(), hostTokenHash: fc.constantFrom(HOST, hash('student')) }),
);

function checkInvariants(state: RoomState): void {
  // Node ids are 1..n in join order: stable, unique, never reused.
  expect(state.seats.map((s) => s.nodeId)).toEqual(state.seats.map((_, i) => i + 1));
  const active = state.seats.filter((s) => !s.kicked);
  // No two active students share a nickname (case-insensitively).
  expect(new Set(active.map((s) => s.nickname.toLowerCase())).size).toBe(active.length);
  for (const seat of state.seats) {
    expect(seat.nickname).toBe(seat.nickname.trim());
    expect(seat.nickname.length).toBeGreaterThan(0);
    expect(seat.nickname).not.toMatch(/[<>]/);
  }
}

describe('room fold properties', () => {
  it('keeps its invariants, logs nothing on refusal, and replays to the same state', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        const log: RoomEvent[] = [created()];
        let state = foldRoom(log) as RoomState;
        let wasKicked = new Set<number>();
        for (const cmd of commands) {
          const decision = decideRoom(state, cmd);
          if (!decision.ok) continue; // refused: nothing appended, state untouched
          for (const event of decision.events) {
            log.push(event);
            state = evolveRoom(state, event) as RoomState;
          }
          checkInvariants(state);
          // Once kicked, always kicked.
          for (const id of wasKicked) expect(state.seats[id - 1]?.kicked).toBe(true);
          wasKicked = new Set(state.seats.filter((s) => s.kicked).map((s) => s.nodeId));
          // A student's token never gives host powers.
          if (cmd.type !== 'JoinRoom') expect(cmd.hostTokenHash).toBe(HOST);
        }
        // Restart = replay: folding the log from scratch gives exactly the live state.
        expect(foldRoom(log)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });
});
