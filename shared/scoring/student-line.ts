/**
 * The student's own line between rounds (SPEC S8): what they did in time, what they
 * missed and which moves the rules refused, by rule ID, e.g. "you answered 3 elections in
 * time; 1 vote refused: R4". A refusal is told as a lesson (the rule that held), not a
 * penalty. Only the student's own numbers: the line never names another student.
 */
import { algorithmModule } from '../rules/registry';
import type { DutyWords } from '../rules/scoring-hooks';
import type { RoundScores } from './types';

const phrase = (n: number, one: string, many: string) => (n === 1 ? one : many.replace('{n}', String(n)));

export function studentLine(scores: RoundScores, student: number): string | null {
  const s = scores.students.find((x) => x.student === student);
  if (!s) return null;
  const duties: Record<string, DutyWords> = algorithmModule(scores.algorithm).scoring?.duties ?? {};
  const parts: string[] = [];
  if (s.leads > 0) parts.push(phrase(s.leads, 'took the lead once', 'took the lead {n} times'));
  if (s.fastRecoveries > 0) parts.push(phrase(s.fastRecoveries, 'led a fast recovery', 'led {n} fast recoveries'));
  for (const [duty, n] of Object.entries(s.dutiesDone)) {
    const words = duties[duty];
    if (words) parts.push(phrase(n, words.one, words.many));
  }
  for (const [duty, n] of Object.entries(s.dutiesMissed)) {
    const words = duties[duty];
    if (words) parts.push(phrase(n, words.missedOne, words.missedMany));
  }
  const refused = Object.entries(s.refusedByMove).map(([key, n]) => {
    const [noun, rule] = key.split('|');
    return `${n} ${noun} refused: ${rule}`;
  });
  const said = parts.length > 0 ? `you ${parts.join('; you ')}` : 'no duty came your way this round';
  return [said, ...refused].join('; ') + ` (${s.points} points)`;
}
