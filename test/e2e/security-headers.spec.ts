/**
 * Issue 9, finding 6, against the production server (Next build + custom server): every
 * page carries the security headers, the pages still hydrate and open their socket under
 * the CSP (no violation reported), and another site cannot frame the host panel.
 */
import type { Page } from '@playwright/test';
import { expect, hostAClass, newDevice, test } from './fixtures';

const EXPECTED: Record<string, RegExp> = {
  'content-security-policy': /frame-ancestors 'none'/,
  'x-frame-options': /^DENY$/,
  'referrer-policy': /^no-referrer$/,
  'x-content-type-options': /^nosniff$/,
  'permissions-policy': /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
  'cross-origin-opener-policy': /^same-origin$/,
};

/** Collects CSP violations the page reports (console "Refused to ..." and the DOM event), and header errors (an unknown Permissions-Policy feature). */
function watchViolations(page: Page, violations: string[]): void {
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to|Permissions-Policy/i.test(message.text())) violations.push(message.text());
  });
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Refused to load (CSP): ${event.violatedDirective} ${event.blockedURI}`));
  });
}

test('every page carries the security headers, and the app still runs under its CSP', async ({ browser, server, request }) => {
  const { host, code } = await hostAClass(browser, server.url);
  for (const path of ['/', '/join', `/join/${code}`, `/host/${code}`, `/screen/${code}`, '/healthz']) {
    const response = await request.get(`${server.url}${path}`);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    for (const [name, value] of Object.entries(EXPECTED)) expect(headers[name], `${name} on ${path}`).toMatch(value);
    expect(headers['content-security-policy'], path).toContain("object-src 'none'");
    expect(headers['content-security-policy'], path).not.toContain('upgrade-insecure-requests'); // classroom LANs are plain http
  }
  await host.close();

  // Hydration and the socket under the CSP: a teacher opens a class, a student joins, the projector shows them.
  const teacher = await newDevice(browser, { width: 1280, height: 900 });
  const phone = await newDevice(browser);
  const projector = await newDevice(browser, { width: 1920, height: 1080 });
  // One list for all three pages (a flatMap of per-page lists would copy them empty, and the check could never fail).
  const violations: string[] = [];
  for (const page of [teacher, phone, projector]) watchViolations(page, violations);
  await teacher.goto(server.url);
  await teacher.getByRole('button', { name: 'Host a class' }).click();
  await teacher.waitForURL(/\/host\/[2-9A-HJ-NP-Z]{6}$/);
  const liveCode = new URL(teacher.url()).pathname.split('/').pop() ?? '';
  await projector.goto(`${server.url}/screen/${liveCode}`);
  await phone.goto(`${server.url}/join/${liveCode}`);
  await phone.getByLabel('Your nickname').fill('Ada');
  await phone.getByRole('button', { name: 'Come aboard' }).click();
  await expect(phone.getByTestId('node-waiting')).toBeVisible();
  await expect(projector.getByText('Ada')).toBeVisible();
  await expect(teacher.getByText('Ada')).toBeVisible();
  expect(violations).toEqual([]);
});

test('another site cannot frame the host panel', async ({ browser, server }) => {
  const { host, code } = await hostAClass(browser, server.url);
  await host.close();
  const attacker = await newDevice(browser, { width: 1280, height: 900 });
  await attacker.setContent(`<iframe id="victim" src="${server.url}/host/${code}" width="800" height="600"></iframe>`);
  const frame = await (await attacker.waitForSelector('#victim')).contentFrame();
  await attacker.waitForTimeout(1500);
  // Blocked by frame-ancestors / X-Frame-Options: the frame never shows the panel.
  expect(await frame?.locator('body').innerText().catch(() => '')).not.toContain(code.slice(0, 3));
  expect(frame?.url()).not.toBe(`${server.url}/host/${code}`);
});
