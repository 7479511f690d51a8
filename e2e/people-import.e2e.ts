import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violationsNow as axeViolations } from './support/axe.ts';
import { callApi } from './support/call-api.ts';
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

  it('shows the admin the organization network: empty at first, then by department once people have met in a program', async () => {
    const { page } = browser;
    await page.goto(`${hearth.url}/admin/people`);
    await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Network' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organization network' }).waitFor();
    expect(await page.getByRole('button', { name: 'Last 90 days' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('heading', { name: 'No interactions recorded in this range yet' }).waitFor();
    await snap(page, 'network-empty');

    // The demo program's 24 enrollees meet in published cohorts and a breakout rotation: the network's ties.
    const programs = await callApi<{ items: { id: string; title: string }[] }>(page, 'GET', '/api/programs');
    const program = programs.items.find((p) => p.title === 'New Manager Journey');
    expect(program).toBeTruthy();
    type Plan = { id: string; rounds: { groups: { members: { id: string }[] }[] }[] };
    const cohorts: Plan[] = [];
    for (const form of [{ kind: 'cohorts', size: 12 }, { kind: 'rotation', size: 4, rounds: 3 }]) {
      const plan = await callApi<Plan>(page, 'POST', `/api/programs/${program?.id}/plans`, form);
      cohorts.push(plan);
      await callApi(page, 'POST', `/api/programs/${program?.id}/plans/${plan.id}/publish`);
    }
    // The admin writes to one person in each cohort: the only bridge between them, so the top broker.
    const [one, other] = cohorts[0].rounds[0].groups.map((g) => g.members[0].id);
    const convo = await callApi<{ id: string }>(page, 'POST', '/api/conversations', { personIds: [one, other], title: 'New Manager Journey' });
    await callApi(page, 'POST', `/api/conversations/${convo.id}/messages`, { body: 'Welcome to the New Manager Journey!' });
    // The graph is built by background consumers: reload until the message's ties are in (brokers join the cohorts).
    const brokers = page.getByRole('list', { name: 'Top brokers' }).getByRole('listitem');
    for (let i = 0; i < 60 && !(await brokers.count()); i++) {
      await page.waitForTimeout(250);
      await page.reload();
      await page.getByRole('heading', { name: /^(At a glance|No interactions recorded in this range yet)$/ }).waitFor();
    }
    await brokers.first().waitFor();
    expect(await brokers.first().getByRole('link').textContent()).toBe('Alex Morgan');
    const stat = (label: string) => page.locator('.stat', { hasText: label }).locator('.stat-value').textContent();
    expect(Number(await stat('Ties'))).toBeGreaterThanOrEqual(132 + 2);
    await page.getByText('−1 = all ties inside departments, +1 = all across.').waitFor();
    const matrix = page.getByRole('table', { name: /Pairs of people who interacted, by department/ });
    await matrix.waitFor();
    expect(await matrix.getByRole('columnheader', { name: 'Engineering' }).count()).toBe(1);
    await page.getByRole('img', { name: /E-I index by department/ }).waitFor();
    // The picture: drawn with WebGL, arranged in a worker, brokers named; picking a person shows who they are.
    await page.getByRole('img', { name: /^A picture of \d+ people and \d+ ties/ }).waitFor();
    await page.getByText('Picture arranged.').waitFor({ state: 'attached', timeout: 30_000 });
    expect(await page.locator('.network-picture-canvas canvas').count()).toBeGreaterThan(0);
    await page.getByRole('group', { name: 'Highlight' }).getByRole('button', { name: /^Brokers \(\d+\)$/ }).click();
    await page.getByPlaceholder('Find a person…').fill('Alex Morgan');
    const chosen = page.getByRole('complementary', { name: 'Selected person' });
    await chosen.getByRole('link', { name: 'Alex Morgan' }).waitFor();
    expect(await chosen.textContent()).toMatch(/Interacted with \d+ people · broker/);
    await snap(page, 'network');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('group', { name: 'Show E-I index by department and month as' }).getByRole('button', { name: 'Table' }).click();
    await page.getByRole('table', { name: /E-I index by department and month/ }).waitFor();
    expect(await page.getByRole('list', { name: 'Communities, largest first' }).getByRole('listitem').count()).toBeGreaterThan(0);
    await snap(page, 'network-table');
    expect(await axeViolations(page)).toEqual([]);

    // Another range: the last 30 days (the same meetings), then a year ago's empty range typed in.
    await page.getByRole('button', { name: 'Last 30 days' }).click();
    expect(await page.getByRole('button', { name: 'Last 30 days' }).getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).searchParams.get('from')).toBeTruthy();
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByLabel('To', { exact: true }).fill('2020-03-31');
    await page.getByRole('heading', { name: 'No interactions recorded in this range yet' }).waitFor();
  });

  it('shows the admin skill gaps: the chart, a card per skill with what closes it, and one department at a time', async () => {
    const { page } = browser;
    await page.goto(`${hearth.url}/insights/skills`);
    await page.getByRole('heading', { name: 'Skill gaps', level: 1 }).waitFor();
    await page.getByRole('img', { name: /Largest gaps/ }).waitFor();
    const cards = page.getByRole('list', { name: 'Skills, largest gap first' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await cards.first().textContent()).toMatch(/want(s)? to learn it · \d+ (person|people) could teach it/);
    await snap(page, 'skill-gaps');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Wants of').selectOption('Engineering');
    await page.waitForURL(/department=Engineering/);
    await page.getByRole('group', { name: 'Show Largest gaps as' }).getByRole('button', { name: 'Table' }).click();
    const table = page.getByRole('table', { name: 'Largest gaps' });
    await table.waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Skill', 'Want to learn', 'Could teach', 'Gap']);
    expect(await axeViolations(page)).toEqual([]);
  });
});
