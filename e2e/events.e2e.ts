import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApiStatus as callApi } from './support/call-api.ts';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, downloadedText, launchBrowser } from './support/launch-browser.ts';
import { screenshotter, withFailureShots } from './support/screenshots.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('events-');

/** The instant of `hour`:00 on `day` (YYYY-MM-DD) in an IANA zone, by that day's rules (summer time included). */
function wallTimeIn(day: string, hour: number, timeZone: string): Date {
  const guess = Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  const offsetAt = (t: number) => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(t).find((x) => x.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
  };
  return new Date(guess - offsetAt(guess - offsetAt(guess)));
}

/** YYYY-MM-DD of a UTC calendar date `days` after `day` (negative: before). */
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The same day of the month `delta` months away, clamped to that month's length (what Page Up / Page Down do). */
function addMonthsClamped(day: string, delta: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + delta + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + delta, Math.min(d, last))).toISOString().slice(0, 10);
}
/** Every day of the month of `day`, in order. */
function daysOfMonth(day: string): string[] {
  const [y, m] = day.split('-').map(Number);
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${day.slice(0, 7)}-${String(i + 1).padStart(2, '0')}`);
}

/** The open questions on a page, top first. */
const openQuestions = (page: Page) => page.locator('ol[aria-label^="Open questions"] .question-body').allTextContents();

describe('events: an admin plans a workshop in another time zone; RSVPs fill it, the waitlist moves up live; .ics; live Q&A; private community events stay private', () => {
  let hearth: Hearth;
  let admin: Browser;
  let maya: Browser;
  let sam: Browser;
  let lea: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    admin = await launchBrowser();
    maya = await launchBrowser({ width: 390, height: 844 });
    sam = await launchBrowser();
    lea = await launchBrowser({ width: 390, height: 844 });
    // Four browsers and a server share the machine: give each step more room than the default.
    for (const b of [admin, maya, sam, lea]) b.context.setDefaultTimeout(30_000);
  });
  afterAll(async () => {
    for (const b of [lea, sam, maya, admin]) await b?.close();
    await hearth?.stop();
  });

  it('runs the whole journey', async () => {
    await withFailureShots('events-', { admin, maya, sam, lea }, journey);
  }, 300_000);

  // The month grid is drawn in the browser from the browser's clock. Its edges are checked on a spread of days, whatever
  // day the suite runs: month ends of 28, 29, 30 and 31 days, the last day of a year, a 29 February, a first of January.
  it('draws the calendar of any day: today marked, the whole month, and paging across month and year ends', async () => {
    const cal = await launchBrowser();
    cal.context.setDefaultTimeout(30_000);
    try {
      const page = cal.page;
      await signIn(page, hearth.url, 'admin@example.com');
      const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.day ?? null);
      const inMonth = () => page.locator('table.cal td:not([data-outside]) .cal-day').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.day));
      for (const today of ['2027-01-31', '2027-02-28', '2028-02-29', '2027-04-30', '2027-12-31', '2028-01-01']) {
        // Noon: the same day in any browser zone within 11 hours of this process's.
        await page.clock.setFixedTime(new Date(`${today}T12:00:00`));
        await page.goto(`${hearth.url}/events`);
        await page.locator('table.cal').waitFor();
        await eventually(() => page.locator('.cal-day[aria-current="date"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.day)), (d) => d.join() === today, `${today} marked as today`);
        expect(await page.locator('.cal-day[tabindex="0"]').getAttribute('data-day'), today).toBe(today);
        expect(await inMonth(), today).toEqual(daysOfMonth(today));
        // Page Down: the same day next month (clamped), the grid follows; Page Up comes back (clamped again).
        await page.locator(`.cal-day[data-day="${today}"]`).focus();
        await page.keyboard.press('PageDown');
        const next = addMonthsClamped(today, 1);
        await eventually(focused, (d) => d === next, `Page Down from ${today} to ${next}`);
        await page.waitForURL((u) => u.searchParams.get('month') === next.slice(0, 7));
        expect(await inMonth(), next).toEqual(daysOfMonth(next));
        await page.keyboard.press('PageUp');
        const back = addMonthsClamped(next, -1);
        await eventually(focused, (d) => d === back, `Page Up from ${next} to ${back}`);
        expect(await inMonth(), back).toEqual(daysOfMonth(today));
        // Arrow keys step over the month's edges: from its last day to the next month's first, and back.
        const last = daysOfMonth(today).at(-1) as string;
        await page.locator(`.cal-day[data-day="${last}"]`).focus();
        await page.keyboard.press('ArrowRight');
        await eventually(focused, (d) => d === addDays(last, 1), `Arrow Right from ${last}`);
        expect(await inMonth(), addDays(last, 1)).toEqual(daysOfMonth(addDays(last, 1)));
        await page.keyboard.press('ArrowLeft');
        await eventually(focused, (d) => d === last, `Arrow Left back to ${last}`);
      }
    } finally {
      await cal.close();
    }
  }, 180_000);

  async function journey() {
    const a = admin.page;
    const title = 'Facilitation skills workshop';
    await signIn(a, hearth.url, 'admin@example.com');
    const browserZone = await a.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    // Plan it in a zone other than the browser's: Singapore (UTC+8, no daylight saving), or New York when the browser is in Singapore.
    const zone = browserZone === 'Asia/Singapore' ? 'America/New_York' : 'Asia/Singapore';
    const day = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
    const expectedStart = wallTimeIn(day, 10, zone);

    // The calendar is in the main navigation.
    await a.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Events' }).click();
    await a.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
    await a.locator('table.cal').waitFor();
    expect(await a.locator('.cal-day[aria-current="date"]').count()).toBe(1);

    // Create the workshop: capacity 2, in the other zone.
    await a.getByRole('link', { name: 'New event' }).click();
    await a.getByRole('heading', { name: 'Plan an event', level: 1 }).waitFor();
    // Bad input first: the end before the start is refused at the field, nothing is sent.
    await a.getByLabel('Title').fill(title);
    await a.getByLabel('Starts').fill(`${day}T10:00`);
    await a.getByLabel('Ends').fill(`${day}T09:00`);
    await a.getByRole('button', { name: 'Create event' }).click();
    await a.getByText('The end must be after the start.').waitFor();
    await a.getByLabel('Ends').fill(`${day}T11:30`);
    await a.getByLabel('Time zone').selectOption(zone);
    await a.getByTestId('zone-preview').waitFor();
    await a.getByLabel('Description').fill('Practise **running a room**: openings, energy, closing well.');
    await a.getByLabel('Place').fill('Room Ember, 3rd floor');
    await a.getByLabel('Join link').fill('https://meet.example.com/facilitation');
    await a.getByLabel('Seats').fill('2');
    await a.getByRole('searchbox', { name: 'Hosts' }).fill('Tomas');
    await a.getByRole('button', { name: /Tomás Reyes/ }).click();
    await a.getByRole('list', { name: 'Hosts' }).getByText('Tomás Reyes').waitFor();
    await a.getByRole('button', { name: 'Add guest speaker' }).click();
    await a.getByLabel('Speaker 1 name').fill('Dr. Ana Lima');
    await a.getByLabel('Title or affiliation').fill('Professor of Design, TU Delft');
    await snap(a, 'new');
    await a.getByRole('button', { name: 'Create event' }).click();
    await a.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    const eventId = new URL(a.url()).pathname.split('/')[2];
    const eventUrl = `${hearth.url}/events/${eventId}`;
    await a.getByRole('heading', { name: title, level: 1 }).waitFor();
    // Times show in the viewer's zone and, since it differs, in the event's.
    await a.getByTestId('event-zone-time').getByText(zone === 'Asia/Singapore' ? /in Singapore/ : /in New York/).waitFor();
    expect(Date.parse((await a.getByTestId('event-local-time').getAttribute('datetime')) ?? '')).toBe(expectedStart.getTime());
    await a.getByText('Dr. Ana Lima').waitFor();
    await a.locator('.prose strong', { hasText: 'running a room' }).waitFor();
    // Admin chose Tomas as host: Admin is an organizer (edits and manages), not a host.
    await a.getByRole('heading', { name: 'Attendees' }).waitFor();

    // Three people answer Going: two get seats, the third goes on the waitlist and sees their place.
    const going = async (b: Browser, email: string) => {
      await signIn(b.page, hearth.url, email);
      await b.page.goto(eventUrl);
      await b.page.getByRole('heading', { name: title, level: 1 }).waitFor();
    };
    await going(maya, 'maya.patel@example.com');
    await maya.page.getByText('2 spots left of 2').waitFor();
    await maya.page.getByRole('button', { name: 'Going', exact: true }).click();
    await maya.page.getByRole('heading', { name: 'You are going' }).waitFor();
    await going(sam, 'sam.okafor@example.com');
    await sam.page.getByRole('button', { name: 'Going', exact: true }).click();
    await sam.page.getByRole('heading', { name: 'You are going' }).waitFor();
    await going(lea, 'lea.schmidt@example.com');
    await lea.page.getByText('Full · waitlist open').waitFor();
    await lea.page.getByRole('button', { name: 'Join the waitlist' }).click();
    await lea.page.getByRole('heading', { name: 'You are on the waitlist' }).waitFor();
    expect(await lea.page.getByTestId('waitlist-position').textContent()).toContain('number 1');
    // Only going attendees see the join link's existence spelled out; Lea does not get it.
    expect(await callApi<{ joinUrl: string | null }>(lea.page, 'GET', `/api/events/${eventId}`).then((r) => r.body.joinUrl)).toBeNull();
    await snap(lea.page, 'event-waitlisted');

    // The host's attendee list: going, then the waitlist.
    await a.reload();
    await eventually(() => a.locator('.attendee .person-row-sub').allTextContents(), (t) => t.join('|') === 'Going|Going|Waitlist #1', 'the attendee list in order');

    // Maya cannot come after all: her seat goes to Lea, whose page updates by itself.
    await maya.page.getByRole('button', { name: 'Not going' }).click();
    await maya.page.getByRole('heading', { name: 'You are not going' }).waitFor();
    await lea.page.getByRole('heading', { name: 'You are going' }).waitFor();
    expect(await lea.page.getByTestId('waitlist-position').count()).toBe(0);

    // "Add to calendar" downloads the event's .ics: stable UID, start in UTC.
    const [download] = await Promise.all([lea.page.waitForEvent('download'), lea.page.getByRole('link', { name: /Add to calendar/ }).click()]);
    const ics = await downloadedText(download);
    const unfolded = ics.replace(/\r?\n[ \t]/g, '');
    expect(unfolded).toMatch(/BEGIN:VCALENDAR/);
    expect(unfolded).toContain(`UID:event-${eventId}@hearth`);
    const pad = (n: number) => String(n).padStart(2, '0');
    const s = expectedStart;
    expect(unfolded).toContain(`DTSTART:${s.getUTCFullYear()}${pad(s.getUTCMonth() + 1)}${pad(s.getUTCDate())}T${pad(s.getUTCHours())}${pad(s.getUTCMinutes())}00Z`);
    expect(unfolded).toContain(`SUMMARY:${title}`);

    // Live Q&A: Sam and Lea ask; the admin watches.
    await a.getByRole('heading', { name: 'Questions' }).waitFor();
    const q1 = 'How do we restart a room after a long silence?';
    const q2 = 'Any tips for hybrid rooms where half are remote?';
    await sam.page.getByLabel('Ask the hosts').fill(q1);
    await sam.page.getByRole('button', { name: 'Ask', exact: true }).click();
    await sam.page.locator('.question-body', { hasText: q1 }).waitFor();
    await lea.page.getByLabel('Ask the hosts').fill(q2);
    await lea.page.getByRole('button', { name: 'Ask', exact: true }).click();
    await lea.page.locator('.question-body', { hasText: q2 }).waitFor();
    // Equal votes: oldest first, in the admin's page too (live).
    await eventually(() => openQuestions(a), (l) => l.join('|') === [q1, q2].join('|'), 'both questions, oldest first, in the admin page');
    // Sam cannot upvote his own question, but upvotes Lea's: it moves to the top in the admin's page by itself.
    expect(await sam.page.locator('.question', { hasText: q1 }).locator('.question-vote').isDisabled()).toBe(true);
    const lqVote = sam.page.locator('.question', { hasText: q2 }).locator('.question-vote');
    await lqVote.click();
    await eventually(() => lqVote.getAttribute('aria-pressed'), (v) => v === 'true', "Sam's upvote shown as pressed");
    await eventually(() => openQuestions(a), (l) => l.join('|') === [q2, q1].join('|'), 'the upvoted question on top in the admin page');
    expect(await a.locator('.question', { hasText: q2 }).getByTestId('votes').textContent()).toBe('1');
    await snap(a, 'event-host');
    // Taking the upvote back (toggle) and giving it again.
    await lqVote.click();
    await eventually(() => openQuestions(a), (l) => l.join('|') === [q1, q2].join('|'), 'the order restored after the upvote was taken back');
    await lqVote.click();
    await eventually(() => openQuestions(a), (l) => l.join('|') === [q2, q1].join('|'), 'the upvoted question on top again');

    // The host marks Lea's question answered: it leaves the open list everywhere.
    await a.locator('.question', { hasText: q2 }).getByRole('button', { name: /Mark answered/ }).click();
    await eventually(() => openQuestions(lea.page), (l) => l.join('|') === q1, "the answered question out of Lea's open list");
    await lea.page.locator('ol[aria-label="Answered questions"] .question-body', { hasText: q2 }).waitFor();
    await snap(lea.page, 'event-going');

    // The calendar shows the workshop in its month, with the admin's view of seats.
    await a.goto(`${hearth.url}/events?month=${day.slice(0, 7)}`);
    const chip = a.locator('.cal-chip', { hasText: title });
    await chip.waitFor();
    // Keyboard: Page Down moves to the next month and back with Page Up.
    await a.locator('.cal-day[tabindex="0"]').focus();
    const monthTitle = await a.locator('#cal-month-title').textContent();
    await a.keyboard.press('PageDown');
    await eventually(() => a.locator('#cal-month-title').textContent(), (t) => t !== monthTitle, 'the next month');
    await a.keyboard.press('PageUp');
    await eventually(() => a.locator('#cal-month-title').textContent(), (t) => t === monthTitle, 'the month again');
    await chip.waitFor();
    await snap(a, 'calendar');
    // Filters: Going shows Lea's event to Lea on her phone (agenda).
    await lea.page.goto(`${hearth.url}/events?month=${day.slice(0, 7)}&show=going`);
    await lea.page.locator('.agenda-title', { hasText: title }).waitFor();
    await snap(lea.page, 'agenda-going');

    // A private community's event: the admin plans it; Sam (not a member) neither finds it nor sees it in his calendar.
    const community = await callApi<{ id: string; slug: string }>(a, 'POST', '/api/communities', { name: 'Leadership Offsite Team', visibility: 'private', description: 'Planning the offsite.' });
    expect(community.status).toBe(201);
    await a.goto(`${hearth.url}/events/new?date=${day}&community=${community.body.id}`);
    await a.getByLabel('Title').fill('Offsite planning session');
    // The calendar choices load with the page; the one named in the link is then chosen.
    await eventually(() => a.getByLabel('Calendar').inputValue(), (v) => v === community.body.id, 'the linked calendar chosen');
    await a.getByRole('button', { name: 'Create event' }).click();
    await a.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    const privateId = new URL(a.url()).pathname.split('/')[2];
    await a.getByRole('link', { name: 'Leadership Offsite Team' }).first().waitFor();
    await sam.page.goto(`${hearth.url}/events/${privateId}`);
    await sam.page.getByRole('heading', { name: "We couldn't find that event" }).waitFor();
    await sam.page.goto(`${hearth.url}/events?month=${day.slice(0, 7)}`);
    await sam.page.locator('.cal-chip', { hasText: title }).waitFor();
    expect(await sam.page.locator('.cal-chip', { hasText: 'Offsite planning session' }).count()).toBe(0);
    expect((await callApi(sam.page, 'GET', `/api/events/${privateId}/questions`)).status).toBe(404);
    // The community's Events tab lists it for its members.
    await a.goto(`${hearth.url}/communities/${community.body.slug}/events`);
    await a.locator('.agenda-title', { hasText: 'Offsite planning session' }).waitFor();
    await snap(a, 'community-events');

    // The host's CSV lists the attendees; cancelling (confirmed) keeps the event, marked cancelled, without RSVPs.
    const csv = await a.evaluate(async (id) => (await fetch(`/api/events/${id}/attendees?format=csv`)).text(), eventId);
    expect(csv).toContain('Lea Schmidt');
    expect(csv).toContain('Sam Okafor');
    await a.goto(`${hearth.url}/events/${privateId}`);
    await a.getByRole('button', { name: 'Cancel event' }).click();
    await a.getByRole('dialog', { name: 'Cancel this event?' }).getByRole('button', { name: 'Cancel event' }).click();
    await a.getByText('This event will not take place').waitFor();
    await a.getByRole('heading', { name: 'This event was cancelled' }).waitFor();
    expect(await a.getByRole('button', { name: 'Going', exact: true }).count()).toBe(0);
  }
});
