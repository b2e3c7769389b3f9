/**
 * Issue 11, between rounds (SPEC S8): a class plays two Raft rounds; after each, the
 * projector shows the podium and the class's totals, and each phone only its own line.
 * Two students are socket bots that play the moves (A's heartbeat, B's refused one);
 * three are real phones that read their lines. Screenshots land in test-results/screens/.
 */
import type { Page } from '@playwright/test';
import { io as connect } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import type { GameSeatView } from '../../shared/game/seat-view';
import { boardPhones, expect, hostAClass, newDevice, test } from './fixtures';

const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

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

async function shoot(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function playRound(host: Page, ada: Awaited<ReturnType<typeof bot>>, bob: Awaited<ReturnType<typeof bot>>, round: number): Promise<void> {
  await host.getByRole('combobox', { name: 'Algorithm' }).selectOption('raft');
  await host.getByRole('combobox', { name: 'Preset' }).selectOption('raft-lecture');
  await button(host, 'Start round').click();
  await expect.poll(() => ada.view()?.round).toBe(round);
  await expect.poll(() => ada.view()?.moves.some((m) => m.id === 'SendHeartbeat' && m.allowed)).toBe(true);
  expect((await ada.send({ type: 'SendHeartbeat' })).ok).toBe(true);
  const refused = await bob.send({ type: 'SendHeartbeat' });
  expect(refused.ok).toBe(false);
  expect(refused.refusal?.rule).toBe('R6');
  await button(host, 'End round').click();
  await button(host, 'Yes, end the round').click();
}

test('two rounds: the podium on the projector and each phone\'s own line', async ({ browser, server }) => {
  const { host, code } = await hostAClass(browser, server.url);
  const projector = await newDevice(browser, PROJECTOR);
  await projector.goto(`${server.url}/screen/${code}`);
  const ada = await bot(server.url, code, 'Ada');
  const bob = await bot(server.url, code, 'Bob');
  const phones = await boardPhones(browser, server.url, code, ['Cy', 'Dara', 'Eun-ji']);

  for (const round of [1, 2]) {
    await playRound(host, ada, bob, round);
    const podium = projector.getByTestId('podium');
    await expect(podium).toBeVisible();
    await expect(podium.getByTestId('podium-1')).toContainText('Ada');
    await expect(podium.getByTestId('podium-1')).toContainText('2 pts');
    await expect(projector.getByTestId('class-totals')).toContainText('1 refusal (lessons');
    await expect.poll(() => ada.view()?.score?.line).toBe('you sent a heartbeat in time (2 points)');
    await expect.poll(() => bob.view()?.score?.line).toBe('no duty came your way this round; 1 heartbeat refused: R6 (0 points)');
    for (const phone of phones) {
      await expect(phone.getByTestId('my-score-line')).toContainText('no duty came your way this round');
      // Privacy: a phone never names another student's score.
      await expect(phone.getByTestId('my-score-line')).not.toContainText('Ada');
    }
  }
  await shoot(projector, 'scores-podium-projector', PROJECTOR);
  await shoot(phones[0]!, 'scores-line-phone', PHONE);
  ada.socket.disconnect();
  bob.socket.disconnect();
});
