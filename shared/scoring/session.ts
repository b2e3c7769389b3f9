/**
 * A class's whole log, round by round (issue 11's session report): the log is cut at each
 * RoundStarted and every round is scored by the same fold as live play (SPEC S1). The
 * report is computed from the log alone, never stored: deleting a class's log deletes it.
 */
import type { GameEvent } from '../game/events';
import { scoreRound } from './score-round';
import type { RoundScores } from './types';

const GAME_TYPES = new Set(['RoundStarted', 'RoundClockSet', 'ClusterEvents', 'MoveRefused', 'RoundEnded']);

/** The game events of each round, in order (room events such as joins are left out). */
export function roundsOfLog(events: readonly { type: string }[]): GameEvent[][] {
  const rounds: GameEvent[][] = [];
  for (const event of events) {
    if (!GAME_TYPES.has(event.type)) continue;
    if (event.type === 'RoundStarted') rounds.push([]);
    rounds[rounds.length - 1]?.push(event as GameEvent);
  }
  return rounds;
}

export function sessionScores(events: readonly { type: string }[]): RoundScores[] {
  return roundsOfLog(events).flatMap((round) => scoreRound(round) ?? []);
}
