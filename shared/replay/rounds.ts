/**
 * A room's log cut into rounds. A round's replay needs the room as it stood when the
 * round started (seats, nicknames), so a slice is the room events before the round
 * (not the rounds before it) followed by every row from its RoundStarted to the next.
 */
import { gameEventSchemas } from '../game/events';
import { algorithmModule, isAlgorithm } from '../rules/registry';
import type { RoomEvent } from '../room/events';
import type { SeqEvent } from './log-rows';

export interface RoundSlice {
  round: number;
  /** Room-level facts before the round (RoomCreated, joins, kicks, locks). */
  prelude: SeqEvent[];
  /** From the round's RoundStarted up to (not including) the next round's. */
  rows: SeqEvent[];
}

export interface RoundSummary {
  round: number;
  algorithm: string;
  preset: string;
  /** Server time (ms since epoch) the round started at. */
  startedAt: number;
  /** Server time of its last fact. */
  lastAt: number;
  students: number;
  teams: number;
  leaderChanges: number;
  ended: boolean;
  forkedFrom: { round: number; roomTime: number } | null;
}

/**
 * Facts that only fold inside a round (evolveGame refuses them outside one): every game
 * event but the class's scores switch. Read from the schemas, so a new round fact (bots'
 * looks, challenges...) never lands in a later round's prelude, where it would make that
 * round unreplayable ("BotLooked outside a round").
 */
const ROUND_TYPES: ReadonlySet<RoomEvent['type']> = new Set(
  gameEventSchemas.map((schema) => schema.shape.type.value).filter((type) => type !== 'ScoresSwitched'),
);

/** Every round of the log, in order. */
export function sliceRounds(log: readonly SeqEvent[]): RoundSlice[] {
  const slices: RoundSlice[] = [];
  const prelude: SeqEvent[] = [];
  let current: RoundSlice | null = null;
  for (const row of log) {
    if (row.event.type === 'RoundStarted') {
      current = { round: row.event.round, prelude: prelude.slice(), rows: [row] };
      slices.push(current);
      continue;
    }
    if (current) current.rows.push(row);
    if (!ROUND_TYPES.has(row.event.type)) prelude.push(row);
  }
  return slices;
}

export function sliceRound(log: readonly SeqEvent[], round: number): RoundSlice | null {
  return sliceRounds(log).find((slice) => slice.round === round) ?? null;
}

/**
 * The rule events that put a new leader (or lease holder) in place in a round of
 * `algorithm`: the History's "leader changes". Each algorithm's module declares its own
 * (the registry, never a list of names here); none for an algorithm this server lacks.
 */
export function leaderEventsOf(algorithm: string): ReadonlySet<string> {
  if (!isAlgorithm(algorithm)) return NO_EVENTS;
  let events = leaderEventSets.get(algorithm);
  // Kept per algorithm: the server asks once per committed ClusterEvents row.
  if (!events) leaderEventSets.set(algorithm, (events = new Set(algorithmModule(algorithm).leaderEvents)));
  return events;
}
const NO_EVENTS: ReadonlySet<string> = new Set();
const leaderEventSets = new Map<string, ReadonlySet<string>>();

/** A line of the host's History per round, without folding the log. */
export function summarizeRound(slice: RoundSlice): RoundSummary {
  const start = slice.rows[0]!.event;
  if (start.type !== 'RoundStarted') throw new Error('a round slice starts with RoundStarted');
  const leaderEvents = leaderEventsOf(start.config.algorithm);
  let leaderChanges = 0;
  let ended = false;
  for (const { event } of slice.rows) {
    if (event.type === 'RoundEnded') ended = true;
    if (event.type !== 'ClusterEvents') continue;
    for (const rule of event.events) if (leaderEvents.has(rule.type)) leaderChanges++;
  }
  return {
    round: start.round,
    algorithm: start.config.algorithm,
    preset: start.config.preset,
    startedAt: start.at,
    lastAt: slice.rows[slice.rows.length - 1]!.event.at,
    students: start.teams.reduce((n, team) => n + team.length, 0),
    teams: start.teams.length,
    leaderChanges,
    ended,
    forkedFrom: start.forkedFrom ? { round: start.forkedFrom.round, roomTime: start.forkedFrom.roomTime } : null,
  };
}
