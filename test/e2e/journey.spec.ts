/**
 * The first journey of issue 2: open a class, fill it, reload, survive a server restart,
 * kick a student who then cannot come back.
 */
import type { Page } from '@playwright/test';
import { formatRoomCode } from '../../shared/room/code';
import { expect, hostAClass, newDevice, test } from './fixtures';

async function expectNode(page: Page, nodeId: number, nickname: string) {
  await expect(page.getByTestId('node-id')).toHaveText(`Node ${nodeId}`);
  await expect(page.getByTestId('node-nickname')).toHaveText(nickname);
}

test('a class opens, fills up live, survives a reload and a server restart, and a kicked student stays out', async ({ browser, server }) => {
  // The teacher opens a class: code, QR and join link; the host token stays out of the URL.
  const { host, code } = await hostAClass(browser, server.url);
  await expect(host.getByTestId('room-code')).toHaveText(formatRoomCode(code));
  await expect(host.getByTestId('qr-code')).toBeVisible();
  await expect(host.getByTestId('join-link')).toHaveText(`${server.url}/join/${code}`);
  const hostToken = await host.evaluate((c) => localStorage.getItem(`captain-down:host:${c}`), code);
  expect(hostToken).toBeTruthy();
  expect(host.url()).not.toContain(hostToken!);

  // The projector, in its own browser, no secret needed.
  const projector = await newDevice(browser, { width: 1920, height: 1080 });
  await projector.goto(`${server.url}/screen/${code}`);
  await expect(projector.getByTestId('room-code')).toHaveText(formatRoomCode(code));
  await expect(projector.getByTestId('crew-count')).toHaveText('0');

  // Three students, three phones. Ada types the code; Bob and Cy follow the QR link.
  const ada = await newDevice(browser);
  await ada.goto(`${server.url}/join`);
  await ada.getByLabel('Class code').fill(formatRoomCode(code).toLowerCase());
  await ada.getByLabel('Your nickname').fill('  Ada  ');
  await ada.getByRole('button', { name: 'Come aboard' }).click();
  await ada.waitForURL(`**/join/${code}`);
  await expectNode(ada, 1, 'Ada');

  const students: Page[] = [ada];
  for (const [i, name] of ['Bob', 'Cy'].entries()) {
    const phone = await newDevice(browser);
    await phone.goto(`${server.url}/join/${code}`);
    await phone.getByLabel('Your nickname').fill(name);
    await phone.getByRole('button', { name: 'Come aboard' }).click();
    await expectNode(phone, i + 2, name);
    students.push(phone);
  }
  const [, bob, cy] = students as [Page, Page, Page];

  // The projector shows all three, live.
  await expect(projector.getByTestId('node-tile')).toHaveCount(3);
  await expect(projector.getByTestId('node-tile')).toContainText(['Ada', 'Bob', 'Cy']);
  await expect(host.getByTestId('crew-row')).toHaveCount(3);

  // Bob reloads: same node, no duplicate.
  await bob.reload();
  await expectNode(bob, 2, 'Bob');
  await expect(projector.getByTestId('node-tile')).toHaveCount(3);

  // The server crashes and comes back. Every page says it is reconnecting, then recovers alone.
  await server.stop();
  await expect(projector.getByRole('status')).toContainText('reconnecting');
  await expect(ada.getByRole('status')).toContainText('reconnecting');
  await server.start();
  await expect(projector.getByRole('status')).toHaveCount(0, { timeout: 15_000 });
  await expect(projector.getByTestId('node-tile')).toHaveCount(3);
  await expect(projector.getByTestId('node-tile')).toContainText(['Ada', 'Bob', 'Cy']);
  await expect(host.getByTestId('crew-row')).toHaveCount(3);
  await expect(host.getByRole('status')).toHaveCount(0);
  await expectNode(ada, 1, 'Ada');
  await ada.reload();
  await expectNode(ada, 1, 'Ada');

  // The teacher kicks Cy (with a confirmation step).
  await host.getByRole('button', { name: 'Kick Cy' }).click();
  await host.getByRole('button', { name: 'Remove Cy' }).click();
  await expect(cy.getByRole('heading', { name: 'You have been removed from this class' })).toBeVisible();
  await expect(projector.getByTestId('node-tile')).toHaveCount(2);
  await expect(host.getByTestId('crew-row')).toHaveCount(2);

  // Cy stays out: after a reload, and when trying to join again under another name.
  await cy.reload();
  await expect(cy.getByRole('heading', { name: 'You have been removed from this class' })).toBeVisible();
  await cy.goto(`${server.url}/join`);
  await cy.getByLabel('Class code').fill(code);
  await cy.getByLabel('Your nickname').fill('Cyrus');
  await cy.getByRole('button', { name: 'Come aboard' }).click();
  await expect(cy.getByTestId('form-error')).toContainText('removed you from this class');
  await expect(projector.getByTestId('node-tile')).toHaveCount(2);
  await expect(projector.getByTestId('node-tile')).toContainText(['Ada', 'Bob']);
});

test('a locked class turns new students away while seated ones can still reload', async ({ browser, server }) => {
  const { host, code } = await hostAClass(browser, server.url);
  const ada = await newDevice(browser);
  await ada.goto(`${server.url}/join/${code}`);
  await ada.getByLabel('Your nickname').fill("Tom & Jerry's");
  await ada.getByRole('button', { name: 'Come aboard' }).click();
  // Nicknames render as text, exactly as typed.
  await expectNode(ada, 1, "Tom & Jerry's");

  await host.getByRole('button', { name: 'Lock: no new students' }).click();
  await expect(host.getByText('Locked: new students are turned away')).toBeVisible();

  const late = await newDevice(browser);
  await late.goto(`${server.url}/join/${code}`);
  await late.getByLabel('Your nickname').fill('Late');
  await late.getByRole('button', { name: 'Come aboard' }).click();
  await expect(late.getByTestId('form-error')).toContainText('locked');

  await ada.reload();
  await expectNode(ada, 1, "Tom & Jerry's");

  await host.getByRole('button', { name: 'Unlock: let students join' }).click();
  await late.getByRole('button', { name: 'Come aboard' }).click();
  await expectNode(late, 2, 'Late');
});

test('bad links and missing secrets get a clear page, not a crash', async ({ browser, server }) => {
  const page = await newDevice(browser);
  await page.goto(`${server.url}/screen/ZZZZZZ`);
  await expect(page.getByRole('heading', { name: 'No such class' })).toBeVisible();
  await page.goto(`${server.url}/join/not-a-code`);
  await expect(page.getByRole('heading', { name: 'That is not a class code' })).toBeVisible();
  // A student who guesses the host URL has no host token: refused, nothing shown.
  const { code } = await hostAClass(browser, server.url);
  await page.goto(`${server.url}/host/${code}`);
  await expect(page.getByRole('heading', { name: 'Cannot open this class' })).toBeVisible();
  await page.goto(`${server.url}/join/ZZZZZZ`);
  await page.getByLabel('Your nickname').fill('Zed');
  await page.getByRole('button', { name: 'Come aboard' }).click();
  await expect(page.getByTestId('form-error')).toContainText('no class with that code');
});
