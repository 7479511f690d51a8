import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

// Set E2E_SCREENSHOTS=<dir> to keep a picture of every screen at phone and desktop widths.
const shots = process.env.E2E_SCREENSHOTS;
if (shots) mkdirSync(shots, { recursive: true });
async function snap(page: Page, name: string) {
  if (!shots) return;
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(shots, `inbox-${name}-${width}.png`), fullPage: width !== 390 || !name.startsWith('messages') });
  }
  await page.setViewportSize(size);
}

describe('notifications and direct messages: live in another browser', () => {
  let hearth: Hearth;
  let maya: Browser;
  let sam: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    maya = await launchBrowser();
    sam = await launchBrowser();
  });
  afterAll(async () => {
    await sam?.close();
    await maya?.close();
    await hearth?.stop();
  });

  it('a mention shows up as a live unread badge and notification, and a direct message arrives live', async () => {
    try {
      await journey();
    } catch (err) {
      if (shots) for (const [who, b] of [['maya', maya], ['sam', sam]] as const) await b.page.screenshot({ path: join(shots, `inbox-failure-${who}.png`), fullPage: true }).catch(() => {});
      throw err;
    }
  });

  async function journey() {
    const m = maya.page;
    const s = sam.page;
    await signIn(m, hearth.url, 'maya.patel@example.com');
    await signIn(s, hearth.url, 'sam.okafor@example.com');
    const samNav = s.getByRole('navigation', { name: 'Main', exact: true });
    const bell = samNav.getByTestId('notifications-link');
    const inbox = samNav.getByTestId('messages-link');
    await bell.waitFor();
    const before = (await bell.getAttribute('aria-label')) ?? '';
    expect(before).toBe('Notifications');

    // Maya starts a discussion in her community and mentions Sam through the autocomplete.
    await m.goto(`${hearth.url}/communities/data-guild/new-thread`);
    await m.getByRole('heading', { level: 1, name: 'Start a thread' }).waitFor();
    await m.getByLabel('Title').fill('Dashboards for the sales team');
    const body = m.getByLabel('Message', { exact: true });
    await body.fill('Which numbers matter most to you, ');
    await body.press('End');
    await body.pressSequentially('@Sam');
    await m.getByRole('listbox', { name: 'People to mention' }).getByRole('option', { name: /Sam Okafor/ }).waitFor();
    await body.press('Enter');
    await body.pressSequentially('?');
    await m.getByRole('button', { name: /^Post/ }).click();
    await m.waitForURL((u) => u.pathname.startsWith('/threads/'));
    const threadPath = new URL(m.url()).pathname;

    // Sam never reloads: the bell's badge turns to 1 over the WebSocket.
    await eventually(() => bell.getAttribute('aria-label'), (l) => l === 'Notifications, 1 unread', 'a live unread badge on Sam’s bell');
    expect(await bell.locator('.inbox-badge').innerText()).toBe('1');
    await bell.click();
    await s.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const item = s.getByRole('list', { name: 'Notifications' }).getByRole('link', { name: /Maya Patel mentioned you in “Dashboards for the sales team”/ });
    await item.waitFor();
    await snap(s, 'notifications');
    await item.click();
    await s.waitForURL((u) => u.pathname === threadPath);
    await s.getByRole('heading', { level: 1, name: 'Dashboards for the sales team' }).waitFor();
    await eventually(() => bell.getAttribute('aria-label'), (l) => l === 'Notifications', 'the badge to clear once read');

    // Maya opens Sam's profile from the mention and messages him.
    await m.getByRole('link', { name: '@Sam Okafor' }).first().click();
    await m.getByRole('heading', { level: 1, name: 'Sam Okafor' }).waitFor();
    await m.getByRole('button', { name: 'Message Sam Okafor' }).click();
    await m.waitForURL((u) => /^\/messages\/[0-9a-f-]{36}$/.test(u.pathname));
    const composer = m.getByLabel('Message', { exact: true });
    await composer.fill('Hi Sam, got a minute for the **dashboard** numbers?');
    await composer.press('Enter');
    await m.getByRole('list', { name: 'Messages' }).getByText('dashboard').waitFor();
    expect(await composer.inputValue()).toBe('');

    // Sam's Messages badge turns to 1 live; the conversation shows the message, rendered.
    await eventually(() => inbox.getAttribute('aria-label'), (l) => l === 'Messages, 1 unread', 'a live unread badge on Sam’s messages');
    await inbox.click();
    const row = s.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /Maya Patel/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('1');
    await row.click();
    const history = s.getByRole('list', { name: 'Messages' });
    await history.locator('strong', { hasText: 'dashboard' }).waitFor();
    await eventually(() => inbox.getAttribute('aria-label'), (l) => l === 'Messages', 'the messages badge to clear once read');

    // While Sam looks at the conversation, Maya's next message appears without reload; Shift+Enter makes a new line.
    await composer.fill('Second line test');
    await composer.press('Shift+Enter');
    await composer.pressSequentially('and more');
    expect(await composer.inputValue()).toBe('Second line test\nand more');
    await composer.press('Enter');
    await history.getByText(/and more/).waitFor();
    const samComposer = s.getByLabel('Message', { exact: true });
    await samComposer.fill('Sure — 10 minutes?');
    await samComposer.press('Enter');
    await m.getByRole('list', { name: 'Messages' }).getByText('Sure — 10 minutes?').waitFor();
    await snap(s, 'messages-conversation');
    await s.goto(`${hearth.url}/messages`);
    await s.getByRole('list', { name: 'Conversations' }).waitFor();
    await snap(s, 'messages-list');
    await s.goto(`${hearth.url}/messages/new`);
    await s.getByLabel('Add people').fill('Lea Schmidt');
    await s.getByRole('list', { name: 'Matching people' }).getByRole('button', { name: /Lea Schmidt/ }).click();
    await s.getByLabel('Add people').fill('Tomas');
    await s.getByRole('list', { name: 'Matching people' }).getByRole('button', { name: /Tom[aá]s Reyes/ }).click();
    await s.getByLabel('Group title').fill('Q3 dashboards');
    await snap(s, 'new-conversation');
    await s.getByRole('button', { name: 'Start group' }).click();
    await s.waitForURL((u) => /^\/messages\/[0-9a-f-]{36}$/.test(u.pathname));
    await s.getByRole('heading', { level: 1, name: 'Q3 dashboards' }).waitFor();
    await s.goto(`${hearth.url}/notifications/settings`);
    await s.getByRole('button', { name: 'Save settings' }).waitFor();
    await s.getByLabel('A daily digest of what I have not read').uncheck();
    await s.getByRole('button', { name: 'Save settings' }).click();
    await s.getByText('Saved.').waitFor();
    await snap(s, 'settings');

    // An unsubscribe link that is not valid (mistyped, or older than 90 days) explains itself.
    await s.goto(`${hearth.url}/unsubscribe?token=${'x'.repeat(43)}`);
    await s.getByRole('heading', { level: 1, name: 'Unsubscribe from Hearth email' }).waitFor();
    await s.getByRole('button', { name: 'Unsubscribe' }).click();
    await s.getByRole('alert').getByText(/not valid or has expired/).waitFor();
    expect(await s.getByRole('button', { name: 'Unsubscribe' }).count()).toBe(0);
    await snap(s, 'unsubscribe');
  }
});
