/**
 * The lint step bites: each architecture rule of eslint.config.mjs fires on a deliberate
 * violation (DESIGN.md "Architecture": dependencies point inward, shared/ is pure; no
 * import cycles; no focused tests), and stays quiet on the legal version of the same code.
 * Snippets are linted in memory under a path of the repository, with the real config;
 * only the type-aware rules are switched off here, as they need a TypeScript program
 * (seconds to build) and check nothing about the architecture.
 */
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
});

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages;
}

/** The rule IDs that fired, with the message of each, for readable failures. */
async function findings(filePath: string, code: string): Promise<string[]> {
  return (await lint(filePath, code)).map((m) => `${m.ruleId}: ${m.message}`);
}

const boundary = 'import-x/no-restricted-paths';

describe('dependencies point inward (DESIGN.md, Architecture)', () => {
  it('shared/ importing server/ by a relative path fails the lint', async () => {
    const found = await findings('shared/rules/probe.ts', "import { EventStore } from '../../server/event-store';\nexport const store = EventStore;\n");
    expect(found).toEqual([expect.stringMatching(new RegExp(`^${boundary}: .*shared/ is imported by app/ and server/, never the reverse`))]);
  });

  it('shared/ importing server/ through the @/ alias, or only a type, fails the lint', async () => {
    expect(await findings('shared/game/probe.ts', "import { RoomRegistry } from '@/server/room-registry';\nexport const r = RoomRegistry;\n"))
      .toEqual([expect.stringMatching(`^${boundary}:`)]);
    expect(await findings('shared/game/probe.ts', "import type { Broadcaster } from '../../server/broadcaster';\nexport type B = Broadcaster;\n"))
      .toEqual([expect.stringMatching(`^${boundary}:`)]);
  });

  it('shared/ importing app/ fails the lint', async () => {
    expect(await findings('shared/probe.ts', "import { loadSeat } from '../app/client/storage';\nexport const t = loadSeat;\n"))
      .toEqual([expect.stringMatching(`^${boundary}:`)]);
  });

  it('app/ importing server/ fails the lint; app/ importing shared/ is fine', async () => {
    expect(await findings('app/components/Probe.tsx', "import { RoomRegistry } from '../../server/room-registry';\nexport const r = RoomRegistry;\n"))
      .toEqual([expect.stringMatching(new RegExp(`^${boundary}: .*app/ never imports server/`))]);
    expect(await findings('app/components/Probe.tsx', "import { formatRoomCode } from '@/shared/room/code';\nexport const f = formatRoomCode;\n")).toEqual([]);
  });

  it('inside shared/: game never imports room, rules import neither, no domain file imports the wire contract', async () => {
    expect(await findings('shared/game/probe.ts', "import { activeSeats } from '../room/state';\nexport const a = activeSeats;\n"))
      .toEqual([expect.stringMatching(new RegExp(`^${boundary}: .*shared/room builds on shared/game, never the reverse`))]);
    expect(await findings('shared/rules/probe.ts', "import type { RoundState } from '../game/round';\nexport type R = RoundState;\n"))
      .toEqual([expect.stringMatching(`^${boundary}: .*innermost layer`)]);
    expect(await findings('shared/room/probe.ts', "import type { Refusal } from '../protocol';\nexport type R = Refusal;\n"))
      .toEqual([expect.stringMatching(`^${boundary}: .*never import the wire contract`)]);
    expect(await findings('shared/room/probe.ts', "import type { RoundState } from '../game/round';\nexport type R = RoundState;\n")).toEqual([]);
  });

  it('server/ importing app/ fails the lint', async () => {
    expect(await findings('server/probe.ts', "import { loadSeat } from '../app/client/storage';\nexport const t = loadSeat;\n"))
      .toEqual([expect.stringMatching(new RegExp(`^${boundary}: .*server/ never imports app/`))]);
  });
});

