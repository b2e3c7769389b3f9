/**
 * A Raft, a Bully and a Lease round at phone (390x844) and projector (1920x1080) size,
 * saved under test-results/round-screens/ for a person to look at (issue 10: the phone
 * and the projector draw every role from one table). Also a smoke test: each renders the
 * role words of its algorithm's table on both screens.
 */
import type { Browser, Page } from '@playwright/test';
import { boardPhones, expect, hostAClass, newDevice, test } from './fixtures';

const PROJECTOR = { width: 1920, height: 1080 };
const NAMES = ['Ada', 'Bob', 'Cy', 'Dara', 'Eun-ji'];
const DIR = process.env.ROUND_SCREENS_DIR ?? 'test-results/round-screens';
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

// Five phones, a host and a projector in one browser on a shared machine: boarding alone takes a while.
test.describe.configure({ timeout: 180_000 });

async function openRound(browser: Browser, url: string, algorithm: string, preset: string) {
  const { host, code } = await hostAClass(browser, url);
  const projector = await newDevice(browser, PROJECTOR);
  await projector.goto(`${url}/screen/${code}`);
  const phones = await boardPhones(browser, url, code, NAMES);
  await host.getByRole('combobox', { name: 'Algorithm' }).selectOption(algorithm);
  await host.getByRole('combobox', { name: 'Preset' }).selectOption(preset);
  await button(host, 'Start round').click();
  await expect(projector.getByTestId('truth-node')).toHaveCount(5);
  return { host, projector, phones };
}

/** Lets the round run at 4x for `ms` of wall time, then pauses it so the shots hold still. */
async function run(host: Page, ms: number): Promise<void> {
  await button(host, 'Speed 4x').click();
  await host.waitForTimeout(ms);
  await host.getByTestId('round-bar').getByRole('button', { name: 'Pause' }).click();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${DIR}/${name}.png`, fullPage: false });
}

test('Raft round: phone and projector', async ({ browser, server }) => {
  const { host, projector, phones } = await openRound(browser, server.url, 'raft', 'raft-lecture');
  await host.getByRole('button', { name: 'Crash A', exact: true }).click();
  await run(host, 9_000);
  await expect(phones[1]!.getByTestId('node-role')).toBeVisible();
  await shoot(phones[0]!, 'raft-phone-crashed-A');
  await shoot(phones[1]!, 'raft-phone-B');
  await shoot(projector, 'raft-projector');
});

test('Bully round: phone and projector', async ({ browser, server }) => {
  const { host, projector, phones } = await openRound(browser, server.url, 'bully', 'bully-classroom');
  await host.getByRole('button', { name: 'Crash 5', exact: true }).click();
  await run(host, 6_000);
  await expect(phones[3]!.getByTestId('node-role')).toBeVisible();
  await shoot(phones[3]!, 'bully-phone-4');
  await shoot(phones[0]!, 'bully-phone-1');
  await shoot(projector, 'bully-projector');
});

test('Lease round: phone and projector', async ({ browser, server }) => {
  const { host, projector, phones } = await openRound(browser, server.url, 'lease', 'lease-lecture');
  await expect(async () => {
    await button(phones[0]!, 'Acquire the lease').click();
    await expect(phones[0]!.getByTestId('move-feedback')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await run(host, 1_500);
  await shoot(phones[0]!, 'lease-phone-A');
  await shoot(phones[1]!, 'lease-phone-B');
  await shoot(projector, 'lease-projector');
});
