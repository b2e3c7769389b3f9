/**
 * Issue 4's "done when", in Chromium: five students on their own phones, the teacher on
 * the host panel and the class on the projector play a whole round of each algorithm.
 * Everyone acts through the screens a person uses; time runs at 4x while nobody needs
 * to act, and the host pauses and steps the clock where a story depends on timing.
 */
import type { Browser, Page } from '@playwright/test';
import { boardPhones, expect, hostAClass, newDevice, test } from './fixtures';

const PROJECTOR = { width: 1920, height: 1080 };
const NAMES = ['Ada', 'Bob', 'Cy', 'Dara', 'Eun-ji'];

async function openRoom(browser: Browser, url: string) {
  const { host, code } = await hostAClass(browser, url);
  const projector = await newDevice(browser, PROJECTOR);
  await projector.goto(`${url}/screen/${code}`);
  const phones = await boardPhones(browser, url, code, NAMES);
  await expect(projector.getByTestId('crew-count')).toHaveText('5');
  return { host, projector, phones };
}

async function startRound(host: Page, algorithm: string, preset: string): Promise<void> {
  await host.getByRole('combobox', { name: 'Algorithm' }).selectOption(algorithm);
  await host.getByRole('combobox', { name: 'Preset' }).selectOption(preset);
  await button(host, 'Start round').click();
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const move = (phone: Page, name: string) => phone.getByRole('button', { name, exact: true });
const feedback = (phone: Page) => phone.getByTestId('move-feedback');
const truth = (projector: Page, label: string) => projector.locator(`[data-testid="truth-node"][data-label="${label}"]`);
const letter = (index: number) => String.fromCharCode(65 + index);

/**
 * Clicks a move until the phone answers with `answer`: the move pad re-sorts as views arrive,
 * and a click that lands mid-render is lost. Each try's answer is looked for from its own
 * click: an acceptance stays 2.5 s, and a click on a loaded machine can return later than that.
 */
async function play(phone: Page, name: string, answer: string | RegExp): Promise<void> {
  await expect(async () => {
    await Promise.all([expect(feedback(phone)).toContainText(answer, { timeout: 3_000 }), move(phone, name).click()]);
  }).toPass({ timeout: 20_000 });
}

/** Indices of the phones (among `which`) on which a move is allowed now. */
async function allowedOn(phones: Page[], name: string, which: number[]): Promise<number[]> {
  const flags = await Promise.all(which.map((i) => move(phones[i]!, name).getAttribute('data-allowed').catch(() => null)));
  return which.filter((_, k) => flags[k] === 'true');
}

/** Lets room time run at 4x until `count` phones may play `name`, then back to 1x. */
async function fastForwardUntil(host: Page, phones: Page[], name: string, which: number[], count = 1): Promise<number[]> {
  await button(host, 'Speed 4x').click();
  let ready: number[] = [];
  await expect.poll(async () => (ready = await allowedOn(phones, name, which)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(count);
  await button(host, 'Speed 1x').click();
  return ready;
}

async function step(host: Page, seconds: number): Promise<void> {
  for (let i = 0; i < seconds; i++) {
    await button(host, 'Step 1 s').click();
    await expect(host.getByTestId('host-refusal')).toHaveCount(0);
  }
}

test('Raft: an election with a refused second vote, heartbeats, a committed write, the captain down, a new leader', async ({ browser, server }) => {
  const { host, projector, phones } = await openRoom(browser, server.url);
  await startRound(host, 'raft', 'raft-classroom');
  await expect(projector.getByTestId('truth-node')).toHaveCount(5);
  const all = [0, 1, 2, 3, 4];

  // Two election timers run out; both stand in the same term.
  const [c1, c2] = (await fastForwardUntil(host, phones, 'Stand for election', all, 2)) as [number, number];
  await Promise.all([c1, c2].map((c) => play(phones[c]!, 'Stand for election', 'Accepted: Stand for election')));
  await expect(truth(projector, letter(c1))).toHaveAttribute('data-role', 'candidate');

  // A voter grants c1, then tries c2 in the same term: refused, and the phone says why.
  const voters = all.filter((i) => i !== c1 && i !== c2);
  const voter = phones[voters[0]!]!;
  await expect(move(voter, `Vote for ${letter(c2)}`)).toBeVisible({ timeout: 10_000 });
  await expect(move(voter, `Vote for ${letter(c1)}`)).toBeVisible({ timeout: 10_000 });
  await play(voter, `Vote for ${letter(c1)}`, `Accepted: Vote for ${letter(c1)}`);
  await play(voter, `Vote for ${letter(c2)}`, 'Refused (R4)');
  await expect(feedback(voter)).toContainText(`You already voted for ${letter(c1)} in term 1`);
  for (const i of voters.slice(1)) {
    await expect(move(phones[i]!, `Vote for ${letter(c1)}`)).toBeVisible({ timeout: 10_000 });
    await play(phones[i]!, `Vote for ${letter(c1)}`, `Accepted: Vote for ${letter(c1)}`);
  }
  await expect(truth(projector, letter(c1))).toHaveAttribute('data-role', 'leader', { timeout: 15_000 });
  await expect(projector.getByTestId('ticker')).toContainText(`${letter(c1)} became leader of term 1`);

  // The leader steers north and heartbeats until a majority holds the entry: the ship turns.
  const leader = phones[c1]!;
  await play(leader, 'Steer N', 'Accepted: Steer N');
  await expect(async () => {
    await move(leader, 'Send heartbeat').click();
    await expect(projector.getByTestId('ship-course')).toContainText('1 committed', { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await expect(phones[voters[0]!]!.getByTestId('fact-leader')).toContainText(letter(c1));
  await projector.screenshot({ path: 'test-results/screens/journey-raft-leader-projector.png' });

  // The captain is down: a new election, of a higher term.
  await button(host, `Crash ${letter(c1)}`).click();
  await expect(truth(projector, letter(c1))).toHaveAttribute('data-status', 'crashed');
  await expect(leader.getByTestId('node-status')).toContainText('Your node has crashed');
  const others = all.filter((i) => i !== c1);
  const [next] = (await fastForwardUntil(host, phones, 'Stand for election', others)) as [number];
  await play(phones[next]!, 'Stand for election', 'Accepted: Stand for election');
  for (const i of others.filter((i) => i !== next)) {
    await expect(move(phones[i]!, `Vote for ${letter(next)}`)).toBeVisible({ timeout: 10_000 });
    await play(phones[i]!, `Vote for ${letter(next)}`, `Accepted: Vote for ${letter(next)}`);
  }
  await expect(truth(projector, letter(next))).toHaveAttribute('data-role', 'leader', { timeout: 15_000 });
  const story = await projector.getByTestId('ticker').innerText();
  const term = Number(new RegExp(`${letter(next)} became leader of term (\\d+)`).exec(story)?.[1]);
  expect(term).toBeGreaterThanOrEqual(2);
  await expect(phones[next]!.getByTestId('node-role')).toHaveText('Leader');
});

test('Bully: the top rank crashes and the next one declares itself coordinator', async ({ browser, server }) => {
  const { host, projector, phones } = await openRoom(browser, server.url);
  await startRound(host, 'bully', 'bully-classroom');
  await expect(truth(projector, '5')).toHaveAttribute('data-role', 'leader');
  await play(phones[4]!, 'Send "I\'m alive"', 'Accepted');

  await button(host, 'Crash 5').click();
  await expect(truth(projector, '5')).toHaveAttribute('data-status', 'crashed');
  // 4 suspects the silent coordinator, calls an election to the only higher rank, hears nothing.
  await fastForwardUntil(host, phones, 'Start election', [3]);
  await play(phones[3]!, 'Start election', 'Accepted: Start election');
  await play(phones[3]!, 'Declare coordinator', 'Refused');
  await fastForwardUntil(host, phones, 'Declare coordinator', [3]);
  await play(phones[3]!, 'Declare coordinator', 'Accepted: Declare coordinator');
  await expect(truth(projector, '4')).toHaveAttribute('data-role', 'leader', { timeout: 10_000 });
  for (const i of [0, 1, 2]) await expect(phones[i]!.getByTestId('fact-leader')).toContainText('4 (Dara)', { timeout: 10_000 });
  await projector.screenshot({ path: 'test-results/screens/journey-bully-projector.png' });
});

test('Lease: the holder stops renewing, another acquires, and a renewal that arrives late is refused', async ({ browser, server }) => {
  const { host, projector, phones } = await openRoom(browser, server.url);
  await startRound(host, 'lease', 'lease-lecture');
  const lock = projector.getByTestId('lock-service');
  await expect(lock).toContainText('free');
  const [ada, bob] = phones as [Page, Page];

  await play(ada, 'Acquire the lease', 'Accepted: Acquire the lease');
  await expect(lock).toContainText('held by A', { timeout: 10_000 });
  await expect(ada.getByTestId('node-role')).toHaveText('You believe you lead', { timeout: 10_000 });

  // While A holds it, B's try is refused at the lock service (L1); the reply teaches B the
  // lease's current version, which its next request must carry (L4).
  await play(bob, 'Acquire the lease', 'Accepted: Acquire the lease');
  await expect(bob.getByTestId('inbox')).toContainText('Acquire refused', { timeout: 10_000 });

  // A stops renewing: after a whole lease duration the lease expires and B takes it.
  await button(host, 'Speed 4x').click();
  await expect(lock).toContainText('free', { timeout: 15_000 });
  await button(host, 'Pause').click();
  await play(bob, 'Acquire the lease', 'Accepted: Acquire the lease');
  await step(host, 3);
  await expect(lock).toContainText('held by B');

  // Now B's link to the lock service slows to 5 s. B renews while it still believes it
  // leads, but the renewal arrives after the lease expired: refused (L2), a false failover.
  await host.getByRole('combobox', { name: 'Slow link from' }).selectOption({ label: 'B · Bob' });
  await host.getByRole('combobox', { name: 'Slow link to' }).selectOption({ label: 'Lock service' });
  await host.getByRole('combobox', { name: 'Link delay' }).selectOption({ label: '5 s' });
  await host.getByRole('checkbox', { name: 'both ways' }).uncheck();
  await button(host, 'Slow link').click();
  await step(host, 4);
  await play(bob, 'Renew', 'Accepted: Renew');
  // It arrives 5 s later, after the expiry; the refusal travels back in another second.
  await step(host, 8);
  await expect(bob.getByTestId('inbox')).toContainText(/Renew refused: Your renewal arrived [\d.]+ s after your lease expired.*\(L2\)/);
  await expect(projector.getByTestId('ticker')).toContainText(/B's renewal arrived [\d.]+ s after the lease expired: refused.*\(L2\)/);
  await projector.screenshot({ path: 'test-results/screens/journey-lease-projector.png' });
});
