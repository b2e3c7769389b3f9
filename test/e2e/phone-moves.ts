/** A teacher over the raw protocol, and the phone's move buttons and answers, for the phone journeys. */
import type { Page } from '@playwright/test';
import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import type { GameScreenView } from '../../shared/game/screen-view';
import { followScreenView } from '../../shared/game/view-patch';
import { expect } from './fixtures';

export type Teacher = { code: string; ask: (event: string, payload?: object) => Promise<{ ok: boolean }>; views: GameScreenView[]; socket: Socket };

/** A class opened over the raw protocol; the socket also watches the round's truth. */
export async function openClass(url: string): Promise<Teacher> {
  const socket = connect(url, { forceNew: true, transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION } });
  const views: GameScreenView[] = [];
  followScreenView<GameScreenView>((event, handler) => socket.on(event, handler), (view) => void (view && views.push(view)));
  const created = (await socket.timeout(5000).emitWithAck('room:create', {})) as { code: string; hostToken: string };
  const secret = { code: created.code, hostToken: created.hostToken };
  const ask = async (event: string, payload: object = {}) => (await socket.timeout(5000).emitWithAck(event, { ...secret, ...payload })) as { ok: boolean };
  return { code: created.code, ask, views, socket };
}

export const move = (phone: Page, name: string) => phone.getByRole('button', { name, exact: true });
export const feedback = (phone: Page) => phone.getByTestId('move-feedback');
export const letter = (index: number) => String.fromCharCode(65 + index);

/**
 * Clicks a move and sees its answer on the phone. An acceptance stays 2.5 s, and on a
 * loaded machine Playwright's click returned up to 3.7 s after its tap (waiting for the page),
 * so the banner had come and gone before an expectation that started after the click: the
 * expectation is armed with the click. `answer` names this move, so a banner left from an
 * earlier move cannot pass it.
 */
export async function playAndSee(phone: Page, name: string, answer: string): Promise<void> {
  await Promise.all([expect(feedback(phone)).toContainText(answer, { timeout: 20_000 }), move(phone, name).click()]);
}

/** The same for a laptop's keyboard shortcut: the answer is looked for from the key press. */
export async function pressAndSee(phone: Page, key: string, answer: string): Promise<void> {
  await Promise.all([expect(feedback(phone)).toContainText(answer, { timeout: 20_000 }), phone.keyboard.press(key)]);
}
