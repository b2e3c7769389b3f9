#!/usr/bin/env node
/**
 * `npm start`: build the web app if needed, then run the server in production mode
 * in this same process (so a signal to this process reaches the server directly).
 * Env: PORT (default 3000), HOST, DATA_DIR (default ./data).
 */
import { buildIfNeeded, projectRoot } from './build-if-needed.mjs';

process.chdir(projectRoot);
process.env.NODE_ENV = 'production';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

try {
  await buildIfNeeded(projectRoot);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// tsx registers its TypeScript loader hooks; the server is TypeScript run as-is.
await import('tsx');
await import('../server/index.ts');
