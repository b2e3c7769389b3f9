/**
 * Replay, end to end in Chromium against the real server: a Raft round played live
 * (host panel, projector, three phones), opened from the host's History; scrub to the
 * leader's crash, step to the new leader, look through a student's eyes; export the
 * file and import it in a fresh browser on /replay to see the same frame; fork a live
 * round from the crash and see it on the phones. Screenshots of the player and the
 * space-time diagram at 1920x1080 and 390x844 land in test-results/screens/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { boardPhones, expect, hostAClass, newDevice, test } from './fixtures';

const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const truth = (page: Page, label: string) => page.locator(`[data-testid="truth-node"][data-label="${label}"]`);
const move = (phone: Page, name: string) => phone.getByRole('button', { name, exact: true });
const letter = (index: number) => String.fromCharCode(65 + index);

async function shoot(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: size.width < 500 });
}

/** What the stage shows, node by node: enough to tell two frames apart. */
async function frameOf(page: Page): Promise<string[]> {
  return page.getByTestId('truth-node').evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('data-label')}:${n.getAttribute('data-role')}:${n.getAttribute('data-status')}`));
}

test('a Raft round becomes a film: History, the crash, the new leader, a student\'s eyes, export/import, fork', async ({ browser, server }) => {
  test.setTimeout(180_000);
  const { host, code } = await hostAClass(browser, server.url);
  const hostCalls: { url: string; authorization: string | undefined }[] = [];
  host.on('request', (r) => { if (r.url().includes('/api/')) hostCalls.push({ url: r.url(), authorization: r.headers()['authorization'] }); });
  const projector = await newDevice(browser, PROJECTOR);
  await projector.goto(`${server.url}/screen/${code}`);
  const phones = await boardPhones(browser, server.url, code, ['Ada', 'Bob', 'Cy']);

  // Live: A leads term 1 (the lecture preset); the teacher crashes it; B or C takes over.
  await host.getByRole('combobox', { name: 'Algorithm' }).selectOption('raft');
  await host.getByRole('combobox', { name: 'Preset' }).selectOption('raft-lecture');
  await button(host, 'Start round').click();
  await expect(truth(projector, 'A')).toHaveAttribute('data-role', 'leader');
  await button(host, 'Crash A').click();
  await expect(truth(projector, 'A')).toHaveAttribute('data-status', 'crashed');
  await button(host, 'Speed 4x').click();
  let candidate = -1;
  await expect.poll(async () => {
    for (const i of [1, 2]) if ((await move(phones[i]!, 'Stand for election').getAttribute('data-allowed')) === 'true') return (candidate = i);
    return -1;
  }, { timeout: 60_000 }).toBeGreaterThan(0);
  await button(host, 'Speed 1x').click();
  await move(phones[candidate]!, 'Stand for election').click();
  const voter = candidate === 1 ? 2 : 1;
  await expect(move(phones[voter]!, `Vote for ${letter(candidate)}`)).toHaveAttribute('data-allowed', 'true', { timeout: 20_000 });
  await move(phones[voter]!, `Vote for ${letter(candidate)}`).click();
  await expect(phones[candidate]!.getByTestId('node-role')).toHaveText('Leader', { timeout: 20_000 });
  await expect(truth(projector, letter(candidate))).toHaveAttribute('data-role', 'leader');
  await button(host, 'End round').click();
  await button(host, 'Yes, end the round').click();

  // History lists the round; Replay opens it (the host token stays in localStorage).
  const round = host.getByTestId('history-round');
  await expect(round).toHaveCount(1);
  await expect(round).toContainText('Raft · raft-lecture');
  await expect(round).toContainText('3 students');
  await expect(round).toContainText('1 leader change');
  await round.getByTestId('replay-round').click();
  await host.waitForURL(new RegExp(`/replay/${code}/1`));
  const player = host.getByTestId('replay-player');
  await expect(player).toBeVisible();
  await expect(truth(host, 'A')).toHaveAttribute('data-role', 'leader');

  // Scrub to the crash (its marker on the scrubber): A is down; one event earlier it was not.
  await host.locator('[data-testid="scrubber-marker"][data-kind="crash"]').first().click();
  await expect(truth(host, 'A')).toHaveAttribute('data-status', 'crashed');
  const crashT = Number(await player.getAttribute('data-t'));
  await host.keyboard.press('ArrowLeft');
  await expect(truth(host, 'A')).toHaveAttribute('data-status', 'live');
  await host.keyboard.press('ArrowRight');
  await expect(truth(host, 'A')).toHaveAttribute('data-status', 'crashed');

  // Step marker by marker (PageDown) to the new leader.
  const newLeader = letter(candidate);
  for (let i = 0; i < 12 && (await truth(host, newLeader).getAttribute('data-role')) !== 'leader'; i++) await host.keyboard.press('PageDown');
  await expect(truth(host, newLeader)).toHaveAttribute('data-role', 'leader');
  await expect(host.getByTestId('leader-line')).toContainText(`Leader ${newLeader}`);

  // Through a student's eyes: the voter's phone at that moment.
  await host.getByRole('combobox', { name: 'Student' }).selectOption({ label: `${letter(voter)} · ${['Ada', 'Bob', 'Cy'][voter]}` });
  const eyes = host.getByTestId('student-eyes');
  await expect(eyes.getByTestId('game-phone')).toBeVisible();
  await expect(eyes.getByTestId('node-name')).toContainText(letter(voter));
  // The truth has a new leader, but the voter cannot know yet: no heartbeat reached it.
  await expect(eyes.getByTestId('node-role')).toHaveText('Follower');
  await expect(eyes.getByTestId('fact-leader')).toContainText('none known');
  await expect(host.getByTestId('diagram-crashed')).toHaveCount(1);
  // The diagram and the scrubber share one clock: clicking the vote request seeks to its send.
  const request = host.locator('[data-testid="diagram-message"][data-kind="RequestVote"][data-lost="false"]').first();
  const sentAt = Number(await request.getAttribute('data-sent'));
  await request.locator('line').first().click(); // the arrow itself, not its label
  await expect(player).toHaveAttribute('data-t', String(sentAt));
  await expect(truth(host, newLeader)).toHaveAttribute('data-role', 'candidate');
  for (let i = 0; i < 12 && (await truth(host, newLeader).getAttribute('data-role')) !== 'leader'; i++) await host.keyboard.press('PageDown');
  await shoot(host, 'replay-player', PROJECTOR);
  await host.getByTestId('space-time').screenshot({ path: 'test-results/screens/replay-diagram.png' });
  await shoot(host, 'replay-player-phone', PHONE);
  await host.getByTestId('space-time').screenshot({ path: 'test-results/screens/replay-diagram-phone.png' });
  await host.setViewportSize(PROJECTOR);

  // Export, then import in a fresh browser on /replay at the same moment: the same frame.
  // The moment as the address names it (what a teacher copies): it opens on the same frame.
  const linkT = () => Number(new URL(host.url()).searchParams.get('t') ?? Number.NaN) * 1000;
  await expect.poll(async () => Math.abs(linkT() - Number(await player.getAttribute('data-t')))).toBeLessThanOrEqual(1);
  const t = linkT();
  const expected = await frameOf(host);
  // An export whose request fails says so (it used to do nothing at all), and the next one works.
  await host.route('**/api/rooms/*/log?*', (route) => route.abort('internetdisconnected'), { times: 1 });
  await host.getByTestId('export-round').click();
  await expect(host.getByTestId('replay-action-error')).toHaveText('The export failed. Could not reach the server: check the connection and try again.');
  await shoot(host, 'replay-export-failed-phone', PHONE);
  await host.setViewportSize(PROJECTOR);
  const [download] = await Promise.all([host.waitForEvent('download'), host.getByTestId('export-round').click()]);
  await expect(host.getByTestId('replay-action-error')).toHaveCount(0);
  const file = await download.path();
  expect(download.suggestedFilename()).toBe(`captain-down-${code}-round-1.ndjson`);
  const reviewer = await newDevice(browser, PROJECTOR);
  await reviewer.goto(`${server.url}/replay?t=${(t / 1000).toFixed(3)}`);
  // A damaged file is refused with its line and problem, and nothing breaks.
  const good = readFileSync(file!, 'utf8').split('\n');
  const damaged = [...good.slice(0, 3), good[3]!.slice(0, 30), ...good.slice(4)].join('\n');
  await reviewer.getByLabel('Log file').setInputFiles({ name: 'damaged.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(damaged) });
  await expect(reviewer.getByTestId('import-error')).toHaveText('damaged.ndjson: Line 4 is not valid JSON: the file is damaged.');
  await shoot(reviewer, 'replay-import-refused-phone', PHONE);
  await shoot(reviewer, 'replay-import-refused', PROJECTOR);
  // The good file dropped on the page (drag-and-drop) this time: the same frame.
  const dropped = await reviewer.evaluateHandle((text) => { const d = new DataTransfer(); d.items.add(new File([text], 'round.ndjson')); return d; }, readFileSync(file!, 'utf8'));
  await reviewer.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(reviewer.getByTestId('replay-player')).toBeVisible();
  await expect.poll(() => frameOf(reviewer)).toEqual(expected);
  await expect(reviewer.getByTestId('leader-line')).toHaveText((await host.getByTestId('leader-line').textContent()) ?? '');
  // It plays in this browser alone: with the network cut, it seeks and steps, and asks nothing.
  const asked: string[] = [];
  reviewer.on('request', (r) => { if (!/^(data|blob):|\/icon/.test(r.url())) asked.push(r.url()); });
  await reviewer.context().setOffline(true);
  await reviewer.keyboard.press('Home');
  await expect(truth(reviewer, 'A')).toHaveAttribute('data-role', 'leader');
  await reviewer.keyboard.press('End');
  await expect(truth(reviewer, newLeader)).toHaveAttribute('data-role', 'leader');
  await reviewer.keyboard.press('PageUp');
  expect(asked).toEqual([]);
  await reviewer.context().setOffline(false);

  // Fork from the crash: a live round 2 in that state; the phones play it.
  await host.locator('[data-testid="scrubber-marker"][data-kind="crash"]').first().click();
  await expect(player).toHaveAttribute('data-t', String(crashT));
  // The link names the marker's millisecond (rounded up), so it opens at the crash, not just before it.
  await expect.poll(() => linkT() - crashT).toBeGreaterThanOrEqual(0); // the address follows after a short debounce
  await expect.poll(() => linkT() - crashT).toBeLessThanOrEqual(1);

  // Share: a read-only link for anyone; revoked, it shows a clear page.
  await host.getByTestId('share-round').click();
  const link = await host.getByTestId('share-link').inputValue();
  expect(link).toMatch(/\/replay\/s\/[A-Za-z0-9_-]{43}$/);
  const student = await newDevice(browser, PHONE);
  await student.goto(link);
  await expect(student.getByTestId('replay-player')).toBeVisible();
  await expect(student.getByTestId('fork')).toHaveCount(0);
  await student.keyboard.press('End');
  await expect(truth(student, newLeader)).toHaveAttribute('data-role', 'leader');
  await host.getByTestId('revoke-round').click();
  await student.reload();
  await expect(student.getByRole('heading', { name: 'This replay link does not work' })).toBeVisible();
  await expect(student.getByText('does not exist or was revoked')).toBeVisible();

  await host.getByTestId('fork').click();
  await host.waitForURL(new RegExp(`/host/${code}$`));
  await expect(projector.getByTestId('game-stage')).toContainText('round 2');
  await expect(truth(projector, 'A')).toHaveAttribute('data-status', 'crashed');
  await expect(phones[0]!.getByTestId('node-status')).toContainText('Your node has crashed');
  await expect(phones[1]!.getByTestId('node-name')).toContainText('B');
  await shoot(projector, 'replay-fork-projector', PROJECTOR);

  // Every replay call of the host carried its token in a header, never in the address.
  const token = await host.evaluate((c) => localStorage.getItem(`captain-down:host:${c}`), code);
  expect(token).toBeTruthy();
  expect(hostCalls.length).toBeGreaterThan(4);
  for (const call of hostCalls.filter((c) => c.url.includes('/api/rooms/'))) {
    expect(call.url).not.toContain(token!);
    expect(call.authorization).toBe(`Bearer ${token}`);
  }
});
