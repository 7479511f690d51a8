import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { signIn } from './support/sign-in.ts';
import { screenshotter, withFailureShots } from './support/screenshots.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('search-');

describe('search and the home feed', () => {
  let hearth: Hearth;
  let admin: Browser;
  let maya: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    admin = await launchBrowser();
    maya = await launchBrowser();
  });
  afterAll(async () => {
    await maya?.close();
    await admin?.close();
    await hearth?.stop();
  });

  it('shows a colleague’s new thread in the home feed, and finds it and a person with highlighted matches', async () => {
    await withFailureShots('search-', { admin, maya }, journey);
  });

  async function journey() {
    const a = admin.page;
    const m = maya.page;
    const title = 'Pairing on SQL dashboards with Lea Schmidt';

    // Maya belongs to the Data & Analytics Guild; her feed already shows the demo communities' discussions.
    await signIn(m, hearth.url, 'maya.patel@example.com');
    const feed = m.getByRole('region', { name: 'Your feed' });
    await feed.getByRole('listitem').first().waitFor();
    expect(await feed.getByRole('listitem').filter({ hasText: title }).count()).toBe(0);
    await snap(m, '01-home-feed');

    // The admin, another member, starts a thread there.
    await signIn(a, hearth.url, 'admin@example.com');
    await a.goto(`${hearth.url}/communities/data-guild/new-thread`);
    await a.getByRole('heading', { level: 1, name: 'Start a thread' }).waitFor();
    await a.getByLabel('Title').fill(title);
    await a.getByRole('textbox', { name: 'Message' }).fill('Lea offered to pair on **retention** charts every Thursday. Who wants a slot?');
    await a.getByRole('button', { name: 'Post thread' }).click();
    await a.waitForURL((u) => u.pathname.startsWith('/threads/'));
    const threadPath = new URL(a.url()).pathname;

    // Maya's home feed shows it (the feed refreshes on load; reload to pick it up now).
    await m.reload();
    const item = feed.getByRole('listitem').filter({ hasText: title });
    await item.waitFor();
    // Newest first: the new thread heads the feed.
    expect(await feed.getByRole('listitem').first().innerText()).toContain(title);
    expect(await item.innerText()).toMatch(/Alex Morgan\s+started/);
    expect(await item.getByRole('link', { name: title }).getAttribute('href')).toBe(threadPath);
    expect(await item.getByRole('link', { name: 'Data & Analytics Guild' }).count()).toBe(1);
    await snap(m, '02-home-feed');

    // Colleagues to meet: people outside her team who can help with what she wants to learn, each with the reason.
    // She follows one; they leave the suggestions and are among the people she follows.
    const meet = m.getByRole('list', { name: 'Suggested colleagues' });
    const suggested = meet.getByRole('listitem').filter({ hasNotText: 'Lea Schmidt' }).first();
    await suggested.waitFor();
    expect(await suggested.innerText()).toMatch(/Can help with|Also into/);
    const newColleague = (await suggested.locator('.person-row-name').innerText()).trim();
    await suggested.getByRole('button', { name: `Follow ${newColleague}` }).click();
    await meet.getByRole('listitem').filter({ hasText: newColleague }).waitFor({ state: 'detached' });
    const follows = (await (await m.request.get(`${hearth.url}/api/follows`)).json()) as { items: { person: { name: string } | null }[] };
    expect(follows.items.map((f) => f.person?.name)).toContain(newColleague);

    // She types in the shell's search box ("/" focuses it) and presses Enter.
    await m.keyboard.press('/');
    const box = m.getByRole('searchbox', { name: 'Search Hearth' });
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('schmidt');
    await box.press('Enter');
    await m.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === 'schmidt');
    const results = m.getByRole('list', { name: 'Results for schmidt' });
    await results.waitFor();
    const thread = results.getByRole('link', { name: `Discussion: ${title}` });
    const person = results.getByRole('link', { name: 'Person: Lea Schmidt' });
    await thread.waitFor();
    await person.waitFor();
    expect(await thread.locator('mark').allInnerTexts()).toEqual(['Schmidt']);
    expect(await person.locator('mark').allInnerTexts()).toEqual(['Schmidt']);
    // The chips carry counts; the people chip narrows the list.
    const chips = m.getByRole('group', { name: 'Show results of one kind' });
    expect(await chips.getByRole('button', { name: /^Discussions/ }).innerText()).toMatch(/Discussions\s*1/);
    await snap(m, '03-results');
    await chips.getByRole('button', { name: /^People/ }).click();
    await m.waitForURL((u) => u.searchParams.get('type') === 'people');
    await results.getByRole('link', { name: 'Person: Lea Schmidt' }).waitFor();
    // The previous results stay (dimmed) until the narrowed ones arrive.
    await eventually(() => results.getByRole('link', { name: /^Discussion:/ }).count(), (n) => n === 0, 'discussions to leave the people-only list');
    await chips.getByRole('button', { name: /^All/ }).click();
    await results.getByRole('link', { name: `Discussion: ${title}` }).waitFor();

    // A body match shows as a highlighted snippet.
    const input = m.getByRole('searchbox', { name: 'Search for' });
    await input.fill('retention');
    const snippet = m.getByRole('list', { name: 'Results for retention' }).getByRole('listitem').filter({ hasText: title }).locator('.search-hit-snippet mark');
    await snippet.first().waitFor();
    expect(await snippet.first().innerText()).toBe('retention');

    // Only stop words: a hint, not an error.
    await input.fill('the and');
    await m.getByRole('heading', { name: 'Add a few more words' }).waitFor();
    await snap(m, '04-stop-words');

    // Open the thread from the results.
    await input.fill('schmidt');
    await m.getByRole('list', { name: 'Results for schmidt' }).getByRole('link', { name: `Discussion: ${title}` }).click();
    await m.waitForURL((u) => u.pathname === threadPath);
    await m.getByRole('heading', { level: 1, name: title }).waitFor();

    // Follow Lea from her profile (a toggle).
    await m.goto(`${hearth.url}/search?q=schmidt&type=people`);
    await m.getByRole('link', { name: 'Person: Lea Schmidt' }).click();
    const follow = m.getByRole('button', { name: 'Follow Lea Schmidt' });
    await follow.click();
    await m.getByRole('button', { name: 'Following Lea Schmidt — unfollow' }).waitFor();
    expect(await m.getByRole('button', { name: 'Following Lea Schmidt — unfollow' }).getAttribute('aria-pressed')).toBe('true');
    await snap(m, '05-profile-follow');
  }
});
