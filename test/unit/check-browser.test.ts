/**
 * Issue 9, finding 9: on a machine without a browser, `npm test` stops before the browser
 * tests with one line saying what to install (instead of Playwright's "Executable doesn't
 * exist" for every test). The system browser is hidden with CHROMIUM_PATH pointing nowhere,
 * CAPTAIN_DOWN_SKIP_SYSTEM_BROWSERS and an empty PLAYWRIGHT_BROWSERS_PATH.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function runCheck(env: Record<string, string>) {
  return spawnSync(process.execPath, ['scripts/check-browser.mjs'], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
}

describe('finding a browser for the browser tests', () => {
  it('with no browser anywhere, it stops with one line saying what to install', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-browsers-'));
    try {
      const result = runCheck({ CHROMIUM_PATH: join(empty, 'nowhere'), CAPTAIN_DOWN_SKIP_SYSTEM_BROWSERS: '1', PLAYWRIGHT_BROWSERS_PATH: empty, CAPTAIN_DOWN_NO_BROWSER_INSTALL: '1' });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('apt-get install -y chromium');
      expect(lines[0]).toContain('CHROMIUM_PATH');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('CHROMIUM_PATH wins when it points at a file', () => {
    const result = runCheck({ CHROMIUM_PATH: process.execPath, CAPTAIN_DOWN_SKIP_SYSTEM_BROWSERS: '1', CAPTAIN_DOWN_NO_BROWSER_INSTALL: '1' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${process.execPath} (CHROMIUM_PATH)`);
  });
});
