/**
 * A class that plays a second round with bots can replay it (found by the session 6
 * acceptance check: round 2's replay and export were refused with "BotLooked outside a
 * round"). A round's prelude holds only what folds outside a round (seats, locks, the
 * scores switch); the bots' looks, refusals and clock settings of round 1 stay in round 1.
 */
import { describe, expect, it } from 'vitest';
import type { GameCommand } from '../../../shared/game/commands';
import { decideGame } from '../../../shared/game/decide';
import { decideRoom, evolveRoom, type RoomEvent, type RoomState } from '../../../shared/room';
import type { SeqEvent } from '../../../shared/replay/log-rows';
import { exportLog, importLog } from '../../../shared/replay/ndjson';
import { summarizeLog, summarizeRound } from '../../../shared/replay/round-summaries';
import { sliceRound, sliceRounds } from '../../../shared/replay/rounds';
import { buildTimeline } from '../../../shared/replay/timeline';
import { created, given, HOST, T0 } from '../room/given';

/** Five bots play two Raft rounds of 8 s each, through the game's own decisions. */
function twoBotRounds(): SeqEvent[] {
  let room: RoomState = given(created());
  const log: SeqEvent[] = [{ seq: 1, event: created() }];
  const record = (events: readonly RoomEvent[]) => {
    for (const event of events) {
      room = evolveRoom(room, event) as RoomState;
      log.push({ seq: log.length + 1, event });
    }
  };
  const fill = decideRoom(room, { type: 'FillWithBots', at: T0, hostTokenHash: HOST, upTo: 5, temperament: 'diligent' });
  if (!fill.ok) throw new Error(fill.refusal.message);
  record(fill.events);
  const run = (command: GameCommand) => {
    const decision = decideGame(room, command);
    if (!decision.ok && command.type !== 'TickRound') throw new Error(`${command.type}: ${decision.refusal.message}`);
    record(decision.events as RoomEvent[]);
  };
  let at = T0;
  for (const round of [1, 2]) {
    run({ type: 'StartRound', at: (at += 1_000), hostTokenHash: HOST, algorithm: 'raft', preset: 'raft-lecture', teamSize: null, crashOnDisconnect: true, seed: round });
    for (let t = 100; t <= 8_000; t += 100) run({ type: 'TickRound', at: at + t, roomTime: t });
    run({ type: 'EndRound', at: at + 8_100, roomTime: 8_100, hostTokenHash: HOST });
    at += 9_000;
  }
  return log;
}

describe('a later round of a class with bots replays', () => {
  const log = twoBotRounds();

  it('round 1 holds the bots\' looks, and round 2\'s prelude none of them', () => {
    const [first, second] = sliceRounds(log);
    expect(first!.rows.some((row) => row.event.type === 'BotLooked')).toBe(true);
    expect(second!.prelude.map((row) => row.event.type)).toEqual(['RoomCreated', 'BotSeated', 'BotSeated', 'BotSeated', 'BotSeated', 'BotSeated']);
  });

  it('round 2 folds from its slice, and its export imports back', () => {
    const slice = sliceRound(log, 2)!;
    expect(buildTimeline(slice).round).toBe(2);
    const text = exportLog([...slice.prelude, ...slice.rows], { appVersion: 'test', exportedAt: '2026-12-02T00:00:00.000Z', room: 'ABCDEF', rounds: [2], anonymize: false });
    const back = importLog(text);
    expect(back.ok ? 'imported' : `line ${back.line}: ${back.problem}`).toBe('imported');
  });

  it('History folded one event at a time equals summarizing each slice: bots, a later round, one still running', () => {
    const slices = (rows: SeqEvent[]) => sliceRounds(rows).map(summarizeRound);
    expect(summarizeLog(log.map((row) => row.event))).toEqual(slices(log));
    const running = log.slice(0, log.findLastIndex((row) => row.event.type === 'RoundEnded'));
    expect(summarizeLog(running.map((row) => row.event))).toEqual(slices(running));
    expect(summarizeLog(running.map((row) => row.event)).at(-1)).toMatchObject({ round: 2, ended: false });
  });
});
