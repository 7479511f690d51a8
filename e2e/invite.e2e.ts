import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

describe('invite a colleague', () => {
  let hearth: Hearth;
  let admin: Browser;
  let invitee: Browser | undefined;
  beforeAll(async () => {
    hearth = await startHearth();
    admin = await launchBrowser();
  });
  afterAll(async () => {
    await invitee?.close();
    await admin?.close();
    await hearth?.stop();
  });

  it('lets the invited person open the link, choose a password and land signed in', async () => {
    const { page } = admin;
    await signIn(page, hearth.url, 'admin@example.com');
    await page.goto(`${hearth.url}/admin/people`);
    const form = page.locator('#invite');
    await form.getByLabel('Name').fill('Wren Calloway');
    await form.getByLabel('Work email').fill('wren.calloway@example.com');
    await form.getByLabel('Department').fill('Design');
    await form.getByLabel('Job title').fill('UX Researcher');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    const link = form.getByLabel('Invitation link');
    await link.waitFor();
    const inviteUrl = await link.inputValue();
    expect(inviteUrl).toContain('/accept-invite?token=');

    invitee = await launchBrowser({ width: 390, height: 844 });
    const p2 = invitee.page;
    await p2.goto(inviteUrl.replace(/^https?:\/\/[^/]+/, hearth.url));
    await p2.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    // Mismatched passwords are caught before anything is sent.
    await p2.getByLabel('New password').fill('a long enough passphrase');
    await p2.getByLabel('Repeat the password').fill('something else entirely');
    await p2.getByRole('button', { name: 'Set password and join' }).click();
    await p2.getByText('The two passwords do not match.').waitFor();
    await p2.getByLabel('Repeat the password').fill('a long enough passphrase');
    await p2.getByRole('button', { name: 'Set password and join' }).click();

    await p2.waitForURL((u) => u.pathname === '/');
    await p2.getByRole('heading', { level: 1, name: /Wren/ }).waitFor();
    await p2.getByText("You're in!").waitFor();

    // The admin sees the newcomer's profile as active now.
    await page.goto(`${hearth.url}/people?q=Wren`);
    await page.getByRole('article', { name: 'Wren Calloway' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Wren Calloway' }).waitFor();
    expect(await page.getByText('invited', { exact: true }).count()).toBe(0);
  });
});
