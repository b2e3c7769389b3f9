/** Types of find-browser.mjs for playwright.config.ts. */
export type FoundBrowser = { path: string; source: 'CHROMIUM_PATH' | 'system' | 'playwright' };
export function findBrowser(env?: NodeJS.ProcessEnv): FoundBrowser | null;
