/**
 * Issue 8 in Chromium against the real server: at 1920x1080 nothing the class reads on
 * the projector is smaller than 28 px, for one cluster of 5, one of 9, 12 teams of 5 and
 * 60 teams of 5 (a crowded screen shows less, not smaller), the join corner and the
 * end-of-round recap included; no message pill lies over a node's words; a clock-skew badge
 * stays inside the ring's room; the last three refusals are listed newest first. Classes are filled over
 * the raw protocol (autopilot bots play every node); screenshots go to test-results/projector/.
 */
import { io, type Socket } from 'socket.io-client';
import type { Page } from '@playwright/test';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { expect, newDevice, test } from './fixtures';
import { smallTexts, wordsUnderPills } from './readable-text';
import { boardBots } from './socket-students';

const PROJECTOR = { width: 1920, height: 1080 };
const SHOTS = 'test-results/projector';
/** Under the server's 100 joins per address per 10 s (server/limits/limits-config.ts). */
const JOINS_PER_WINDOW = 90;

async function connect(url: string): Promise<Socket> {
  const socket = io(url, { forceNew: true, transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION } });
  await new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject)));
  return socket;
}

async function ask<T = Record<string, unknown>>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const ack = (await socket.timeout(15_000).emitWithAck(event, payload)) as { ok: boolean } & T;
  expect(ack, event).toMatchObject({ ok: true });
  return ack;
}

/** A class of `size`: up to 50 seated bots, idle students for the rest (who then leave, so autopilot bots play their nodes). */
async function fillClass(url: string, size: number) {
  const host = await connect(url);
  const { code, hostToken } = await ask<{ code: string; hostToken: string }>(host, 'room:create', {});
  await ask(host, 'host:bots:fill', { code, hostToken, upTo: Math.min(50, size), temperament: 'diligent' });
  const students: Socket[] = [];
  for (let i = 0; i < size - Math.min(50, size); i++) {
    if (i > 0 && i % JOINS_PER_WINDOW === 0) await new Promise((r) => setTimeout(r, 10_500));
    const socket = await connect(url);
    await ask(socket, 'seat:join', { code, nickname: `Student ${i + 1}` });
    students.push(socket);
  }
  return { host, code, hostToken, students };
}

async function openProjector(browser: Parameters<typeof newDevice>[0], url: string, code: string): Promise<Page> {
  const projector = await newDevice(browser, PROJECTOR);
  await projector.goto(`${url}/screen/${code}`);
  return projector;
}

async function expectReadable(projector: Page, shot: string) {
  await projector.waitForTimeout(1500); // a few views: leaders, messages, the ring measured
  expect(await smallTexts(projector, 28)).toEqual([]);
  await projector.screenshot({ path: `${SHOTS}/${shot}.png` });
}

test('one cluster of 5 and of 9: every word 28 px or more, no pill over a node\'s words, the last three refusals newest first', async ({ browser, server }) => {
  test.setTimeout(150_000);
  const host = await connect(server.url);
  const { code, hostToken } = await ask<{ code: string; hostToken: string }>(host, 'room:create', {});
  const students = await boardBots(server.url, code, ['Ada', 'Bob', 'Cy', 'Dara', 'Eun-ji']);
  const projector = await openProjector(browser, server.url, code);
  const start = () => ask(host, 'host:round:start', { code, hostToken, algorithm: 'raft', preset: 'raft-classroom', teamSize: null, crashOnDisconnect: false, autopilot: true });
  await start();
  await expect(projector.getByTestId('cluster-ring')).toHaveAttribute('data-detail', 'full');

  // Three refused clicks (R3: the election timer still runs), told newest first.
  for (const student of students.slice(0, 3)) expect(await student.attempt('StandForElection')).toMatchObject({ ok: false, refusal: { rule: 'R3' } });
  const lines = projector.getByTestId('refusal-line');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(0)).toContainText('C (Cy) tried to stand for election: refused by R3');
  await expect(lines.nth(1)).toContainText('B: stand for election ✗ R3');
  await expect(lines.nth(2)).toContainText('A: stand for election ✗ R3');
  // Each older line keeps to one line: its box is one line high.
  const heights = await lines.evaluateAll((items) => items.map((li) => li.getBoundingClientRect().height / parseFloat(getComputedStyle(li).lineHeight)));
  expect(heights[1]).toBeLessThan(1.9);
  expect(heights[2]).toBeLessThan(1.9);

  // The students leave; autopilot bots play their nodes, elect a leader and messages fly.
  for (const student of students) student.socket.disconnect();
  await expectReadable(projector, 'ring-5-projector');
  await expect(projector.getByTestId('message-in-flight').first()).toBeVisible({ timeout: 40_000 });
  let pills = 0;
  for (let i = 0; i < 24; i++) {
    const seen = await wordsUnderPills(projector);
    expect(seen.overlaps).toEqual([]);
    pills += seen.pills;
    await projector.waitForTimeout(250);
  }
  expect(pills).toBeGreaterThan(0);
  await projector.screenshot({ path: `${SHOTS}/ring-5-messages-projector.png` });

  // Skewed clocks: a long badge on a node at the ring's right edge and one on the left still fit the ring's room.
  await ask(host, 'host:fault', { code, hostToken, team: 0, fault: { type: 'SkewClock', node: 1, rate: 2, offsetMs: -600 } });
  await ask(host, 'host:fault', { code, hostToken, team: 0, fault: { type: 'SkewClock', node: 3, rate: 0.5, offsetMs: 12_500 } });
  await expect(projector.getByTestId('skew-badge')).toHaveCount(2);
  await expectReadable(projector, 'ring-5-skew-projector');
  const outside = await projector.evaluate(() => {
    const ring = document.querySelector('[data-testid="cluster-ring"]')!.getBoundingClientRect();
    return Array.from(document.querySelectorAll('[data-testid="skew-badge"]')).map((b) => b.getBoundingClientRect()).filter((b) => b.left < ring.left - 1 || b.right > ring.right + 1 || b.top < ring.top - 1 || b.bottom > ring.bottom + 1).map((b) => `${Math.round(b.left)}-${Math.round(b.right)} outside ${Math.round(ring.left)}-${Math.round(ring.right)}`);
  });
  expect(outside).toEqual([]);

  await ask(host, 'host:round:end', { code, hostToken });
  const more = await boardBots(server.url, code, ['Farah', 'Gus', 'Hiro', 'Ines']);
  await start();
  for (const student of more) student.socket.disconnect();
  await expect(projector.getByTestId('truth-node')).toHaveCount(9);
  await expect(projector.getByTestId('cluster-ring')).toHaveAttribute('data-detail', 'role');
  await expectReadable(projector, 'ring-9-projector');
  for (let i = 0; i < 12; i++) {
    expect((await wordsUnderPills(projector)).overlaps).toEqual([]);
    await projector.waitForTimeout(250);
  }
  await projector.screenshot({ path: `${SHOTS}/ring-9-later-projector.png` });

  await ask(host, 'host:round:end', { code, hostToken });
  await expect(projector.getByTestId('round-recap')).toBeVisible();
  await expectReadable(projector, 'recap-ring-9-projector');
  host.disconnect();
});

