import { join } from 'node:path';
import type { Browser as PwBrowser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violationsNow as axeViolations } from './support/axe.ts';
import { eventually } from './support/expect-eventually.ts';
import { sharedBrowser } from './support/launch-browser.ts';
import { screenshotter } from './support/screenshots.ts';
import { DEMO_PASSWORD, signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('live-');
const t0 = Date.now();
/** Progress on stderr (set E2E_VERBOSE=1), so a slow machine shows where the time goes. */
const step = (what: string) => process.env.E2E_VERBOSE && process.stderr.write(`[live e2e ${((Date.now() - t0) / 1000).toFixed(0)} s] ${what}\n`);
const shots = process.env.E2E_SCREENSHOTS;

type Member = { id: string; name: string; department: string | null };
type MyGroup = { id: string; kind: 'group' | 'pair'; members: Member[]; active: boolean };
type State = {
  role: string;
  present: boolean;
  waiting: boolean;
  segment: { id: string; kind: string; title: string } | null;
  myGroup: (MyGroup & { notesVisible: boolean; joinedLate: boolean }) | null;
  session: { status: string; presentCount: number };
};

/** One person: a browser context of its own (own cookies), signed in; `ui` people are driven through the page. */
type Person = { email: string; name: string; id: string; csrf: string; context: BrowserContext; page: Page; ui: boolean };

/** Calls the API as this person (their cookie and CSRF token, as the app does); returns status and body. */
async function raw(p: Person, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await p.context.request.fetch(url, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': p.csrf },
    data: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
  const text = await res.text();
  return { status: res.status(), body: text ? JSON.parse(text) : null };
}
async function callApi<T = any>(p: Person, method: string, url: string, body?: unknown): Promise<T> {
  const r = await raw(p, method, url, body);
  if (r.status >= 400) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

describe('live sessions: a facilitator runs the graduated sequence with participants in separate browsers; what each role can and cannot see', () => {
  let hearth: Hearth;
  let browser: PwBrowser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    // E2E_HEARTH_URL reuses an already running fresh demo server (a slow machine may need more than startHearth's minute).
    const reuse = process.env.E2E_HEARTH_URL;
    hearth = reuse ? { url: reuse, pid: 0, stop: async () => {} } : await startHearth();
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await hearth?.stop();
  });

  /** A signed-in person. The facilitator signs in through the form; the others through the API (same cookie). */
  async function person(email: string, ui: boolean, width = 1280, viaForm = false): Promise<Person> {
    const context = await browser.newContext({ baseURL: hearth.url, viewport: { width, height: width === 390 ? 844 : 900 } });
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(60_000);
    contexts.push(context);
    const page = await context.newPage();
    if (viaForm) await signIn(page, hearth.url, email);
    else {
      const res = await context.request.post('/api/auth/sign-in', { data: { email, password: DEMO_PASSWORD } });
      if (!res.ok()) throw new Error(`sign-in ${email}: ${res.status()} ${await res.text()}`);
    }
    const me = await (await context.request.get('/api/me')).json();
    return { email, name: me.person.name, id: me.person.id, csrf: me.csrfToken, context, page, ui };
  }

  it('runs icebreaker → poll → groups → pairs → opt-in debrief → end → analytics', async () => {
    const all: Person[] = [];
    try {
      await journey(all);
    } catch (err) {
      if (shots) for (const p of all) await p.page.screenshot({ path: join(shots, `live-failure-${p.email.split('@')[0]}.png`), fullPage: true }).catch(() => {});
      throw err;
    }
  }, 900_000);

  async function journey(all: Person[]) {
    const fac = await person('tomas.reyes@example.com', true, 1280, true);
    all.push(fac);
    const f = fac.page;
    const title = 'Feedback clinic (live)';

    step('Tomás (a facilitator) finds Live in the navigation and creat');
    // Tomás (a facilitator) finds Live in the navigation and creates a session from the graduated template.
    await f.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Live' }).click();
    await f.getByRole('heading', { name: 'Live sessions', level: 1 }).waitFor();
    await f.getByRole('heading', { name: 'Upcoming', level: 2 }).waitFor();
    await f.getByRole('link', { name: 'New session' }).first().click();
    await f.getByLabel('Title').fill(title);
    await f.getByLabel('Description').fill('Practise giving feedback in small groups, then with your learning partner.');
    expect(await f.getByLabel('Who can join').inputValue()).toBe('');
    await f.getByLabel('The graduated sequence (recommended)').check();
    await snap(f, 'new');
    await f.getByRole('button', { name: 'Create and plan' }).click();
    await f.waitForURL(/\/live\/[0-9a-f-]{36}\/plan$/);
    const sessionId = new URL(f.url()).pathname.split('/')[2] as string;

    step("The agenda editor: the template's eight segments, a total an");
    // The agenda editor: the template's eight segments, a total and the graduation strip.
    await f.getByRole('heading', { name: `Plan: ${title}`, level: 1 }).waitFor();
    const titles = () => f.locator('.seg-title-field input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(await titles()).toEqual(['Welcome', 'Icebreaker in threes', 'Quick poll', 'Open chat', 'Small-group discussion', 'Learning partners', 'Reflection', 'Debrief (opt-in)']);
    expect(await f.getByTestId('plan-total').textContent()).toBe('1 h 1 min');
    expect(await f.locator('.grad-block').count()).toBe(8);
    step('Reorder with the keyboard-operable buttons: "Open chat" up, ');
    // Reorder with the keyboard-operable buttons: "Open chat" up, then back down.
    await f.getByRole('button', { name: 'Move Open chat up' }).click();
    expect((await titles()).slice(2, 4)).toEqual(['Open chat', 'Quick poll']);
    await f.getByRole('button', { name: 'Move Open chat down' }).press('Enter');
    expect((await titles()).slice(2, 4)).toEqual(['Quick poll', 'Open chat']);
    step('The poll becomes a single-choice question; without options t');
    // The poll becomes a single-choice question; without options the field says what is missing.
    const poll = f.locator('.seg-row[data-kind="poll"]');
    await poll.getByLabel('Question').fill('Which feedback habit do you want to build?');
    await poll.getByLabel('Poll type').selectOption('single');
    await f.getByRole('button', { name: 'Save plan' }).click();
    await poll.getByText('Give 2 to 8 options.').waitFor();
    await poll.getByLabel('Option 1', { exact: true }).fill('Asking for feedback');
    await poll.getByLabel('Option 2', { exact: true }).fill('Giving it sooner');
    await poll.getByRole('button', { name: 'Add option' }).click();
    await poll.getByLabel('Option 3', { exact: true }).fill('Saying thank you');
    step('Small groups of three, so six people make two groups (and tw');
    // Small groups of three, so six people make two groups (and two debrief choices).
    await f.locator('.seg-row[data-kind="groups"]').getByLabel('People per group').selectOption('3');
    step('A segment added at the end and removed again.');
    // A segment added at the end and removed again.
    await f.getByLabel('Add a segment').selectOption('chat');
    await f.getByRole('button', { name: 'Add', exact: true }).click();
    expect(await f.locator('.seg-row').count()).toBe(9);
    await f.getByRole('button', { name: 'Remove Open chat' }).last().click();
    expect(await f.locator('.seg-row').count()).toBe(8);
    await snap(f, 'plan');
    await f.getByRole('button', { name: 'Save plan' }).click();
    await f.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    const saved = await callApi<{ segments: { kind: string; config: any }[] }>(fac, 'GET', `/api/live-sessions/${sessionId}`);
    expect(saved.segments.find((s) => s.kind === 'poll')?.config).toEqual({ question: 'Which feedback habit do you want to build?', type: 'single', options: ['Asking for feedback', 'Giving it sooner', 'Saying thank you'] });
    expect(saved.segments.find((s) => s.kind === 'groups')?.config).toEqual({ groupSize: 3 });

    step('Four participants in their own browsers (Maya on a phone), t');
    // Four participants in their own browsers (Maya on a phone), two more through the API.
    const maya = await person('maya.patel@example.com', true, 390);
    const sam = await person('sam.okafor@example.com', true);
    const lea = await person('lea.schmidt@example.com', true);
    const jordan = await person('jordan.lee@example.com', true);
    all.push(maya, sam, lea, jordan);
    const directory = await callApi<{ items: { id: string; name: string }[] }>(fac, 'GET', '/api/people?limit=40');
    const taken = new Set(all.map((p) => p.id));
    // Two more join now; three more (not the admin, who checks privacy later) arrive late, during the pairs.
    const emails: string[] = [];
    for (const x of directory.items.filter((p) => !taken.has(p.id))) {
      const profile = await callApi<{ email: string }>(fac, 'GET', `/api/people/${x.id}`);
      if (profile.email !== 'admin@example.com') emails.push(profile.email);
      if (emails.length === 5) break;
    }
    const extras: Person[] = [];
    for (const email of emails.slice(0, 2)) extras.push(await person(email, false));
    const lateEmails = emails.slice(2);
    all.push(...extras);
    const participants = [maya, sam, lea, jordan, ...extras];
    const uiPeople = [maya, sam, lea, jordan];

    step('Maya finds it in the list (phone), opens it and joins; the o');
    // Maya finds it in the list (phone), opens it and joins; the others join by link or API.
    await maya.page.goto(`${hearth.url}/live`);
    const card = maya.page.locator(`.live-card-action[href="/live/${sessionId}"]`);
    expect(await card.getAttribute('aria-label')).toBe(`View: ${title}`);
    await card.click();
    await maya.page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await maya.page.getByRole('button', { name: 'Join session' }).click();
    await maya.page.getByText('The facilitator will start soon').waitFor();
    for (const p of [sam, lea, jordan]) {
      await p.page.goto(`${hearth.url}/live/${sessionId}`);
      await p.page.getByRole('button', { name: 'Join session' }).click();
      await p.page.getByText('The facilitator will start soon').waitFor();
    }
    for (const p of extras) await callApi(p, 'POST', `/api/live-sessions/${sessionId}/join`);
    step('A facilitator does not take a seat: the join is refused, and');
    // A facilitator does not take a seat: the join is refused, and the console counts six participants.
    expect((await raw(fac, 'POST', `/api/live-sessions/${sessionId}/join`)).status).toBe(403);

    await f.getByRole('link', { name: 'Console' }).click();
    await f.waitForURL(/\/console$/);
    await f.locator('.present-count').getByText('6', { exact: true }).waitFor();
    await f.getByText('Starts the first segment: Welcome (5 min)').waitFor();
    await f.getByRole('button', { name: 'Start session' }).click();
    const next = async (expected: string) => {
      await f.getByRole('button', { name: /Next segment|Finish segment/ }).click();
      await f.locator('.run-card .segment-title', { hasText: expected }).waitFor();
      for (const p of uiPeople) await p.page.locator('#segment-title', { hasText: expected }).waitFor();
    };
    const stateOf = (p: Person) => callApi<State>(p, 'GET', `/api/live-sessions/${sessionId}/state`);

    step('Welcome (plenary): a session chat everyone sees, live.');
    // Welcome (plenary): a session chat everyone sees, live.
    await f.locator('.run-card .segment-title', { hasText: 'Welcome' }).waitFor();
    for (const p of uiPeople) await p.page.locator('#segment-title', { hasText: 'Welcome' }).waitFor();
    await f.locator('.run-next', { hasText: 'Icebreaker in threes' }).waitFor();
    await sam.page.getByLabel('Message to session chat').fill('Hello everyone from Sales!');
    await sam.page.getByRole('button', { name: 'Send message' }).click();
    await maya.page.locator('.chat-msg', { hasText: 'Hello everyone from Sales!' }).waitFor();
    await lea.page.locator('.chat-msg', { hasText: 'Hello everyone from Sales!' }).waitFor();

    step('Icebreaker in threes: each person sees their group (names an');
    // Icebreaker in threes: each person sees their group (names and departments), two groups of three.
    await next('Icebreaker in threes');
    const ice = await Promise.all(participants.map(stateOf));
    expect(ice.map((s) => s.myGroup?.members.length)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(new Set(ice.map((s) => s.myGroup?.id)).size).toBe(2);
    for (const [i, p] of uiPeople.entries()) {
      const others = (ice[i]?.myGroup?.members ?? []).filter((m) => m.id !== p.id).map((m) => m.name).sort();
      await p.page.getByRole('heading', { name: 'Your group' }).waitFor();
      expect((await p.page.locator('.live-member-name').allTextContents()).sort()).toEqual(others);
      await p.page.getByText('Only your group sees this.').waitFor();
    }
    await f.locator('.overview-card').nth(1).waitFor();
    expect(await f.locator('.overview-card').count()).toBe(2);

    step('Poll: vote, then the results; the facilitator sees them live');
    // Poll: vote, then the results; the facilitator sees them live.
    await next('Quick poll');
    await maya.page.getByText('Results appear after you vote.').waitFor();
    await maya.page.getByLabel('Giving it sooner').check();
    await maya.page.getByRole('button', { name: 'Vote' }).click();
    await maya.page.getByText('Thanks, your vote is in: Giving it sooner').waitFor();
    await maya.page.locator('.poll-results-caption', { hasText: '1 vote' }).waitFor();
    await sam.page.getByLabel('Giving it sooner').check();
    await sam.page.getByRole('button', { name: 'Vote' }).click();
    await lea.page.getByLabel('Asking for feedback').check();
    await lea.page.getByRole('button', { name: 'Vote' }).click();
    await lea.page.getByText('Thanks, your vote is in').waitFor();
    const pollSeg = (await stateOf(maya)).segment?.id;
    step('A second vote is refused and changes nothing.');
    // A second vote is refused and changes nothing.
    expect((await raw(maya, 'POST', `/api/live-sessions/${sessionId}/segments/${pollSeg}/votes`, { choices: [0] })).status).toBe(409);
    await f.locator('.poll-results-caption', { hasText: '3 votes' }).waitFor();
    await maya.page.locator('.poll-results-caption', { hasText: '3 votes' }).waitFor();
    await snap(maya.page, 'participant-poll');

    await next('Open chat');

    step('Small groups: a group message reaches its members only; the ');
    // Small groups: a group message reaches its members only; the console counts it and never shows it.
    await next('Small-group discussion');
    const groupsState = await Promise.all(participants.map(stateOf));
    const groupOf = (p: Person) => groupsState[participants.indexOf(p)]?.myGroup as MyGroup;
    const groupA = groupOf(maya);
    const inA = participants.filter((p) => groupOf(p).id === groupA.id);
    const notInA = participants.filter((p) => groupOf(p).id !== groupA.id);
    expect(inA).toHaveLength(3);
    expect(notInA).toHaveLength(3);
    const groupB = groupOf(notInA[0] as Person);
    const secret = `Our group thinks feedback is hardest upward ${Date.now()}`;
    await maya.page.getByLabel('Message to group chat').fill(secret);
    await maya.page.getByRole('button', { name: 'Send message' }).click();
    await maya.page.locator('.chat-msg', { hasText: secret }).waitFor();
    for (const p of inA.filter((x) => x !== maya)) {
      if (p.ui) await p.page.locator('.chat-msg', { hasText: secret }).waitFor();
      else expect((await callApi(p, 'GET', `/api/live-sessions/${sessionId}/messages?groupId=${groupA.id}`)).items.map((m: any) => m.body)).toContain(secret);
    }
    for (const p of notInA) {
      if (p.ui) {
        await p.page.getByRole('heading', { name: 'Your group' }).waitFor();
        expect(await p.page.content()).not.toContain(secret);
      }
      expect((await raw(p, 'GET', `/api/live-sessions/${sessionId}/messages?groupId=${groupA.id}`)).status).toBe(404);
    }
    await f.locator(`.overview-card[data-group-id="${groupA.id}"]`).getByText('1 message').waitFor();
    await f.getByText('What groups and pairs write stays private to them.').waitFor();
    expect(await f.content()).not.toContain(secret);
    expect((await raw(fac, 'GET', `/api/live-sessions/${sessionId}/messages?groupId=${groupA.id}`)).status).toBe(404);
    expect((await raw(fac, 'GET', `/api/live-sessions/${sessionId}/groups/${groupA.id}/notes`)).status).toBe(404);

    step('Shared notes: autosave, and a concurrent edit is never overw');
    // Shared notes: autosave, and a concurrent edit is never overwritten: the person chooses (here: keep both).
    const notesA = 'Ideas: ask for one thing to keep and one to change.';
    await maya.page.getByLabel('Shared notes').fill(notesA);
    await maya.page.getByText(/^Saved /).waitFor();
    const other = inA.find((p) => p !== maya) as Person;
    const current = await callApi<{ version: number; body: string }>(other, 'GET', `/api/live-sessions/${sessionId}/groups/${groupA.id}/notes`);
    expect(current.body).toBe(notesA);
    await maya.page.getByLabel('Shared notes').fill(`${notesA}\nMaya: practise on a low-stakes topic first.`);
    await callApi(other, 'PUT', `/api/live-sessions/${sessionId}/groups/${groupA.id}/notes`, { body: `${notesA}\nFrom ${other.name}: timing matters.`, version: current.version });
    await maya.page.getByText('Someone else edited these notes').waitFor();
    await maya.page.getByRole('button', { name: 'Merge: keep both' }).click();
    const merged = await eventually(
      () => callApi<{ body: string }>(other, 'GET', `/api/live-sessions/${sessionId}/groups/${groupA.id}/notes`),
      (n) => n.body.includes('timing matters') && n.body.includes('low-stakes topic'),
      'both edits kept in the notes',
    );
    // Keep both: their text, then only the lines of Maya's that they did not have.
    expect(merged.body).toBe(`${notesA}\nFrom ${other.name}: timing matters.\nMaya: practise on a low-stakes topic first.`);
    step('Group B writes notes of its own.');
    // Group B writes notes of its own.
    const notesB = 'Group B private notes: our manager never asks.';
    const bWriter = notInA[0] as Person;
    const bNotes = await callApi<{ version: number }>(bWriter, 'GET', `/api/live-sessions/${sessionId}/groups/${groupB.id}/notes`);
    await callApi(bWriter, 'PUT', `/api/live-sessions/${sessionId}/groups/${groupB.id}/notes`, { body: notesB, version: bNotes.version });
    // A broadcast reaches everyone as a banner; +5 min extends the timer for all.
    await f.getByLabel('Broadcast to everyone').fill('Five more minutes — note your best idea.');
    await f.getByRole('button', { name: 'Send', exact: true }).click();
    for (const p of uiPeople) await p.page.locator('.broadcast', { hasText: 'Five more minutes — note your best idea.' }).waitFor();
    const minutesLeft = async () => Number((await f.locator('.run-card .countdown-value').textContent())?.split(':')[0]);
    const before = await minutesLeft();
    await f.getByRole('button', { name: '+5 min' }).click();
    await eventually(minutesLeft, (m) => m >= before + 4, 'the timer extended by five minutes');
    await snap(maya.page, 'participant-group');
    await snap(f, 'console');

    step('Learning partners: pair chat only the two see; the facilitat');
    // Learning partners: pair chat only the two see; the facilitator, an org admin and the other pairs get 404.
    await next('Learning partners');
    const pairsState = await Promise.all(participants.map(stateOf));
    const pairOf = (p: Person) => pairsState[participants.indexOf(p)]?.myGroup as MyGroup;
    expect(pairsState.every((s) => s.myGroup?.kind === 'pair')).toBe(true);
    expect(new Set(pairsState.map((s) => s.myGroup?.id)).size).toBe(3);
    const pair = pairOf(maya);
    const partner = participants.find((p) => p !== maya && pairOf(p).id === pair.id) as Person;
    await maya.page.getByRole('heading', { name: 'Your learning partner' }).waitFor();
    await maya.page.getByText('only the two of you can see this').waitFor();
    expect(await maya.page.locator('.live-member-name').allTextContents()).toEqual([partner.name]);
    const pairSecret = `Between us: I want to stop avoiding hard conversations ${Date.now()}`;
    await maya.page.getByLabel('Message to partner chat').fill(pairSecret);
    await maya.page.getByRole('button', { name: 'Send message' }).click();
    await maya.page.locator('.chat-msg', { hasText: pairSecret }).waitFor();
    if (partner.ui) await partner.page.locator('.chat-msg', { hasText: pairSecret }).waitFor();
    else expect((await callApi(partner, 'GET', `/api/live-sessions/${sessionId}/messages?groupId=${pair.id}`)).items.map((m: any) => m.body)).toContain(pairSecret);
    const admin = await person('admin@example.com', true);
    all.push(admin);
    const outsiders = [fac, admin, ...participants.filter((p) => pairOf(p).id !== pair.id)];
    for (const o of outsiders) {
      expect((await raw(o, 'GET', `/api/live-sessions/${sessionId}/messages?groupId=${pair.id}`)).status).toBe(404);
      expect((await raw(o, 'GET', `/api/live-sessions/${sessionId}/groups/${pair.id}/notes`)).status).toBe(404);
    }
    await f.locator(`.overview-card[data-group-id="${pair.id}"]`).getByText('1 message').waitFor();
    expect(await f.content()).not.toContain(pairSecret);
    step("Maya's pair keeps their conversation (both choose); the othe");
    // Maya's pair keeps their conversation (both choose); the others let it be deleted at the end.
    await maya.page.getByLabel('Keep our partner chat and notes after the session').check();
    await maya.page.getByText('Kept only if your partner chooses this too').waitFor();
    await callApi(partner, 'PUT', `/api/live-sessions/${sessionId}/groups/${pair.id}/keep`, { keep: true });
    const otherPair = pairOf(participants.find((p) => pairOf(p).id !== pair.id) as Person);
    const otherPairMember = participants.find((p) => pairOf(p).id === otherPair.id) as Person;
    await callApi(otherPairMember, 'POST', `/api/live-sessions/${sessionId}/messages`, { groupId: otherPair.id, body: 'Not kept: gone at the end.', clientId: crypto.randomUUID() });
    await callApi(otherPairMember, 'PUT', `/api/live-sessions/${sessionId}/groups/${otherPair.id}/notes`, { body: 'Our plan, not kept either.', version: 0 });
    await snap(maya.page, 'participant-pair');

    step('A late joiner waits (no pair is opened to them); the next arrival pairs with them; a third is placed');
    // A late arrival on a phone: the pairs are talking, so she waits in the main room and the screen says so.
    const late = await person(lateEmails[0] as string, true, 390);
    all.push(late);
    await late.page.goto(`${hearth.url}/live/${sessionId}`);
    await late.page.getByRole('button', { name: 'Join session' }).click();
    await late.page.getByRole('heading', { name: 'Waiting for a partner' }).waitFor();
    await late.page.getByText("You'll be paired when another person arrives or the facilitator places you.").waitFor();
    expect((await stateOf(late)).waiting).toBe(true);
    expect(await late.page.content()).not.toContain(pairSecret);
    // The console lists her with a Place… action; the dialog offers the pairs (each would become a trio).
    await f.locator('.waiting-person', { hasText: late.name }).waitFor();
    expect(await axeViolations(late.page)).toEqual([]);
    await snap(late.page, 'participant-waiting');
    await snap(f, 'console-waiting');
    await f.getByRole('button', { name: `Place ${late.name}…` }).click();
    const placeDialog = f.getByRole('dialog');
    await placeDialog.getByText('will see what is written from now on').waitFor();
    expect(await placeDialog.locator('.place-choice').count()).toBe(3);
    await placeDialog.getByText('becomes a trio').first().waitFor();
    expect(await axeViolations(f)).toEqual([]);
    await snap(f, 'console-place');
    await placeDialog.getByRole('button', { name: 'Cancel' }).click();
    // The next person to arrive is paired with her, live on her screen.
    const late2 = await person(lateEmails[1] as string, false);
    all.push(late2);
    expect((await callApi<State>(late2, 'POST', `/api/live-sessions/${sessionId}/join`)).myGroup?.members.map((m) => m.id).sort()).toEqual([late.id, late2.id].sort());
    await late.page.getByRole('heading', { name: 'Your learning partner' }).waitFor();
    expect(await late.page.locator('.live-member-name').allTextContents()).toEqual([late2.name]);
    await f.locator('.waiting-person').first().waitFor({ state: 'detached' });
    await snap(late.page, 'participant-late-pair');
    // A third arrival waits too; the facilitator places them in the other pair (a trio, by choice). They read the
    // pair's chat from now on only, and not its notes.
    const late3 = await person(lateEmails[2] as string, true);
    all.push(late3);
    await late3.page.goto(`${hearth.url}/live/${sessionId}`);
    await late3.page.getByRole('button', { name: 'Join session' }).click();
    await late3.page.getByRole('heading', { name: 'Waiting for a partner' }).waitFor();
    await f.getByRole('button', { name: `Place ${late3.name}…` }).click();
    await placeDialog.locator(`input[value="${otherPair.id}"]`).check();
    await placeDialog.getByRole('button', { name: 'Place', exact: true }).click();
    await placeDialog.waitFor({ state: 'hidden' });
    await f.locator(`.overview-card[data-group-id="${otherPair.id}"]`, { hasText: late3.name }).waitFor();
    const trio = (await stateOf(late3)).myGroup;
    expect(trio).toMatchObject({ id: otherPair.id, joinedLate: true });
    expect(trio?.members).toHaveLength(3);
    expect((await callApi(late3, 'GET', `/api/live-sessions/${sessionId}/messages?groupId=${otherPair.id}`)).items).toEqual([]);
    expect((await raw(late3, 'GET', `/api/live-sessions/${sessionId}/messages?groupId=${pair.id}`)).status).toBe(404);
    // Their screen follows at once: the pair, a note that they see what is written from their arrival on, and no notes
    // from before them.
    await late3.page.getByRole('heading', { name: 'Your learning partners' }).waitFor();
    await late3.page.getByText('you see what is written from then on').waitFor();
    await late3.page.getByText('No messages yet').waitFor();
    await late3.page.getByText('started these notes before you joined, so they stay with the people who wrote them').waitFor();
    for (const before of ['Not kept: gone at the end.', 'Our plan, not kept either.']) expect(await late3.page.content()).not.toContain(before);
    expect((await raw(late3, 'GET', `/api/live-sessions/${sessionId}/groups/${otherPair.id}/notes`)).status).toBe(404);
    expect(await axeViolations(late3.page)).toEqual([]);
    await snap(late3.page, 'participant-placed');
    // Someone already paired is not placed again: refused with a clear error.
    const again = await raw(fac, 'POST', `/api/live-sessions/${sessionId}/placements`, { personId: late.id, groupId: otherPair.id });
    expect([again.status, again.body.code]).toEqual([409, 'PLACEMENT_REFUSED']);
    // Pull everyone back: the breakout ends, everyone is in the main room; the pair chat is read-only now.
    await f.getByRole('button', { name: 'Pull everyone back' }).click();
    await f.getByText('Everyone is in the main room').waitFor();
    await maya.page.getByText('Everyone is back together').waitFor();
    await maya.page.getByText('This breakout has ended: the chat is read-only.').waitFor();

    step('Reflection: private, saved into her journal on the server.');
    // Reflection: private; saving it writes a private journal entry on the server.
    await next('Reflection');
    await maya.page.getByLabel('Your reflection').fill('Ask my team for feedback every Friday.');
    await maya.page.getByRole('button', { name: 'Save to my journal' }).click();
    await maya.page.getByText('Saved to your journal.').waitFor();

    step('Debrief: group A agrees unanimously, so its notes become vis');
    // Debrief: group A agrees unanimously, so its notes become visible to everyone; in group B one person declines.
    await next('Debrief (opt-in)');
    await maya.page.getByRole('heading', { name: "Share your group's notes?" }).waitFor();
    await maya.page.getByRole('button', { name: 'Share our notes' }).click();
    await maya.page.getByText(/1 of 3 agreed so far/).waitFor();
    for (const p of inA.filter((x) => x !== maya)) await callApi(p, 'PUT', `/api/live-sessions/${sessionId}/groups/${groupA.id}/debrief-consent`, { share: true });
    const [b1, b2, b3] = notInA as [Person, Person, Person];
    await callApi(b1, 'PUT', `/api/live-sessions/${sessionId}/groups/${groupB.id}/debrief-consent`, { share: true });
    await callApi(b2, 'PUT', `/api/live-sessions/${sessionId}/groups/${groupB.id}/debrief-consent`, { share: true });
    if (b3.ui) {
      await b3.page.getByRole('button', { name: 'Keep them private' }).click();
      await b3.page.getByText('You chose to keep them private').waitFor();
    } else await callApi(b3, 'PUT', `/api/live-sessions/${sessionId}/groups/${groupB.id}/debrief-consent`, { share: false });
    step('A pair is never debriefed.');
    // A pair is never debriefed.
    expect((await raw(maya, 'PUT', `/api/live-sessions/${sessionId}/groups/${pair.id}/debrief-consent`, { share: true })).status).toBe(409);
    await maya.page.getByText('Everyone agreed: your notes are shared with the session.').waitFor();
    for (const p of uiPeople) {
      await p.page.locator(`.debrief-item[data-group-id="${groupA.id}"]`, { hasText: 'timing matters' }).waitFor();
      expect(await p.page.locator(`.debrief-item[data-group-id="${groupB.id}"]`).count()).toBe(0);
      // Group B's own members still see their notes in their group card; nobody else sees them anywhere.
      if (groupOf(p).id === groupA.id) expect(await p.page.content()).not.toContain('our manager never asks');
    }
    expect(await f.content()).not.toContain('our manager never asks');
    const debriefs = await callApi<{ items: { groupId: string }[] }>(fac, 'GET', `/api/live-sessions/${sessionId}/debriefs`);
    expect(debriefs.items.map((d) => d.groupId)).toEqual([groupA.id]);
    await snap(maya.page, 'participant-debrief');

    step("End (confirmed): everyone sees the end; Maya's kept pair cha");
    // End (confirmed): everyone sees the end; Maya's kept pair chat survives, the other pair's is gone.
    await f.getByRole('button', { name: 'End session' }).click();
    await f.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
    await f.locator('.run-card').getByText('The session has ended.').waitFor();
    for (const p of uiPeople) await p.page.getByText('This session has ended').first().waitFor();
    expect((await callApi(partner, 'GET', `/api/live-sessions/${sessionId}/messages?groupId=${pair.id}`)).items.map((m: any) => m.body)).toContain(pairSecret);
    const gone = await raw(otherPairMember, 'GET', `/api/live-sessions/${sessionId}/messages?groupId=${otherPair.id}`);
    expect(gone.status === 404 || gone.body.items.length === 0).toBe(true);
    step('Joining an ended session is refused with a clear error.');
    // Joining an ended session is refused with a clear error.
    expect((await raw(admin, 'POST', `/api/live-sessions/${sessionId}/join`)).body.code).toBe('SESSION_ENDED');

    step("Analytics: the facilitator's charts (and table), and each pe");
    // Analytics: the facilitator's charts (and table), and each person's own talk time.
    await f.getByRole('link', { name: 'See talk-time analytics' }).click();
    await f.getByRole('heading', { name: 'Talk time', level: 1 }).waitFor();
    await f.getByRole('img', { name: /^Talk time per person/ }).waitFor();
    expect(await f.content()).not.toContain(pairSecret);
    expect(await f.content()).not.toContain(secret);
    await snap(f, 'analytics');
    await f.getByRole('group', { name: 'Show Talk time per person as' }).getByRole('button', { name: 'Table' }).click();
    const perPerson = f.getByRole('table', { name: 'Talk time per person' });
    await perPerson.getByRole('columnheader', { name: 'New people met' }).waitFor();
    // Six who came on time and three who arrived during the pairs, Maya among them.
    expect(await perPerson.locator('tbody tr').count()).toBe(9);
    await perPerson.getByRole('rowheader', { name: 'Maya Patel' }).waitFor();
    await maya.page.goto(`${hearth.url}/live/${sessionId}/analytics`);
    await maya.page.getByRole('heading', { name: 'My talk time', level: 1 }).waitFor();
    await maya.page.getByText('Only you see these figures.').waitFor();
    const mine = await callApi<{ chatMessages: number; pollVotes: number; newPeopleMet: number }>(maya, 'GET', `/api/live-sessions/${sessionId}/analytics/me`);
    expect(mine.chatMessages).toBe(2);
    expect(mine.pollVotes).toBe(1);
    // Her own view agrees with the facilitator's row for her.
    const rows = await callApi<{ rows: ({ personId: string; name: string } & Record<string, number>)[] }>(fac, 'GET', `/api/live-sessions/${sessionId}/analytics`);
    expect(mine).toEqual(rows.rows.find((r) => r.personId === maya.id));
    // On a fresh demo she had never shared a live group with these colleagues (a reused server remembers earlier runs).
    if (!process.env.E2E_HEARTH_URL) expect(mine.newPeopleMet).toBeGreaterThan(0);
    await snap(maya.page, 'my-talk-time');
    step('The list shows it under Past.');
    // The list shows it under Past.
    await f.goto(`${hearth.url}/live`);
    await f.getByRole('heading', { name: 'Past' }).waitFor();
    await snap(f, 'list');
  }
});
