import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

describe('sign in and filter the directory', () => {
  let hearth: Hearth;
  let browser: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    browser = await launchBrowser();
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
});
