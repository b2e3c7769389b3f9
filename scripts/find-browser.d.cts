/** Types of find-browser.cjs for playwright.config.ts. */
type FoundBrowser = { path: string; source: 'CHROMIUM_PATH' | 'system' | 'playwright' };
declare function findBrowser(env?: NodeJS.ProcessEnv): FoundBrowser | null;
declare function chromiumLaunchOptions(env?: NodeJS.ProcessEnv): { executablePath: string | undefined; args: string[] };
export { findBrowser, chromiumLaunchOptions, type FoundBrowser };
