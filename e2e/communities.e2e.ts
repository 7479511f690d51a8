import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { signIn } from './support/sign-in.ts';
import { screenshotter, withFailureShots } from './support/screenshots.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('');

describe('communities: create, join with rules, ask, answer, accept', () => {
  let hearth: Hearth;
  let admin: Browser;
  let sam: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    admin = await launchBrowser();
    sam = await launchBrowser();
  });
  afterAll(async () => {
    await sam?.close();
    await admin?.close();
    await hearth?.stop();
  });

  it('lets a second person join an open community, ask a Markdown question and accept the answer', async () => {
    // Keeps what each person saw at the moment of a failure.
    await withFailureShots('', { admin, sam }, journey);
  });

  async function journey() {
    const a = admin.page;
    const s = sam.page;
    const name = 'Design Systems Guild';

    // The admin creates an open community from the directory.
    await signIn(a, hearth.url, 'admin@example.com');
    await a.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Communities' }).click();
    await a.getByRole('heading', { level: 1, name: 'Communities' }).waitFor();
    await a.getByRole('list', { name: 'All communities' }).waitFor();
    await snap(a, '01-directory');
    await a.getByRole('link', { name: 'Create community' }).click();
    await a.getByRole('heading', { level: 1, name: 'Create a community' }).waitFor();
    await a.getByLabel('Name').fill(name);
    await a.getByLabel('Description').fill('Tokens, components and the craft of consistent interfaces.');
    await a.getByRole('radio', { name: /Open/ }).check();
    await a.getByRole('textbox', { name: /^Topics/ }).fill('design');
    await a.getByRole('textbox', { name: /^Topics/ }).press('Enter');
    await a.getByRole('textbox', { name: /^Topics/ }).fill('frontend,');
    expect(await a.getByRole('list', { name: 'Topics added' }).getByRole('listitem').allInnerTexts()).toEqual(['design', 'frontend']);
    // The rules come prefilled; Preview shows the server's rendering.
    expect(await a.getByLabel('Rules (code of conduct)').inputValue()).toContain('How we talk here');
    await a.getByRole('tab', { name: 'Preview' }).click();
    await a.getByRole('tabpanel').getByRole('heading', { name: 'How we talk here' }).waitFor();
    await snap(a, '02-create-community');
    await a.getByRole('button', { name: 'Create community' }).click();
    await a.waitForURL((u) => u.pathname.startsWith('/communities/design-systems-guild'));
    await a.getByRole('heading', { level: 1, name }).waitFor();
    await a.getByText('Owner', { exact: true }).first().waitFor();
    await a.getByText('1 member', { exact: true }).waitFor();
    const communityUrl = a.url();

    // Sam finds it in the directory and joins, accepting the rules.
    await signIn(s, hearth.url, 'sam.okafor@example.com');
    await s.goto(`${hearth.url}/communities`);
    const card = s.getByRole('list', { name: 'All communities' }).getByRole('article', { name });
    await card.waitFor();
    expect(await card.innerText()).toContain('1 member');
    await snap(s, '03-directory');
    await card.getByRole('link', { name }).click();
    await s.getByRole('heading', { level: 1, name }).waitFor();
    await snap(s, '04-community-visitor');
    await s.getByRole('button', { name: 'Join community' }).click();
    const dialog = s.getByRole('dialog', { name: `Join ${name}` });
    await dialog.waitFor();
    await dialog.getByRole('heading', { name: 'How we talk here' }).waitFor();
    const confirm = dialog.getByRole('button', { name: 'Join community' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(`I accept the rules of ${name}`).check();
    await snap(s, '05-join-rules-dialog');
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
    await s.getByText('Member', { exact: true }).first().waitFor();
    await s.getByText('2 members', { exact: true }).waitFor();

    // Sam asks a question with Markdown and an @mention picked from the autocomplete.
    await s.getByRole('link', { name: 'Start a thread' }).first().click();
    await s.getByRole('heading', { level: 1, name: 'Start a thread' }).waitFor();
    await s.getByRole('radio', { name: /Question/ }).check();
    expect(await s.getByRole('radio', { name: /Announcement/ }).count()).toBe(0);
    await s.getByLabel('Title').fill('How should we version our design tokens?');
    const body = s.getByLabel('Your question');
    await body.fill('We ship tokens to **three apps** and keep breaking them.\n\nOptions so far:\n- semver per package\n- one date-based release\n\nAny advice, ');
    await body.press('End');
    await body.pressSequentially('@Alex');
    const option = s.getByRole('listbox', { name: 'People to mention' }).getByRole('option', { name: /Alex Morgan/ });
    await option.waitFor();
    await body.press('Enter');
    expect(await body.inputValue()).toMatch(/\[@Alex Morgan\]\(\/people\/[0-9a-f-]{36}\) $/);
    await body.pressSequentially('?');
    await snap(s, '06-new-question');
    await s.getByRole('button', { name: 'Post question' }).click();
    await s.waitForURL((u) => u.pathname.startsWith('/threads/'));
    const threadUrl = s.url();
    await s.getByRole('heading', { level: 1, name: 'How should we version our design tokens?' }).waitFor();
    const question = s.getByRole('article', { name: 'Question by Sam Okafor' });
    expect(await question.locator('strong').innerText()).toBe('three apps');
    expect(await question.getByRole('listitem').allInnerTexts()).toEqual(['semver per package', 'one date-based release']);
    expect(await question.getByRole('link', { name: '@Alex Morgan' }).getAttribute('class')).toContain('mention');

    // It is listed under "Unsolved" for the admin, who answers it.
    await a.goto(`${communityUrl}?filter=unsolved`);
    const unsolved = a.getByRole('article', { name: 'How should we version our design tokens?' });
    await unsolved.waitFor();
    expect(await unsolved.innerText()).toMatch(/question/i);
    await snap(a, '07-community-unsolved');
    await unsolved.getByRole('link').click();
    await a.getByRole('heading', { level: 1, name: 'How should we version our design tokens?' }).waitFor();
    await a.getByRole('textbox', { name: 'Your answer' }).fill('Version the **token package** with semver and publish a changelog.');
    await a.getByRole('button', { name: 'Post answer' }).click();
    await a.getByRole('article', { name: 'Reply by Alex Morgan' }).waitFor();

    // Sam sees the answer arrive live (no reload) and accepts it.
    const answer = s.getByRole('article', { name: 'Reply by Alex Morgan' });
    await answer.waitFor({ timeout: 10_000 });
    expect(await answer.locator('strong').innerText()).toBe('token package');
    await snap(s, '08-thread-answered');
    await answer.getByRole('button', { name: 'Accept answer' }).click();
    const acceptedForSam = s.getByRole('article', { name: 'Accepted answer by Alex Morgan' });
    await acceptedForSam.waitFor();
    expect(await acceptedForSam.innerText()).toContain('Accepted answer');
    await s.getByText('Solved', { exact: true }).first().waitFor();
    expect(s.url()).toBe(threadUrl);
    await snap(s, '09-thread-accepted');

    // The admin sees it accepted too, right under the question, and it leaves "Unsolved".
    await eventually(
      () => a.getByRole('article', { name: 'Accepted answer by Alex Morgan' }).count(),
      (n) => n === 1,
      'the accepted answer to show for the admin',
    );
    const order = await a.locator('article.post').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(order.slice(0, 2)).toEqual(['Question by Sam Okafor', 'Accepted answer by Alex Morgan']);
    await a.goto(`${communityUrl}?filter=unsolved`);
    await a.getByText('Every question has an accepted answer.').waitFor();
    await a.getByRole('button', { name: 'Questions', exact: true }).click();
    const solved = a.getByRole('article', { name: 'How should we version our design tokens?' });
    await solved.waitFor();
    expect(await solved.innerText()).toMatch(/solved/i);

    // Members tab: both people with their roles.
    await a.getByRole('link', { name: 'Members' }).click();
    const members = a.getByRole('list', { name: 'Members' });
    await members.getByRole('link', { name: /Sam Okafor/ }).waitFor();
    expect(await members.getByRole('listitem').count()).toBe(2);
    await snap(a, '10-members');
    await a.getByRole('link', { name: 'Settings' }).click();
    await a.getByRole('heading', { name: 'Community settings' }).waitFor();
    await snap(a, '11-settings');
  }
});
