/**
 * The teacher's panel and the projector during a round, in Chromium against the real
 * server. The teacher clicks through the host panel; the students are socket bots (their
 * phones have their own journey in seat-game.spec.ts). Screenshots of the projector at
 * 1920x1080 and of the host panel at 1440x900 and 390x844 land in test-results/screens/.
 */
import type { Page } from '@playwright/test';
import { expect, hostAClass, newDevice, test } from './fixtures';
import { boardBots, firstAllowed } from './socket-students';

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

test('Raft from the host panel: start, faults, clock, an election, a drop, a partition, the end', async ({ browser, server }) => {
  const { host, code } = await hostAClass(browser, server.url);
  await host.setViewportSize(LAPTOP);
  const projector = await newDevice(browser, PROJECTOR);
  await projector.goto(`${server.url}/screen/${code}`);
  const bots = await boardBots(server.url, code, ['Ada', 'Bob', 'Cy', 'Dara', 'Eun-ji']);
  // Before the first round the projector is still the boarding lobby.
  await expect(projector.getByTestId('qr-code')).toBeVisible();
  await expect(projector.getByTestId('crew-count')).toHaveText('5');

  // Round setup: the preset list follows the algorithm, each with its summary.
  await host.getByRole('combobox', { name: 'Algorithm' }).selectOption('lease');
  await expect(host.getByRole('combobox', { name: 'Preset' })).toHaveValue('lease-classroom');
  await host.getByRole('combobox', { name: 'Algorithm' }).selectOption('raft');
  await host.getByRole('combobox', { name: 'Preset' }).selectOption('raft-lecture');
  await expect(host.getByTestId('preset-summary')).toContainText('A is captain of term 1');
  await host.getByRole('combobox', { name: 'Network delay' }).selectOption('2000');
  await shoot(host, 'game-host-setup-phone', PHONE);
  await shoot(host, 'game-host-setup', LAPTOP);
  await button(host, 'Start round').click();

  // The cluster takes the projector; the join code shrinks to a corner.
  await expect(projector.getByTestId('game-stage')).toBeVisible();
  await expect(projector.getByTestId('join-corner')).toContainText(code.slice(0, 3));
  await expect(projector.getByTestId('truth-node')).toHaveCount(5);
  await expect(node(projector, 'A')).toHaveAttribute('data-role', 'leader');
  await expect(projector.getByTestId('leader-line')).toHaveText('Leader A (term 1)');

  // A heartbeat is on the wire: the projector draws it, the host lists it.
  expect(await bots[0]!.play('SendHeartbeat')).toBe(true);
  await expect(projector.locator('[data-testid="message-in-flight"][data-kind="AppendEntries"]').first()).toBeVisible();
  await expect(host.getByTestId('in-flight-row')).toHaveCount(4);
  await shoot(projector, 'game-screen-raft-heartbeat', PROJECTOR);

  // The server's refusal reaches the panel: stepping a running clock.
  await button(host, 'Step 1 s').click();
  await expect(host.getByTestId('host-refusal')).toContainText('Pause the clock before stepping it');

  // The clock: pause, step, resume, speed.
  await button(host, 'Pause').click();
  await expect(projector.getByTestId('room-clock')).toContainText('Paused');
  await button(host, 'Step 1 s').click();
  await expect(host.getByTestId('host-refusal')).toHaveCount(0);
  await button(host, 'Resume').click();
  await expect(projector.getByTestId('room-clock')).toContainText('1x');

  // The captain goes down; the others elect a new one (the clock runs at 4x meanwhile).
  await button(host, 'Crash A').click();
  await expect(node(projector, 'A')).toHaveAttribute('data-status', 'crashed');
  await expect(button(host, 'Restart A')).toBeVisible();
  await button(host, 'Speed 4x').click();
  await expect(button(host, 'Speed 4x')).toHaveAttribute('aria-pressed', 'true');
  const candidate = await firstAllowed(bots.slice(1), 'StandForElection');
  await button(host, 'Speed 1x').click();
  expect(await candidate.play('StandForElection')).toBe(true);
  const label = candidate.view()!.label!;
  await expect(node(projector, label)).toHaveAttribute('data-role', 'candidate');
  await expect(projector.locator('[data-testid="message-in-flight"][data-kind="RequestVote"]').first()).toBeVisible();
  await shoot(projector, 'game-screen-raft-election', PROJECTOR);
  await shoot(host, 'game-host-raft-election', LAPTOP);
  const index = candidate.view()!.index!;
  for (const bot of bots.slice(1)) if (bot !== candidate) void firstAllowed([bot], `GrantVote:${index}`, 10_000).then((b) => b.play(`GrantVote:${index}`));
  await expect(node(projector, label)).toHaveAttribute('data-role', 'leader', { timeout: 15_000 });
  await expect(projector.getByTestId('ticker')).toContainText(`${label} became leader of term 2`);

  // Pause a follower (a GC pause), then resume it.
  const follower = ['B', 'C', 'D', 'E'].find((l) => l !== label)!;
  await button(host, `Pause ${follower}`).click();
  await expect(node(projector, follower)).toHaveAttribute('data-status', 'paused');
  await button(host, `Resume ${follower}`).click();
  await expect(node(projector, follower)).toHaveAttribute('data-status', 'live');

  // Drop a heartbeat by hand from the in-flight list.
  await firstAllowed([candidate], 'SendHeartbeat', 10_000);
  expect(await candidate.play('SendHeartbeat')).toBe(true);
  await host.getByRole('button', { name: `Drop AppendEntries from ${label} to ${follower}` }).click();
  await expect(projector.getByTestId('ticker')).toContainText('dropped');

  // Isolate a node from the panel, see the split on the projector, heal it.
  await host.getByRole('button', { name: new RegExp(`^Node ${follower} `) }).click();
  await button(host, `Isolate ${follower}`).click();
  await expect(projector.getByTestId('cluster-ring').getByText('PARTITION')).toBeVisible();
  await button(host, `Clock of ${follower} at 2x`).click();
  await shoot(projector, 'game-screen-raft-partition', PROJECTOR);
  await shoot(host, 'game-host-raft-partition', LAPTOP);
  await shoot(host, 'game-host-raft-phone', PHONE);
  await host.setViewportSize(LAPTOP);
  await button(host, 'Heal partition').click();
  await expect(projector.getByTestId('cluster-ring').getByText('PARTITION')).toHaveCount(0);

  // End the round (two steps, so a stray click does not end the lesson).
  await button(host, 'End round').click();
  await button(host, 'Yes, end the round').click();
  await expect(projector.getByTestId('room-clock')).toContainText('Round over');
  await expect(button(host, 'Start round')).toBeVisible();
  for (const bot of bots) bot.socket.disconnect();
});

