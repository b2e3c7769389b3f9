/**
 * The phone's refusal banner covers no move: while a refusal shows (9 s, the rule and its
 * sentence), the student can tap the next move at once, without dismissing it or scrolling
 * the page. For each algorithm (their pads differ), on a 390x844 phone, a 360x640 phone and
 * a 1920x1080 laptop. Screenshots land in test-results/screens/refusal-*.png.
 */
import type { Page } from '@playwright/test';
import { boardPhones, expect, test } from './fixtures';
import { feedback, openClass } from './phone-moves';

const SIZES = [
  { name: '390x844', width: 390, height: 844 },
  { name: '360x640', width: 360, height: 640 },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const;

const ROUNDS = [
  { algorithm: 'raft', preset: 'raft-lecture' },
  { algorithm: 'bully', preset: 'bully-classroom' },
  { algorithm: 'lease', preset: 'lease-lecture' },
] as const;

/** The labels of the pad's controls that the banner overlaps on screen now (the page as it is scrolled). */
function coveredControls(phone: Page): Promise<string[]> {
  return phone.evaluate(() => {
    const banner = document.querySelector('[data-testid="move-feedback"]')?.getBoundingClientRect();
    if (!banner) return ['(no banner)'];
    const controls = [...document.querySelectorAll<HTMLElement>('[data-testid="move-pad"] button, [data-testid="move-pad"] input')];
    return controls.flatMap((control) => {
      const box = control.getBoundingClientRect();
      const overlaps = box.left < banner.right && banner.left < box.right && box.top < banner.bottom && banner.top < box.bottom;
      return overlaps ? [control.getAttribute('aria-label') ?? control.tagName] : [];
    });
  });
}

/** The test id of the lowest move button wholly on screen (other than `except`): the one a banner at the bottom would cover first. */
function lowestMoveOnScreen(phone: Page, except: string): Promise<string> {
  return phone.evaluate((except) => {
    const onScreen = [...document.querySelectorAll<HTMLElement>('[data-testid="move-pad"] button[data-testid^="move-"]')]
      .map((button) => ({ id: button.dataset.testid!, box: button.getBoundingClientRect() }))
      .filter(({ id, box }) => id !== except && box.top >= 0 && box.bottom <= window.innerHeight);
    return onScreen.reduce((low, next) => (next.box.bottom > low.box.bottom ? next : low)).id;
  }, except);
}

/** The page's scroll once it has stopped moving (the pad's lift is a smooth scroll). */
function stillScroll(phone: Page): Promise<number> {
  return phone.evaluate(() => new Promise<number>((still) => {
    let last = window.scrollY;
    const check = window.setInterval(() => {
      if (window.scrollY === last) {
        window.clearInterval(check);
        still(last);
      }
      last = window.scrollY;
    }, 150);
  }));
}

for (const { algorithm, preset } of ROUNDS) {
  test(`${algorithm}: a refusal on the phone covers no move, and the next move is tapped while it shows`, async ({ browser, server }) => {
    const teacher = await openClass(server.url);
    const phones = await boardPhones(browser, server.url, teacher.code, ['Ada', 'Bob', 'Cy']);
    // Paused: the pads stay as they are while the test taps and looks.
    expect(await teacher.ask('host:round:start', { algorithm, preset, teamSize: null, startPaused: true })).toMatchObject({ ok: true });
    for (const [i, phone] of phones.entries()) {
      const pad = phone.getByTestId('move-pad');
      await expect(pad).toBeVisible();
      const locked = pad.locator('button[data-allowed="false"]').first();
      const lockedLabel = await locked.getAttribute('aria-label');
      const lockedId = (await locked.getAttribute('data-testid'))!;
      for (const size of SIZES) {
        await phone.setViewportSize(size);
        await locked.click();
        await expect(feedback(phone)).toHaveAttribute('data-outcome', 'refused');
        await expect(feedback(phone)).toContainText(`: ${lockedLabel}`);
        await expect.poll(() => coveredControls(phone), { message: `${algorithm} phone ${i} at ${size.name}: moves under the refusal` }).toEqual([]);
        await phone.screenshot({ path: `test-results/screens/refusal-${algorithm}-${i}-${size.name}.png` });
      }

      // On the 390x844 phone, while the refusal shows: the lowest move on screen is tapped at
      // once. No force, no dismissing, and the page does not move: Playwright's click would
      // scroll and retry if the banner were on the button, and the page's scroll would tell.
      await phone.setViewportSize(SIZES[0]);
      await locked.click();
      await expect(feedback(phone)).toHaveAttribute('data-outcome', 'refused');
      await expect.poll(() => coveredControls(phone)).toEqual([]);
      const next = phone.getByTestId(await lowestMoveOnScreen(phone, lockedId));
      const nextLabel = (await next.getAttribute('aria-label'))!;
      const scrolled = await stillScroll(phone);
      // Written on the page's root: the button may be drawn anew with the answer.
      await next.evaluate((button) => button.addEventListener('click', () => (document.documentElement.dataset.scrollAtTap = String(window.scrollY)), { once: true }));
      await expect(feedback(phone)).toHaveAttribute('data-outcome', 'refused');
      await Promise.all([expect(feedback(phone)).toContainText(`: ${nextLabel}`, { timeout: 20_000 }), next.click({ timeout: 5_000 })]);
      await expect(phone.locator('html'), 'the tap did not have to scroll past the banner').toHaveAttribute('data-scroll-at-tap', String(scrolled));
    }
    teacher.socket.close();
  });
}
