import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CspViolation, recordCspViolations } from './support/csp-violations.ts';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { DEMO_PASSWORD, signIn } from './support/sign-in.ts';
import { screenshotter } from './support/screenshots.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('directory-');

/** Calls the API from the signed-in page with its cookie and CSRF token, as the app does. */
async function callApi<T>(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/me')).json();
      const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body ?? {}) });
      return { status: res.status, body: await res.json() };
    },
    { method, url, body },
  ) as Promise<{ status: number; body: T }>;
}

describe('sign in and filter the directory', () => {
  let hearth: Hearth;
  let browser: Browser;
  let violations: CspViolation[];
  beforeAll(async () => {
    hearth = await startHearth();
    browser = await launchBrowser();
    violations = await recordCspViolations(browser.context);
  });
  afterAll(async () => {
    await browser?.close();
    await hearth?.stop();
  });

  it('shows the demo admin only the chosen department after filtering', async () => {
    const { page } = browser;
    await signIn(page, hearth.url, 'admin@example.com');
    await page.getByRole('heading', { level: 1, name: /Alex/ }).waitFor();

    await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    const cards = page.locator('ul[aria-label="People"] article[data-person-id]');
    await cards.first().waitFor();
    const before = new Set(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-department'))));
    expect(before.size).toBeGreaterThan(1);

    await page.getByLabel('Department').selectOption('Engineering');
    await page.waitForURL((u) => u.searchParams.get('department') === 'Engineering');
    const departments = await eventually(
      () => page.locator('ul[aria-label="People"]:not([data-stale]) article[data-person-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-department'))),
      (ds) => ds.length > 0 && ds.every((d) => d === 'Engineering'),
      'only Engineering cards',
    );
    // The demo has 15 engineers, all on the first page.
    expect(departments.length).toBe(15);
    await page.getByText("That's everyone matching your filters.").waitFor();
  });

  it('shows the admin their own network from Home: nobody met at first, then the colleague they messaged, and people to meet to follow', async () => {
    const { page } = browser;
    await page.goto(`${hearth.url}/`);
    await page.getByRole('link', { name: /^My network/ }).click();
    await page.getByRole('heading', { level: 1, name: 'My network' }).waitFor();
    await page.getByText("You haven't met anyone on Hearth yet.").waitFor();
    const toMeet = page.getByRole('list', { name: 'People to meet' }).getByRole('listitem');
    await toMeet.first().waitFor();
    await snap(page, 'my-network-empty');

    // A direct message makes a tie (counts only): message the first colleague suggested, from another department.
    const first = toMeet.first();
    const name = await first.locator('.person-row-name').innerText();
    const id = (await first.getByRole('link', { name: /View profile/ }).getAttribute('href'))?.split('/').pop() ?? '';
    const convo = await callApi<{ id: string }>(page, 'POST', '/api/conversations', { personIds: [id] });
    expect(convo.status).toBe(201);
    expect((await callApi(page, 'POST', `/api/conversations/${convo.body.id}/messages`, { body: 'Coffee next week?' })).status).toBe(201);

    // The interaction graph is written by a durable consumer just after: the page shows it once it is there.
    const headline = await eventually(
      async () => {
        await page.reload();
        return page.locator('.my-headline').innerText();
      },
      (text) => text.startsWith("You've met people in 1 of"),
      'one department met',
    );
    expect(headline).toMatch(/^You've met people in 1 of \d+ departments\.$/);
    await page.getByRole('list', { name: 'New people this quarter' }).getByText(name).waitFor();
    // Their department is met now, so nobody from it is suggested any more; following someone suggested works.
    expect(await toMeet.locator('.person-row-name').allInnerTexts()).not.toContain(name);
    const next = (await toMeet.first().locator('.person-row-name').innerText()).trim();
    await page.getByRole('button', { name: `Follow ${next}` }).click();
    await page.getByRole('button', { name: `Following ${next} — unfollow` }).waitFor();
    await page.getByRole('img', { name: /People you've met, by department/ }).waitFor();
    await page.getByRole('group', { name: "Show People you've met, by department as" }).getByRole('button', { name: 'Table' }).click();
    await page.getByRole('table', { name: "People you've met, by department" }).getByRole('rowheader').first().waitFor();
    await snap(page, 'my-network');
  });

  it("lets the person's own browser sign in while someone else's wrong passwords make a new browser wait", async () => {
    // This browser signed in above, so it is a known device of the admin's account.
    const { page } = browser;
    await page.getByRole('button', { name: 'Sign out' }).locator('visible=true').first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/sign-in'));
    // Someone on the same network guesses the admin's password until that source must wait.
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${hearth.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: `guess-${i}-guess` }) });
      expect(res.status).toBe(401);
    }
    // A new browser there waits, even with the right password, and is told why.
    const stranger = await launchBrowser();
    try {
      await stranger.page.goto(`${hearth.url}/sign-in`);
      await stranger.page.getByLabel('Work email').fill('admin@example.com');
      await stranger.page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await stranger.page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await stranger.page.getByText(/Too many failed sign-ins for this account/).waitFor();
    } finally {
      await stranger.close();
    }
    // The admin's own browser signs straight in.
    await signIn(page, hearth.url, 'admin@example.com');
    await page.getByRole('heading', { level: 1, name: /Alex/ }).waitFor();
  });

  it('reports no Content-Security-Policy violation on the sign-in page and the main pages', async () => {
    const { page } = browser;
    // Signed in by the test above; the sign-in page was recorded then. Each main destination, an admin page, and a
    // community, thread and profile, opened as a fresh page load (a document with its own CSP) and used a moment.
    const paths = ['/', '/people', '/communities', '/pathways', '/programs', '/events', '/live', '/mentoring', '/library', '/messages', '/notifications', '/search?q=design', '/admin/people', '/admin/settings'];
    for (const path of paths) {
      await page.goto(`${hearth.url}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${hearth.url}/communities`);
    await page.locator('main a[href^="/communities/"]:not([href="/communities/new"])').first().click();
    await page.locator('main a[href^="/threads/"]').first().click();
    await page.locator('main h1').first().waitFor();
    await page.goto(`${hearth.url}/people`);
    await page.locator('ul[aria-label="People"] article[data-person-id] a').first().click();
    await page.waitForURL((u) => /^\/people\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });
});
