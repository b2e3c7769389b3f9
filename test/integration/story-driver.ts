/**
 * Plays a story by bots alone through the game's own decisions (no server, no browser):
 * a class of five diligent bots, the host's one-click StartStory, then the room clock
 * ticking every 100 ms as the server's ticker does, each decision's facts folded in the
 * order the registry appends them. Returns the log, so tests check the outcome from it.
 */
import { decideGame } from '../../shared/game/decide';
import type { GameCommand } from '../../shared/game/commands';
import { decideRoom, evolveRoom, type RoomEvent, type RoomState } from '../../shared/room';
import { gameSeatView } from '../../shared/game/seat-view';
import { drawInt, seedRng } from '../../shared/rules/prng';
import { created, given, HOST, joined, T0 } from '../unit/room/given';

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

/**
 * How a class of people plays: each student looks at the phone every 700 ms plus up to
 * `reactMs` more (never faster than a person clicks, issue 8), sees it as it was up to
 * `lagMs` ago (a phone that redraws late on a busy network), and clicks the move that
 * glows, if any, with the value the cue gives. The draws come from `seed`, so a stall is
 * reproduced by its seed.
 */
export interface StudentPace {
  seed: number;
  lagMs: number;
  reactMs: number;
}

const HUMAN_PACE_MS = 700;
const STEP_MS = 50;

export function playStoryByStudents(storyId: string, pace: StudentPace, limitMs = 90_000): StoryRun {
  let rng = seedRng(pace.seed);
  const draw = (below: number) => {
    const d = drawInt(rng, 0, below);
    rng = d.next;
    return d.value;
  };
  const prelude = [created(), ...[1, 2, 3, 4, 5].map((id) => joined(id, `S${id}`))];
  let room = given(...prelude);
  const log: RoomEvent[] = [];
  const step = (command: GameCommand) => {
    const decision = decideGame(room, command);
    if (!decision.ok && command.type === 'StartStory') throw new Error(decision.refusal.message);
    room = apply(room, decision.events as RoomEvent[]);
    log.push(...(decision.events as RoomEvent[]));
  };
  step({ type: 'StartStory', at: T0, hostTokenHash: HOST, story: storyId });
  const students = room.round!.story!.story.nodes;
  // What each phone may still be showing: the room as it was at recent instants.
  const seen: { t: number; room: RoomState }[] = [{ t: 0, room }];
  const nextLook = Array.from({ length: students }, () => draw(HUMAN_PACE_MS));
  let finishedAt: number | null = null;
  for (let t = STEP_MS; t <= limitMs && finishedAt === null; t += STEP_MS) {
    if (t % 100 === 0) step({ type: 'TickRound', at: T0 + t, roomTime: t });
    seen.push({ t, room });
    while (seen.length > 1 && seen[1]!.t <= t - pace.lagMs) seen.shift();
    for (let s = 0; s < students; s++) {
      if (nextLook[s]! > t) continue;
      const lag = draw(pace.lagMs + 1);
      const shown = seen.findLast((v) => v.t <= t - lag) ?? seen[0]!;
      const phone = gameSeatView(shown.room, s + 1, t - lag);
      const lit = phone?.moves.find((m) => m.urgent);
      if (lit) {
        const cued = phone!.story?.cue;
        const move = cued?.moveId === lit.id && cued.move ? cued.move : lit.move;
        step({ type: 'PlayMove', at: T0 + t, roomTime: t, nodeId: s + 1, move });
      }
      nextLook[s] = t + HUMAN_PACE_MS + draw(pace.reactMs + 1);
    }
    if (room.round?.story?.status === 'finished') finishedAt = t;
  }
  return { room, log, prelude, finishedAt };
}
