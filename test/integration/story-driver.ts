/**
 * Plays a story by bots alone through the game's own decisions (no server, no browser):
 * a class of five diligent bots, the host's one-click StartStory, then the room clock
 * ticking every 100 ms as the server's ticker does, each decision's facts folded in the
 * order the registry appends them. Returns the log, so tests check the outcome from it.
 */
import { decideGame } from '../../shared/game/decide';
import type { GameCommand } from '../../shared/game/commands';
import { decideRoom, evolveRoom, type RoomEvent, type RoomState } from '../../shared/room';
import { created, given, HOST, T0 } from '../unit/room/given';

export interface StoryRun {
  room: RoomState;
  log: RoomEvent[];
  /** The class before the story: its creation and the bots' seats. */
  prelude: RoomEvent[];
  /** Room time at which the story finished, or null if it did not within the limit. */
  finishedAt: number | null;
}

function apply(room: RoomState, events: readonly RoomEvent[]): RoomState {
  return events.reduce((r, e) => evolveRoom(r, e) as RoomState, room);
}

export function playStoryByBots(storyId: string, { limitMs = 120_000, seed }: { limitMs?: number; seed?: number } = {}): StoryRun {
  let room = given(created());
  const fill = decideRoom(room, { type: 'FillWithBots', at: T0, hostTokenHash: HOST, upTo: 5, temperament: 'diligent' });
  if (!fill.ok) throw new Error(fill.refusal.message);
  room = apply(room, fill.events);
  const prelude = [created(), ...fill.events];
  const log: RoomEvent[] = [];
  const step = (command: GameCommand) => {
    const decision = decideGame(room, command);
    if (!decision.ok && command.type !== 'TickRound') throw new Error(`${command.type}: ${decision.refusal.message}`);
    room = apply(room, decision.events as RoomEvent[]);
    log.push(...(decision.events as RoomEvent[]));
  };
  step({ type: 'StartStory', at: T0, hostTokenHash: HOST, story: storyId, ...(seed !== undefined && { seed }) });
  let finishedAt: number | null = null;
  for (let t = 100; t <= limitMs && finishedAt === null; t += 100) {
    step({ type: 'TickRound', at: T0 + t, roomTime: t });
    if (room.round?.story?.status === 'finished') finishedAt = t;
  }
  return { room, log, prelude, finishedAt };
}

/** The rule events of the log (inside ClusterEvents batches), in order. */
export function ruleEvents(log: readonly RoomEvent[]): ({ type: string } & Record<string, unknown>)[] {
  return log.flatMap((e) => (e.type === 'ClusterEvents' ? (e.events as unknown as ({ type: string } & Record<string, unknown>)[]) : []));
}
