/**
 * Bots in Chromium (issue 8 part B): "Try it alone" from the landing page, and a class of
 * two students filled up to five with bots from the host panel, both playing Raft to a
 * leader. Screenshots at phone and projector sizes go to test-results/bots/.
 */
import { boardPhones, expect, hostAClass, newDevice, test } from './fixtures';

const PROJECTOR = { width: 1920, height: 1080 };
const SHOTS = 'test-results/bots';

test('Try it alone: one click opens a class with you and four bots, and your phone shows the leader they elect', async ({ browser, server }) => {
  const phone = await newDevice(browser);
  await phone.goto(server.url);
  await phone.screenshot({ path: `${SHOTS}/landing-phone.png` });
  await phone.getByRole('button', { name: /Try it alone/ }).click();
  await phone.waitForURL(/\/join\/[2-9A-HJ-NP-Z]{6}$/);
  await expect(phone.getByTestId('game-node')).toBeVisible({ timeout: 15_000 });
  await expect(phone.getByTestId('fact-leader')).toContainText(/Bot /, { timeout: 40_000 });
  await phone.screenshot({ path: `${SHOTS}/alone-phone.png` });

  const code = new URL(phone.url()).pathname.split('/').pop()!;
  const projector = await newDevice(browser, PROJECTOR);
  await projector.goto(`${server.url}/screen/${code}`);
  await expect(projector.locator('[data-testid="truth-node"][data-role="leader"]')).toHaveCount(1, { timeout: 15_000 });
  await projector.screenshot({ path: `${SHOTS}/alone-projector.png` });
});

test('a class of 2 students + 3 bots (Fill to 5 with bots) plays a Raft round to a leader', async ({ browser, server }) => {
  const { host, code } = await hostAClass(browser, server.url);
  const projector = await newDevice(browser, PROJECTOR);
  await projector.goto(`${server.url}/screen/${code}`);
  const phones = await boardPhones(browser, server.url, code, ['Ada', 'Bob']);
  await host.getByRole('button', { name: 'Fill to 5 with bots' }).click();
  await expect(projector.getByTestId('crew-count')).toHaveText('5');
  await host.getByRole('combobox', { name: 'Algorithm' }).selectOption('raft');
  await host.getByRole('combobox', { name: 'Preset' }).selectOption('raft-classroom');
  await host.getByRole('button', { name: 'Start round', exact: true }).click();
  await host.getByRole('button', { name: 'Speed 4x', exact: true }).click();
  await expect(projector.locator('[data-testid="truth-node"][data-role="leader"]')).toHaveCount(1, { timeout: 30_000 });
  for (const phone of phones) await expect(phone.getByTestId('fact-leader')).toContainText(/Bot |you/, { timeout: 15_000 });
  await projector.screenshot({ path: `${SHOTS}/class-projector.png` });
  await phones[0]!.screenshot({ path: `${SHOTS}/class-phone.png` });
});
