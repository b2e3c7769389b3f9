/**
 * The student's phone during a round, in Chromium against the real server: every click is
 * answered on screen (accepted, or refused with its rule ID), a second vote in the same
 * term is refused with R4, crashed / frozen / late / finished states are told, and the
 * laptop's keyboard shortcuts play moves. The teacher is a socket bot here (the host
 * panel has its own journey); screenshots land in test-results/screens/phone-*.png.
 */
import type { Browser, Page } from '@playwright/test';
import { boardPhones, expect, newDevice, test } from './fixtures';
import { feedback, letter, move, openClass, playAndSee, pressAndSee } from './phone-moves';

async function shoot(phone: Page, name: string): Promise<void> {
  await phone.evaluate(() => window.scrollTo(0, 0));
  await phone.screenshot({ path: `test-results/screens/phone-${name}.png` });
}

/** Indices of the phones whose move is allowed now. */
async function allowedOn(phones: Page[], name: string): Promise<number[]> {
  const flags = await Promise.all(phones.map((p) => move(p, name).getAttribute('data-allowed')));
  return flags.flatMap((flag, i) => (flag === 'true' ? [i] : []));
}

test('Raft on the phones: refusals with their rule, a second vote refused (R4), a leader, a crash', async ({ browser, server }) => {
  const teacher = await openClass(server.url);
  const phones = await boardPhones(browser, server.url, teacher.code, ['Ada', 'Bob', 'Cy', 'Dara', 'Eun-ji']);

  // Slow messages (2.5 s) so two nodes can stand in the same term before hearing each other.
  // The clock starts paused: "too early" must not depend on how fast this machine gets the
  // five phones checked (on a loaded runner that took longer than the 6 s election timeout).
  const start = await teacher.ask('host:round:start', {
    algorithm: 'raft', preset: 'raft-classroom', teamSize: null, startPaused: true,
    params: { electionTimeoutMinMs: 6000, electionTimeoutMaxMs: 8000 }, network: { delayMs: 2500, jitterMs: 0 },
  });
  expect(start).toMatchObject({ ok: true });
  for (const [i, phone] of phones.entries()) {
    await expect(phone.getByTestId('game-algorithm')).toHaveText('Raft');
    await expect(phone.getByTestId('node-name')).toContainText(letter(i));
    await expect(phone.getByTestId('node-role')).toHaveText('Follower');
  }
  await shoot(phones[1]!, 'raft-follower');

  // Too early: refused with R3, on screen. A double click is one action (one refused move).
  const ada = phones[0]!;
  await move(ada, 'Stand for election').dblclick();
  await expect(feedback(ada)).toContainText('Refused (R3)');
  await expect(feedback(ada)).toContainText('election timer has not run out');
  await expect.poll(() => teacher.views.at(-1)?.teams[0]?.counters.refusedMoves).toBe(1);
  expect(await teacher.ask('host:clock', { action: 'resume' })).toMatchObject({ ok: true });

  // Two timers run out; both stand at once, in the same term.
  let due: number[] = [];
  await expect.poll(async () => (due = await allowedOn(phones, 'Stand for election')).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  const [c1, c2] = due as [number, number];
  // c1's acceptance is looked for from its own click, not after both (on a loaded machine
  // c2's click took 5.4 s, and c1's 2.5 s banner had come and gone).
  await Promise.all([playAndSee(phones[c1]!, 'Stand for election', 'Accepted: Stand for election'), move(phones[c2]!, 'Stand for election').click()]);
  await expect(phones[c1]!.getByTestId('node-role')).toHaveText('Candidate');

  // A voter hears both, votes for the first, then tries the second: R4, with its sentence.
  const [voter, v2, v3] = [0, 1, 2, 3, 4].filter((i) => i !== c1 && i !== c2) as [number, number, number];
  const phone = phones[voter]!;
  await expect(move(phone, `Vote for ${letter(c1)}`)).toBeVisible();
  await expect(move(phone, `Vote for ${letter(c2)}`)).toBeVisible();
  await expect(phone.getByText(`${letter(c1)} asks for your vote (term 1)`).first()).toBeVisible();
  await expect(phone.getByText(`${letter(c2)} asks for your vote (term 1)`).first()).toBeVisible();
  await shoot(phones[c2]!, 'raft-candidate-with-request');
  await playAndSee(phone, `Vote for ${letter(c1)}`, `Accepted: Vote for ${letter(c1)}`);
  await expect(move(phone, `Vote for ${letter(c2)}`)).toHaveAttribute('data-allowed', 'false');
  await move(phone, `Vote for ${letter(c2)}`).click();
  await expect(feedback(phone)).toContainText('Refused (R4)');
  await expect(feedback(phone)).toContainText(`You already voted for ${letter(c1)} in term 1`);
  await shoot(phone, 'raft-refused-R4');

  // The majority elects c1; it leads, sends a heartbeat and steers north.
  await move(phones[v2]!, `Vote for ${letter(c1)}`).click();
  await move(phones[v3]!, `Vote for ${letter(c1)}`).click();
  const leader = phones[c1]!;
  await expect(leader.getByTestId('node-role')).toHaveText('Leader', { timeout: 15_000 });
  await playAndSee(leader, 'Send heartbeat', 'Accepted: Send heartbeat');
  await playAndSee(leader, 'Steer N', 'Accepted: Steer N');
  await expect(phones[v2]!.getByTestId('fact-leader')).toContainText(letter(c1), { timeout: 15_000 });
  await shoot(leader, 'raft-leader');

  // The teacher crashes the leader: its phone says so, and its moves are refused.
  expect(await teacher.ask('host:fault', { team: 0, fault: { type: 'CrashNode', node: c1 } })).toMatchObject({ ok: true });
  await expect(leader.getByTestId('node-status')).toContainText('Your node has crashed');
  await move(leader, 'Send heartbeat').click();
  await expect(feedback(leader)).toContainText('Refused (C1)');
  await shoot(leader, 'raft-crashed');

  // A latecomer waits for the next round; the end of the round is told on every phone.
  const late = await boardLate(browser, server.url, teacher.code);
  await expect(late.getByTestId('node-waiting')).toContainText("you'll play in the next round");
  expect(await teacher.ask('host:round:end')).toMatchObject({ ok: true });
  await expect(phone.getByTestId('round-over')).toContainText('Round over');
  await expect(phone.getByTestId('move-pad')).toHaveCount(0);
  teacher.socket.close();
});

/** One student who joins once the round is on: they see the node card, not the game. */
async function boardLate(browser: Browser, url: string, code: string): Promise<Page> {
  const phone = await newDevice(browser);
  await phone.goto(`${url}/join/${code}`);
  await phone.getByLabel('Your nickname').fill('Late');
  await phone.getByRole('button', { name: 'Come aboard' }).click();
  await expect(phone.getByTestId('node-card')).toBeVisible();
  return phone;
}

test('Bully on the phones: answers, a refused declaration (B6), a new coordinator', async ({ browser, server }) => {
  const teacher = await openClass(server.url);
  const phones = await boardPhones(browser, server.url, teacher.code, ['Ada', 'Bob', 'Cy']);
  expect(await teacher.ask('host:round:start', { algorithm: 'bully', preset: 'bully-classroom', teamSize: null, network: { delayMs: 500, jitterMs: 0 } })).toMatchObject({ ok: true });
  const [one, two, three] = phones as [Page, Page, Page];
  await expect(three.getByTestId('node-role')).toHaveText('Coordinator');
  await playAndSee(three, 'Send "I\'m alive"', 'Accepted: Send "I\'m alive"');

  // The top rank crashes; at 4x, 1 soon suspects it and calls an election.
  expect(await teacher.ask('host:fault', { team: 0, fault: { type: 'CrashNode', node: 2 } })).toMatchObject({ ok: true });
  expect(await teacher.ask('host:clock', { action: 'rate', rate: 4 })).toMatchObject({ ok: true });
  await expect(move(one, 'Start election')).toHaveAttribute('data-allowed', 'true', { timeout: 20_000 });
  await move(one, 'Start election').click();
  // Back to 1x: the answer must beat 1's timer T, whatever the pace of the test.
  expect(await teacher.ask('host:clock', { action: 'rate', rate: 1 })).toMatchObject({ ok: true });
  await expect(move(two, 'Answer 1 (OK)')).toHaveAttribute('data-allowed', 'true', { timeout: 10_000 });
  await expect(two.getByTestId('inbox')).toContainText('ELECTION from 1');
  await shoot(two, 'bully-answer');
  await move(two, 'Answer 1 (OK)').click();
  await expect(one.getByTestId('fact-answers')).toContainText('2', { timeout: 10_000 });
  // The move pad re-sorts as views arrive; a click that lands mid-render is simply made again
  // (a refused move changes nothing, so repeating it is harmless). Each try's answer is
  // looked for from its own click.
  await expect(async () => {
    await Promise.all([expect(feedback(one)).toContainText('Refused (B6)', { timeout: 3_000 }), move(one, 'Declare coordinator').click()]);
  }).toPass({ timeout: 15_000 });

  // 2 elects itself: nobody higher answers within T, so it declares.
  await expect(move(two, 'Start election')).toHaveAttribute('data-allowed', 'true', { timeout: 20_000 });
  await move(two, 'Start election').click();
  expect(await teacher.ask('host:clock', { action: 'rate', rate: 4 })).toMatchObject({ ok: true });
  await expect(move(two, 'Declare coordinator')).toHaveAttribute('data-allowed', 'true', { timeout: 20_000 });
  await move(two, 'Declare coordinator').click();
  await expect(two.getByTestId('node-role')).toHaveText('Coordinator');
  await expect(one.getByTestId('fact-leader')).toContainText('2 (Bob)', { timeout: 10_000 });
  await shoot(two, 'bully-coordinator');
  teacher.socket.close();
});

test('Lease on a laptop: keyboard shortcuts, a write, a refused write (L6)', async ({ browser, server }) => {
  const teacher = await openClass(server.url);
  const phones = await boardPhones(browser, server.url, teacher.code, ['Ada', 'Bob', 'Cy']);
  expect(await teacher.ask('host:round:start', { algorithm: 'lease', preset: 'lease-lecture', teamSize: null, network: { delayMs: 500, jitterMs: 0 } })).toMatchObject({ ok: true });
  const [ada, bob] = phones as [Page, Page];
  await ada.setViewportSize({ width: 1280, height: 800 });
  await expect(move(ada, 'Acquire the lease')).toBeVisible();

  await pressAndSee(ada, 'a', 'Accepted: Acquire the lease'); // A: acquire
  await expect(ada.getByTestId('node-role')).toHaveText('You believe you lead', { timeout: 10_000 });
  await expect(ada.getByTestId('node-headline')).toContainText('1');
  await pressAndSee(ada, 'w', 'Accepted: Write "A1"'); // W: write the default text
  await expect(ada.getByTestId('inbox')).toContainText('Write "A1" stored with token 1', { timeout: 10_000 });
  await pressAndSee(ada, 'r', 'Accepted: Renew'); // R: renew
  await shoot(ada, 'lease-holder-laptop');

  await move(bob, 'Acquire the lease').click();
  await expect(bob.getByTestId('inbox')).toContainText('Acquire refused', { timeout: 10_000 });
  await playAndSee(bob, 'Write', 'Refused (L6)');
  await shoot(bob, 'lease-refused-write');
  teacher.socket.close();
});

/** How long the phone's refusal banner stays (FeedbackBanner.tsx). */
const REFUSED_BANNER_MS = 9000;

test('An acceptance that lands as the last refusal times out is shown: the refusal\'s timer takes down only its own banner', async ({ browser, server }) => {
  const teacher = await openClass(server.url);
  const [ada] = (await boardPhones(browser, server.url, teacher.code, ['Ada', 'Bob', 'Cy'])) as [Page];
  expect(await teacher.ask('host:round:start', { algorithm: 'lease', preset: 'lease-lecture', teamSize: null, network: { delayMs: 500, jitterMs: 0 } })).toMatchObject({ ok: true });
  await expect(move(ada, 'Acquire the lease')).toBeVisible();

  // A refusal, and the moment its banner appeared on the page's clock (its timer starts then).
  const refusalShown = ada.evaluate(() => new Promise<number>((shown) => {
    const banner = () => document.querySelector('[data-testid="move-feedback"][data-outcome="refused"]');
    const observer = new MutationObserver(() => banner() && (observer.disconnect(), shown(performance.now())));
    observer.observe(document.body, { childList: true, subtree: true });
  }));
  await move(ada, 'Write').click();
  const refusedAt = await refusalShown;
  await expect(feedback(ada)).toContainText('Refused (L6)');

  // The race of CI's flaky run, made certain: the phone is busy (a slow machine) from the
  // click until the refusal's timer is due and the acceptance has arrived, so both wait
  // in the page's queue and the acceptance's answer is handled before the old timer fires.
  await ada.evaluate(async ({ refusedAt, refusedMs }) => {
    await new Promise((later) => setTimeout(later, refusedAt + refusedMs - 1500 - performance.now()));
    document.querySelector<HTMLButtonElement>('button[aria-label="Acquire the lease"]')!.click();
    const busyUntil = refusedAt + refusedMs + 1000;
    while (performance.now() < busyUntil); // the acceptance's ack arrives meanwhile
  }, { refusedAt, refusedMs: REFUSED_BANNER_MS });
  await expect(feedback(ada)).toContainText('Accepted: Acquire the lease');
  teacher.socket.close();
});
