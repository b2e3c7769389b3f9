import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/find-browser.cjs';

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  // One worker: the tests start, kill and restart their own server (see test/e2e/fixtures.ts).
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // One retry in CI: a journey that fails then passes is printed as "flaky" (fix it), but a
  // timing stall on a shared 2-core runner does not throw away a whole submission.
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // CHROMIUM_PATH, else a system Chromium/Chrome, else Playwright's own browser.
    // `npm run test:e2e` checks first (scripts/check-browser.mjs).
    launchOptions: chromiumLaunchOptions(),
  },
});
