import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/expect-eventually.ts';
import { callApi } from './support/call-api.ts';
import { type Browser, launchBrowser } from './support/launch-browser.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

// Set E2E_SCREENSHOTS=<dir> to keep a picture of every screen at phone and desktop widths.
const shots = process.env.E2E_SCREENSHOTS;
if (shots) mkdirSync(shots, { recursive: true });
async function snap(page: Page, name: string, widths = [390, 1280]) {
  if (!shots) return;
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of widths) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(150);
    // The phone tab bar is fixed: in a full-page picture it would cover the middle of the page (it has its own picture).
    const hide = width === 390 && name !== 'more-menu' ? await page.addStyleTag({ content: '.bottom-nav { display: none !important; }' }) : null;
    await page.screenshot({ path: join(shots, `programs-${name}-${width}.png`), fullPage: name !== 'more-menu' });
    await hide?.evaluate((el) => (el as Element).remove());
  }
  await page.setViewportSize(size);
}

type Member = { id: string; name: string };
type PlanJson = { id: string; kind: string; status: string; rounds: { groups: { label: string; members: Member[] }[] }[] };

/** The names in each group card of the plan section with this status, read from the page. */
async function groupsOnPage(page: Page, status: 'draft' | 'published', round = 0): Promise<string[][]> {
  const section = page.locator(`section.plan[data-status="${status}"] .plan-round`).nth(round);
  const cards = section.locator('.group-card');
  const out: string[][] = [];
  for (let i = 0; i < (await cards.count()); i++) out.push(await cards.nth(i).locator('.group-member-name').allTextContents());
  return out;
}

