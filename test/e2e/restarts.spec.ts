/**
 * A class survives its server being killed again and again: after every restart the
 * projector, the host panel and every phone come back by themselves (no reload), the
 * phones on their own nodes in the running round. Each restart varies how long the server
 * stays down (so the clients' reconnection backoff has grown or not) and one kills the
 * server again while the pages are still reconnecting.
 * How long each page took after the server was ready is printed, not asserted (the
 * machine is shared): the assertion is that every page is back within a generous bound.
 */
import type { Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { boardPhones, expect, hostAClass, newDevice, test } from './fixtures';

const NAMES = ['Ada', 'Bob', 'Cy'];
const BACK_WITHIN_MS = 45_000;

/** Resolves with the ms from `since` to this page being online (then checks it shows `ready`). */
async function backAfter(page: Page, ready: () => Promise<void>, since: number): Promise<number> {
  // Polled every 50 ms in the page (expect's own retries back off to 1 s, too coarse to time).
  await page.waitForFunction(() => document.querySelector('[role="status"]') === null, undefined, { polling: 50, timeout: BACK_WITHIN_MS });
  const backAt = performance.now();
  await expect(page.getByRole('status')).toHaveCount(0);
  await ready();
  return backAt - since;
}

test('projector, host and phones come back by themselves after repeated kill -9 restarts of the server', async ({ browser, server }) => {
  test.setTimeout(300_000);
  const { host, code } = await hostAClass(browser, server.url);
  const projector = await newDevice(browser, { width: 1920, height: 1080 });
  await projector.goto(`${server.url}/screen/${code}`);
  const phones = await boardPhones(browser, server.url, code, NAMES);
  await host.getByRole('combobox', { name: 'Algorithm' }).selectOption('raft');
  await host.getByRole('button', { name: 'Start round', exact: true }).click();
  await expect(projector.getByTestId('truth-node')).toHaveCount(NAMES.length);
  for (const phone of phones) await expect(phone.getByTestId('move-pad')).toBeVisible();

  // Down for: none, 3 s, 8 s (backoff at its longest), then killed again mid-reconnect.
  const downtimes = [0, 3_000, 8_000, 0];
  for (const [i, downMs] of downtimes.entries()) {
    await server.stop();
    await expect(projector.getByRole('status')).toBeVisible();
    if (downMs > 0) await projector.waitForTimeout(downMs); // the outage itself, not an assertion
    await server.start();
    if (i === downtimes.length - 1) {
      // Killed again while the pages are reconnecting, and back once more.
      await server.stop();
      await server.start();
    }
    const readyAt = performance.now();
    const times = await Promise.all([
      backAfter(projector, () => expect(projector.getByTestId('truth-node')).toHaveCount(NAMES.length), readyAt),
      backAfter(host, () => expect(host.getByTestId('crew-row')).toHaveCount(NAMES.length), readyAt),
      ...phones.map((phone) => backAfter(phone, () => expect(phone.getByTestId('move-pad')).toBeVisible(), readyAt)),
    ]);
    const [projectorMs, hostMs, ...phoneMs] = times.map((ms) => Math.round(ms));
    console.log(`restart ${i + 1} (down ${downMs} ms${i === downtimes.length - 1 ? ', killed again mid-reconnect' : ''}): back after the server was ready: projector ${projectorMs} ms, host ${hostMs} ms, phones ${phoneMs.join(' / ')} ms`);
  }
});
