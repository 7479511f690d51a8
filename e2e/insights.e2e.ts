import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { screenshotter, withFailureShots } from './support/screenshots.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('insights-');

// Insights: an org admin picks any scope and reads every chart as a picture or a table; a manager sees only their
// team, and a manager of fewer than 5 people is told their team's figures are withheld.
describe('insights', () => {
  let hearth: Hearth;
  let admin: Browser;
  let manager: Browser;
  let small: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    [admin, manager, small] = [await launchBrowser(), await launchBrowser(), await launchBrowser()];
  });
  afterAll(async () => {
    for (const b of [admin, manager, small]) await b?.close();
    await hearth?.stop();
  });

  it('lets an admin choose any scope and range and read each chart as a table', async () => {
    await withFailureShots('insights-admin-', { admin }, async () => {
      const { page } = admin;
      await signIn(page, hearth.url, 'admin@example.com');
      await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Insights' }).click();
      await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
      const picker = page.getByLabel('Show figures for');
      expect(await picker.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')))).toEqual(expect.arrayContaining(['Organization', 'Departments', 'Communities', 'Programs']));
      // Signing in made the admin active today: the organization has at least one active person.
      const active = page.locator('#insights-activity .stat').filter({ hasText: 'Active in range' }).locator('dd');
      await eventually(async () => Number((await active.textContent())?.replace(/\D/g, '') || 0), (n) => n >= 1, 'an active person');
      await page.getByRole('figure', { name: 'Active people per day' }).getByRole('img').waitFor();
      await snap(page, 'organization');

      // The table view of a chart has the same figures, one row per day of the range.
      const daily = page.getByRole('figure', { name: 'Active people per day' });
      await daily.getByRole('button', { name: 'Table' }).click();
      expect(await daily.locator('tbody tr').count()).toBe(90);

      await page.getByRole('button', { name: 'Last 30 days' }).click();
      await page.waitForURL((u) => u.searchParams.has('from'));
      await eventually(() => daily.locator('tbody tr').count(), (n) => n === 30, 'thirty days');

      await picker.selectOption({ label: 'Engineering' });
      await page.waitForURL((u) => u.searchParams.get('scope') === 'department:Engineering');
      await page.locator('#insights-questions-and-answers .stat').first().waitFor();
      await page.locator('#insights-pathways-and-programs').waitFor();
      await snap(page, 'department');
    });
  });

  it("shows a manager their team only, and tells a manager of fewer than 5 people that their team's figures are withheld", async () => {
    await withFailureShots('insights-manager-', { manager, small }, async () => {
      await signIn(manager.page, hearth.url, 'jordan.lee@example.com');
      await manager.page.goto(`${hearth.url}/insights`);
      await manager.page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
      const options = await manager.page.getByLabel('Show figures for').locator('option').allTextContents();
      expect(options).toEqual(['My team']);
      await manager.page.getByRole('figure', { name: 'Posts per week' }).waitFor();
      await snap(manager.page, 'team');

      await signIn(small.page, hearth.url, 'maya.patel@example.com');
      await small.page.goto(`${hearth.url}/insights`);
      await small.page.getByText('This team has fewer than 5 people, so nothing is shown.').first().waitFor();
      // Every section says so (each loads on its own), and none draws a chart.
      await eventually(() => small.page.getByText('This team has fewer than 5 people, so nothing is shown.').count(), (n) => n === 5, 'five withheld sections');
      expect(await small.page.getByRole('figure').count()).toBe(0);
      await snap(small.page, 'small-team');
    });
  });
});
