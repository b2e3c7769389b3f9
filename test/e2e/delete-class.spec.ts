/**
 * Journey: the teacher deletes the class when it is over (issue 9). The host confirms
 * once; the student's phone and the projector say the class is gone; the code is dead.
 * Screenshots at phone (390x844) and projector (1920x1080) size for a person to look at.
 */
import type { Page } from '@playwright/test';
import { boardPhones, expect, hostAClass, newDevice, test } from './fixtures';

const SIZES = { phone: { width: 390, height: 844 }, projector: { width: 1920, height: 1080 } } as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const [label, size] of Object.entries(SIZES)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `test-results/screens/${name}-${label}.png`, fullPage: label === 'phone' });
  }
}

test('the host deletes the class after confirming; phone and projector are told it is gone, its replay link stops working', async ({ browser, server }) => {
  const { host, code } = await hostAClass(browser, server.url);
  const [phone] = await boardPhones(browser, server.url, code, ['Ada']);
  const projector = await newDevice(browser, SIZES.projector);
  await projector.goto(`${server.url}/screen/${code}`);
  await expect(projector.getByTestId('qr-code')).toBeVisible();

  await host.getByRole('button', { name: 'Delete this class…' }).click();
  await expect(host.getByRole('alertdialog')).toContainText('for good');
  await shoot(host, '20-host-delete-confirm');
  // Changing one's mind keeps everything.
  await host.getByRole('button', { name: 'Keep the class' }).click();
  await expect(host.getByTestId('crew-count')).toHaveText('1');

  // A round with bots, published as a replay link that works before the class is deleted.
  await host.getByRole('button', { name: 'Fill to 5 with bots' }).click();
  await host.getByRole('button', { name: 'Start round', exact: true }).click();
  await expect(projector.getByTestId('truth-node')).toHaveCount(5);
  await host.getByRole('button', { name: 'End round', exact: true }).click();
  await host.getByRole('button', { name: 'Yes, end the round' }).click();
  const shareId = await host.evaluate(async (c) => {
    const token = localStorage.getItem(`captain-down:host:${c}`);
    const res = await fetch(`/api/rooms/${c}/shares`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ round: 1 }) });
    return ((await res.json()) as { id: string }).id;
  }, code);
  const rewatcher = await newDevice(browser);
  await rewatcher.goto(`${server.url}/replay/s/${shareId}`);
  await expect(rewatcher.getByTestId('replay-player')).toBeVisible();

  await host.getByRole('button', { name: 'Delete this class…' }).click();
  await host.getByRole('button', { name: 'Yes, delete it for good' }).click();
  for (const page of [host, phone!, projector]) await expect(page.getByTestId('class-deleted')).toContainText('deleted this class');
  await shoot(phone!, '21-student-class-deleted');
  await shoot(projector, '22-screen-class-deleted');

  // The code is dead: opening it again says there is no such class.
  const late = await newDevice(browser);
  await late.goto(`${server.url}/screen/${code}`);
  await expect(late.getByRole('heading', { name: 'No such class' })).toBeVisible();

  // The class's published replay link went with it: the clear "does not work" page (issue 7).
  await rewatcher.reload();
  await expect(rewatcher.getByRole('heading', { name: 'This replay link does not work' })).toBeVisible();
  await expect(rewatcher.getByText('deleting a class turns off its links too')).toBeVisible();
  await shoot(rewatcher, '23-replay-link-after-delete');
});
