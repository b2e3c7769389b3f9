export { scoreRound, startScoring, stepScoring, scoresOf, points, LEAD_POINTS, FAST_RECOVERY_MS, FAST_RECOVERY_POINTS, REFUSAL_COST } from './score-round';
export { studentLine } from './student-line';
export type { RoundScores, ScoringState, StudentScore, TeamScore } from './types';
export { studentsCsv, csvCell, CSV_HEADER } from './csv';
export { roundsOfLog, sessionScores } from './session';
