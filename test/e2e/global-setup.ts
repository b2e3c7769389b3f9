/** Builds the Next app once before the browser tests, if it is missing or stale. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function globalSetup(): void {
  const root = resolve(__dirname, '../..');
  const result = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the web app failed');
}
