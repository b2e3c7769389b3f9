/* global require, module, process */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: Playwright's config loader and plain node both load it */
/**
 * Which Chromium the browser tests drive (issue 9, finding 9: a fresh machine must pass
 * `npm test`). In order: CHROMIUM_PATH; a system Chromium or Chrome; Playwright's own
 * downloaded browser. Loaded by playwright.config.ts, scripts/check-browser.mjs and the browser benches.
 * CAPTAIN_DOWN_SKIP_SYSTEM_BROWSERS=1 ignores the system ones (to test the fallbacks).
 */
// CommonJS so that both Playwright's config loader and plain node load it as it is.
const { existsSync } = require('node:fs');
const { delimiter, join } = require('node:path');

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const COMMAND_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** @returns {{ path: string, source: 'CHROMIUM_PATH' | 'system' | 'playwright' } | null} */
function findBrowser(env = process.env) {
  if (env.CHROMIUM_PATH && existsSync(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  if (!env.CAPTAIN_DOWN_SKIP_SYSTEM_BROWSERS) {
    const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => COMMAND_NAMES.map((name) => join(dir, name)));
    const found = [...SYSTEM_PATHS, ...onPath].find((candidate) => existsSync(candidate));
    if (found) return { path: found, source: 'system' };
  }
  const ownBrowser = playwrightChromium();
  return ownBrowser && existsSync(ownBrowser) ? { path: ownBrowser, source: 'playwright' } : null;
}

/** Where Playwright keeps its own Chromium (PLAYWRIGHT_BROWSERS_PATH or its cache), if it can say. */
function playwrightChromium() {
  try {
    return require('playwright-core').chromium.executablePath();
  } catch {
    return null;
  }
}

/**
 * How the journeys and the browser benches launch it: the browser above (undefined lets
 * Playwright find its own) with the flags a shared, offline CI machine needs.
 */
function chromiumLaunchOptions(env = process.env) {
  const browser = findBrowser(env);
  return {
    executablePath: browser && browser.source !== 'playwright' ? browser.path : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  };
}

module.exports = { findBrowser, chromiumLaunchOptions };
