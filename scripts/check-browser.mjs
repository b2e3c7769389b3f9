#!/usr/bin/env node
/**
 * Runs before the browser tests (`npm run test:e2e`): finds a Chromium (find-browser.cjs),
 * else tries to download Playwright's own, else stops with ONE line saying what to install.
 * CAPTAIN_DOWN_NO_BROWSER_INSTALL=1 skips the download attempt.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { findBrowser } = require('./find-browser.cjs');

const INSTALL_TIMEOUT_MS = 5 * 60_000;

let browser = findBrowser();
if (!browser && !process.env.CAPTAIN_DOWN_NO_BROWSER_INSTALL) {
  console.log('No Chromium or Chrome on this machine: trying `npx playwright install chromium`...');
  const cli = require.resolve('@playwright/test/cli');
  // Its output is kept back: where downloads are blocked it is pages of retries.
  spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'pipe', timeout: INSTALL_TIMEOUT_MS });
  browser = findBrowser();
}
if (!browser) {
  console.error('Browser tests need Chromium or Chrome: install one (Debian/Ubuntu: apt-get install -y chromium; elsewhere: npx playwright install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
console.log(`Browser tests use ${browser.path} (${browser.source}).`);
