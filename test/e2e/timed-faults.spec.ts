/**
 * Timed faults (issue 8) from the host panel: the teacher picks "Lasts 3 s", crashes a
 * node, and the node comes back by itself when the room clock reaches the end, on the
 * projector too. Screenshots: host panel at 1440x900 and 390x844, projector at 1920x1080.
 */
import type { Page } from '@playwright/test';
import { expect, boardPhones, hostAClass, newDevice, test } from './fixtures';

const PROJECTOR = { width: 1920, height: 1080 };
const LAPTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}

const node = (page: Page, label: string) => page.locator(`[data-testid="truth-node"][data-label="${label}"]`);
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

test('a crash that lasts 3 s ends by itself on the room clock (timed fault)', async ({ browser, server }) => {
  // Three phone contexts board first; on a shared 2-core machine that alone can take a minute.
  test.setTimeout(180_000);
  const { host, code } = await hostAClass(browser, server.url);
  await host.setViewportSize(LAPTOP);
  const projector = await newDevice(browser, PROJECTOR);
  await projector.goto(`${server.url}/screen/${code}`);
  await boardPhones(browser, server.url, code, ['Ada', 'Bob', 'Cy']);
  await host.getByRole('combobox', { name: 'Algorithm' }).selectOption('raft');
  await button(host, 'Start round').click();
  await expect(projector.getByTestId('truth-node')).toHaveCount(3);

  await host.getByRole('combobox', { name: 'How long a crash, pause or isolation lasts' }).selectOption('3000');
  await button(host, 'Crash B').click();
  await expect(node(projector, 'B')).toHaveAttribute('data-status', 'crashed');
  await expect(button(host, 'Restart B')).toBeVisible();
  await shoot(host, 'timed-fault-host', LAPTOP);
  await shoot(host, 'timed-fault-host-phone', PHONE);
  await shoot(projector, 'timed-fault-screen', PROJECTOR);
  // Nobody clicks Restart: the end was scheduled in the round's state.
  await expect(node(projector, 'B')).toHaveAttribute('data-status', 'live', { timeout: 10_000 });
  await expect(button(host, 'Crash B')).toBeVisible();
});
