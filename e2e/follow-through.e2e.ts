// Follow-through journey: one of Maya's reports writes a plan with an item that names Sam as a peer and an item that
// names no one; Sam sees only his item (the plan and the other item stay 404). The report writes two journal entries
// and shares one with Maya, their manager; Maya sees only that entry.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { screenshotter, withFailureShots } from './support/screenshots.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('follow-through-');

/** GETs from the signed-in page and answers the status and JSON body. */
async function get(page: Page, url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(async (u) => {
    const res = await fetch(u);
    return { status: res.status, body: await res.json().catch(() => ({})) };
  }, url);
}

describe('follow-through: a plan with a peer item, a journal entry shared with the manager', () => {
  let hearth: Hearth;
  const browsers: Record<string, Browser> = {};
  beforeAll(async () => {
    hearth = await startHearth();
    for (const k of ['maya', 'learner', 'sam']) browsers[k] = await launchBrowser();
  });
  afterAll(async () => {
    for (const b of Object.values(browsers)) await b?.close();
    await hearth?.stop();
  });

  it('runs the whole journey', async () => {
    await withFailureShots('follow-through-', browsers, journey);
  }, 300_000);

  async function journey() {
    const { maya, learner, sam } = browsers;
    await signIn(maya.page, hearth.url, 'maya.patel@example.com');
    const mayaId = ((await get(maya.page, '/api/me')).body as { person: { id: string } }).person.id;
    const profile = (await get(maya.page, `/api/people/${mayaId}`)).body as { reports: { id: string }[] };
    expect(profile.reports.length).toBeGreaterThan(0);
    const report = (await get(maya.page, `/api/people/${profile.reports[0].id}`)).body as { email: string; name: string };

    // The report starts a plan from Home's quick link and adds two items, naming Sam on the first only.
    await signIn(learner.page, hearth.url, report.email);
    await learner.page.locator('#quick-links').getByRole('link', { name: /My plans/ }).click();
    await learner.page.getByRole('heading', { name: 'My plans', level: 1 }).waitFor();
    await learner.page.getByText('No plans yet').waitFor();
    await learner.page.getByLabel('Plan title').fill('Coaching my team');
    await learner.page.getByRole('button', { name: 'Start plan' }).click();
    const form = learner.page.getByRole('form', { name: 'New item' });
    await form.getByLabel('Item', { exact: true }).fill('Pair on a code review');
    await form.getByLabel('Add people').fill('Sam Oka');
    await form.getByRole('button', { name: /Sam Okafor/ }).click();
    await form.getByRole('button', { name: 'Add item' }).click();
    await learner.page.getByRole('listitem', { name: 'Pair on a code review' }).waitFor();
    await learner.page.waitForFunction(() => (document.querySelector('form[aria-label="New item"] input') as HTMLInputElement | null)?.value === '', null, { timeout: 15_000 });
    await form.getByLabel('Item', { exact: true }).fill('Write down my coaching questions');
    await form.getByRole('button', { name: 'Add item' }).click();
    await learner.page.getByRole('listitem', { name: 'Write down my coaching questions' }).waitFor();
    await snap(learner.page, 'plans');

    // Sam sees the one item he helps with, and comments on it; never the plan or the other item.
    await signIn(sam.page, hearth.url, 'sam.okafor@example.com');
    await sam.page.goto(`${hearth.url}/plans`);
    const helping = sam.page.locator('#plans-helping');
    await helping.getByRole('listitem', { name: 'Pair on a code review' }).waitFor();
    expect(await helping.getByText('Write down my coaching questions').count()).toBe(0);
    await helping.getByLabel('Comment').fill('Happy to pair on Thursday.');
    await helping.getByRole('button', { name: 'Comment' }).click();
    await helping.getByText('Happy to pair on Thursday.').waitFor();
    await snap(sam.page, 'helping');
    const plans = (await get(learner.page, '/api/action-plans')).body as { items: { id: string }[] };
    const plan = (await get(learner.page, `/api/action-plans/${plans.items[0].id}`)).body as { items: { id: string; title: string }[] };
    const other = plan.items.find((i) => i.title === 'Write down my coaching questions')!;
    expect((await get(sam.page, `/api/action-plans/${plans.items[0].id}`)).status).toBe(404);
    expect((await get(sam.page, `/api/action-items/${other.id}`)).status).toBe(404);

    // Two journal entries; only the first is shared with Maya.
    await learner.page.goto(`${hearth.url}/journal`);
    await learner.page.getByText('No entries yet').waitFor();
    const body = learner.page.getByLabel('What did you learn, and how will you use it next week?');
    await body.fill('Private: I was nervous in the first session.');
    await learner.page.getByRole('button', { name: 'Save entry' }).click();
    await learner.page.locator('.ft-entry', { hasText: 'Private: I was nervous in the first session.' }).waitFor();
    await learner.page.waitForFunction(() => (document.querySelector('#journal-new textarea') as HTMLTextAreaElement | null)?.value === '', null, { timeout: 15_000 });
    await body.fill('Shared: I will ask one open question in every 1:1.');
    await learner.page.getByRole('button', { name: 'Save entry' }).click();
    const entry = learner.page.locator('.ft-entry', { hasText: 'Shared: I will ask one open question' });
    await entry.waitFor();
    await entry.getByLabel('Share this entry with').selectOption({ label: 'Maya Patel (your manager)' });
    await entry.getByRole('button', { name: 'Share', exact: true }).click();
    await entry.getByText('Shared with Maya Patel').waitFor();
    await snap(learner.page, 'journal');

    await maya.page.goto(`${hearth.url}/journal`);
    const shared = maya.page.locator('#journal-shared');
    await shared.getByText('Shared: I will ask one open question in every 1:1.').waitFor();
    expect(await shared.getByText('Private: I was nervous').count()).toBe(0);
    const list = (await get(maya.page, '/api/journal/shared-with-me')).body as { items: { body: string }[] };
    expect(list.items.map((e) => e.body)).toEqual(['Shared: I will ask one open question in every 1:1.']);
    await snap(maya.page, 'journal-manager');

    // A program's page starts a plan for that program and opens My plans.
    const programs = (await get(learner.page, '/api/programs')).body as { items: { id: string; title: string; status: string }[] };
    const program = programs.items.find((x) => x.status !== 'draft')!;
    await learner.page.goto(`${hearth.url}/programs/${program.id}`);
    await learner.page.getByRole('navigation', { name: 'Apply what you learn' }).waitFor();
    await snap(learner.page, 'program');
    await learner.page.getByRole('navigation', { name: 'Apply what you learn' }).getByRole('button', { name: 'Start my plan' }).click();
    await learner.page.waitForURL((u) => u.pathname === '/plans');
    await learner.page.getByRole('button', { name: new RegExp(`${program.title}: my plan`) }).waitFor();
  }
});
