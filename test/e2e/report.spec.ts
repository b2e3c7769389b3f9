/**
 * Issue 11, after class: a class plays two Raft rounds, the second with a *Break safety*
 * challenge the host starts from the panel (SPEC K1..K3); the projector shows the goal,
 * the rules that held each attempt and the winner, phones the goal and the winner; the
 * podium and each phone's line appear; the scores switch hides them (S11). Then the
 * host's session report (S9): charts, the per-student table, the CSV (downloaded and
 * parsed), a chart's link to the replay at that moment, screenshots at 1440x900 and the
 * report printed to PDF by Chromium. Screenshots land in test-results/screens/.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { io as connect } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import type { GameSeatView } from '../../shared/game/seat-view';
import { boardPhones, expect, hostAClass, newDevice, test } from './fixtures';

const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };

async function bot(url: string, code: string, nickname: string) {
  const socket = connect(url, { forceNew: true, transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION } });
  let latest: GameSeatView | null = null;
  socket.on('game:seat', (view: GameSeatView | null) => void (latest = view));
  const joined = (await socket.timeout(5000).emitWithAck('seat:join', { code, nickname })) as { ok: boolean; seatToken: string };
  expect(joined.ok).toBe(true);
  let n = 0;
  const send = async (move: object) =>
    (await socket.timeout(5000).emitWithAck('seat:move', { code, seatToken: joined.seatToken, moveId: `${nickname}-${++n}-${Date.now()}`, move })) as { ok: boolean; refusal?: { rule: string } };
  return { socket, send, view: () => latest };
}
type Bot = Awaited<ReturnType<typeof bot>>;

async function shoot(page: Page, name: string, size: { width: number; height: number }, fullPage = false): Promise<void> {
  await page.setViewportSize(size);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage });
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function startRound(host: Page, ada: Bot, round: number): Promise<void> {
  await host.getByRole('combobox', { name: 'Algorithm' }).selectOption('raft');
  await host.getByRole('combobox', { name: 'Preset' }).selectOption('raft-lecture');
  await button(host, 'Start round').click();
  await expect.poll(() => ada.view()?.round, { timeout: 20_000 }).toBe(round);
  await expect.poll(() => ada.view()?.moves.some((m) => m.id === 'SendHeartbeat' && m.allowed), { timeout: 20_000 }).toBe(true);
}

async function endRound(host: Page): Promise<void> {
  await button(host, 'End round').click();
  await button(host, 'Yes, end the round').click();
}

test('two rounds and a Break safety challenge, then the session report: charts, table, CSV, replay link, print', async ({ browser, server }) => {
  test.setTimeout(240_000);
  const { host, code } = await hostAClass(browser, server.url);
  const projector = await newDevice(browser, PROJECTOR);
  await projector.goto(`${server.url}/screen/${code}`);
  const ada = await bot(server.url, code, 'Ada');
  const bob = await bot(server.url, code, 'Bob');
  const phones = await boardPhones(browser, server.url, code, ['Cy', 'Dara']);

  // Round 1: A's heartbeat is a duty done; B's is refused by R6.
  await startRound(host, ada, 1);
  expect((await ada.send({ type: 'SendHeartbeat' })).ok).toBe(true);
  expect((await bob.send({ type: 'SendHeartbeat' })).refusal?.rule).toBe('R6');
  await endRound(host);
  await expect(projector.getByTestId('podium-1')).toContainText('Ada', { timeout: 20_000 });

  // Round 2: the host starts Break safety; every attempt is refused, each with its rule.
  await startRound(host, ada, 2);
  await host.getByRole('combobox', { name: 'Challenge', exact: true }).selectOption('break-safety');
  await button(host, 'Start challenge').click();
  const banner = projector.getByTestId('challenge');
  await expect(banner).toContainText('Challenge: Break safety', { timeout: 20_000 });
  await expect(projector.getByTestId('challenge-goal')).toContainText('two leaders in one term');
  for (const phone of phones) await expect(phone.getByTestId('phone-challenge')).toContainText('two leaders in one term', { timeout: 20_000 });
  expect((await ada.send({ type: 'SendHeartbeat' })).ok).toBe(true);
  expect((await bob.send({ type: 'SendHeartbeat' })).refusal?.rule).toBe('R6');
  // A vote for C, whose request never reached B (C's phone does not stand): R4, however slow the machine.
  expect((await bob.send({ type: 'GrantVote', candidate: 2 })).refusal?.rule).toBe('R4');
  await expect(projector.getByTestId('challenge-held')).toContainText('held by R6', { timeout: 20_000 });
  await expect(projector.getByTestId('challenge-held')).toContainText('held by R4');
  await shoot(projector, 'challenge-projector', PROJECTOR);
  await shoot(phones[0]!, 'challenge-phone', PHONE);
  await host.getByTestId('challenge-controls').scrollIntoViewIfNeeded();
  await shoot(host, 'challenge-host-projector-size', PROJECTOR);
  await shoot(host, 'challenge-host-phone-size', PHONE);
  await host.setViewportSize({ width: 1280, height: 900 });
  await button(host, 'Stop Break safety').click();
  await expect(projector.getByTestId('challenge-winner')).toHaveText(/Winner: The rules/, { timeout: 20_000 });
  for (const phone of phones) await expect(phone.getByTestId('phone-challenge-winner')).toHaveText('Winner: The rules', { timeout: 20_000 });
  await shoot(projector, 'challenge-winner-projector', PROJECTOR);
  await endRound(host);

  // Between rounds: the podium and each phone's own line; the scores switch hides both (S11).
  await expect(projector.getByTestId('podium-1')).toContainText('Ada', { timeout: 20_000 });
  for (const phone of phones) await expect(phone.getByTestId('my-score-line')).toContainText('no duty came your way this round');
  await host.getByTestId('scores-switch').click();
  await expect(host.getByTestId('scores-switch')).toHaveText('Scores: off');
  await expect(projector.getByTestId('podium')).toHaveCount(0, { timeout: 20_000 });
  for (const phone of phones) await expect(phone.getByTestId('my-score-line')).toHaveCount(0, { timeout: 20_000 });
  await host.getByTestId('scores-switch').click();
  await expect(projector.getByTestId('podium')).toBeVisible({ timeout: 20_000 });

  await host.getByTestId('after-class').scrollIntoViewIfNeeded();
  await shoot(host, 'host-between-rounds-projector-size', PROJECTOR);
  await shoot(host, 'host-between-rounds-phone-size', PHONE);
  await host.setViewportSize({ width: 1280, height: 900 });

  // The session report, from the host's browser (the token is in its storage, never in the URL).
  await host.getByTestId('report-link').click();
  await host.waitForURL(`${server.url}/report/${code}`);
  expect(host.url()).not.toContain('token');
  await expect(host.getByTestId('report-round-2')).toBeVisible({ timeout: 30_000 });
  for (const round of [1, 2]) {
    const section = host.getByTestId(`report-round-${round}`);
    // Each chart is an SVG named for a screen reader (aria-label), as the page draws it.
    await expect(section.getByRole('img', { name: `Round ${round}: who led when` })).toBeVisible({ timeout: 30_000 });
    await expect(section.getByRole('img', { name: `Round ${round}: refused moves by rule` })).toBeVisible();
    await expect(section.getByRole('img', { name: `Round ${round}: messages sent and lost` })).toBeVisible();
    const table = host.getByTestId(`student-table-${round}`);
    await expect(table).toContainText('Ada');
    await expect(table.getByRole('row', { name: /Bob/ })).toContainText('R6 ×1');
  }
  await expect(host.getByTestId('report-round-2').getByTestId('chart-refusals')).toContainText('R4');
  await shoot(host, 'report-desk', DESK);
  await shoot(host, 'report-desk-full', DESK, true);
  await shoot(host, 'report-phone', PHONE);
  await shoot(host, 'report-projector', PROJECTOR);
  await host.setViewportSize(DESK);

  // The CSV downloads and parses: a header and one row per student per round.
  const [download] = await Promise.all([host.waitForEvent('download'), host.getByTestId('report-csv').click()]);
  expect(download.suggestedFilename()).toBe(`captain-down-${code}.csv`);
  const rows = parse(readFileSync((await download.path())!, 'utf8')) as string[][];
  expect(rows[0]).toEqual(['round', 'nickname', 'team', 'node', 'moves', 'accepted', 'refused', 'refused by rule', 'duties done', 'duties missed', 'points']);
  expect(rows).toHaveLength(1 + 2 * 4);
  expect(rows.find((r) => r[0] === '2' && r[1] === 'Bob')?.[7]).toBe('R4: 1; R6: 1');

  // Printed by Chromium (print stylesheet), and the print layout looked at as an image.
  await host.emulateMedia({ media: 'print' });
  await shoot(host, 'report-print-media', DESK, true);
  await host.pdf({ path: 'test-results/screens/report.pdf', format: 'A4', printBackground: true });
  await host.emulateMedia({ media: 'screen' });

  // A chart links to the replay at that moment.
  const bar = host.getByTestId('report-round-1').getByTestId('chart-leadership').locator('a').first();
  const href = await bar.getAttribute('href');
  expect(href).toMatch(new RegExp(`^/replay/${code}/1\\?t=\\d+\\.\\d$`));
  await bar.click({ timeout: 20_000 });
  await host.waitForURL(new RegExp(`/replay/${code}/1\\?t=`));
  await expect(host.getByTestId('replay-player')).toBeVisible({ timeout: 30_000 });

  ada.socket.disconnect();
  bob.socket.disconnect();
});

test('the report is the host\'s: another browser gets a refusal in words, and no data', async ({ browser, server }) => {
  const { code } = await hostAClass(browser, server.url);
  const stranger = await newDevice(browser, DESK);
  await stranger.goto(`${server.url}/report/${code}`);
  await expect(stranger.getByRole('heading', { name: 'No report for you here' })).toBeVisible({ timeout: 20_000 });
  await expect(stranger.getByTestId('session-report')).toHaveCount(0);
});
