/**
 * Issue 9, finding 5, in the browser: the join form shows the refusal sentence for a
 * nickname with a hidden character (checked by the shared rule before sending) and for a
 * look-alike of a classmate's name (refused by the server). Screenshots at phone and
 * projector size go to test-results/screens/.
 */
import { expect, hostAClass, newDevice, test } from './fixtures';

const SIZES = { phone: { width: 390, height: 844 }, projector: { width: 1920, height: 1080 } } as const;

test('the join form explains a hidden character and a look-alike name, and the student gets in with a plain one', async ({ browser, server }) => {
  const { host, code } = await hostAClass(browser, server.url);
  const ada = await newDevice(browser);
  await ada.goto(`${server.url}/join/${code}`);
  await ada.getByLabel('Your nickname').fill('Ada');
  await ada.getByRole('button', { name: 'Come aboard' }).click();
  await expect(ada.getByTestId('node-waiting')).toBeVisible();

  const phone = await newDevice(browser);
  await phone.goto(`${server.url}/join/${code}`);
  await phone.getByLabel('Your nickname').fill('Bo\u2060b');
  await phone.getByRole('button', { name: 'Come aboard' }).click();
  await expect(phone.getByTestId('form-error')).toContainText('hidden or invisible character (U+2060)');
  for (const [label, size] of Object.entries(SIZES)) {
    await phone.setViewportSize(size);
    await phone.waitForTimeout(150);
    await phone.screenshot({ path: `test-results/screens/join-hidden-character-${label}.png` });
  }

  await phone.getByLabel('Your nickname').fill('\u0410da'); // Cyrillic А: looks like Ada
  await phone.getByRole('button', { name: 'Come aboard' }).click();
  await expect(phone.getByTestId('form-error')).toContainText('looks just like it');
  await phone.setViewportSize(SIZES.phone);
  await phone.screenshot({ path: 'test-results/screens/join-look-alike-phone.png' });

  await phone.getByLabel('Your nickname').fill('Bob');
  await phone.getByRole('button', { name: 'Come aboard' }).click();
  await expect(phone.getByTestId('node-waiting')).toBeVisible();
  await expect(host.getByText('Bob')).toBeVisible();
});
