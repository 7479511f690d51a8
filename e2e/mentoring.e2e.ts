import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApiStatus as callApi } from './support/call-api.ts';
import { eventually } from './support/expect-eventually.ts';
import { type Browser, downloadedText, launchBrowser } from './support/launch-browser.ts';
import { screenshotter, withFailureShots } from './support/screenshots.ts';
import { signIn } from './support/sign-in.ts';
import { type Hearth, startHearth } from './support/start-hearth.ts';

const snap = screenshotter('mentoring-');

/** The value of one iCalendar property (folded lines joined), with its parameters. */
function icsProperty(ics: string, name: string): { params: string; value: string } | null {
  const lines = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  for (const line of lines) {
    const m = new RegExp(`^${name}((?:;[^:]*)?):(.*)$`).exec(line);
    if (m) return { params: m[1], value: m[2] };
  }
  return null;
}

/** An iCalendar date-time (UTC "…Z", or floating/TZID wall time) as its parts. */
function icsDate(value: string) {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(value);
  if (!m) throw new Error(`Not an iCalendar date-time: ${value}`);
  return { iso: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`, utc: m[7] === 'Z' };
}

describe('mentoring: a new mentee makes her profile, the admin matches and publishes, the pair books a meeting and keeps notes the admin cannot read', () => {
  let hearth: Hearth;
  let maya: Browser;
  let lea: Browser;
  let alex: Browser;
  beforeAll(async () => {
    hearth = await startHearth();
    maya = await launchBrowser({ width: 390, height: 844 });
    lea = await launchBrowser();
    alex = await launchBrowser();
  });
  afterAll(async () => {
    await alex?.close();
    await lea?.close();
    await maya?.close();
    await hearth?.stop();
  });

  it('runs the whole journey', async () => {
    await withFailureShots('mentoring-', { maya, lea, alex }, journey);
  }, 420_000);

  async function journey() {
    const m = maya.page;
    const l = lea.page;
    const a = alex.page;
    const secret = 'Nervous about the all-hands talk: practise the opening twice';

    // The demo seeds 27 mentoring profiles (Lea already mentors Maya). Alex (admin) looks for a colleague in Europe
    // with no profile yet: she is the new mentee of this journey, on her phone.
    await signIn(a, hearth.url, 'admin@example.com');
    const named = new Set(['Alex Morgan', 'Maya Patel', 'Sam Okafor', 'Lea Schmidt', 'Tomás Reyes']);
    const people = (await callApi<{ items: { id: string; name: string; timeZone: string | null }[] }>(a, 'GET', '/api/people?limit=100')).body.items;
    // (A name no one else has, so the pages can be read by name.)
    const candidates = people.filter((p) => !named.has(p.name) && p.timeZone?.startsWith('Europe/') && people.filter((q) => q.name === p.name).length === 1);
    let mentee: { id: string; name: string; email: string; timeZone: string } | null = null;
    for (const c of candidates) {
      const person = (await callApi<{ email: string; timeZone: string }>(a, 'GET', `/api/people/${c.id}`)).body;
      await m.context().clearCookies();
      await signIn(m, hearth.url, person.email);
      const profile = (await callApi<{ mentor: unknown; mentee: unknown }>(m, 'GET', '/api/mentoring/profile')).body;
      if (!profile.mentor && !profile.mentee) {
        mentee = { id: c.id, name: c.name, email: person.email, timeZone: person.timeZone };
        break;
      }
    }
    if (!mentee) throw new Error('No demo person in Europe without a mentoring profile');
    const first = mentee.name.split(' ')[0];

    // She finds Mentoring behind "More" and asks for a mentor: goals and the skills she wants to grow.
    await m.goto(`${hearth.url}/`);
    const bar = m.getByRole('navigation', { name: 'Main (mobile)' });
    await bar.getByRole('button', { name: 'More' }).click();
    await bar.getByRole('link', { name: 'Mentoring' }).click();
    await m.getByRole('heading', { name: 'Start here' }).waitFor();
    await snap(m, 'home-new');
    await m.getByRole('button', { name: 'Find a mentor' }).first().click();
    const menteeForm = m.getByRole('form', { name: 'Mentee profile' });
    await menteeForm.waitFor();
    await menteeForm.getByLabel('Your goals').fill('first-time manager');
    await menteeForm.getByLabel('Your goals').press('Enter');
    const wanted = await menteeForm.locator('.mentoring-skill-row').count();
    await menteeForm.getByRole('button', { name: 'Add a skill' }).click();
    await menteeForm.getByLabel(`Skill ${wanted + 1}`, { exact: true }).fill('Facilitation');
    await menteeForm.getByLabel(`Aiming for (skill ${wanted + 1})`).selectOption('4');
    await menteeForm.getByLabel('Prefer a mentor from another department').check();
    await menteeForm.getByRole('button', { name: 'Find me a mentor' }).click();
    await m.getByText('Looking for a mentor').waitFor();
    const saved = (await callApi<{ mentee: { goals: string[]; skills: { skill: string; level: number }[]; preferences: { otherDepartment?: boolean } } }>(m, 'GET', '/api/mentoring/profile')).body.mentee;
    expect(saved.goals).toEqual(['first-time manager']);
    expect(saved.skills).toContainEqual({ skill: 'Facilitation', level: 4 });
    expect(saved.preferences.otherDepartment).toBe(true);
    // Her suggestions come with a score and reasons, and the page says why the list is short.
    await m.getByText(/each one is suggested to only a few mentees at a time/).waitFor();
    await m.locator('.suggestion').first().locator('.factor-chip').first().waitFor();
    await snap(m, 'home-suggestions');

    // Alex (admin) runs programme matching and sees the preview with explanations.
    await a.goto(`${hearth.url}/mentoring`);
    await a.getByRole('link', { name: 'Programme matching' }).click();
    await a.getByRole('heading', { name: 'Programme matching', level: 1 }).waitFor();
    await a.getByText('Matches as many mentees as capacity allows').waitFor();
    await a.getByRole('radio', { name: /Fair to the worst-off/ }).check();
    await a.getByRole('button', { name: 'Run matching' }).click();
    const run = a.locator('section.run[data-status="preview"]');
    await run.waitFor();
    const row = run.locator(`tr[data-mentee="${mentee.id}"]`);
    await row.waitFor();
    const mentorName = ((await row.getByLabel(`Mentor of ${mentee.name}`).locator('option:checked').textContent()) ?? '').replace(/ \(\d+ in this run\)$/, '');
    const mentorId = (await row.getAttribute('data-mentor')) ?? '';
    expect(mentorName).not.toBe('');
    const reasons = await row.locator('.factor-chip').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    const matched = Number((await run.getByTestId('figure-matched').textContent())?.match(/^\d+/)?.[0]);
    expect(matched).toBeGreaterThan(1);
    expect(await run.getByTestId('figure-worst').textContent()).toMatch(/^\d+%$/);
    await run.getByRole('img', { name: /Number of pairs in each score band/ }).waitFor();
    await snap(a, 'admin-preview');
    // Publish (confirmed): the run is live.
    await run.getByRole('button', { name: 'Publish' }).click();
    await a.getByRole('dialog').getByRole('button', { name: 'Publish and notify' }).click();
    await a.locator('section.run[data-status="published"]').waitFor();
    const relId = await eventually(
      async () => (await callApi<{ items: { id: string; mentee: { id: string } }[] }>(a, 'GET', '/api/mentoring/relationships?scope=program')).body.items.find((r) => r.mentee.id === mentee.id)?.id,
      (id) => !!id,
      'the published relationship of the new mentee',
    );
    await a.locator(`tr[data-relationship="${relId}"]`).waitFor();

    // Both see the match with its explanation.
    await m.reload();
    const mayaCard = m.locator(`.rel-card[data-relationship="${relId}"]`);
    await mayaCard.getByText('Your mentor').waitFor();
    await mayaCard.getByRole('link', { name: mentorName }).waitFor();
    expect(await mayaCard.locator('.factor-chip').allTextContents()).toEqual(reasons.slice(0, 2));
    await snap(m, 'home-matched');
    const mentor = (await callApi<{ email: string; timeZone: string | null }>(a, 'GET', `/api/people/${mentorId}`)).body;
    await signIn(l, hearth.url, mentor.email);
    await l.goto(`${hearth.url}/mentoring`);
    const leaCard = l.locator(`.rel-card[data-relationship="${relId}"]`);
    await leaCard.getByText('Your mentee').waitFor();
    await leaCard.getByRole('link', { name: mentee.name }).waitFor();
    expect(await leaCard.locator('.factor-chip').allTextContents()).toEqual(reasons.slice(0, 2));

    // She opens the relationship: why they were matched, then books a meeting in her own time zone.
    await mayaCard.getByRole('link', { name: mentorName }).click();
    await m.waitForURL(`**/mentoring/relationships/${relId}`);
    await m.getByRole('heading', { name: mentorName, level: 1 }).waitFor();
    expect(await m.getByRole('list', { name: 'Why you were matched' }).locator('.factor-chip').allTextContents()).toEqual(reasons);
    await m.getByRole('button', { name: 'Schedule meeting' }).click();
    const meetingForm = m.getByRole('form', { name: 'Schedule meeting' });
    const city = mentee.timeZone.split('/').pop()?.replace(/_/g, ' ');
    await meetingForm.getByText(`Times are in your time zone, ${city} (${mentee.timeZone}).`).waitFor();
    // 12 June next year: always ahead of the day the suite runs, and always in European summer time.
    const meetingDay = `${new Date().getUTCFullYear() + 1}-06-12`;
    await meetingForm.getByLabel('Date').fill(meetingDay);
    await meetingForm.getByLabel('Start time').fill('10:00');
    await meetingForm.getByLabel('Duration').selectOption('45');
    // When the mentor lives in another zone, the form says what time that is for them.
    if (mentor.timeZone && mentor.timeZone !== mentee.timeZone) await meetingForm.getByText(/^That is .* for .* in /).waitFor();
    await meetingForm.getByLabel('Agenda').fill('Outline of the talk; first dry run');
    await meetingForm.getByRole('button', { name: 'Book meeting' }).click();
    await m.getByText(new RegExp(`The invite was sent by email to you and ${mentorName.split(' ')[0]}\\.`)).waitFor();
    const meeting = m.locator('.meeting', { hasText: 'Outline of the talk' });
    await meeting.waitFor();
    // "Add to calendar" downloads an .ics whose DTSTART is 10:00 in her zone on that day (summer time), 45 minutes long.
    const summerOffsetHours: Record<string, number> = { 'Europe/London': 1, 'Europe/Lisbon': 1, 'Europe/Berlin': 2 };
    const offset = summerOffsetHours[mentee.timeZone];
    expect(offset, `a known offset for ${mentee.timeZone}`).toBeDefined();
    const [download] = await Promise.all([m.waitForEvent('download'), meeting.getByRole('link', { name: 'Add to calendar' }).click()]);
    const ics = await downloadedText(download);
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain('BEGIN:VEVENT');
    const start = icsProperty(ics, 'DTSTART');
    expect(start).not.toBeNull();
    const s = icsDate(start?.value ?? '');
    if (s.utc) expect(s.iso).toBe(`${meetingDay}T${String(10 - offset).padStart(2, '0')}:00:00`);
    else {
      expect(start?.params).toContain(`TZID=${mentee.timeZone}`);
      expect(s.iso).toBe(`${meetingDay}T10:00:00`);
    }
    const end = icsProperty(ics, 'DTEND');
    const duration = icsProperty(ics, 'DURATION');
    if (end) {
      const e = icsDate(end.value);
      expect(new Date(`${e.iso}Z`).getTime() - new Date(`${s.iso}Z`).getTime()).toBe(45 * 60_000);
    } else expect(duration?.value).toBe('PT45M');

    // A goal with progress (keyboard on the slider), kept by the server.
    await m.getByLabel('New goal').fill('Give a 10-minute talk at all-hands');
    await m.getByRole('button', { name: 'Add goal' }).click();
    const slider = m.getByRole('slider', { name: 'Progress of Give a 10-minute talk at all-hands' });
    await slider.focus();
    for (let i = 0; i < 4; i++) await m.keyboard.press('ArrowRight');
    await eventually(
      async () => (await callApi<{ goals: { title: string; progress: number; status: string }[] }>(m, 'GET', `/api/mentoring/relationships/${relId}`)).body.goals[0],
      (g) => g?.progress === 20 && g.status === 'in_progress',
      'the goal progress to be saved',
    );

    // She writes a private note; the card says who can read it.
    await m.getByText(`Only you and ${mentorName} can read these.`).waitFor();
    await m.getByLabel('New note').fill(secret);
    await m.getByRole('button', { name: 'Add note' }).click();
    await m.locator('.note', { hasText: secret }).waitFor();
    // A check-in: a rating and a note only she reads.
    await m.getByRole('radio', { name: /4\s*Going well/ }).check();
    await m.getByLabel('Note to yourself').fill('Good first session');
    await m.getByRole('button', { name: 'Save check-in' }).click();
    await m.getByText(/sees your rating in the trend, never your note/).waitFor();
    await snap(m, 'relationship');

    // The mentor, her partner, reads the note and sees the meeting.
    await leaCard.getByRole('link', { name: mentee.name }).click();
    await l.getByRole('heading', { name: mentee.name, level: 1 }).waitFor();
    await l.locator('.note', { hasText: secret }).waitFor();
    await l.locator('.meeting', { hasText: 'Outline of the talk' }).waitFor();
    // She answers with a note of her own: it appears on her mentee's open page without a reload.
    const reply = `Happy to help: bring the outline (${Date.now()})`;
    await l.getByLabel('New note').fill(reply);
    await l.getByRole('button', { name: 'Add note' }).click();
    await m.locator('.note', { hasText: reply }).waitFor();

    // Alex (admin and facilitator) cannot read it: the API answers 404, and the page shows no note text.
    expect((await callApi(a, 'GET', `/api/mentoring/relationships/${relId}/notes`)).status).toBe(404);
    await a.goto(`${hearth.url}/mentoring/relationships/${relId}`);
    await a.getByRole('heading', { name: `${mentorName} & ${mentee.name}`, level: 1 }).waitFor();
    await a.getByText(`Only ${mentorName} and ${mentee.name} can read their notes.`, { exact: false }).waitFor();
    await a.locator('.goal', { hasText: 'Give a 10-minute talk at all-hands' }).waitFor();
    const adminText = await a.locator('main').innerText();
    expect(adminText).not.toContain(secret);
    expect(adminText).not.toContain('Outline of the talk');
    expect(adminText).not.toContain('Good first session');
    await snap(a, 'relationship-admin');

    // Tomás, a facilitator, neither (should the run have made him her mentor, another pair he is not part of stands in).
    const program = (await callApi<{ items: { id: string; mentor: { name: string }; mentee: { name: string } }[] }>(a, 'GET', '/api/mentoring/relationships?scope=program')).body.items;
    const tomasIsPartner = mentorName === 'Tomás Reyes';
    const guarded = tomasIsPartner ? (program.find((r) => r.mentor.name !== 'Tomás Reyes' && r.mentee.name !== 'Tomás Reyes')?.id ?? '') : relId;
    await a.context().clearCookies();
    await signIn(a, hearth.url, 'tomas.reyes@example.com');
    expect((await callApi(a, 'GET', `/api/mentoring/relationships/${guarded}/notes`)).status).toBe(404);
    await a.goto(`${hearth.url}/mentoring/relationships/${guarded}`);
    await a.getByText(/can read their notes\./).waitFor();
    expect(await a.locator('main').innerText()).not.toContain(secret);

    // Back home, her card shows the next meeting and the goal progress.
    await m.goto(`${hearth.url}/mentoring`);
    await mayaCard.getByText(new RegExp(`^Next: .*${meetingDay.slice(0, 4)}`)).waitFor();
    await mayaCard.getByText('Goals 20% done').waitFor();

    // Ask an expert: her question about facilitation goes to colleagues who have the skill and have helped before.
    const question = 'How do I keep a retrospective from turning into a complaint session?';
    await m.getByRole('link', { name: 'Ask an expert' }).click();
    await m.getByRole('heading', { name: 'Ask an expert', level: 1 }).waitFor();
    await m.getByLabel('Skill', { exact: true }).fill('Facilitation');
    await m.getByLabel('Your question', { exact: true }).fill(question);
    await m.getByRole('button', { name: 'Ask', exact: true }).click();
    await m.getByText(/^Sent\. It went to /).waitFor();
    const mine = (await callApi<{ asked: { question: string; routes: { person: { id: string; name: string }; status: string }[] }[] }>(m, 'GET', '/api/mentoring/expert-questions')).body.asked.find((q) => q.question === question);
    expect(mine?.routes.length).toBeGreaterThan(0);
    const expert = mine?.routes[0].person ?? { id: '', name: '' };
    const asked = m.locator('.xq', { hasText: question });
    await asked.locator('.route', { hasText: expert.name }).getByText('Sent', { exact: true }).waitFor();
    // The expert sees it under "Questions for you" (which marks it seen) and answers.
    const expertEmail = (await callApi<{ email: string }>(l, 'GET', `/api/people/${expert.id}`)).body.email;
    await l.context().clearCookies();
    await signIn(l, hearth.url, expertEmail);
    await l.goto(`${hearth.url}/experts`);
    const forExpert = l.locator('.xq', { hasText: question });
    await forExpert.getByText('Seen', { exact: true }).waitFor();
    await forExpert.getByLabel(`Your answer to ${first}`).fill('Start with what went well, then one theme at a time.');
    await forExpert.getByRole('button', { name: 'Answer' }).click();
    await forExpert.getByText('Answered', { exact: true }).waitFor();
    await m.reload();
    await asked.getByText('Start with what went well, then one theme at a time.').waitFor();
    await asked.locator('.route', { hasText: expert.name }).getByText('Answered', { exact: true }).waitFor();
    await snap(m, 'experts');
  }
});
