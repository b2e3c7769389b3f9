import { describe, expect, it } from 'vitest';
import { followRoundClock, roomTimeAt } from '../../../shared/game/room-clock';
import type { RoundClockRecord, RoundState, TeamState } from '../../../shared/game/round';
import { arrangeTeams } from '../../../shared/game/teams';

describe('the room clock (the anchor a server keeps, following the log)', () => {
  const round = (clock: RoundClockRecord, over: Partial<RoundState> = {}): RoundState =>
    ({ id: 1, config: {} as RoundState['config'], startedAt: 0, clock, teams: [], ended: false, scoring: {} as RoundState['scoring'], bots: {}, ...over });
  const clusterAt = (now: number) => ({ cluster: { now } }) as unknown as TeamState;

  it('runs at its rate, stands still while paused, steps only forward, and keeps its anchor while the record is unchanged', () => {
    const started = round({ running: true, rate: 1, roomTime: 0 });
    let anchor = followRoundClock(null, started, 1000)!;
    expect(roomTimeAt(anchor.clock, 3000)).toBe(2000);
    expect(followRoundClock(anchor, started, 3000)).toBe(anchor);
    anchor = followRoundClock(anchor, round({ running: true, rate: 4, roomTime: 2000 }), 3000)!;
    expect(roomTimeAt(anchor.clock, 3500)).toBe(4000);
    anchor = followRoundClock(anchor, round({ running: false, rate: 4, roomTime: 4000 }), 3500)!;
    expect(roomTimeAt(anchor.clock, 99_000)).toBe(4000);
    anchor = followRoundClock(anchor, round({ running: false, rate: 4, roomTime: 5000 }), 99_000)!;
    expect(roomTimeAt(anchor.clock, 100_000)).toBe(5000);
    anchor = followRoundClock(anchor, round({ running: true, rate: 4, roomTime: 5000 }), 100_000)!;
    expect(roomTimeAt(anchor.clock, 100_250)).toBe(6000);
  });

  it('a round that starts paused stands at 0 until resumed', () => {
    const anchor = followRoundClock(null, round({ running: false, rate: 1, roomTime: 0 }), 1000)!;
    expect(roomTimeAt(anchor.clock, 60_000)).toBe(0);
  });

  it('after a restart a round continues from the furthest time its log reached; an ended round stands at its end; no round, no clock', () => {
    const replayed = round({ running: true, rate: 1, roomTime: 1000 }, { teams: [clusterAt(7000)] });
    expect(roomTimeAt(followRoundClock(null, replayed, 50)!.clock, 1050)).toBe(8000);
    const ended = followRoundClock(null, { ...replayed, ended: true }, 50)!;
    expect(ended.clock.running).toBe(false);
    expect(roomTimeAt(ended.clock, 99_999)).toBe(7000);
    expect(followRoundClock(ended, null, 60)).toBeNull();
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
