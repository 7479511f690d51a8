import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, downloadedText, launchBrowser } from './support/launch-browser.ts';
import { screenshotter, withFailureShots } from './support/screenshots.ts';
import { DEMO_PASSWORD, signIn } from './support/sign-in.ts';
import { startHearth } from './support/start-hearth.ts';

type Hearth = Awaited<ReturnType<typeof startHearth>>;

const snap = screenshotter('admin-email-audit-');
const SAM = 'sam.okafor@example.com';
const PRIVATE = 'sam.private@elsewhere.example';

/** Mail the server wrote to its outbox for `to` with `subject` (newest last), parsed. */
async function mailsTo(hearth: Hearth, to: string, subject: string) {
  const dir = join(hearth.dataDir, 'outbox');
  let files: string[] = [];
  try {
    files = readdirSync(dir).sort();
  } catch {}
  const parsed = await Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, f)))));
  return parsed.filter((m) => m.subject === subject && (m.to && 'text' in m.to ? m.to.text : '').includes(to));
}

/** The link with `path` in the newest such mail, pointed at this server. */
async function linkIn(hearth: Hearth, to: string, subject: string, path: string): Promise<string> {
  const find = async () => new RegExp(`https?://[^\\s]+/${path}\\?token=[\\w-]+`).exec((await mailsTo(hearth, to, subject)).at(-1)?.text ?? '')?.[0] ?? '';
  const url = await eventually(find, (u) => u !== '', `a ${path} link mailed to ${to}`);
  return url.replace(/^https?:\/\/[^/]+/, hearth.url);
}

describe('an admin changes a sign-in email; the person stops it, then confirms it; the audit log shows it all', () => {
  let hearth: Hearth;
  let admin: Browser;
  let sam: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    admin = await launchBrowser();
    sam = await launchBrowser({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await sam?.close();
    await admin?.close();
    await hearth?.stop();
  });

  it('keeps the old email until confirmed with the password, lets the old address stop it, and lists every step', async () => {
    await withFailureShots('admin-email-audit-', { admin, sam }, async () => {
      const { page } = admin;
      await signIn(page, hearth.url, 'admin@example.com');
      await page.goto(`${hearth.url}/people?q=Sam%20Okafor`);
      await page.getByRole('article', { name: 'Sam Okafor' }).getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name: 'Sam Okafor' }).waitFor();
      const samUrl = page.url();

      // 1. The admin points Sam's sign-in email at another address: nothing changes yet, the change is pending.
      const form = page.locator('#admin-person');
      await form.getByLabel('Work email').fill(PRIVATE);
      await form.getByRole('button', { name: 'Save changes' }).click();
      await form.getByText(`Saved. ${PRIVATE} must confirm the change`).waitFor();
      expect(await form.getByLabel('Work email').inputValue()).toBe(SAM);
      const notice = page.getByRole('region', { name: 'Email change waiting for confirmation' });
      await notice.getByText(PRIVATE).waitFor();
      await snap(page, 'pending-admin');

      // 2. Whoever holds the new mailbox cannot finish it without Sam's password.
      const confirmUrl = await linkIn(hearth, PRIVATE, 'Confirm your new Hearth sign-in email', 'confirm-email');
      const guess = await admin.context.newPage();
      await guess.goto(confirmUrl);
      await guess.getByText(`will become ${PRIVATE}`).waitFor();
      await guess.getByLabel('Your Hearth password').fill('a-guessed-password');
      await guess.getByRole('button', { name: 'Confirm new email' }).click();
      await guess.getByText('That is not the password of this Hearth account.').waitFor();
      await snap(guess, 'confirm-refused');
      await guess.close();

      // 3. Sam's own (old) mailbox was told, and its link stops the change.
      const disputeUrl = await linkIn(hearth, SAM, 'Your Hearth sign-in email is being changed', 'dispute-email-change');
      await sam.page.goto(disputeUrl);
      await sam.page.getByText(`to ${PRIVATE}`).waitFor();
      await snap(sam.page, 'dispute');
      await sam.page.getByRole('button', { name: 'Stop this change' }).click();
      await sam.page.getByText('The change was stopped').waitFor();
      await page.goto(samUrl);
      await page.getByRole('heading', { level: 1, name: 'Sam Okafor' }).waitFor();
      expect(await page.getByRole('region', { name: 'Email change waiting for confirmation' }).count()).toBe(0);

      // 4. Asked again, Sam confirms with the password and then signs in with the new address; the old one no longer works.
      await form.getByLabel('Work email').fill('sam.new@example.com');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await form.getByText('Saved. sam.new@example.com must confirm').waitFor();
      await sam.page.goto(await linkIn(hearth, 'sam.new@example.com', 'Confirm your new Hearth sign-in email', 'confirm-email'));
      await sam.page.getByLabel('Your Hearth password').fill(DEMO_PASSWORD);
      await snap(sam.page, 'confirm');
      await sam.page.getByRole('button', { name: 'Confirm new email' }).click();
      await sam.page.getByText('Your sign-in email was changed.').waitFor();
      await signIn(sam.page, hearth.url, 'sam.new@example.com');

      // 5. The audit log lists each step with before and after, filters by action and person, and downloads as CSV.
      await page.getByRole('link', { name: 'Audit log' }).click();
      await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
      await eventually(() => page.locator('.audit-entry').count(), (n) => n > 0, 'audit entries');
      expect(page.url()).toContain('targetId=');
      await page.getByRole('list', { name: 'Person filters' }).getByText('On Sam Okafor').waitFor();
      const actions = await page.locator('.audit-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
      expect(actions).toEqual(
        expect.arrayContaining(['people.email_change_requested', 'people.email_change_confirm_failed', 'people.email_change_disputed', 'people.email_change_confirmed']),
      );
      const confirmed = page.locator('.audit-entry[data-action="people.email_change_confirmed"]');
      expect(await confirmed.textContent()).toContain(`${SAM}`);
      expect(await confirmed.textContent()).toContain('sam.new@example.com');
      await snap(page, 'audit-person');

      await page.getByLabel('Action').selectOption('people.email_change_disputed');
      await eventually(() => page.locator('.audit-entry').count(), (n) => n === 1, 'one disputed entry');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
      const csv = await downloadedText(download);
      expect(csv.split('\r\n')[0]).toBe('id,time,action,actor_id,actor,target,target_name,before,after,details,ip');
      expect(csv.trim().split('\r\n')).toHaveLength(2);
      expect(csv).toContain('people.email_change_disputed');
      await page.getByRole('button', { name: 'Remove filter: on Sam Okafor' }).click();
      await page.getByLabel('Action').selectOption('');
      await eventually(() => page.locator('.audit-entry').count(), (n) => n > 4, 'the whole log');
      await snap(page, 'audit');
    });
  });
});