test('12 teams of 5: team tiles say the name, the leader and the state in 28 px type', async ({ browser, server }) => {
  test.setTimeout(150_000);
  const { host, code, hostToken, students } = await fillClass(server.url, 60);
  const projector = await openProjector(browser, server.url, code);
  await ask(host, 'host:round:start', { code, hostToken, algorithm: 'raft', preset: 'raft-classroom', teamSize: 5, crashOnDisconnect: false, autopilot: true });
  for (const student of students) student.disconnect();
  await expect(projector.getByTestId('team-card')).toHaveCount(12);
  await expect(projector.getByTestId('cluster-ring').first()).toHaveAttribute('data-detail', 'letters');
  await expect(projector.getByTestId('team-summary').first()).toBeVisible();
  await expectReadable(projector, 'teams-12-projector');
  host.disconnect();
});

test('4 teams of 5: the story beside each ring, in 28 px type', async ({ browser, server }) => {
  const { host, code, hostToken } = await fillClass(server.url, 20);
  const projector = await openProjector(browser, server.url, code);
  await ask(host, 'host:round:start', { code, hostToken, algorithm: 'raft', preset: 'raft-classroom', teamSize: 5, crashOnDisconnect: false, autopilot: true });
  await expect(projector.getByTestId('team-card')).toHaveCount(4);
  await expect(projector.getByTestId('team-counters').first()).toBeVisible();
  await expectReadable(projector, 'teams-4-projector');
  host.disconnect();
});

test('60 teams of 5: tiny tiles, the team and its leader in 28 px type, the ring a pictogram', async ({ browser, server }) => {
  test.setTimeout(240_000);
  const { host, code, hostToken, students } = await fillClass(server.url, 300);
  const projector = await openProjector(browser, server.url, code);
  await ask(host, 'host:round:start', { code, hostToken, algorithm: 'raft', preset: 'raft-classroom', teamSize: 5, crashOnDisconnect: false, autopilot: true });
  for (const student of students) student.disconnect();
  await expect(projector.getByTestId('team-card')).toHaveCount(60, { timeout: 30_000 });
  await expectReadable(projector, 'teams-60-projector');
  // Every tile fits the screen: nothing below the fold.
  const bottom = await projector.getByTestId('team-card').evaluateAll((cards) => Math.max(...cards.map((c) => c.getBoundingClientRect().bottom)));
  expect(bottom).toBeLessThanOrEqual(PROJECTOR.height);

  // The recap of 60 teams says less, not smaller: a few rows in 28 px type, the rest in the report.
  await ask(host, 'host:round:end', { code, hostToken });
  await expect(projector.getByTestId('round-recap')).toBeVisible();
  await expect(projector.getByTestId('recap-more')).toContainText('55 more');
  await expectReadable(projector, 'recap-teams-60-projector');
  const recapBottom = await projector.getByTestId('round-recap').evaluate((card) => card.getBoundingClientRect().bottom);
  expect(recapBottom).toBeLessThanOrEqual(PROJECTOR.height);
  // The tiles would be slivers under the recap: it takes their place.
  await expect(projector.getByTestId('team-card')).toHaveCount(0);
  host.disconnect();
});
