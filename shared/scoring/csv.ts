/**
 * The per-student table of a round as CSV (issue 11's session report): RFC 4180 quoting
 * (fields with a comma, quote or line break are quoted, quotes doubled) and neutralised
 * against CSV injection: a cell starting with = + - @ (or tab / carriage return) gets a
 * leading apostrophe, as OWASP advises, so a spreadsheet never runs a nickname as a formula.
 */
import type { RoundScores } from './types';

export const CSV_HEADER = ['round', 'nickname', 'team', 'node', 'moves', 'accepted', 'refused', 'refused by rule', 'duties done', 'duties missed', 'points'];

const tally = (t: Record<string, number>) => Object.values(t).reduce((a, b) => a + b, 0);
const listed = (t: Record<string, number>) => Object.entries(t).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}: ${n}`).join('; ');

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function studentsCsv(rounds: readonly RoundScores[], nickname: (student: number) => string): string {
  const rows = [CSV_HEADER];
  for (const scores of rounds) {
    for (const s of scores.students) {
      const refused = tally(s.refusedByRule);
      rows.push([String(scores.round), nickname(s.student), String(s.team + 1), String(s.node), String(s.movesAccepted + refused), String(s.movesAccepted), String(refused), listed(s.refusedByRule), listed(s.dutiesDone), listed(s.dutiesMissed), String(s.points)]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
