import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CspViolation, recordCspViolations } from './support/csp-violations.ts';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { DEMO_PASSWORD, signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

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
