import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { startSmtpServer } from '../../../test/smtp-server.ts';
import { createMailer } from '../../kernel/mail.ts';
import { runEventReminders } from './index.ts';
import { eventually } from '../../../test/eventually.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
let fac: Client;
let outsider: Client;
const p: { id: string; email: string; c: Client }[] = [];

const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** Minimal RFC 5545 reading: unfold continuation lines, then NAME(;params):value per line, per component. */
function parseIcs(text: string) {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/).filter(Boolean);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines[lines.length - 1]).toBe('END:VCALENDAR');
  const cal: Record<string, string> = {};
  const event: Record<string, string> = {};
  let inEvent = false;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') inEvent = true;
    else if (line === 'END:VEVENT') inEvent = false;
    else {
      const i = line.indexOf(':');
      const name = line.slice(0, i).split(';')[0];
      (inEvent ? event : cal)[name] = line.slice(i + 1);
    }
  }
  return { cal, event };
}
const icsStamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

const mailsTo = (email: string) => smtp.received.filter((m) => (m.to && 'text' in m.to ? m.to.text : '').includes(email));
const invitesTo = (email: string, n: number) => eventually(() => mailsTo(email).filter((m) => m.attachments.length), (l) => l.length >= n);
const icsOf = (m: ParsedMail) => {
  const a = m.attachments.find((x) => x.contentType === 'text/calendar');
  expect(a, 'a text/calendar attachment').toBeTruthy();
  return parseIcs((a as { content: Buffer }).content.toString('utf8'));
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  const mailer = createMailer(smtp.url, 'Hearth <hearth@test.example>', '.tmp/unused-outbox', () => {});
  t = await createTestApp({ PUBLIC_URL: 'https://hearth.test.example', MAIL_FROM: 'Hearth <hearth@test.example>', EVENT_REMINDER_INTERVAL_SECONDS: '0', SIGNIN_PER_IP_PER_MINUTE: '1000' }, { mailer });
  const org = await t.buildOrg('Acme');
  const other = await t.buildOrg('Globex');
  const f = await t.buildPerson(org.id, { name: 'Fay Facilitator', roles: ['facilitator'] });
  fac = await t.signIn(f.email);
  outsider = await t.signIn((await t.buildPerson(other.id, { name: 'Olga Outsider' })).email);
  for (let i = 0; i < 4; i++) {
    const person = await t.buildPerson(org.id, { name: `Person ${i}`, timeZone: i % 2 ? 'America/New_York' : 'Europe/Berlin' });
    p.push({ id: person.id, email: person.email, c: await t.signIn(person.email) });
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function create(body: Record<string, unknown> = {}) {
  const res = await fac.post('/api/events', { title: 'Facilitation lab', kind: 'workshop', startsAt: at(3 * 24 * 60), endsAt: at(3 * 24 * 60 + 90), timeZone: 'Europe/Berlin', location: 'Room 4', joinUrl: 'https://meet.example.com/lab', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const going = (c: Client, id: string) => c.send({ method: 'PUT', url: `/api/events/${id}/rsvp`, payload: { status: 'going' } });

describe('calendar files', () => {
  it('downloads an .ics with a stable UID and the current SEQUENCE for people who can see the event', async () => {
    const e = await create();
    const res = await p[0].c.get(`/api/events/${e.id}/ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.headers['content-disposition']).toContain('facilitation-lab.ics');
    const { cal, event } = parseIcs(res.body);
    expect(cal.METHOD).toBe('PUBLISH');
    expect(event).toMatchObject({ UID: `event-${e.id}@hearth`, SEQUENCE: '0', DTSTART: icsStamp(e.startsAt), DTEND: icsStamp(e.endsAt), SUMMARY: 'Facilitation lab', STATUS: 'CONFIRMED' });
    // Not going yet: the join link stays out of the file.
    expect(res.body).not.toContain('meet.example.com');
    expect((await outsider.get(`/api/events/${e.id}/ics`)).statusCode).toBe(404);
  });
});

describe('calendar mail', () => {
  it('mails an invitation on going, an update (same UID, SEQUENCE + 1) on a time change, and a cancellation', async () => {
    const e = await create();
    expect((await going(p[0].c, e.id)).statusCode).toBe(200);
    expect((await going(p[1].c, e.id)).statusCode).toBe(200);
    const [invite] = await invitesTo(p[0].email, 1);
    expect(invite.subject).toContain('Invitation: Facilitation lab');
    expect(invite.text).toContain('(Europe/Berlin)');
    const inv = icsOf(invite);
    expect(inv.cal.METHOD).toBe('REQUEST');
    expect(inv.event).toMatchObject({ UID: `event-${e.id}@hearth`, SEQUENCE: '0', DTSTART: icsStamp(e.startsAt), STATUS: 'CONFIRMED' });
    expect(inv.event.ORGANIZER).toMatch(/mailto:hearth@test\.example/i);
    expect(inv.event.ATTENDEE.toLowerCase()).toContain(`mailto:${p[0].email}`);
    expect(inv.event.DESCRIPTION).toContain('https://meet.example.com/lab');
    // Person 1 lives in New York: the mail gives their time too.
    expect((await invitesTo(p[1].email, 1))[0].text).toContain('(America/New_York)');

    const moved = (await fac.patch(`/api/events/${e.id}`, { startsAt: at(4 * 24 * 60), endsAt: at(4 * 24 * 60 + 60) })).json();
    expect(moved.sequence).toBe(1);
    const [, update] = await invitesTo(p[0].email, 2);
    expect(update.subject).toContain('Updated invitation');
    expect(icsOf(update).event).toMatchObject({ UID: `event-${e.id}@hearth`, SEQUENCE: '1', DTSTART: icsStamp(moved.startsAt) });
    expect(icsOf(update).cal.METHOD).toBe('REQUEST');

    // A title change raises SEQUENCE but mails nobody; the next mail carries the newer SEQUENCE.
    expect((await fac.patch(`/api/events/${e.id}`, { title: 'Facilitation lab II' })).json().sequence).toBe(2);
    await fac.post(`/api/events/${e.id}/cancel`);
    const mails = await invitesTo(p[0].email, 3);
    expect(mails).toHaveLength(3);
    const cancel = icsOf(mails[2]);
    expect(cancel.cal.METHOD).toBe('CANCEL');
    expect(cancel.event).toMatchObject({ UID: `event-${e.id}@hearth`, SEQUENCE: '3', STATUS: 'CANCELLED' });
    expect((await invitesTo(p[1].email, 3)).map((m) => icsOf(m).cal.METHOD)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
  });

  it('mails the person promoted from the waitlist, and a cancellation to the one who gave up the seat', async () => {
    const e = await create({ capacity: 1 });
    await going(p[2].c, e.id);
    await going(p[3].c, e.id);
    await invitesTo(p[2].email, 1);
    const before = mailsTo(p[3].email).filter((m) => m.attachments.length && (m.subject ?? '').includes(e.title)).length;
    expect(before).toBe(0);
    await p[2].c.send({ method: 'PUT', url: `/api/events/${e.id}/rsvp`, payload: { status: 'not_going' } });
    const promoted = await eventually(() => mailsTo(p[3].email).filter((m) => m.attachments.length), (l) => l.some((m) => icsOf(m).event.UID === `event-${e.id}@hearth`));
    expect(promoted.some((m) => icsOf(m).event.UID === `event-${e.id}@hearth` && icsOf(m).cal.METHOD === 'REQUEST')).toBe(true);
    const gaveUp = await eventually(() => mailsTo(p[2].email).filter((m) => m.attachments.length && icsOf(m).event.UID === `event-${e.id}@hearth`), (l) => l.length >= 2);
    expect(gaveUp.map((m) => icsOf(m).cal.METHOD)).toEqual(['REQUEST', 'CANCEL']);
  });
});

describe('reminders', () => {
  it('sends the 15-minute and 24-hour reminders once each, in-app and by mail, even when runs overlap', async () => {
    const soon = await create({ title: 'Starts soon', startsAt: at(10), endsAt: at(70) });
    const tomorrow = await create({ title: 'Starts tomorrow', startsAt: at(20 * 60), endsAt: at(21 * 60) });
    for (const e of [soon, tomorrow]) for (const x of p.slice(0, 2)) expect((await going(x.c, e.id)).statusCode).toBe(200);
    // Someone who said going in the last 24 hours already had the invitation: no day-before reminder for the
    // event starting within 24 hours, so make their answers older than that.
    await t.db.execute(sql`update event_rsvps set reminded_day_at = null where event_id = ${tomorrow.id}`);
    const now = new Date();
    const runs = await Promise.all([runEventReminders(t.deps, now), runEventReminders(t.deps, now), runEventReminders(t.deps, now)]);
    const soonTotal = runs.reduce((n, r) => n + r.soon, 0);
    const dayTotal = runs.reduce((n, r) => n + r.day, 0);
    expect(soonTotal).toBe(2);
    expect(dayTotal).toBe(2);
    expect(await runEventReminders(t.deps, now)).toEqual({ soon: 0, day: 0, mailed: 0 });
    const reminders = (email: string) => mailsTo(email).filter((m) => (m.subject ?? '').startsWith('Reminder:'));
    const mails = await eventually(() => reminders(p[0].email), (l) => l.length >= 2);
    expect(mails.map((m) => (m.subject ?? '').split(' — ')[0]).sort()).toEqual(['Reminder: Starts soon', 'Reminder: Starts tomorrow']);
    type N = { kind: string; title: string; url: string };
    const inApp = await eventually(
      async (): Promise<N[]> => (await p[1].c.get('/api/notifications')).json().items.filter((n: N) => n.kind === 'event_reminder'),
      (l) => l.length >= 2,
    );
    expect(inApp.map((n) => [n.title, n.url]).sort()).toEqual([
      ['“Starts soon” starts in 15 minutes', `/events/${soon.id}`],
      ['“Starts tomorrow” starts within 24 hours', `/events/${tomorrow.id}`],
    ]);
    // Later runs never send them again.
    await runEventReminders(t.deps, new Date(now.getTime() + 5 * 60_000));
    await new Promise((r) => setTimeout(r, 300));
    expect(reminders(p[0].email)).toHaveLength(2);
  });
});
