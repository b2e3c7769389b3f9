/**
 * Replay = the live fold (DESIGN: "restart and replay are the same fold"). For random
 * rounds of every algorithm, with crashes, pauses, partitions, phones leaving and the
 * host's clock: the projector frame the player shows at every row is the one the live
 * room gave at that moment; seek with checkpoints equals folding from the start; an
 * export read back folds to the same states.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gameScreenView } from '../../../shared/game/screen-view';
import { gameSeatView } from '../../../shared/game/seat-view';
import { evolveRoom, type RoomState } from '../../../shared/room';
import { frameAt, onlineAt } from '../../../shared/replay/frame';
import { exportLog, importLog } from '../../../shared/replay/ndjson';
import { MARKER_LOOKS } from '../../../shared/replay/marker-kinds';
import { sliceRound } from '../../../shared/replay/rounds';
import { buildTimeline, seek } from '../../../shared/replay/timeline';
import { playRound, roundArb } from './random-round';

const RUNS = { numRuns: 100 };

describe('replay of random rounds', () => {
  it('the frame the player shows at every row equals the live projector and phone at that row', () => {
    fc.assert(
      fc.property(roundArb, (spec) => {
        const played = playRound(spec);
        const slice = sliceRound(played.log, 1)!;
        // Tiny checkpoint spacing so seeks cross many checkpoints.
        const timeline = buildTimeline(slice, { checkpointEvery: 7 });
        const offset = played.log.length - slice.rows.length;
        const times = timeline.rows.time;
        times.forEach((time, i) => {
          // Rows that share a room time are one instant: the frame shows the last of them.
          if (times[i + 1] === time) return;
          const { room } = played.live[offset + i]!;
          const nodeId = room.round!.teams[0]!.members[i % room.round!.teams[0]!.members.length]!;
          const frame = frameAt(timeline, time, nodeId);
          expect(frame.index).toBe(i);
          expect(frame.screen).toEqual(gameScreenView(room, time, onlineAt(room)));
          expect(frame.seat).toEqual(gameSeatView(room, nodeId, time));
        });
      }),
      RUNS,
    );
  });

  it('seek to any t equals folding the log from the start up to t', () => {
    fc.assert(
      fc.property(roundArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), (spec, targets) => {
        const played = playRound(spec);
        const slice = sliceRound(played.log, 1)!;
        const timeline = buildTimeline(slice, { checkpointEvery: 5 });
        for (const fraction of targets) {
          const t = timeline.startTime + fraction * (timeline.endTime - timeline.startTime);
          let naive: RoomState = timeline.base;
          slice.rows.forEach(({ event }, i) => {
            if (timeline.rows.time[i]! <= t) naive = evolveRoom(naive, event)!;
          });
          expect(seek(timeline, t).room).toEqual(naive);
        }
      }),
      RUNS,
    );
  });

  it('markers: one per crash, restart, pause, partition, heal and refused move, in time order, each with a look', () => {
    fc.assert(
      fc.property(roundArb, (spec) => {
        const played = playRound(spec);
        const timeline = buildTimeline(sliceRound(played.log, 1)!);
        const ruleTypes = timeline.events.flatMap(({ event }) => (event.type === 'ClusterEvents' ? event.events.map((e) => e.type as string) : [event.type]));
        const count = (kind: string) => timeline.markers.filter((m) => m.kind === kind).length;
        const facts = (type: string) => ruleTypes.filter((t) => t === type).length;
        expect(count('crash')).toBe(facts('NodeCrashed'));
        expect(count('restart')).toBe(facts('NodeRestarted'));
        expect(count('pause')).toBe(facts('NodePaused'));
        expect(count('partition')).toBe(facts('Partitioned'));
        expect(count('heal')).toBe(facts('PartitionHealed'));
        expect(count('refused')).toBe(facts('MoveRefused'));
        expect(count('split-brain')).toBe(facts('SplitBrainDetected'));
        const times = timeline.markers.map((m) => m.at);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        for (const m of timeline.markers) expect(MARKER_LOOKS[m.kind]).toBeDefined();
      }),
      RUNS,
    );
  });

  it('export -> import -> fold gives the same states, anonymized or not', () => {
    fc.assert(
      fc.property(roundArb, fc.boolean(), (spec, anonymize) => {
        const played = playRound(spec);
        const text = exportLog(played.log, { appVersion: 'test', exportedAt: '2026-12-02T04:00:00.000Z', room: 'K7P3QX', rounds: 'all', anonymize });
        const back = importLog(text);
        if (!back.ok) throw new Error(`line ${back.line}: ${back.problem}`);
        expect(back.events.map((e) => e.seq)).toEqual(played.log.map((e) => e.seq));
        const original = buildTimeline(sliceRound(played.log, 1)!);
        const imported = buildTimeline(sliceRound(back.events, 1)!);
        // Secrets and (when anonymized) nicknames differ by design; the round does not.
        expect(imported.rows).toEqual(original.rows);
        expect(imported.markers).toEqual(original.markers);
        const last = imported.rows.length - 1;
        const a = seek(original, original.rows.time[last]!).room;
        const b = seek(imported, imported.rows.time[last]!).room;
        expect(b.round).toEqual(a.round);
        expect(text).not.toContain(played.log[0]!.event.type === 'RoomCreated' ? played.log[0]!.event.hostTokenHash : 'never');
      }),
      RUNS,
    );
  });
});
