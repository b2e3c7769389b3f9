import { describe, expect, it } from 'vitest';
import { pauseClock, resumeClock, roomTimeAt, setClockRate, startedClock, stepClock } from '../../../shared/game/room-clock';
import { arrangeTeams } from '../../../shared/game/teams';

describe('the room clock', () => {
  it('runs at its rate, stands still while paused, and steps only forward', () => {
    let clock = startedClock(0, 1000);
    expect(roomTimeAt(clock, 3000)).toBe(2000);
    clock = setClockRate(clock, 3000, 4);
    expect(roomTimeAt(clock, 3500)).toBe(4000);
    clock = pauseClock(clock, 3500);
    expect(roomTimeAt(clock, 99_000)).toBe(4000);
    clock = stepClock(clock, 99_000, 1000);
    expect(roomTimeAt(clock, 100_000)).toBe(5000);
    clock = resumeClock(clock, 100_000);
    expect(roomTimeAt(clock, 100_250)).toBe(6000);
  });
});

describe('arranging teams', () => {
  it('one cluster when no team size is given or the class is small', () => {
    expect(arrangeTeams([1, 2, 3, 4], null)).toEqual([[1, 2, 3, 4]]);
    expect(arrangeTeams([1, 2, 3], 5)).toEqual([[1, 2, 3]]);
  });
  it('teams differ in size by one at most and never fall below three', () => {
    for (let n = 3; n <= 60; n++) {
      for (let size = 3; size <= 9; size++) {
        const teams = arrangeTeams(Array.from({ length: n }, (_, i) => i), size);
        const sizes = teams.map((t) => t.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(Math.min(3, n));
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
      }
    }
  });
});
