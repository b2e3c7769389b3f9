#!/usr/bin/env node
/**
 * Builds the Next.js app, and the lean student page (/join, scripts/build-lean-join.mjs),
 * each only when there is no build or a source is newer than it, so `npm start` works on a
 * fresh clone and costs nothing on the second run.
 * Usable as a script (`node scripts/build-if-needed.mjs`) or imported by start.mjs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLeanJoin, leanJoinIsStale } from './build-lean-join.mjs';
import { newestMtime } from './newest-mtime.mjs';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Everything that ends up in the Next build. server/ is not bundled: tsx runs it directly. */
const SOURCES = ['app', 'shared', 'public', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];


export function buildIsStale(root = projectRoot) {
  const buildId = join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no build yet';
  const builtAt = statSync(buildId).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(join(root, source)) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

/** True when it built something. Async for the lean page's build (esbuild and Tailwind are promise APIs). */
export async function buildIfNeeded(root = projectRoot) {
  const nextBuilt = buildNextIfNeeded(root);
  const leanReason = leanJoinIsStale();
  if (leanReason) {
    console.log(`Building the lean student page (${leanReason})...`);
    await buildLeanJoin();
  }
  return nextBuilt || Boolean(leanReason);
}

function buildNextIfNeeded(root) {
  const reason = buildIsStale(root);
  if (!reason) return false;
  console.log(`Building the web app (${reason})...`);
  const nextBin = createRequire(join(root, 'package.json')).resolve('next/dist/bin/next');
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (!(await buildIfNeeded())) console.log('Web app build is up to date.');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
