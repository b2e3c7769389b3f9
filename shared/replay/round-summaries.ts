/**
 * The History's per-round summaries folded one event at a time, O(1) per event: the
 * server keeps them as rows are appended so History costs O(rounds), not a read and
 * parse of every row (issue 7). One fold for both: the server's running summaries and
 * a slice's summary (summarizeRound) are the same code, so they cannot drift apart.
 */
import type { RoomEvent } from '../room/events';
import { algorithmModule, isAlgorithm } from '../rules/registry';
import type { RoundSlice } from './rounds';

/** A line of the host's History per round. */
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
 * The rule events that put a new leader (or lease holder) in place in a round of
 * `algorithm`: the History's "leader changes". Each algorithm's module declares its own
 * (the registry, never a list of names here); none for an algorithm this server lacks.
 */
function leaderEventsOf(algorithm: string): ReadonlySet<string> {
  if (!isAlgorithm(algorithm)) return NO_EVENTS;
  let events = leaderEventSets.get(algorithm);
  // Kept per algorithm: the server asks once per committed ClusterEvents row.
  if (!events) leaderEventSets.set(algorithm, (events = new Set(algorithmModule(algorithm).leaderEvents)));
  return events;
}
const NO_EVENTS: ReadonlySet<string> = new Set();
const leaderEventSets = new Map<string, ReadonlySet<string>>();

/** Folds `event` into the summaries (in place: the server's cache, never shared state). */
export function addToSummaries(summaries: RoundSummary[], event: RoomEvent): void {
  if (event.type === 'RoundStarted') {
    summaries.push({
      round: event.round,
      algorithm: event.config.algorithm,
      preset: event.config.preset,
      startedAt: event.at,
      lastAt: event.at,
      students: event.teams.reduce((n, team) => n + team.length, 0),
      teams: event.teams.length,
      leaderChanges: 0,
      ended: false,
      forkedFrom: event.forkedFrom ? { round: event.forkedFrom.round, roomTime: event.forkedFrom.roomTime } : null,
    });
    return;
  }
  // As sliceRounds: every row after a RoundStarted belongs to that round, room facts included.
  const current = summaries[summaries.length - 1];
  if (!current) return;
  current.lastAt = event.at;
  if (event.type === 'RoundEnded') current.ended = true;
  if (event.type !== 'ClusterEvents') return;
  const leaderEvents = leaderEventsOf(current.algorithm);
  for (const rule of event.events) if (leaderEvents.has(rule.type)) current.leaderChanges++;
}

export function summarizeLog(events: Iterable<RoomEvent>): RoundSummary[] {
  const summaries: RoundSummary[] = [];
  for (const event of events) addToSummaries(summaries, event);
  return summaries;
}

/** A round's line of the History, from its slice (the replay player's round list). */
export function summarizeRound(slice: RoundSlice): RoundSummary {
  if (slice.rows[0]?.event.type !== 'RoundStarted') throw new Error('a round slice starts with RoundStarted');
  return summarizeLog(slice.rows.map((row) => row.event))[0]!;
}
