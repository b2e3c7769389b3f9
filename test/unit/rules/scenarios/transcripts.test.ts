/**
 * The one driver of the scenario transcripts (test/unit/rules/scenarios/*.txt): each file
 * is a whole story, commands in, the engine's narrated events and the nodes' state out.
 * The output must match the file line for line (a failure shows the diff). After every
 * command the safety invariants hold; at the end the log replays to the live state.
 *
 * To accept a changed behaviour: UPDATE_TRANSCRIPTS=1 npx vitest run test/unit/rules/scenarios
 * rewrites the files; read the diff before committing it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evolve } from '../../../../shared/rules/engine';
import { raftInterpreter } from './raft-interpreter';
import { runTranscript } from './transcript';

const folder = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
const update = process.env.UPDATE_TRANSCRIPTS === '1';

describe('scenario transcripts', () => {
  it('finds the transcripts', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', (file) => {
    const path = join(folder, file);
    const text = readFileSync(path, 'utf8');
    const interpret = raftInterpreter();
    const actual = runTranscript(text, interpret.run);
    const run = interpret.current();
    expect(JSON.stringify(run.events.reduce(evolve, run.initial)), 'replaying the log gives the live state').toBe(JSON.stringify(run.state));
    if (update) writeFileSync(path, actual);
    else expect(actual, `${file}: the engine told another story (UPDATE_TRANSCRIPTS=1 rewrites the file)`).toBe(text);
  });

  it('a transcript whose expected output is wrong does not match, and names the line of a bad command', () => {
    const wrong = 'raft nodes=3 leader=A\n----\n\ncrash A\n----\nt=0s A crashed.\n';
    expect(runTranscript(wrong, raftInterpreter().run)).toContain('t=0s The captain is down: leader A of term 1 crashed.');
    expect(runTranscript(wrong, raftInterpreter().run)).not.toBe(wrong);
    expect(() => runTranscript('raft\n----\n\ncrash Q\n----\n', raftInterpreter().run)).toThrow(/^line 4: "crash Q": "Q" is not a node letter/);
    expect(() => runTranscript('raft\nstand B\n', raftInterpreter().run)).toThrow(/line 1: the block has no "----" line/);
  });
});
