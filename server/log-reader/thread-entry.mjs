/**
 * A log reader thread's first file. The server is TypeScript run by tsx in every mode (`npm
 * start` imports tsx's loader, `npm run dev` is `tsx watch`, tests run under Vitest), but a
 * loader registered on the main thread is not one a worker thread can count on: Node 20's
 * module.register hooks are per thread, Vitest's transform never reaches a worker, and only
 * the tsx CLI passes its flags down through execArgv. So the thread registers tsx's CommonJS
 * hook itself (the server's .ts files are CommonJS: package.json has no "type"), then loads
 * the TypeScript module that does the work.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
require('./reader-thread.ts');