describe('programs: a facilitator forms cohorts and a breakout rotation, adjusts and publishes; a member sees their cohort and groups', () => {
  let hearth: Hearth;
  let alex: Browser;
  let member: Browser;
  let newcomer: Browser;
  let journeyProgramId = '';
  beforeAll(async () => {
    hearth = await startHearth();
    alex = await launchBrowser();
    member = await launchBrowser({ width: 390, height: 844 });
    newcomer = await launchBrowser();
  });
  afterAll(async () => {
    await newcomer?.close();
    await member?.close();
    await alex?.close();
    await hearth?.stop();
  });

  it('runs the whole journey', async () => {
    try {
      await journey();
    } catch (err) {
      if (shots) for (const [who, b] of [['alex', alex], ['member', member], ['newcomer', newcomer]] as const) await b.page.screenshot({ path: join(shots, `programs-failure-${who}.png`), fullPage: true }).catch(() => {});
      throw err;
    }
  }, 240_000);

  it('shows the facilitator the program impact report: who became connected, against random groups, printable and as CSV', async () => {
    const a = alex.page;
    expect(journeyProgramId).not.toBe('');
    await a.goto(`${hearth.url}/programs/${journeyProgramId}`);
    await a.getByRole('link', { name: 'Impact' }).click();
    await a.getByRole('heading', { name: /^Impact: /, level: 1 }).waitFor();
    expect(await a.locator('.impact-lead').textContent()).toMatch(/^\d+ members from \d+ departments made \d+ new ties? during the program/);
    await a.getByRole('img', { name: /Against random groups/ }).waitFor();
    const csv = await a.evaluate(async (url) => (await fetch(url)).text(), `/api/programs/${journeyProgramId}/impact.csv`);
    expect(csv.split(/\r?\n/)[0]).toBe('Figure,Program,Random grouping (mean of 200)');
    await snap(a, 'program-impact');
    // A member of the program is not shown the report.
    await member.page.goto(`${hearth.url}/programs/${journeyProgramId}/impact`);
    await member.page.getByRole('heading', { name: "We couldn't find that report" }).waitFor();
  });

  async function journey() {
    const a = alex.page;
    const title = 'Cross-team leadership lab';

    // Alex (a facilitator) finds Programs in the main navigation and creates one.
    await signIn(a, hearth.url, 'admin@example.com');
    await a.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Programs' }).click();
    await a.getByRole('heading', { name: 'Programs', level: 1 }).waitFor();
    // The demo has an open program; the filter chips switch between all, open and mine.
    await a.getByRole('link', { name: 'New Manager Journey' }).waitFor();
    await snap(a, 'list');
    await a.getByRole('link', { name: 'Create program' }).first().click();
    await a.getByLabel('Title').fill(title);
    await a.getByLabel('Description').fill('Six weeks of peer learning with colleagues you have not met yet.');
    await a.getByLabel('Goals').fill('- Give **useful** feedback\n- Run a retrospective');
    await a.getByRole('tab', { name: 'Preview' }).click();
    await a.locator('.md-preview strong', { hasText: 'useful' }).waitFor();
    await a.getByRole('tab', { name: 'Write' }).click();
    await a.getByLabel('Seats').fill('20');
    await a.getByLabel('First day').fill('2030-03-04');
    await a.getByLabel('Last day').fill('2030-04-12');
    await a.getByRole('button', { name: 'Add session' }).click();
    await a.getByLabel('Session 1 title').fill('Kick-off');
    await a.getByLabel('Starts').first().fill('2030-03-04T10:00');
    await a.getByLabel('Minutes').first().fill('90');
    await a.getByRole('button', { name: 'Add session' }).click();
    await a.getByLabel('Session 2 title').fill('Feedback clinic');
    await a.getByLabel('Starts').nth(1).fill('2030-03-18T15:30');
    await a.getByLabel('People per cohort').fill('6');
    await a.getByLabel('People per breakout group').fill('3');
    await a.getByLabel('Breakout rounds').fill('2');
    await snap(a, 'new');
    await a.getByRole('button', { name: 'Create draft' }).click();
    await a.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    const programId = new URL(a.url()).pathname.split('/')[2];
    journeyProgramId = programId;
    await a.getByRole('heading', { name: title, level: 1 }).waitFor();
    await a.getByText('Only facilitators see this program').waitFor();
    // The schedule is shown in the viewer's time zone, in order.
    expect(await a.locator('.session-title').allTextContents()).toEqual(['Kick-off', 'Feedback clinic']);
    expect(await a.locator('.prose strong').textContent()).toBe('useful');

    // Open enrolment (confirmed).
    await a.getByRole('button', { name: 'Open enrolment' }).click();
    await a.getByRole('dialog').getByRole('button', { name: 'Open enrolment' }).click();
    await a.locator('.pathway-head').getByText('Open for enrolment').waitFor();
    await snap(a, 'program-facilitator');

    // People & groups: add Maya with the picker, then ten more demo people from the directory.
    await a.getByRole('link', { name: 'People & groups' }).click();
    await a.getByRole('heading', { name: 'People & groups', level: 1 }).waitFor();
    await a.getByRole('heading', { name: 'Enrol people first' }).waitFor();
    await a.getByLabel('Add people').fill('Maya');
    await a.getByRole('button', { name: 'Enrol Maya Patel' }).click();
    await a.getByRole('button', { name: 'Maya Patel is enrolled' }).waitFor();
    await a.getByRole('heading', { name: '1 person enrolled' }).waitFor();
    const directory = await callApi<{ items: { id: string; name: string }[] }>(a, 'GET', '/api/people?limit=60');
    const me = await callApi<{ person: { id: string } }>(a, 'GET', '/api/me');
    // Distinct names, so the groups can be read from the page by name.
    const names = new Set(['Maya Patel', 'Alex Morgan']);
    const others = directory.items.filter((p) => p.id !== me.person.id && !names.has(p.name) && names.add(p.name)).slice(0, 11);
    expect(others).toHaveLength(11);
    await callApi(a, 'POST', `/api/programs/${programId}/enrollments`, { personIds: others.map((p) => p.id) });
    await a.reload();
    await a.getByRole('heading', { name: '12 people enrolled' }).waitFor();

    // Cohorts of 6: form, with a progress state, then a preview of two cohorts.
    expect(await a.getByLabel('People per cohort').inputValue()).toBe('6');
    await a.getByRole('button', { name: 'Form cohorts' }).click();
    await a.locator('section.plan[data-status="draft"]').waitFor();
    const before = await groupsOnPage(a, 'draft');
    expect(before.map((g) => g.length)).toEqual([6, 6]);
    expect(new Set(before.flat()).size).toBe(12);
    await a.getByText(/Each cohort mixes [\d.]+ departments on average \(random: [\d.]+\)/).waitFor();
    // Every pair in a cohort meets once: new ties plus close-colleague meetings count the pairs (15 + 15 = 30).
    const figure = async (key: string) => Number(await a.locator(`section.plan[data-status="draft"] [data-testid="metric-${key}"]`).textContent());
    const pairs = async () => (await figure('newTies')) + (await figure('knownPairMeetings'));
    expect(await pairs()).toBe(30);
    // The preview names the department pairs that meet with no ties in the interaction graph over the past year.
    const formed = await callApi<{ items: (PlanJson & { firstTimeDepartmentPairs: { a: string; b: string }[] })[] }>(a, 'GET', `/api/programs/${programId}/plans`);
    const firstTime = formed.items.find((p) => p.kind === 'cohorts' && p.status === 'draft')?.firstTimeDepartmentPairs ?? [];
    expect(firstTime.length).toBeGreaterThan(0);
    const bridged = a.locator('section.plan[data-status="draft"] [data-testid="first-time-pairs"]');
    await bridged.getByRole('heading', { name: `${firstTime.length} pair${firstTime.length === 1 ? '' : 's'} of departments meet${firstTime.length === 1 ? 's' : ''} for the first time` }).waitFor();
    if (firstTime.length > 4) await bridged.getByText(`Show all ${firstTime.length}`).click();
    for (const p of firstTime) await bridged.getByText(`${p.a} and ${p.b} meet for the first time`, { exact: true }).waitFor();
    await snap(a, 'plan-cohorts');
    // Folded again, so the cohorts below stay where the drag expects them.
    if (firstTime.length > 4) await bridged.getByText('Hide the list').click();

    // Drag the first person of Cohort 1 onto Cohort 2: 5 and 7, the figures are recomputed (more pairs meet).
    const mover = before[0][0];
    const card = (label: string) => a.locator(`section.plan[data-status="draft"] .group-card[data-group="${label}"]`);
    // (A tall window keeps both cards in view, so nothing scrolls between pressing and releasing.)
    await a.setViewportSize({ width: 1280, height: 1600 });
    await card('Cohort 1').locator('.group-member', { hasText: mover }).dragTo(card('Cohort 2'));
    await a.setViewportSize({ width: 1280, height: 900 });
    await eventually(() => groupsOnPage(a, 'draft'), (g) => g[1].includes(mover) && g[0].length === 5, 'the dragged person in Cohort 2');
    // 10 + 21 pairs once the server has recomputed the figures.
    await eventually(pairs, (n) => n === 31, 'the figures to be recomputed after the drag');
    // The server keeps the adjustment.
    const stored = await callApi<{ items: PlanJson[] }>(a, 'GET', `/api/programs/${programId}/plans`);
    const storedDraft = stored.items.find((p) => p.kind === 'cohorts' && p.status === 'draft');
    expect(storedDraft?.rounds[0].groups[1].members.map((m) => m.name)).toContain(mover);

    // The keyboard way: "Move to…" on someone in Cohort 2 back to Cohort 1 (6 and 6 again).
    const back = (await groupsOnPage(a, 'draft'))[1].find((n) => n !== mover) as string;
    await card('Cohort 2').getByLabel(`Move ${back} to`).selectOption({ label: 'Cohort 1' });
    await eventually(() => groupsOnPage(a, 'draft'), (g) => g[0].includes(back) && g[0].length === 6 && g[1].length === 6, 'the moved person in Cohort 1');
    await eventually(pairs, (n) => n === 30, 'the figures to be recomputed after the keyboard move');
    // Focus stays with the moved person.
    expect(await a.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Move ${back} to`);
    const cohortsFinal = await groupsOnPage(a, 'draft');

    // Publish the cohorts (confirmed): they become read-only, dated, and forming again is closed.
    await a.locator('section.plan[data-status="draft"]').getByRole('button', { name: 'Publish' }).click();
    await a.getByRole('dialog', { name: 'Publish these cohorts?' }).getByRole('button', { name: 'Publish' }).click();
    await a.locator('section.plan[data-status="published"]').waitFor();
    await a.getByText(/^Published .*\d{4}/).waitFor();
    expect(await groupsOnPage(a, 'published')).toEqual(cohortsFinal);
    // Published cohorts keep a "Move to…" on each person (moves change cohorts, spaces and breakout groups).
    expect(await a.locator('section.plan[data-status="published"] select').count()).toBe(12);
    await a.getByText('Cohorts are published and have their spaces.').waitFor();

    // Breakout rotation: 2 rounds of groups of 3 within each cohort.
    await a.getByRole('tab', { name: 'Breakout rotation' }).click();
    expect(await a.getByLabel('People per group').inputValue()).toBe('3');
    expect(await a.getByLabel('Rounds').inputValue()).toBe('2');
    await a.getByRole('button', { name: 'Form rotation' }).click();
    await a.locator('section.plan[data-status="draft"]').waitFor();
    await a.getByRole('heading', { name: 'Round 2' }).waitFor();
    for (const r of [0, 1]) {
      const groups = await groupsOnPage(a, 'draft', r);
      expect(groups.map((g) => g.length)).toEqual([3, 3, 3, 3]);
    }
    // Six people in two groups of three cannot meet only new people twice: each second-round group holds two who met
    // before, so two repeats per cohort is the best there is, and the plan reaches it.
    expect(await a.locator('section.plan[data-status="draft"] [data-testid="metric-repeats"]').textContent()).toBe('4');
    await a.getByText('4 repeated meetings across the rounds').waitFor();
    // Groups stay within cohorts.
    for (const r of [0, 1]) for (const g of await groupsOnPage(a, 'draft', r)) expect(cohortsFinal.some((c) => g.every((n) => c.includes(n)))).toBe(true);
    await snap(a, 'plan-rotation');
    await a.locator('section.plan[data-status="draft"]').getByRole('button', { name: 'Publish' }).click();
    await a.getByRole('dialog', { name: 'Publish this breakout rotation?' }).getByRole('button', { name: 'Publish' }).click();
    await a.locator('section.plan[data-status="published"]').waitFor();

    // A member: someone Alex assigned, signed in on a phone.
    const enrolled = await callApi<{ items: { id: string; name: string; source: string }[] }>(a, 'GET', `/api/programs/${programId}/enrollments`);
    const chosen = enrolled.items.find((e) => e.id === others[0].id);
    expect(chosen?.source).toBe('assigned');
    const person = await callApi<{ email: string; name: string }>(a, 'GET', `/api/people/${others[0].id}`);
    const m = member.page;
    await signIn(m, hearth.url, person.email);
    // Programs sits behind "More" on the phone tab bar (five entries at most).
    const bar = m.getByRole('navigation', { name: 'Main (mobile)' });
    await bar.waitFor();
    expect(await bar.locator(':scope > ul > li').count()).toBe(5);
    await bar.getByRole('button', { name: 'More' }).click();
    await bar.getByRole('link', { name: 'People' }).waitFor();
    await snap(m, 'more-menu', [390]);
    await m.keyboard.press('Escape');
    expect(await bar.getByRole('button', { name: 'More' }).getAttribute('aria-expanded')).toBe('false');
    await bar.getByRole('link', { name: 'Programs' }).click();
    await m.getByRole('button', { name: 'Mine' }).click();
    await m.getByRole('list', { name: 'My programs' }).getByRole('link', { name: title }).click();
    await m.getByRole('heading', { name: title, level: 1 }).waitFor();
    await m.getByRole('heading', { name: 'You are enrolled' }).waitFor();

    // Their cohort (the one the page shows matches the published plan) and their group in each round.
    const cohortCard = m.locator('#my-cohort');
    await cohortCard.waitFor();
    const mine = cohortsFinal.findIndex((g) => g.includes(person.name));
    expect(mine).toBeGreaterThanOrEqual(0);
    await cohortCard.getByText(`Cohort ${mine + 1}`).waitFor();
    const cohortMates = await cohortCard.locator('.placement-person-name').allTextContents();
    expect(cohortMates.sort()).toEqual(cohortsFinal[mine].filter((n) => n !== person.name).sort());
    const groupsCard = m.locator('#my-groups');
    await groupsCard.getByRole('heading', { name: 'Round 1' }).waitFor();
    await groupsCard.getByRole('heading', { name: 'Round 2' }).waitFor();
    for (const r of [1, 2]) {
      const mates = await groupsCard.getByRole('list', { name: `Your group in round ${r}` }).locator('.placement-person-name').allTextContents();
      expect(mates).toHaveLength(2);
      for (const n of mates) expect(cohortsFinal[mine]).toContain(n);
    }
    await snap(m, 'program-member');

    // The cohort space opens (a private community of kind cohort the member belongs to).
    await cohortCard.getByRole('link', { name: 'Open the cohort space' }).click();
    await m.waitForURL(/\/communities\/[^/]+$/);
    await m.getByRole('heading', { name: `${title} · Cohort ${mine + 1}`, level: 1 }).waitFor();
    // Its Program card: the goals, the sessions as deadlines; the member ticks one and it stays ticked after a reload.
    const programCard = m.locator('#cohort-program');
    expect(await programCard.locator('.prose strong').textContent()).toBe('useful');
    const kickOff = programCard.getByRole('checkbox', { name: /Kick-off/ });
    expect(await kickOff.isChecked()).toBe(false);
    await Promise.all([m.waitForResponse((r) => r.url().endsWith('/done') && r.request().method() === 'PUT' && r.status() === 204), kickOff.check()]);
    await m.reload();
    await programCard.getByRole('progressbar', { name: `${person.name} (you): sessions done` }).waitFor();
    expect(await programCard.getByRole('checkbox', { name: /Kick-off/ }).isChecked()).toBe(true);
    expect(await programCard.getByRole('progressbar', { name: `${person.name} (you): sessions done` }).getAttribute('aria-valuenow')).toBe('1');
    await snap(m, 'cohort-space');
    // Hiding one's progress: the facilitator (owner of the space) then sees "Progress hidden" for this member.
    await Promise.all([m.waitForResponse((r) => r.url().endsWith('/progress-visibility') && r.status() === 204), programCard.getByRole('checkbox', { name: /Hide my progress/ }).check()]);
    await a.goto(m.url().replace(new URL(m.url()).origin, hearth.url));
    await a.locator('#cohort-program .cohort-member', { hasText: person.name }).getByText('Progress hidden').waitFor();
    await snap(a, 'cohort-space-facilitator');

    // Back on the list, Alex sees the program with its state.
    await a.goto(`${hearth.url}/programs`);
    await a.getByRole('button', { name: 'Open for enrolment' }).click();
    await a.getByRole('list', { name: 'Open for enrolment' }).getByRole('link', { name: title }).waitFor();
    expect(await a.getByRole('button', { name: 'Open for enrolment' }).getAttribute('aria-pressed')).toBe('true');
    await snap(a, 'list-open');

    // Learning partners are published too (twelve people: six pairs).
    await a.goto(`${hearth.url}/programs/${programId}/plan`);
    await a.getByRole('tab', { name: 'Learning partners' }).click();
    await a.getByRole('button', { name: 'Pair partners' }).click();
    await a.locator('section.plan[data-status="draft"]').waitFor();
    await a.locator('section.plan[data-status="draft"]').getByRole('button', { name: 'Publish' }).click();
    await a.getByRole('dialog', { name: 'Publish these learning partners?' }).getByRole('button', { name: 'Publish' }).click();
    await a.locator('section.plan[data-status="published"]').waitFor();

    // A late enrollee: someone new enrols themselves after everything was published. They are placed at once in a
    // cohort (its space, and their cohort's breakout groups in both rounds) and wait for a learning partner.
    const enrolledNames = new Set(['Maya Patel', 'Alex Morgan', ...others.map((o) => o.name)]);
    const late = directory.items.find((p) => p.id !== me.person.id && !enrolledNames.has(p.name)) as { id: string; name: string };
    expect(late).toBeDefined();
    const lateEmail = (await callApi<{ email: string }>(a, 'GET', `/api/people/${late.id}`)).email;
    const n = newcomer.page;
    await signIn(n, hearth.url, lateEmail);
    await n.goto(`${hearth.url}/programs/${programId}`);
    await n.getByRole('heading', { name: title, level: 1 }).waitFor();
    await n.getByRole('button', { name: 'Enrol', exact: true }).click();
    await n.getByRole('heading', { name: 'You are enrolled' }).waitFor();
    const lateCohort = n.locator('#my-cohort');
    await lateCohort.getByRole('link', { name: 'Open the cohort space' }).waitFor();
    const placedIn = (await lateCohort.locator('.placement-name strong').textContent()) as string;
    expect(['Cohort 1', 'Cohort 2']).toContain(placedIn);
    // Both cohorts had six people: they join one, so it has six others.
    expect(await lateCohort.locator('.placement-person-name').count()).toBe(6);
    for (const r of [1, 2]) await n.locator('#my-groups').getByRole('list', { name: `Your group in round ${r}` }).waitFor();
    await n.locator('#my-partner').getByText('Waiting for a partner').waitFor();
    await snap(n, 'program-late-enrollee');

    // The facilitator sees them in the published cohort and moves them to the other one with "Move to…".
    await a.reload();
    await a.getByRole('tab', { name: 'Cohorts' }).click();
    await a.locator('section.plan[data-status="published"]').waitFor();
    await eventually(() => groupsOnPage(a, 'published'), (g) => g.some((c) => c.includes(late.name) && c.length === 7), 'the late enrollee in a published cohort');
    const otherCohort = placedIn === 'Cohort 1' ? 'Cohort 2' : 'Cohort 1';
    await snap(a, 'plan-cohorts-late');
    await a.locator(`section.plan[data-status="published"] .group-card[data-group="${placedIn}"]`).getByLabel(`Move ${late.name} to`).selectOption({ label: otherCohort });
    await eventually(() => groupsOnPage(a, 'published'), (g) => g[otherCohort === 'Cohort 1' ? 0 : 1].includes(late.name) && g.every((c) => c.length >= 6), 'the late enrollee moved to the other cohort');
    // Their program page follows live.
    await lateCohort.locator('.placement-name strong', { hasText: otherCohort }).waitFor();

    // Learning partners: they wait; the facilitator adds them to a pair, which becomes a trio.
    await a.getByRole('tab', { name: 'Learning partners' }).click();
    const waitingList = a.locator('section.waiting-list[data-waiting="partners"]');
    await waitingList.getByText('Waiting for a learning partner').waitFor();
    await snap(a, 'plan-partners-waiting');
    const pairWith = waitingList.getByLabel(`Pair ${late.name} with`);
    const trio = (await pairWith.locator('option').allTextContents()).find((o) => o.endsWith('→ trio')) as string;
    await pairWith.selectOption({ label: trio });
    await waitingList.waitFor({ state: 'detached' });
    await a.locator('section.plan[data-status="published"] .group-card', { hasText: late.name }).waitFor();
    await n.getByRole('heading', { name: 'Your learning partners' }).waitFor();
    expect(await n.getByRole('list', { name: 'Your learning partners' }).locator('.placement-person-name').count()).toBe(2);
    await snap(n, 'program-late-enrollee-placed');
  }
});