test('Teams, Bully and Lease on the projector and the host panel', async ({ browser, server }) => {
  const { host, code } = await hostAClass(browser, server.url);
  await host.setViewportSize(LAPTOP);
  const projector = await newDevice(browser, PROJECTOR);
  await projector.goto(`${server.url}/screen/${code}`);
  const names = ['Ada', 'Bob', 'Cy', 'Dara', 'Eun-ji', 'Farah', 'Gus', 'Hiro', 'Ines', 'Jo', 'Kai', 'Lena'];
  const bots = await boardBots(server.url, code, names);
  await expect(projector.getByTestId('crew-count')).toHaveText('12');

  // Teams of 3: four clusters at once, each with its own controls on the panel.
  await host.getByRole('combobox', { name: 'Algorithm' }).selectOption('bully');
  await button(host, 'Teams').click();
  await host.getByRole('combobox', { name: 'Team size' }).selectOption('3');
  await expect(host.getByTestId('team-preview')).toHaveText('4 teams: 3 + 3 + 3 + 3');
  await button(host, 'Start round').click();
  await expect(projector.getByTestId('team-card')).toHaveCount(4);
  await expect(projector.getByTestId('game-stage')).toHaveAttribute('data-algorithm', 'bully');
  await button(host, 'Team 3').click();
  await button(host, 'Crash 3').click();
  await expect(projector.getByTestId('team-card').nth(2).locator('[data-testid="truth-node"][data-label="3"]')).toHaveAttribute('data-status', 'crashed');
  await expect(projector.getByTestId('team-card').nth(0).locator('[data-testid="truth-node"][data-label="3"]')).toHaveAttribute('data-status', 'live');
  await shoot(projector, 'game-screen-teams-4', PROJECTOR);
  await shoot(host, 'game-host-teams-4', LAPTOP);
  await button(host, 'End round').click();
  await button(host, 'Yes, end the round').click();

  // Lease, one cluster: the lock service and its holder.
  await host.getByRole('combobox', { name: 'Algorithm' }).selectOption('lease');
  await button(host, 'One cluster').click();
  await button(host, 'Start round').click();
  await expect(projector.getByTestId('lock-service')).toContainText('free');
  await firstAllowed([bots[1]!], 'Acquire', 10_000);
  expect(await bots[1]!.play('Acquire')).toBe(true);
  await expect(projector.getByTestId('lock-service')).toContainText('held by B', { timeout: 10_000 });
  await shoot(projector, 'game-screen-lease', PROJECTOR);
  for (const bot of bots) bot.socket.disconnect();
});
