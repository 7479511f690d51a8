// Check-ins journey (issue 15, item 7 steps 3-5): two programs set a manager check-in one week after their last day.
// Instead of a test clock, their last days lie in the past (the server's own clock and its check-in timer, every
// second here through CHECKIN_INTERVAL_SECONDS): one falls due today, the other two weeks ago. The reminder reaches
// Maya (the manager) and her report; Maya records the first check-in and her report sees it; the overdue one has
// reminded Maya again and told the facilitator, who sees it on the program's check-ins page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApiStatus as callApi } from './support/call-api.ts';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { screenshotter, withFailureShots } from './support/screenshots.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('checkins-');

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const titles = async (page: Page) => (await callApi<{ items: { title: string }[] }>(page, 'GET', '/api/notifications')).body.items.map((n) => n.title);

describe('checkins: the reminder fires, the manager records the outcome, the overdue one escalates', () => {
  let hearth: Hearth;
  let alex: Browser;
  let maya: Browser;
  let report: Browser;
  beforeAll(async () => {
    process.env.CHECKIN_INTERVAL_SECONDS = '1';
    hearth = await startHearth();
    [alex, maya, report] = await Promise.all([launchBrowser(), launchBrowser(), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.all([alex?.close(), maya?.close(), report?.close()]);
    await hearth?.stop();
    delete process.env.CHECKIN_INTERVAL_SECONDS;
  });

  it('runs the whole journey', async () => {
    await withFailureShots('checkins-', { alex, maya, report }, journey);
  }, 240_000);

  async function journey() {
    const a = alex.page;
    await signIn(a, hearth.url, 'admin@example.com');
    const people = (await callApi<{ items: { id: string; name: string }[] }>(a, 'GET', '/api/people?limit=100')).body.items;
    const mayaId = people.find((p) => p.name === 'Maya Patel')?.id as string;
    const reports = (await callApi<{ reports: { id: string; name: string }[] }>(a, 'GET', `/api/people/${mayaId}`)).body.reports;
    expect(reports.length).toBeGreaterThanOrEqual(2);
    const [lee, kim] = reports;
    const leeEmail = (await callApi<{ email: string }>(a, 'GET', `/api/people/${lee.id}`)).body.email;

    // Alex (facilitator) runs two programs that set a check-in one week after the last day.
    const make = async (title: string, endsOn: string, personId: string) => {
      const p = (await callApi<{ id: string }>(a, 'POST', '/api/programs', { title, startsOn: day(-40), endsOn, checkinWeeks: 1 })).body;
      expect((await callApi(a, 'PATCH', `/api/programs/${p.id}`, { status: 'running' })).status).toBe(200);
      expect((await callApi(a, 'POST', `/api/programs/${p.id}/enrollments`, { personIds: [personId] })).status).toBe(200);
      return p.id;
    };
    const dueId = await make('Feedback that lands', day(-7), lee.id);
    const overdueId = await make('Running better one-to-ones', day(-22), kim.id);
    // The program form shows the setting.
    await a.goto(`${hearth.url}/programs/${dueId}/edit`);
    expect(await a.getByLabel(/Manager check-in/).inputValue()).toBe('1');
    await snap(a, 'program-form');

    // Step 3: the reminder fires (the server's timer) for Maya and her report.
    const m = maya.page;
    await signIn(m, hearth.url, 'maya.patel@example.com');
    await eventually(() => titles(m), (t) => t.some((x) => x === `Time to meet ${lee.name} about how they use “Feedback that lands”`), 'Maya’s check-in reminder', 20_000);
    await signIn(report.page, hearth.url, leeEmail);
    await eventually(() => titles(report.page), (t) => t.some((x) => x.startsWith('Time to meet Maya Patel about how you use “Feedback that lands”')), 'the report’s reminder', 20_000);

    // Home tells Maya two check-ins are open, one overdue.
    await m.goto(`${hearth.url}/`);
    const home = m.locator('#checkins-due');
    await home.getByText('2 check-ins are due').waitFor();
    await home.getByText(/^1 overdue\./).waitFor();
    await snap(m, 'home-card');

    // Step 4: Maya opens Check-ins from the notification and records the outcome.
    await m.goto(`${hearth.url}/notifications`);
    await m.getByRole('link', { name: new RegExp(`Time to meet ${lee.name}`) }).first().click();
    await m.getByRole('heading', { name: 'Check-ins', level: 1 }).waitFor();
    const team = m.locator('#checkins-team');
    const dueItem = team.locator('.checkin-item', { hasText: 'Feedback that lands' });
    await dueItem.getByText('Due', { exact: true }).waitFor();
    await team.locator('.checkin-item', { hasText: 'Running better one-to-ones' }).getByText('Overdue', { exact: true }).waitFor();
    await snap(m, 'manager');
    await dueItem.getByRole('button', { name: 'Record check-in' }).click();
    const form = m.getByRole('form', { name: `Record the check-in with ${lee.name}` });
    // Without a next step the form says what is missing and sends nothing.
    await form.getByRole('button', { name: 'Save check-in' }).click();
    await form.getByText('Write the next step you agreed.').waitFor();
    await form.getByLabel('Note').fill('Went through two feedback conversations from last week.');
    await form.getByLabel('Next step').fill('Ask a peer for feedback on Friday');
    await snap(m, 'manager-form');
    await form.getByRole('button', { name: 'Save check-in' }).click();
    await dueItem.getByText('Held', { exact: true }).waitFor();
    await dueItem.getByText('Ask a peer for feedback on Friday').waitFor();

    // The report sees the outcome.
    const r = report.page;
    await r.goto(`${hearth.url}/checkins`);
    const mine = r.locator('#checkins-mine .checkin-item', { hasText: 'Feedback that lands' });
    await mine.getByText('Held', { exact: true }).waitFor();
    await mine.getByText('Ask a peer for feedback on Friday').waitFor();
    expect(await r.locator('#checkins-team').count()).toBe(0);
    await snap(r, 'learner');

    // Step 5: the overdue check-in reminded Maya again and escalated to the facilitator.
    expect((await titles(m)).some((x) => x === `Your check-in with ${kim.name} after “Running better one-to-ones” is a week overdue`)).toBe(true);
    await eventually(() => titles(a), (t) => t.some((x) => x === `Maya Patel has not yet met ${kim.name} after “Running better one-to-ones” (two weeks overdue)`), 'the escalation to the facilitator', 20_000);
    await a.goto(`${hearth.url}/programs/${overdueId}`);
    await a.getByRole('link', { name: 'Check-ins' }).click();
    await a.getByRole('heading', { name: 'Check-ins', level: 1 }).waitFor();
    const row = a.locator('.checkin-item', { hasText: kim.name });
    await row.getByText('Overdue', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: 'Record check-in' }).count()).toBe(0);
    await snap(a, 'program-list');
    // Nobody else may see a program's check-ins.
    expect((await callApi(r, 'GET', `/api/programs/${overdueId}/checkins`)).status).toBe(404);
  }
});
