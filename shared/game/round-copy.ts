/**
 * The copies a fold makes of the room and the round when one of their parts changes.
 * Written out field by field or copied by `for...in` rather than spread: these run for every
 * logged row, and in V8 (Node 20) spreading an object that was itself made by a spread takes
 * the slow path, about ten times the cost of a literal (issue 7's fold). Same fields, same
 * order as a spread, so the folded state (and its JSON) is the same.
 */
import type { ScoringState } from '../scoring/types';
import type { GameRoom } from './room';
import type { RoundState, TeamState } from './round';

export function withRound<R extends GameRoom>(room: R, round: RoundState): R {
  // The room may hold more than GameRoom (RoomState does): every key is copied.
  const next = {} as R;
  for (const key in room) next[key] = room[key];
  next.round = round;
  return next;
}

/** A round with other teams and scores. */
export function roundWithTeams(round: RoundState, teams: TeamState[], scoring: ScoringState): RoundState {
  const next: RoundState = { id: round.id, config: round.config, startedAt: round.startedAt, clock: round.clock, teams, ended: round.ended, scoring, bots: round.bots };
  if ('notes' in round) next.notes = round.notes;
  if ('story' in round) next.story = round.story;
  if ('challenge' in round) next.challenge = round.challenge;
  return next;
}

export function teamOf(round: RoundState, index: number): TeamState {
  const team = round.teams[index];
  if (!team) throw new Error(`team ${index} does not exist: the log is corrupt`);
  return team;
}
