/**
 * The replay player fits its screen (issue 7): on a phone (390x844) the page never scrolls
 * sideways (the space-time diagram fits or scrolls inside its own box), and at every
 * width the replayed phone of "through a student's eyes" shows its buttons' labels whole.
 * Screenshots of the player, the diagram and the student's eyes at 390x844, 1280x800
 * (the two-column layout at its narrowest) and 1920x1080 go to test-results/screens/. A press
 * on that phone is answered inside its panel.
 */
import type { Page } from '@playwright/test';
import { expect, hostAClass, test } from './fixtures';

const SIZES = { phone: { width: 390, height: 844 }, laptop: { width: 1280, height: 800 }, projector: { width: 1920, height: 1080 } } as const;

/** Widths by which the page, or a button's label, overflows its box (0 when all fits). */
async function overflows(page: Page): Promise<{ page: number; diagramOut: number; clippedButtons: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    // A button, or a label inside one cut with an ellipsis. (The refusal under a locked
    // button is one line on a phone by design: the full sentence is in the group's reasons.)
    const boxes = document.querySelectorAll<HTMLElement>('[data-testid="student-eyes"] button, [data-testid="student-eyes"] button span');
    const clippedButtons = [...boxes]
      .filter((b) => b === b.closest('button') || getComputedStyle(b).textOverflow === 'ellipsis')
      .filter((b) => b.offsetParent !== null && (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1))
      .map((b) => `${b.textContent?.trim() ?? ''} (${b.scrollWidth}x${b.scrollHeight} in ${b.clientWidth}x${b.clientHeight})`);
    // The diagram fits the page's width: no scroll sideways, not even inside a box of its own.
    const diagram = document.querySelector('[data-testid="space-time"]')?.getBoundingClientRect();
    const diagramOut = diagram ? Math.max(0, Math.round(diagram.right - root.clientWidth)) : -1;
    return { page: root.scrollWidth - root.clientWidth, diagramOut, clippedButtons };
  });
}

test('the replay player fits a phone without sideways scrolling, and the student\'s eyes show whole button labels at every width', async ({ browser, server }) => {
  test.setTimeout(180_000);
  const { host, code } = await hostAClass(browser, server.url);
  // A round with some history: five bots play Raft at 4x for a few seconds of wall time.
  await host.getByRole('button', { name: 'Fill to 5 with bots' }).click();
  await host.getByRole('button', { name: 'Start round', exact: true }).click();
  await host.getByRole('button', { name: 'Speed 4x', exact: true }).click();
  // The material is a round in which a leader was elected (the player's PageDown lands there):
  // wait for that state on the host's own cluster view, not for a fixed 8 s.
  await expect(host.locator('[data-testid="truth-node"][data-role="leader"]')).toHaveCount(1, { timeout: 30_000 });
  await host.getByRole('button', { name: 'End round', exact: true }).click();
  await host.getByRole('button', { name: 'Yes, end the round' }).click();

  await host.goto(`${server.url}/replay/${code}/1`);
  const player = host.getByTestId('replay-player');
  await expect(player).toBeVisible();
  // The moment a leader was elected: the round is live, so the replayed phone has its moves.
  await host.keyboard.press('Home');
  await host.keyboard.press('PageDown');
  await expect(player).not.toHaveAttribute('data-t', '0');
  await host.getByRole('combobox', { name: 'Student' }).selectOption({ index: 2 });
  await expect(host.getByTestId('student-eyes').getByTestId('move-pad').getByRole('button').first()).toBeVisible();

  for (const [label, size] of Object.entries(SIZES)) {
    await host.setViewportSize(size);
    await expect(host.getByTestId('space-time')).toBeVisible();
    await expect.poll(() => overflows(host), { message: `at ${label} size` }).toEqual({ page: 0, diagramOut: 0, clippedButtons: [] });
    await host.evaluate(() => window.scrollTo(0, 0));
    await host.screenshot({ path: `test-results/screens/30-replay-player-${label}.png`, fullPage: label === 'phone' });
    await host.getByTestId('student-eyes').screenshot({ path: `test-results/screens/31-replay-student-eyes-${label}.png` });
    await host.getByRole('region', { name: 'Space-time diagram' }).screenshot({ path: `test-results/screens/32-replay-diagram-${label}.png` });
  }

  // A press on the replayed phone is answered inside its panel (nothing is sent), in view,
  // never pinned over the player as the live phone pins its banner.
  for (const size of [SIZES.phone, SIZES.projector]) {
    await host.setViewportSize(size);
    const eyes = host.getByTestId('student-eyes');
    await eyes.getByTestId('move-pad').getByRole('button').first().click();
    const answer = eyes.getByTestId('move-feedback');
    await expect(answer).toContainText('This is a replay: nothing is sent to the class.');
    await expect(answer).toBeInViewport();
    expect(await answer.evaluate((card) => getComputedStyle(card.parentElement!).position)).not.toBe('fixed');
  }
});
