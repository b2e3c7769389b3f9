/**
 * The History's per-round summaries folded one event at a time, O(1) per event: the
 * server keeps them as rows are appended so History costs O(rounds), not a read and
 * parse of every row (issue 7). Equal to summarizeRound over sliceRounds for any log
 * (test/replay/round-summaries.test.ts proves it on real logs).
 */
import type { RoomEvent } from '../room/events';
import { leaderEventsOf, type RoundSummary } from './rounds';

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
