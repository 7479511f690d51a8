import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

describe('live presence in the directory', () => {
  let hearth: Hearth;
  let admin: Browser;
  let sam: Browser | undefined;
  beforeAll(async () => {
    hearth = await startHearth();
    admin = await launchBrowser();
  });
  afterAll(async () => {
    await sam?.close();
    await admin?.close();
    await hearth?.stop();
  });

  it("turns Sam's dot online when Sam signs in elsewhere, and offline when Sam leaves, without a reload", async () => {
    const { page } = admin;
    await signIn(page, hearth.url, 'admin@example.com');
    await page.goto(`${hearth.url}/people`);
    await page.getByLabel('Search people').fill('Sam Okafor');
    const card = page.getByRole('article', { name: 'Sam Okafor' });
    await card.waitFor();
    const dot = card.getByTestId('presence-dot');
    const state = () => dot.getAttribute('data-presence');
    expect(await state()).toBe('offline');
    // The admin's own socket is live, so the page is subscribed before Sam arrives.
    await page.getByText('1 online now').waitFor();
    let navigations = 0;
    page.on('framenavigated', (f) => f === page.mainFrame() && navigations++);

    sam = await launchBrowser();
    await signIn(sam.page, hearth.url, 'sam.okafor@example.com');
    await eventually(state, (s) => s === 'online', "Sam's dot to turn online");
    expect(await dot.getAttribute('aria-label')).toBe('Sam Okafor is online');

    await sam.close();
    await eventually(state, (s) => s === 'offline', "Sam's dot to turn offline");
    expect(navigations).toBe(0);
  });
});
