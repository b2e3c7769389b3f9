/**
 * Issue 10's "done when": the game layer, the replay player, the server and the app look algorithms up in
 * the registry (shared/rules/registry.ts) and never branch on an algorithm's name.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const BRANCH = /algorithm\s*[!=]==|case\s+'(raft|bully|lease)'|[!=]==\s*'(raft|bully|lease)'/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('one algorithm, one place', () => {
  it('shared/game, shared/replay, server/ and app/ hold no branch on an algorithm\'s name', () => {
    const offending = ['shared/game', 'shared/replay', 'server', 'app'].flatMap((dir) => sources(join(ROOT, dir)))
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').map((line, i) => ({ where: `${file.slice(ROOT.length + 1)}:${i + 1}`, line })))
      .filter(({ line }) => BRANCH.test(line))
      .map(({ where, line }) => `${where}: ${line.trim()}`);
    expect(offending).toEqual([]);
  });

  it('the check itself catches a branch', () => {
    expect(BRANCH.test("if (state.algorithm === 'raft') {")).toBe(true);
    expect(BRANCH.test("case 'bully':")).toBe(true);
  });
});
