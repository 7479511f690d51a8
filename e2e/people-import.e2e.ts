import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { signIn } from './support/sign-in.ts';
import { screenshotter } from './support/screenshots.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('people-import-');

const HEADER = 'name,email,department,title,manager_email,location,time_zone';
const GOOD = 'Ada Quill,ada.quill@example.com,Engineering,Staff Engineer,admin@example.com,London,Europe/London';
const BAD = 'Bo Lindqvist,bo.lindqvist@example.com,Design,Product Designer,nobody.here@example.com,Lisbon,Europe/Lisbon';
const FIXED = BAD.replace('nobody.here@example.com', 'ada.quill@example.com');

describe('HR import with a bad row', () => {
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

  it('reports the bad row and field, imports once fixed, and the new person is in the directory', async () => {
    const { page } = browser;
    await signIn(page, hearth.url, 'admin@example.com');
    await page.goto(`${hearth.url}/admin/people`);
    await page.getByRole('heading', { level: 1, name: 'Manage people' }).waitFor();

    // Choose a file, exactly as an admin would.
    await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'hr-export.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${GOOD}\n${BAD}\n`) });
    await page.getByText('Loaded hr-export.csv').waitFor();
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Check file' }).click();
    const problem = page.locator('tr[data-row="3"][data-field="manager_email"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('nobody.here@example.com');
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await importButton.isDisabled()).toBe(true);

    // Fix the row in place and check again.
    await page.getByLabel('CSV contents').fill(`${HEADER}\n${GOOD}\n${FIXED}\n`);
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('The file looks good').waitFor();
    expect(await importButton.isEnabled()).toBe(true);
    await importButton.click();
    await page.getByRole('heading', { name: 'Import complete' }).waitFor();
    expect(await page.getByText('2 created').isVisible()).toBe(true);

    await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'People' }).click();
    await page.getByLabel('Search people').fill('Bo Lindqvist');
    const card = page.getByRole('article', { name: 'Bo Lindqvist' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Product Designer');
    await card.getByRole('link', { name: 'Bo Lindqvist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bo Lindqvist' }).waitFor();
    expect(await page.getByRole('link', { name: /Ada Quill/ }).count()).toBeGreaterThan(0);
  });

  it('shows the admin how background deliveries are going on the System page', async () => {
    const { page } = browser;
    await page.goto(`${hearth.url}/admin/people`);
    await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'System' }).click();
    await page.getByRole('heading', { level: 1, name: 'System' }).waitFor();
    expect(await page.getByRole('link', { name: 'System' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('heading', { name: 'Everything is getting through' }).waitFor();
    expect(await page.locator('.stat', { hasText: 'Stopped' }).locator('.stat-value').textContent()).toBe('0');
    await snap(page, 'system');
  });
});
