// The lint step of `npm test`. It checks the house architecture (DESIGN.md "Architecture"):
// dependencies point inward (app/ and server/ import shared/, never the reverse; app/
// never imports server/, server/ never imports app/), shared/ is pure (no clock, no
// randomness, no timers, no I/O, no framework), no import cycles, no focused or skipped
// tests. Beyond that only rules that catch real bugs, not style.
// test/unit/lint/architecture.test.ts proves each architecture rule fires.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const inwardOnly = 'Dependencies point inward: shared/ is imported by app/ and server/, never the reverse (DESIGN.md, Architecture).';

/** Zones resolve the import to a file first, so `../../server/x`, `@/server/x` and `import type` are all caught. */
const layerZones = [
  { target: './shared', from: './server', message: inwardOnly },
  { target: './shared', from: './app', message: inwardOnly },
  { target: './shared', from: './test', message: inwardOnly },
  { target: './shared', from: './bench', message: inwardOnly },
  // Inside shared/: rules <- game <- room, and the wire contract wraps the domain, never the reverse (issue 10).
  { target: './shared/game', from: './shared/room', message: 'shared/room builds on shared/game, never the reverse (shared/game/room.ts says what the game needs of a room).' },
  { target: './shared/rules', from: ['./shared/game', './shared/room'], message: 'shared/rules is the innermost layer: the game and the room build on it, never the reverse.' },
  { target: ['./shared/rules', './shared/game', './shared/room'], from: './shared/protocol.ts', message: 'Domain files never import the wire contract: protocol.ts only wraps domain types in zod.' },
  { target: './app', from: './server', message: 'app/ never imports server/: the browser talks to the server only through the socket (app/client/connection.ts).' },
  { target: './server', from: './app', message: 'server/ never imports app/: both depend on shared/ alone.' },
];

const pureRule = 'shared/ is pure: time and randomness are inputs (a seeded PRNG lives in the state); the server owns clocks, timers and I/O (DESIGN.md).';

/** Packages that do I/O or render: none belongs in the pure core. */
const impurePackages = ['react', 'react-dom', 'next', 'socket.io', 'socket.io-client', 'better-sqlite3', 'qrcode'];

// `{ z }` is zod's whole namespace re-exported: bundlers then keep every zod function and all
// its locales (85 KiB gzip more on the phone, issue 12); with `* as z` they keep what is used.
const zodNamespaceImport = {
  selector: "ImportDeclaration[source.value='zod/mini'] > ImportSpecifier[imported.name='z']",
  message: "Write `import * as z from 'zod/mini'`: `{ z }` defeats tree shaking (issue 12).",
};

const focusedOrSkipped = [
  { selector: "MemberExpression[object.name=/^(describe|it|test|suite)$/][property.name=/^(only|skip)$/]", message: 'A focused (.only) or skipped (.skip) test silently shrinks the suite: remove it before committing.' },
  { selector: "MemberExpression[object.object.name='test'][object.property.name='describe'][property.name=/^(only|skip)$/]", message: 'A focused (.only) or skipped (.skip) Playwright describe silently shrinks the suite.' },
];

export default defineConfig(
  { ignores: ['node_modules/', '.next/', '.lean/', 'data/', 'test-results/', 'playwright-report/', 'next-env.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these two, import-x skips .ts files when it walks the graph and no-cycle finds nothing.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'no-restricted-syntax': ['error', zodNamespaceImport],
      // TypeScript already reports undefined names, with the real globals of each side.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Type-aware, for the bug class that types alone do not catch: a promise nobody awaits
    // loses its rejection (an unhandled rejection ends a Node 20 server). Building the
    // TypeScript program costs ~2.6x the CPU of the untyped lint (21 s against 8 s, 2 cores).
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // React ignores the promise an async onClick/onSubmit returns; that pattern is deliberate here.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Real React bugs, not style: a hook called conditionally reads another hook's state on the
    // next render; an effect missing a dependency keeps a stale value (both: no findings today).
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-nodejs-modules': ['error'],
      'no-restricted-imports': ['error', {
        paths: impurePackages.map((name) => ({ name, message: pureRule })),
        patterns: [{ group: ['next/*', 'react/*', 'react-dom/*', 'socket.io/*', 'node:*'], message: pureRule }],
      }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: pureRule },
        { object: 'Math', property: 'random', message: pureRule },
        { object: 'performance', property: 'now', message: pureRule },
        { object: 'crypto', property: 'getRandomValues', message: pureRule },
        { object: 'crypto', property: 'randomUUID', message: pureRule },
      ],
      'no-restricted-globals': ['error',
        ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask',
          'performance', 'fetch', 'process', 'localStorage', 'sessionStorage', 'window', 'document']
          .map((name) => ({ name, message: pureRule })),
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: `new Date() reads the clock. ${pureRule}` },
        { selector: "CallExpression[callee.name='Date']", message: `Date() reads the clock. ${pureRule}` },
        zodNamespaceImport,
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...focusedOrSkipped, zodNamespaceImport],
      // Socket acks are checked by shape with expect() in the tests; typing them adds nothing.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Playwright reads a fixture's dependencies from its first parameter: `async ({}, use)` is required.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // The nickname check rejects control characters: matching them is its purpose.
    files: ['shared/room/nickname.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
