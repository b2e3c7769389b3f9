/**
 * What the screens show between rounds (SPEC S8): the projector's podium and team table
 * with the class's totals, and each phone's own line. Privacy: the phone's view carries
 * only its own student's numbers; the projector names only the podium's three.
 */
import { scoresOf } from './score-round';
import { studentLine } from './student-line';
import type { RoundScores, ScoringState } from './types';

export interface PodiumPlace {
  place: number;
  nickname: string;
  team: number;
  points: number;
}

export interface ScreenScores {
  podium: PodiumPlace[];
  /** Team table (teams mode only: empty when the class played as one cluster). */
  teams: { team: number; points: number; members: number }[];
  /** The class's totals. */
  totals: { movesAccepted: number; refused: number; dutiesDone: number; leads: number };
}

export interface SeatScore {
  line: string;
  points: number;
}

export function screenScores(scoring: ScoringState, nickname: (student: number) => string): ScreenScores {
  const scores: RoundScores = scoresOf(scoring);
  const ranked = [...scores.students].sort((a, b) => b.points - a.points || a.student - b.student);
  const sum = (pick: (s: RoundScores['students'][number]) => number) => scores.students.reduce((n, s) => n + pick(s), 0);
  const tally = (t: Record<string, number>) => Object.values(t).reduce((a, b) => a + b, 0);
  return {
    podium: ranked.filter((s) => s.points > 0).slice(0, 3).map((s, i) => ({ place: i + 1, nickname: nickname(s.student), team: s.team, points: s.points })),
    teams: scores.teams.length > 1 ? [...scores.teams].sort((a, b) => b.points - a.points).map((t) => ({ team: t.team, points: t.points, members: t.members.length })) : [],
    totals: { movesAccepted: sum((s) => s.movesAccepted), refused: sum((s) => tally(s.refusedByRule)), dutiesDone: sum((s) => tally(s.dutiesDone)), leads: sum((s) => s.leads) },
  };
}

export function seatScore(scoring: ScoringState, student: number): SeatScore | null {
  const scores = scoresOf(scoring);
  const line = studentLine(scores, student);
  const own = scores.students.find((s) => s.student === student);
  return line && own ? { line, points: own.points } : null;
}
