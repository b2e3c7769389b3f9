/**
 * An export written from the stored JSON text (server/http/stored-export.ts) says what
 * exportLog says over the parsed log, line for line: the same header, the same rows, the
 * same redactions (no hash of a secret; anonymized, no nickname), for the whole class and
 * for one round; and it imports back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EventStore } from '../../server/event-store';
import { exportStored } from '../../server/http/stored-export';
import { parseLogRow, toLogRow } from '../../shared/replay/log-rows';
import { exportLog, importLog } from '../../shared/replay/ndjson';
import { sliceRound } from '../../shared/replay/rounds';
import { lectureStory } from '../unit/replay/scripted-round';

const dir = mkdtempSync(join(tmpdir(), 'captain-down-stored-export-'));
const store = EventStore.openIn(dir);
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const { log } = lectureStory();
store.append('ABCDEF', 0, log.map(({ event }) => { const { type, at, payload } = toLogRow(0, event); return { type, at, payload }; }));
const parsed = store.read('ABCDEF').map((row) => ({ seq: row.seq, event: parseLogRow(row) }));
const options = { appVersion: 'test', exportedAt: '2026-12-02T00:00:00.000Z', room: 'ABCDEF' };
const lines = (text: string) => text.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);

describe('an export from the stored text', () => {
  for (const anonymize of [false, true]) {
    it(`equals exportLog's, whole class and round 1${anonymize ? ', anonymized' : ''}`, () => {
      const all = exportStored(store.readText('ABCDEF'), 'all', { ...options, anonymize })!;
      expect(lines(all)).toEqual(lines(exportLog(parsed, { ...options, rounds: 'all', anonymize })));
      const slice = sliceRound(parsed, 1)!;
      const round = exportStored(store.readText('ABCDEF'), 1, { ...options, anonymize })!;
      expect(lines(round)).toEqual(lines(exportLog([...slice.prelude, ...slice.rows], { ...options, rounds: [1], anonymize })));
      expect(importLog(round).ok).toBe(true);
      const secrets = JSON.stringify(store.read('ABCDEF')).match(/[0-9a-f]{64}/g) ?? [];
      expect(secrets.length).toBeGreaterThan(0);
      for (const hash of secrets) expect(all + round).not.toContain(hash);
      if (anonymize) expect(round).not.toMatch(/Ada|Barbara|Claude/);
    });
  }

  it('is null for a round the log does not have', () => {
    expect(exportStored(store.readText('ABCDEF'), 9, { ...options, anonymize: false })).toBeNull();
    expect(exportStored(store.readText('ABCDEF'), Number('abc'), { ...options, anonymize: false })).toBeNull();
  });
});
