/**
 * The per-student CSV (issue 11): a real CSV parser (csv-parse) reads back every field,
 * including nicknames with commas, quotes and line breaks, and a nickname starting with
 * = + - @ is neutralised against CSV injection.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, scoreRound, studentsCsv } from '../../../shared/scoring';
import { classroom, end, play, tickBy } from './play-log';

const NICKNAMES: Record<number, string> = { 1: '=HYPERLINK("http://x")', 2: 'Bob, "the builder"', 3: 'line\nbreak', 4: '+1', 5: '@cmd' };

describe('the per-student CSV', () => {
  const table = classroom(5);
  play(table, 1, { type: 'SendHeartbeat' });
  play(table, 2, { type: 'SendHeartbeat' });
  tickBy(table, 500);
  end(table);
  const scores = scoreRound(table.log)!;
  const rows = parse(studentsCsv([scores], (id) => NICKNAMES[id]!), { relax_column_count: false }) as string[][];

  it('parses back with a header and one row per student, every row the same width', () => {
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(6);
    expect(rows[2]!.slice(4, 8)).toEqual(['1', '0', '1', 'R6: 1']);
    expect(rows[1]![7]).toBe('');
    expect(rows[1]![8]).toBe('heartbeat: 1');
  });

  it('keeps commas, quotes and line breaks inside a field', () => {
    expect(rows[2]![1]).toBe('Bob, "the builder"');
    expect(rows[3]![1]).toBe('line\nbreak');
  });

  it('neutralises a nickname starting with = + - @ (CSV injection)', () => {
    expect(rows[1]![1]).toBe('\'=HYPERLINK("http://x")');
    expect(rows[4]![1]).toBe("'+1");
    expect(rows[5]![1]).toBe("'@cmd");
  });
});
