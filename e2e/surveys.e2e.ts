// Surveys journey: an org admin drafts a pulse survey from its template and opens it; people find it on Home and
// answer it with the keyboard-accessible radio groups; results stay withheld at 4 answers and appear (chart, table
// view) from the 5th, also broken down by department.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE, type Finding, scan } from './support/axe.ts';
import { callApi } from './support/call-api.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { screenshotter, withFailureShots } from './support/screenshots.ts';
import { DEMO_PASSWORD, signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const shots = process.env.E2E_SCREENSHOTS;
const snap = screenshotter('surveys-');

describe('surveys: create, answer as five people, see results only from five', () => {
  let hearth: Hearth;
  let alex: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    // Alex's context also runs axe on the answer form and the results (so it bypasses the CSP, as the axe journey does).
    alex = await launchBrowser({ bypassCSP: true });
    await alex.context.addInitScript({ content: AXE });
  });
  afterAll(async () => {
    await alex?.close();
    await hearth?.stop();
  });

  it('runs the whole journey', async () => {
    await withFailureShots('surveys-', { alex }, journey);
  }, 300_000);

  async function answerAs(email: string, surveyTitle: string, choice: number, words: string, width = 1280) {
    const b = await launchBrowser({ width, height: width === 390 ? 844 : 900 });
    try {
      const p = b.page;
      await signIn(p, hearth.url, email);
      // Home shows the waiting survey; the card's link opens the answer form.
      const card = p.locator('#surveys-awaiting');
      await card.waitFor({ timeout: 15_000 });
      if (shots && email === emails[0]) await snap(p, 'home-card');
      await card.getByRole('link', { name: surveyTitle }).click();
      await p.getByRole('heading', { name: surveyTitle }).waitFor();
      const form = p.getByRole('form', { name: surveyTitle });
      // Each scale question is a radio group named by its question; pick with the keyboard in the first one.
      const groups = form.getByRole('group');
      const n = await groups.count();
      expect(n).toBeGreaterThanOrEqual(3);
      const first = groups.nth(0).getByRole('radio').first();
      await first.focus();
      await p.keyboard.press('Space');
      for (let i = 1; i < choice; i++) await p.keyboard.press('ArrowRight');
      for (let g = 1; g < n; g++) await groups.nth(g).getByRole('radio').nth(choice - 1).check();
      await form.getByRole('textbox').fill(words);
      if (shots && email === emails[0]) await snap(p, 'answer');
      await form.getByRole('button', { name: 'Send my answers' }).click();
      await p.getByText('Thank you — your answers are in.').waitFor();
    } finally {
      await b.close();
    }
  }

  const emails: string[] = [];

  async function journey() {
    const a = alex.page;
    await signIn(a, hearth.url, 'admin@example.com');
    // Five colleagues of Alex from the directory (demo people share the demo password).
    const list = await callApi<{ items: { id: string }[] }>(a, 'GET', '/api/people?limit=20');
    for (const p of list.items) {
      const person = await callApi<{ email: string; status: string }>(a, 'GET', `/api/people/${p.id}`);
      if (person.email !== 'admin@example.com' && person.status === 'active') emails.push(person.email);
      if (emails.length === 5) break;
    }
    expect(emails).toHaveLength(5);

    // The creator form: the pulse template's questions are shown and editable.
    await a.goto(`${hearth.url}/surveys`);
    await a.getByRole('heading', { name: 'Surveys', exact: true }).waitFor();
    if (shots) await snap(a, 'list-empty');
    await a.getByRole('link', { name: 'New survey' }).first().click();
    await a.getByRole('heading', { name: 'New survey' }).waitFor();
    await a.getByLabel('Title').fill('Autumn pulse');
    await expect.poll(() => a.getByLabel('Question 1', { exact: true }).inputValue()).toContain('connected');
    if (shots) await snap(a, 'new');
    await a.getByRole('button', { name: 'Save draft' }).click();
    await a.getByRole('heading', { name: 'Autumn pulse' }).waitFor();
    await a.getByRole('button', { name: 'Open the survey' }).click();
    await a.getByRole('button', { name: 'Close it now' }).waitFor();
    if (shots) await snap(a, 'manage');
    const surveyPath = new URL(a.url()).pathname;
    const findings: Finding[] = [...(await scan(a, hearth.url, surveyPath))];

    // Four people answer: the results are withheld, with nothing but the reason.
    for (const [i, email] of emails.slice(0, 4).entries()) await answerAs(email, 'Autumn pulse', 1 + (i % 5), `Idea number ${i + 1}`, i === 1 ? 390 : 1280);
    await a.goto(`${hearth.url}/surveys`);
    await a.getByRole('link', { name: 'Results of Autumn pulse' }).click();
    await a.getByText('Results appear once at least 5 people have answered.').waitFor();
    expect(await a.locator('.survey-result').count()).toBe(0);
    if (shots) await snap(a, 'results-withheld');

    // The fifth answer: figures, charts with their table view, shuffled nameless ideas.
    await answerAs(emails[4], 'Autumn pulse', 4, 'Idea number 5');
    await a.reload();
    await a.getByText('people have answered.').waitFor();
    expect(await a.locator('.survey-facts').first().textContent()).toContain('Anonymous');
    const firstChart = a.locator('.survey-result').first();
    await firstChart.getByRole('img').waitFor();
    await firstChart.getByRole('button', { name: 'Table' }).click();
    const cells = await firstChart.locator('table tbody tr td:nth-child(2)').allTextContents();
    expect(cells.map(Number).reduce((x, y) => x + y, 0)).toBe(5);
    const ideas = await a.locator('.survey-texts blockquote').allTextContents();
    expect(ideas.sort()).toEqual(['Idea number 1', 'Idea number 2', 'Idea number 3', 'Idea number 4', 'Idea number 5']);
    if (shots) await snap(a, 'results');
    // By department: only departments with 5 or more answers show; here none can, and the page says why.
    await a.getByLabel('Show', { exact: true }).selectOption('department');
    await a.getByText(/not shown: fewer than 5 people answered there|Every department with 5 or more answers/).waitFor();
    if (shots) await snap(a, 'results-department');
    findings.push(...(await scan(a, hearth.url, `${surveyPath}/results`)), ...(await scan(a, hearth.url, `${surveyPath}/results?view=department`)), ...(await scan(a, hearth.url, '/surveys')));
    expect(findings, findings.map((f) => `${f.page}: [${f.impact}] ${f.rule} at ${f.targets.join(' | ')}`).join('\n')).toEqual([]);
  }

  it('opens anonymous feedback when a live session ends and shows it to the facilitator only from 5 answers', async () => {
    await withFailureShots('surveys-feedback-', { alex }, async () => {
      const a = alex.page;
      /** Calls the API as `email` in a context of its own (cookie and CSRF token), answering the JSON. */
      const as = async (email: string) => {
        const b = await launchBrowser();
        const res = await b.context.request.post(`${hearth.url}/api/auth/sign-in`, { data: { email, password: DEMO_PASSWORD } });
        expect(res.ok(), await res.text()).toBe(true);
        const me = await (await b.context.request.get(`${hearth.url}/api/me`)).json();
        const call = async (method: 'GET' | 'POST', url: string, data?: unknown) => {
          const r = await b.context.request.fetch(`${hearth.url}${url}`, { method, data: data ?? (method === 'POST' ? {} : undefined), headers: { 'x-csrf-token': me.csrfToken } });
          if (!r.ok()) throw new Error(`${method} ${url}: ${r.status()} ${await r.text()}`);
          return r.json();
        };
        return { call, close: () => b.close() };
      };
      const fac = await as('admin@example.com');
      const live = await fac.call('POST', '/api/live-sessions', { title: 'Feedback after live', startsAt: new Date(Date.now() + 3_600_000).toISOString() });
      const people = [];
      for (const email of emails) people.push(await as(email));
      for (const p of people) await p.call('POST', `/api/live-sessions/${live.id}/join`);
      await fac.call('POST', `/api/live-sessions/${live.id}/start`);
      await fac.call('POST', `/api/live-sessions/${live.id}/end`);
      // The durable consumer opens the feedback survey for the five participants.
      let feedback: { id: string; questions: { id: string; type: string }[] } | undefined;
      for (let i = 0; i < 100 && !feedback; i++) {
        const mine = (await people[0].call('GET', '/api/surveys')).items as { id: string; automatic: boolean }[];
        const found = mine.find((x) => x.automatic);
        if (found) feedback = await people[0].call('GET', `/api/surveys/${found.id}`);
        else await a.waitForTimeout(100);
      }
      if (!feedback) throw new Error('no feedback survey opened');
      const body = (v: number) => ({ answers: (feedback as { questions: { id: string; type: string }[] }).questions.map((q) => (q.type === 'text' ? { questionId: q.id, text: 'Good pace' } : { questionId: q.id, value: v })) });
      for (const p of people.slice(0, 4)) await p.call('POST', `/api/surveys/${feedback.id}/responses`, body(4));
      await a.goto(`${hearth.url}/live/${live.id}/analytics`);
      const card = a.locator('#feedback');
      await card.getByText('Fewer than 5 people have answered').waitFor();
      if (shots) await snap(a, 'live-feedback-withheld');
      await people[4].call('POST', `/api/surveys/${feedback.id}/responses`, body(5));
      await a.reload();
      await card.getByText('5', { exact: true }).waitFor();
      expect(await card.locator('.survey-result').count()).toBeGreaterThanOrEqual(2);
      if (shots) await snap(a, 'live-feedback');
      for (const p of [fac, ...people]) await p.close();
    });
  }, 180_000);
});
