import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ServerProcess } from './server-process';

/** The devices (browser contexts) the running test opened with `newDevice`. */
const openDevices = new Set<BrowserContext>();

/** Uncaught exceptions in any device's page: a student's phone that threw has crashed for that student, whatever the test checks. */
const pageErrors: string[] = [];

/** One real server per worker; tests that restart it leave it running for the next. */
export const test = base.extend<{ closeDevices: void }, { server: ServerProcess }>({
  server: [
    async ({}, use) => {
      const server = await ServerProcess.launch();
      await use(server);
      await server.dispose();
    },
    // Its own budget: on a loaded runner (load 13+) the server took 23-29 s to start, and
    // inside the first test's 90 s that left too little for the test itself.
    { scope: 'worker', timeout: 60_000 },
  ],
  // The browser lives as long as the worker: a device left open would keep rendering and
  // playing (its socket, its room's clock) through every later test, slowing them all.
  closeDevices: [
    async ({}, use) => {
      pageErrors.length = 0;
      await use();
      const devices = [...openDevices];
      openDevices.clear();
      await Promise.all(devices.map((context) => context.close().catch(() => undefined)));
      expect(pageErrors, 'uncaught exceptions in the pages').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Lets devices outlive the test that opened them, for specs that play several tests in one
 * class (story after story, as a teacher does): returns what closes them, for `afterAll`.
 */
export function outliveTest(pages: readonly Page[]): () => Promise<void> {
  const contexts = pages.map((page) => page.context());
  for (const context of contexts) openDevices.delete(context);
  return async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  };
}

/** A fresh browser context = a separate phone or laptop with its own localStorage. */
export async function newDevice(browser: Browser, size: { width: number; height: number } = { width: 390, height: 844 }): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  openDevices.add(context);
  context.on('weberror', (error) => pageErrors.push(`${error.page()?.url() ?? '?'}: ${error.error().stack ?? error.error().message}`));
  return context.newPage();
}

/** Opens a class through the landing page, as a teacher would; returns the host page and code. */
export async function hostAClass(browser: Browser, baseUrl: string): Promise<{ host: Page; code: string }> {
  const host = await newDevice(browser, { width: 1280, height: 900 });
  await host.goto(baseUrl);
  await host.getByRole('button', { name: 'Host a class' }).click();
  await host.waitForURL(/\/host\/[2-9A-HJ-NP-Z]{6}$/);
  const code = new URL(host.url()).pathname.split('/').pop() ?? '';
  return { host, code };
}

/** Students join from their own phones (one browser context each) and wait for a round. */
export async function boardPhones(browser: Browser, url: string, code: string, names: readonly string[]): Promise<Page[]> {
  const phones: Page[] = [];
  for (const name of names) {
    const phone = await newDevice(browser);
    await phone.goto(`${url}/join/${code}`);
    await phone.getByLabel('Your nickname').fill(name);
    await phone.getByRole('button', { name: 'Come aboard' }).click();
    await expect(phone.getByTestId('node-waiting')).toHaveText('Waiting for the teacher to start a round…');
    phones.push(phone);
  }
  return phones;
}
