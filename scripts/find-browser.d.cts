/** Types of find-browser.mjs for playwright.config.ts. */
type FoundBrowser = { path: string; source: 'CHROMIUM_PATH' | 'system' | 'playwright' };
declare function findBrowser(env?: NodeJS.ProcessEnv): FoundBrowser | null;
export { findBrowser, type FoundBrowser };
