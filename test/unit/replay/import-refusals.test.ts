/**
 * Import refuses what it cannot replay, naming the line and the problem: damaged,
 * truncated, foreign, newer-version and oversize files (the corpus below is built from
 * the kept fixture, one defect each). A log written by an earlier build of the app (the
 * fixture, exported on 2026-11-26 by app 0.1.0, before rounds could be forked) replays.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameAt } from '../../../shared/replay/frame';
import { LOG_FORMAT_VERSION, MAX_LOG_BYTES, REDACTED_HASH, importLog, lineOfRow } from '../../../shared/replay/ndjson';
import { sliceRound } from '../../../shared/replay/rounds';
import { buildTimeline, UnplayableRowError } from '../../../shared/replay/timeline';

const FIXTURE = readFileSync(new URL('../../fixtures/replay-v1-raft-lecture.ndjson', import.meta.url), 'utf8');
const lines = FIXTURE.trimEnd().split('\n');
const withLine = (n: number, text: string) => lines.map((l, i) => (i === n - 1 ? text : l)).join('\n') + '\n';
const editRow = (n: number, change: (row: Record<string, any>) => void) => {
  const row = JSON.parse(lines[n - 1]!);
  change(row);
  return withLine(n, JSON.stringify(row));
};
const header = JSON.parse(lines[0]!);

const CORPUS: { name: string; text: string; line: number; says: RegExp }[] = [
  { name: 'an empty file', text: '', line: 1, says: /empty/ },
  { name: 'a foreign JSON file', text: '{"hello":"world"}\n', line: 1, says: /not a Captain Down log/ },
  { name: 'a CSV file', text: 'seq,type,at\n1,RoomCreated,0\n', line: 1, says: /not a Captain Down log/ },
  { name: 'a newer log format', text: withLine(1, JSON.stringify({ ...header, formatVersion: LOG_FORMAT_VERSION + 1 })), line: 1, says: /newer Captain Down/ },
  { name: 'a newer protocol', text: withLine(1, JSON.stringify({ ...header, protocolVersion: 99 })), line: 1, says: /protocol 99/ },
  { name: 'a damaged header', text: withLine(1, JSON.stringify({ ...header, rows: 'many' })), line: 1, says: /header is damaged: rows/ },
  { name: 'a file cut in the middle of a row', text: lines.slice(0, 10).join('\n') + '\n' + lines[10]!.slice(0, 40), line: 11, says: /cut off.*truncated/ },
  { name: 'a file missing its last rows', text: lines.slice(0, 15).join('\n') + '\n', line: 16, says: /truncated: its header promises 17 rows, it holds 14/ },
  { name: 'a line that is not JSON', text: withLine(5, '{"seq":4,"type":'), line: 5, says: /not valid JSON/ },
  { name: 'a blank line inside', text: withLine(4, ''), line: 4, says: /empty/ },
  { name: 'a row without a payload', text: editRow(6, (r) => delete r.payload), line: 6, says: /not a log row: payload/ },
  { name: 'an event that fails its schema', text: editRow(3, (r) => (r.payload.nodeId = -1)), line: 3, says: /not a valid NodeJoined event at "nodeId"/ },
  { name: 'an unknown event type', text: editRow(7, (r) => (r.type = 'ShipSank')), line: 7, says: /^Line 7 is not a valid ShipSank event: this app has no event called "ShipSank" \(a log from a newer Captain Down, or edited\)\.$/ },
  { name: 'rows out of order', text: editRow(8, (r) => (r.seq = 2)), line: 8, says: /out of order: seq 2/ },
];

/** Well-formed lines whose facts cannot be played: the check passes them, the round's fold names their line. */
const UNPLAYABLE: { name: string; text: string; line: number; says: RegExp }[] = [
  { name: 'a batch for a team that does not exist', text: editRow(9, (r) => (r.payload.team = 5)), line: 9, says: /team 5/ },
  {
    name: 'a room event before the room exists (its header edited to match)',
    text: [JSON.stringify({ ...header, rows: header.rows - 1 }), ...lines.slice(2)].join('\n') + '\n', line: 2, says: /NodeJoined before RoomCreated/,
  },
];

describe('import refuses a broken file with its line and problem', () => {
  for (const broken of CORPUS) {
    it(`${broken.name}: line ${broken.line}`, () => {
      const result = importLog(broken.text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problem).toMatch(broken.says);
      expect(result.line).toBe(broken.line);
    });
  }

  it(`a file over ${MAX_LOG_BYTES / 1024 / 1024} MB is refused before parsing`, () => {
    const result = importLog('x'.repeat(MAX_LOG_BYTES + 1));
    expect(result).toEqual({ ok: false, line: 0, problem: 'The file is larger than 500 MB.' });
  });
});

describe('a row that cannot be played is refused by its round\'s fold, with its line', () => {
  for (const broken of UNPLAYABLE) {
    it(`${broken.name}: line ${broken.line}`, () => {
      const opened = importLog(broken.text);
      if (!opened.ok) throw new Error(`the check refused it: line ${opened.line}: ${opened.problem}`);
      const slice = sliceRound(opened.events, 1)!;
      let refused: unknown = null;
      try {
        buildTimeline(slice);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(UnplayableRowError);
      const error = refused as UnplayableRowError;
      expect(error.message).toMatch(broken.says);
      expect(lineOfRow(opened.events, error.seq)).toBe(broken.line);
    });
  }
});

describe('a log written by an earlier build still replays', () => {
  it('the kept fixture folds into the lecture story: A crashes, B leads, C is refused', () => {
    const result = importLog(FIXTURE);
    if (!result.ok) throw new Error(`line ${result.line}: ${result.problem}`);
    expect(result.header).toMatchObject({ formatVersion: 1, appVersion: '0.1.0', protocolVersion: 1 });
    expect(FIXTURE).not.toMatch(/forkedFrom/);
    const timeline = buildTimeline(sliceRound(result.events, 1)!);
    expect(timeline.markers.map((m) => [m.kind, m.text])).toEqual([
      ['leader-lost', 'A crashed: no leader now'],
      ['crash', 'A crashed'],
      ['leader', 'B elected leader'],
      ['refused', 'StandForElection refused: ELECTION_TIMER_RUNNING (R3)'],
    ]);
    const crash = timeline.markers.find((m) => m.kind === 'crash')!;
    expect(frameAt(timeline, crash.at - 1).screen.teams[0]!.nodes[0]!.status).toBe('live');
    expect(frameAt(timeline, crash.at).screen.teams[0]!.nodes[0]!.status).toBe('crashed');
    const leader = timeline.markers.find((m) => m.kind === 'leader')!;
    expect(frameAt(timeline, leader.at).screen.teams[0]!.nodes[1]!.role).toBe('leader');
    const eyes = frameAt(timeline, timeline.endTime, 3);
    expect(eyes.refusal?.text).toMatch(/ELECTION_TIMER_RUNNING/);
    expect(eyes.seat?.label).toBe('C');
  });

  it('secrets never leave the server: every token hash in an export is the redacted one', () => {
    for (const match of FIXTURE.matchAll(/"(?:hostTokenHash|seatTokenHash)":"([0-9a-f]{64})"/g)) expect(match[1]).toBe(REDACTED_HASH);
    expect(FIXTURE).toMatch(/seatTokenHash/);
  });
});