describe('shared/ is pure: no clock, no randomness, no timers, no I/O', () => {
  const impure: [string, string, string][] = [
    ['Date.now()', 'export const at = Date.now();\n', 'no-restricted-properties'],
    ['new Date()', 'export const at = new Date();\n', 'no-restricted-syntax'],
    ['Math.random()', 'export const roll = Math.random();\n', 'no-restricted-properties'],
    ['performance.now()', 'export const at = performance.now();\n', 'no-restricted-properties'],
    ['setTimeout', 'export const timer = setTimeout(() => undefined, 10);\n', 'no-restricted-globals'],
    ['setInterval', 'export const timer = setInterval(() => undefined, 10);\n', 'no-restricted-globals'],
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", 'import-x/no-nodejs-modules'],
    ['react', "import { useState } from 'react';\nexport const use = useState;\n", 'no-restricted-imports'],
    ['socket.io', "import { Server } from 'socket.io';\nexport const S = Server;\n", 'no-restricted-imports'],
    ['better-sqlite3', "import Database from 'better-sqlite3';\nexport const D = Database;\n", 'no-restricted-imports'],
  ];

  it.each(impure)('%s in shared/ fails the lint', async (_what, code, rule) => {
    const messages = await lint('shared/rules/probe.ts', code);
    expect(messages.map((m) => m.ruleId)).toContain(rule);
    expect(messages.every((m) => m.severity === 2)).toBe(true);
  });

  it('the same calls are allowed in server/, which owns time and I/O', async () => {
    expect(await findings('server/probe.ts', "import { readFileSync } from 'node:fs';\nexport const at = Date.now();\nexport const timer = setTimeout(() => readFileSync, 10);\n")).toEqual([]);
  });

  it('pure code in shared/ (a seeded draw, zod) passes', async () => {
    expect(await findings('shared/rules/probe.ts', "import { z } from 'zod';\nimport { draw } from './prng';\nexport const roll = draw(42).value;\nexport const schema = z.number();\n")).toEqual([]);
  });
});

describe('no import cycles', () => {
  it('a module importing a module that imports it back fails the lint (engine -> prng -> engine)', async () => {
    // shared/rules/engine.ts imports ./prng; this version of prng.ts imports the engine back.
    const found = await findings('shared/rules/prng.ts', "import { createCluster } from './engine';\nexport const make = createCluster;\n");
    expect(found).toEqual([expect.stringMatching(/^import-x\/no-cycle: Dependency cycle/)]);
  });

  it('a type-only import back is not a cycle (it has no runtime effect)', async () => {
    expect(await findings('shared/rules/prng.ts', "import type { Decision } from './engine';\nexport type D = Decision;\n")).toEqual([]);
  });
});

describe('React hooks in app/', () => {
  it('a hook called under a condition fails the lint (rules-of-hooks)', async () => {
    const code = "import { useState } from 'react';\nexport function Probe({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n";
    expect((await lint('app/components/Probe.tsx', code)).map((m) => m.ruleId)).toEqual(['react-hooks/rules-of-hooks']);
  });
});

describe('no focused or skipped tests', () => {
  it.each(['it.only', 'describe.only', 'it.skip', 'describe.skip', 'test.describe.only'])('%s in a test file fails the lint', async (call) => {
    const messages = await lint('test/unit/probe.test.ts', `import { describe, it } from 'vitest';\nconst test = { describe };\n${call}('x', () => undefined);\nvoid it; void test;\n`);
    expect(messages.map((m) => m.ruleId)).toEqual(['no-restricted-syntax']);
  });
});

describe('zod/mini is imported as a namespace (issue 12: the phone bundle keeps only the zod it uses)', () => {
  it.each(['shared/game/probe.ts', 'app/client/probe.ts', 'server/probe.ts'])('`import { z }` from zod/mini fails the lint in %s', async (path) => {
    expect(await findings(path, "import { z } from 'zod/mini';\nexport const s = z.string();\n")).toEqual([expect.stringMatching(/^no-restricted-syntax: Write `import \* as z from 'zod\/mini'`/)]);
  });

  it('`import * as z` from zod/mini passes', async () => {
    expect(await findings('shared/game/probe.ts', "import * as z from 'zod/mini';\nexport const s = z.string();\n")).toEqual([]);
  });
});
