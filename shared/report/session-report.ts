/**
 * The session report (issue 11): every round of a class's log, its story (round-story.ts)
 * and its scores (shared/scoring, SPEC S1), computed from the log on demand and never
 * stored, so deleting a class's log deletes its report (SPEC S10).
 */
import { sliceRounds } from '../replay/rounds';
import type { SeqEvent } from '../replay/log-rows';
import { sessionScores } from '../scoring/session';
import { scoreRound } from '../scoring/score-round';
import type { RoundScores } from '../scoring/types';
import { roundStory, type RoundStory } from './round-story';

export interface ReportRound {
  story: RoundStory;
  scores: RoundScores | null;
}

export function sessionReport(log: readonly SeqEvent[]): ReportRound[] {
  return sliceRounds(log).map((slice) => {
    const events = slice.rows.map((row) => row.event).filter((e) => e.type === 'RoundStarted' || e.type === 'RoundClockSet' || e.type === 'ClusterEvents' || e.type === 'MoveRefused' || e.type === 'RoundEnded');
    return { story: roundStory(slice), scores: scoreRound(events) };
  });
}

/** What the report page shows of a class: every round's scores (SPEC S1) and story (S9). */
export interface SessionReportData {
  rounds: RoundScores[];
  stories: RoundStory[];
}

export function sessionReportData(log: readonly SeqEvent[]): SessionReportData {
  return { rounds: sessionScores(log.map((row) => row.event)), stories: sessionReport(log).map((r) => r.story) };
}
