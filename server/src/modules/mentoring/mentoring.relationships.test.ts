import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../kernel/mail.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { startSmtpServer } from '../../../test/smtp-server.ts';
import { eventually, type ListedNotification, waitForNotification } from '../../../test/eventually.ts';
import { connectWs } from '../../../test/ws-client.ts';
import { runCheckInReminders } from './mentoring.relationships.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const c: Record<string, Client> = {};
const id: Record<string, string> = {};
const email: Record<string, string> = {};

const waitFor = (who: string, pred: (n: ListedNotification) => boolean) => waitForNotification(c[who], pred, 8000);
const mailsTo = (addr: string) => smtp.received.filter((m) => (m.to && 'text' in m.to ? m.to.text : '').includes(addr));

const NOTE = 'Secret pair note: struggling with my manager';
const CHECKIN_TEXT = 'Private: I feel stuck and anxious';
const CLOSING_TEXT = 'Thank you, you changed how I work';

beforeAll(async () => {
  smtp = await startSmtpServer();
  const mailer = createMailer(smtp.url, 'Hearth <hearth@test.example>', '.tmp/unused-outbox', () => {});
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '1000', EXPERT_FALLBACK_INTERVAL_SECONDS: '0', DIGEST_INTERVAL_SECONDS: '0', PUBLIC_URL: 'https://hearth.test.example' }, { mailer });
  const org = await t.buildOrg('Acme');
  const other = await t.buildOrg('Globex');
  const spec: [string, Record<string, unknown>, string?][] = [
    ['admin', { roles: ['admin'] }],
    ['fac', { roles: ['facilitator'] }],
    ['member', {}],
    ['amy', { department: 'Data', timeZone: 'Europe/Berlin' }], // mentor, 1 seat
    ['bob', { department: 'Design', timeZone: 'Europe/Berlin' }], // mentor, 1 seat
    ['kai', { department: 'Data', timeZone: 'Asia/Kolkata' }], // mentor far from Los Angeles
    ['eve', { department: 'Sales', timeZone: 'Europe/London' }], // mentee
    ['fred', { department: 'Sales', timeZone: 'Europe/London' }], // mentee
    ['lia', { department: 'Sales', timeZone: 'America/Los_Angeles' }], // mentee, too far from Kai
  ];
  for (const [k, over] of spec) {
    const p = await t.buildPerson(org.id, { name: `${k[0].toUpperCase()}${k.slice(1)} Person`, ...over });
    id[k] = p.id;
    email[k] = p.email;
  }
  // Gus manages Fred and mentors.
  const gus = await t.buildPerson(org.id, { name: 'Gus Manager', department: 'Ops', timeZone: 'Europe/London' });
  id.gus = gus.id;
  email.gus = gus.email;
  await t.db.execute(sql`update people set manager_id = ${gus.id} where id = ${id.fred}`);
  const out = await t.buildPerson(other.id, { name: 'Olga Outsider', roles: ['admin'] });
  id.olga = out.id;
  email.olga = out.email;
  for (const k of Object.keys(id)) c[k] = await t.signIn(email[k]);
  const put = async (k: string, body: unknown) => expect((await c[k].send({ method: 'PUT', url: '/api/mentoring/profile', payload: body as object })).statusCode).toBe(200);
  const mentor = (skills: string[], capacity: number) => ({
    mentor: { skills: skills.map((skill) => ({ skill, level: 5 })), topics: ['leadership'], capacity, availabilityHours: 2, seniority: 5, preferences: {}, active: true },
  });
  const mentee = (skills: string[]) => ({ mentee: { goals: ['leadership'], skills: skills.map((skill) => ({ skill, level: 4 })), seniority: 2, preferences: {}, active: true } });
  await put('amy', mentor(['sql', 'python'], 1));
  await put('bob', mentor(['design'], 1));
  await put('kai', mentor(['sql', 'python', 'design'], 3));
  await put('gus', mentor(['sql', 'python', 'design'], 3));
  await put('eve', mentee(['sql', 'python']));
  await put('fred', mentee(['design']));
  await put('lia', mentee(['negotiation']));
}, 300_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

type Run = { id: string; assignments: { mentor: { id: string }; mentee: { id: string }; score: number; explanation: unknown[]; edited: boolean }[]; unmatched: { person: { id: string }; reason: string }[]; total: number; worstOffScore: number | null };
let run: Run;
let relId: string;

describe('editing a matching run before publishing', () => {
  it('reads the run and the list (admins/facilitators only)', async () => {
    const res = await c.fac.post('/api/mentoring/match-runs', { mode: 'optimal' });
    expect(res.statusCode, res.body).toBe(201);
    run = res.json();
    expect(res.json()).toMatchObject({ createdBy: { id: id.fac }, abilities: { canEdit: true, canPublish: true } });
    expect((await c.admin.get(`/api/mentoring/match-runs/${run.id}`)).json()).toEqual(res.json());
    const list = (await c.admin.get('/api/mentoring/match-runs')).json().items;
    expect(list[0]).toMatchObject({ id: run.id, pairs: run.assignments.length, unmatched: run.unmatched.length, total: run.total });
    expect((await c.member.get(`/api/mentoring/match-runs/${run.id}`)).statusCode).toBe(404);
    expect((await c.olga.get(`/api/mentoring/match-runs/${run.id}`)).statusCode).toBe(404);
    expect((await c.member.get('/api/mentoring/match-runs')).statusCode).toBe(403);
    expect((await c.member.patch(`/api/mentoring/match-runs/${run.id}`, { edits: [{ menteeId: id.eve, mentorId: null }] })).statusCode).toBe(403);
  });

  it('answers 400 per item for unknown ids and leaves the run as it was', async () => {
    const res = await c.fac.patch(`/api/mentoring/match-runs/${run.id}`, {
      edits: [
        { menteeId: id.member, mentorId: id.amy },
        { menteeId: id.eve, mentorId: id.member },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['edits.0.menteeId', 'edits.1.mentorId']);
    expect((await c.fac.get(`/api/mentoring/match-runs/${run.id}`)).json().assignments).toEqual(run.assignments);
  });

  it('refuses (422, per item, naming the rule) a full mentor, the own manager and too little shared working time', async () => {
    // Clear Lia and Fred, give Amy (1 seat) Eve; then Fred cannot join Amy too.
    const ok = await c.fac.patch(`/api/mentoring/match-runs/${run.id}`, { edits: [{ menteeId: id.lia, mentorId: null }, { menteeId: id.fred, mentorId: null }, { menteeId: id.eve, mentorId: id.amy }] });
    expect(ok.statusCode, ok.body).toBe(200);
    const res = await c.fac.patch(`/api/mentoring/match-runs/${run.id}`, {
      edits: [
        { menteeId: id.fred, mentorId: id.amy },
        { menteeId: id.fred, mentorId: id.gus },
        { menteeId: id.lia, mentorId: id.kai },
      ],
    });
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field)).toEqual(['edits.0.mentorId', 'edits.1.mentorId', 'edits.2.mentorId']);
    expect(errors[0].message).toMatch(/no free seat/);
    expect(errors[1].message).toMatch(/OWN_MANAGER/);
    expect(errors[2].message).toMatch(/TIMEZONE/);
    expect((await c.fac.get(`/api/mentoring/match-runs/${run.id}`)).json().assignments).toEqual(ok.json().assignments);
  });

  it('moves, assigns and unassigns with recomputed scores, explanations and totals', async () => {
    const before: Run = (await c.admin.get(`/api/mentoring/match-runs/${run.id}`)).json();
    // Fred goes to whichever of Bob and Kai he does not have now (both allowed for him, both with free seats).
    const target = before.assignments.find((a) => a.mentee.id === id.fred)?.mentor.id === id.bob ? id.kai : id.bob;
    const res = await c.admin.patch(`/api/mentoring/match-runs/${run.id}`, {
      edits: [
        { menteeId: id.lia, mentorId: null }, // already unmatched (no mentor shares 2 working hours with her): a no-op
        { menteeId: id.fred, mentorId: target },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    let r: Run = res.json();
    const fred = r.assignments.find((a) => a.mentee.id === id.fred)!;
    expect(fred).toMatchObject({ mentor: { id: target }, edited: true });
    expect(fred.score).toBeGreaterThan(0);
    expect(fred.explanation.length).toBeGreaterThan(0);
    expect(r.assignments.find((a) => a.mentee.id === id.eve)).toMatchObject({ mentor: { id: id.amy } });
    expect(r.unmatched.find((u) => u.person.id === id.lia)).toMatchObject({ reason: 'NO_FEASIBLE_MENTOR' });
    expect(r.total).toBe(r.assignments.reduce((s, a) => s + a.score, 0));
    expect(r.worstOffScore).toBe(Math.min(...r.assignments.map((a) => a.score)));
    const out: Run = (await c.admin.patch(`/api/mentoring/match-runs/${run.id}`, { edits: [{ menteeId: id.fred, mentorId: null }] })).json();
    expect(out.assignments.find((a) => a.mentee.id === id.fred)).toBeUndefined();
    expect(out.unmatched.find((u) => u.person.id === id.fred)).toMatchObject({ reason: 'UNASSIGNED' });
    expect(out.total).toBe(r.total - fred.score);
    r = (await c.admin.patch(`/api/mentoring/match-runs/${run.id}`, { edits: [{ menteeId: id.fred, mentorId: target }] })).json();
    expect(r.assignments.find((a) => a.mentee.id === id.fred)).toEqual(fred);
    run = r;
  });

  it('publishes the edited preview: both people are notified and see the explanation, as does the program admin; no more edits', async () => {
    const res = await c.fac.post(`/api/mentoring/match-runs/${run.id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().abilities).toEqual({ canEdit: false, canPublish: false });
    expect((await c.fac.patch(`/api/mentoring/match-runs/${run.id}`, { edits: [{ menteeId: id.eve, mentorId: null }] })).statusCode).toBe(409);
    const pair = run.assignments.find((a) => a.mentee.id === id.eve)!;
    for (const k of ['eve', 'amy']) expect(await waitFor(k, (n) => n.kind === 'mentoring' && n.title.includes('Amy Person mentors Eve Person'))).toBeTruthy();
    const mine = (await c.eve.get('/api/mentoring/relationships')).json().items;
    expect(mine).toHaveLength(1);
    relId = mine[0].id;
    for (const k of ['eve', 'amy', 'fac', 'admin']) {
      const d = await c[k].get(`/api/mentoring/relationships/${relId}`);
      expect(d.statusCode, k).toBe(200);
      expect(d.json()).toMatchObject({ explanation: pair.explanation, score: pair.score, role: k === 'eve' ? 'mentee' : k === 'amy' ? 'mentor' : 'admin' });
    }
    expect((await c.member.get(`/api/mentoring/relationships/${relId}`)).statusCode).toBe(404);
    expect((await c.olga.get(`/api/mentoring/relationships/${relId}`)).statusCode).toBe(404);
    expect((await c.bob.get(`/api/mentoring/relationships/${relId}`)).statusCode).toBe(404);
    const program = (await c.fac.get('/api/mentoring/relationships?scope=program')).json().items;
    expect(program.map((x: { id: string }) => x.id)).toContain(relId);
    expect((await c.member.get('/api/mentoring/relationships?scope=program')).statusCode).toBe(403);
  });
});

describe('relationship tools', () => {
  it('keeps agreed goals with progress (partners edit, admins only look)', async () => {
    const g = await c.eve.post(`/api/mentoring/relationships/${relId}/goals`, { title: 'Lead a data review' });
    expect(g.statusCode, g.body).toBe(201);
    expect(g.json()).toMatchObject({ title: 'Lead a data review', progress: 0, status: 'open' });
    const upd = await c.amy.patch(`/api/mentoring/relationships/${relId}/goals/${g.json().id}`, { progress: 60, status: 'in_progress' });
    expect(upd.json()).toMatchObject({ progress: 60, status: 'in_progress' });
    expect((await c.eve.patch(`/api/mentoring/relationships/${relId}/goals/${g.json().id}`, { progress: 101 })).json().errors[0].field).toBe('progress');
    expect((await c.admin.post(`/api/mentoring/relationships/${relId}/goals`, { title: 'x' })).statusCode).toBe(403);
    expect((await c.member.post(`/api/mentoring/relationships/${relId}/goals`, { title: 'x' })).statusCode).toBe(404);
    const d = (await c.fac.get(`/api/mentoring/relationships/${relId}`)).json();
    expect(d.goals).toMatchObject([{ title: 'Lead a data review', progress: 60 }]);
    expect(d.goalProgress).toBe(60);
  });

  it('logs a meeting, mails the calendar invite to both and serves it as .ics to the partners only', async () => {
    const res = await c.eve.post(`/api/mentoring/relationships/${relId}/meetings`, { startsAt: '2026-12-03T15:00:00Z', durationMinutes: 45, agenda: 'Review the plan' });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ startsAt: '2026-12-03T15:00:00.000Z', durationMinutes: 45, agenda: 'Review the plan', createdBy: { id: id.eve } });
    for (const k of ['eve', 'amy']) {
      const mail = await eventually(async () => mailsTo(email[k]).find((x) => x.subject?.startsWith('Invitation')), Boolean);
      expect(mail, k).toBeTruthy();
      const ics = mail!.attachments.find((a) => a.contentType.startsWith('text/calendar'));
      expect(ics, k).toBeTruthy();
      const text = ics!.content.toString('utf8');
      expect(text).toContain(`UID:${m.id}@hearth`);
      expect(text).toContain('DTSTART:20261203T150000Z');
      expect(text).toContain('DURATION:PT45M');
      expect(text).toContain(email.amy);
      expect(text).toContain(email.eve);
    }
    expect(await waitFor('amy', (n) => n.kind === 'mentoring' && n.title.includes('booked a meeting'))).toBeTruthy();
    const dl = await c.amy.get(m.icsUrl);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toMatch(/^text\/calendar/);
    expect(dl.body).toContain('BEGIN:VEVENT');
    expect(dl.body).toContain('Review the plan');
    for (const k of ['admin', 'fac', 'member', 'olga']) expect((await c[k].get(m.icsUrl)).statusCode, k).toBe(404);
    const bad = await c.eve.post(`/api/mentoring/relationships/${relId}/meetings`, { startsAt: 'tomorrow', durationMinutes: 0 });
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['durationMinutes', 'startsAt']);
    const admin = (await c.admin.get(`/api/mentoring/relationships/${relId}`)).json();
    expect(admin).toMatchObject({ meetings: [], meetingCount: 1 });
    expect((await c.eve.get(`/api/mentoring/relationships/${relId}`)).json().meetings).toHaveLength(1);
  });

  it('keeps notes and check-in text private to the pair: admins, facilitators and others get 404 on every route', async () => {
    const n = await c.eve.post(`/api/mentoring/relationships/${relId}/notes`, { body: NOTE });
    expect(n.statusCode, n.body).toBe(201);
    expect((await c.amy.get(`/api/mentoring/relationships/${relId}/notes`)).json().items).toMatchObject([{ body: NOTE, author: { id: id.eve }, canDelete: false }]);
    const ci = await c.eve.post(`/api/mentoring/relationships/${relId}/check-ins`, { rating: 2, text: CHECKIN_TEXT });
    expect(ci.statusCode, ci.body).toBe(201);
    expect((await c.amy.post(`/api/mentoring/relationships/${relId}/check-ins`, { rating: 4 })).statusCode).toBe(201);
    expect((await c.eve.get(`/api/mentoring/relationships/${relId}/check-ins`)).json().items).toMatchObject([{ rating: 2, text: CHECKIN_TEXT }]);
    // The partner sees their own check-ins only, not the other's text.
    expect((await c.amy.get(`/api/mentoring/relationships/${relId}/check-ins`)).json().items).toMatchObject([{ rating: 4, text: null }]);
    const routes = [
      ['GET', `/api/mentoring/relationships/${relId}/notes`],
      ['POST', `/api/mentoring/relationships/${relId}/notes`],
      ['DELETE', `/api/mentoring/relationships/${relId}/notes/${n.json().id}`],
      ['GET', `/api/mentoring/relationships/${relId}/check-ins`],
    ] as const;
    for (const k of ['admin', 'fac', 'member', 'olga', 'bob']) {
      for (const [method, url] of routes) {
        const res = await c[k].send({ method, url, ...(method === 'POST' ? { payload: { body: 'peek' } } : {}) });
        expect(res.statusCode, `${k} ${method} ${url}`).toBe(404);
        expect(res.body).not.toContain(NOTE);
        expect(res.body).not.toContain(CHECKIN_TEXT);
      }
    }
    for (const k of ['admin', 'fac']) {
      const d = await c[k].get(`/api/mentoring/relationships/${relId}`);
      expect(d.json().ratingTrend.map((p: { by: string; rating: number }) => `${p.by}:${p.rating}`)).toEqual(['mentee:2', 'mentor:4']);
      expect(d.json().abilities).toMatchObject({ canSeeNotes: false, canEdit: false });
      for (const url of [`/api/mentoring/relationships/${relId}`, '/api/mentoring/relationships?scope=program', '/api/mentoring/matches', '/api/mentoring/match-runs']) {
        const body = (await c[k].get(url)).body;
        expect(body).not.toContain(NOTE);
        expect(body).not.toContain(CHECKIN_TEXT);
      }
    }
    // Still there: nobody else's attempt removed or added anything.
    expect((await c.eve.get(`/api/mentoring/relationships/${relId}/notes`)).json().items).toHaveLength(1);
    expect((await c.amy.send({ method: 'DELETE', url: `/api/mentoring/relationships/${relId}/notes/${n.json().id}` })).statusCode).toBe(404);
    const own = await c.eve.post(`/api/mentoring/relationships/${relId}/notes`, { body: 'to remove' });
    expect((await c.eve.send({ method: 'DELETE', url: `/api/mentoring/relationships/${relId}/notes/${own.json().id}` })).statusCode).toBe(204);
    expect((await c.eve.post(`/api/mentoring/relationships/${relId}/check-ins`, { rating: 6 })).json().errors[0].field).toBe('rating');
  });

  it('reminds each partner without a check-in in 28 days, once per period and across nodes, naming the other partner', async () => {
    const DAY = 24 * 60 * 60 * 1000;
    const reminders = async (who: string) =>
      ((await c[who].get('/api/notifications')).json().items as ListedNotification[]).filter((n) => n.kind === 'mentoring' && n.title.includes('check in'));
    // A young relationship (both checked in just now) is not due.
    expect(await runCheckInReminders(t.deps)).toBe(0);
    // 30 days in: Eve checks in again, Amy has not since day 0, so only Amy is reminded.
    await t.db.execute(sql`update mentoring_matches set created_at = now() - interval '30 days' where id = ${relId}`);
    await t.db.execute(sql`update mentoring_check_ins set created_at = now() - interval '29 days' where match_id = ${relId}`);
    expect((await c.eve.post(`/api/mentoring/relationships/${relId}/check-ins`, { rating: 3 })).statusCode).toBe(201);
    // Two nodes running at once: the relationship is claimed once.
    const counts = await Promise.all([runCheckInReminders(t.deps), runCheckInReminders(t.deps)]);
    expect(counts.sort()).toEqual([0, 1]);
    const toAmy = await waitFor('amy', (n) => n.title.includes('check in'));
    expect(toAmy).toMatchObject({ title: 'How is your mentoring with Eve Person going? Take a minute to check in', url: `/mentoring/relationships/${relId}` });
    expect(await reminders('eve')).toHaveLength(0);
    // Not again within the period; 29 days later both are due (Eve's check-in is then 29 days old).
    expect(await runCheckInReminders(t.deps)).toBe(0);
    expect(await runCheckInReminders(t.deps, new Date(Date.now() + 27 * DAY))).toBe(0);
    // Then the other active relationships of this organization (started today, nobody checked in) are due too.
    const others = Number(((await t.db.execute(sql`select count(*)::int as n from mentoring_matches where status = 'active' and id <> ${relId}`)) as unknown as { rows: { n: number }[] }).rows[0].n);
    expect(await runCheckInReminders(t.deps, new Date(Date.now() + 29 * DAY))).toBe(2 + 2 * others);
    await waitFor('eve', (n) => n.title === 'How is your mentoring with Amy Person going? Take a minute to check in');
    expect(await eventually(() => reminders('amy'), (l) => l.length === 2)).toHaveLength(2);
    // Admins and facilitators are never reminded of someone else's relationship.
    for (const who of ['admin', 'fac']) expect(await reminders(who)).toHaveLength(0);

    // Each partner's period runs from their own latest check-in or reminder: Amy checked in 10 days ago, Eve 30 days
    // ago. Today only Eve is due; 19 days on, Amy is (her check-in is then 29 days old), while Eve is not again yet.
    await t.db.execute(sql`update mentoring_matches set created_at = now() - interval '40 days', mentor_reminded_at = null, mentee_reminded_at = null where id = ${relId}`);
    await t.db.execute(sql`update mentoring_check_ins set created_at = now() - interval '10 days' where match_id = ${relId} and person_id = ${id.amy}`);
    await t.db.execute(sql`update mentoring_check_ins set created_at = now() - interval '30 days' where match_id = ${relId} and person_id = ${id.eve}`);
    expect(await runCheckInReminders(t.deps)).toBe(1);
    expect(await eventually(() => reminders('eve'), (l) => l.length === 2)).toHaveLength(2);
    expect(await runCheckInReminders(t.deps, new Date(Date.now() + 17 * DAY))).toBe(0);
    expect(await runCheckInReminders(t.deps, new Date(Date.now() + 19 * DAY))).toBe(1);
    expect(await eventually(() => reminders('amy'), (l) => l.length === 3)).toHaveLength(3);
    expect(await reminders('eve')).toHaveLength(2);
  });

  it('closes with feedback from both: the first close ends it and asks the other; admins see the ratings only', async () => {
    expect((await c.admin.post(`/api/mentoring/relationships/${relId}/close`, { rating: 5, text: 'x' })).statusCode).toBe(404);
    const first = await c.eve.post(`/api/mentoring/relationships/${relId}/close`, { rating: 5, text: CLOSING_TEXT });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'ended', endedAt: expect.any(String), abilities: { canClose: false, canEdit: false } });
    expect(await waitFor('amy', (n) => n.kind === 'mentoring' && n.title.includes('closed'))).toBeTruthy();
    const asked = (await c.amy.get(`/api/mentoring/relationships/${relId}`)).json();
    expect(asked.abilities).toMatchObject({ canClose: true, closingAsked: true });
    expect(asked.closing).toMatchObject([{ by: 'mentee', rating: 5, text: CLOSING_TEXT }]);
    expect((await c.amy.post(`/api/mentoring/relationships/${relId}/close`, { rating: 4, text: 'Great mentee' })).statusCode).toBe(200);
    expect((await c.amy.post(`/api/mentoring/relationships/${relId}/close`, { rating: 4 })).statusCode).toBe(409);
    expect((await c.eve.post(`/api/mentoring/relationships/${relId}/goals`, { title: 'late' })).statusCode).toBe(409);
    const admin = await c.admin.get(`/api/mentoring/relationships/${relId}`);
    expect(admin.json().closing.map((x: { by: string; rating: number; text: string | null }) => [x.by, x.rating, x.text])).toEqual([
      ['mentee', 5, null],
      ['mentor', 4, null],
    ]);
    expect(admin.body).not.toContain(CLOSING_TEXT);
    // Amy's seat is free again.
    const seats = (await t.db.execute(sql`select count(*)::int as n from mentoring_matches where mentor_id = ${id.amy} and status = 'active'`)) as unknown as { rows: { n: number }[] };
    expect(Number(seats.rows[0].n)).toBe(0);
  });
});

describe('live updates', () => {
  it('tells the other partner’s open page that a note was added or removed, and lets no one else follow the pair', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const origin = `http://127.0.0.1:${port}`;
    const channel = `mentoring:${relId}`;
    const follow = async (who: string) => {
      const ws = await connectWs(`ws://127.0.0.1:${port}/api/ws`, { cookie: c[who].cookie, origin });
      ws.ws.send(JSON.stringify({ type: 'subscribe', channel }));
      const answer = await ws.waitFor((m) => m.type === 'subscribed' && m.channel === channel);
      return { ws, ok: answer.ok === true };
    };
    const amy = await follow('amy');
    expect(amy.ok).toBe(true);
    // The program admin, a facilitator, a colleague, a mentor of another pair and another organization's admin: refused.
    for (const who of ['admin', 'fac', 'member', 'bob', 'olga']) {
      const other = await follow(who);
      expect(other.ok, who).toBe(false);
      await other.ws.close();
    }
    const n = (await c.eve.post(`/api/mentoring/relationships/${relId}/notes`, { body: 'Live: see you Thursday' })).json();
    const added = await amy.ws.waitFor((m) => m.type === 'changed' && m.channel === channel && m.what === 'notes');
    // Only ids travel on the channel, never the note.
    expect(JSON.stringify(added)).not.toContain('Thursday');
    const before = amy.ws.messages.length;
    expect((await c.eve.send({ method: 'DELETE', url: `/api/mentoring/relationships/${relId}/notes/${n.id}` })).statusCode).toBe(204);
    await amy.ws.waitFor((m) => m.type === 'changed' && m.what === 'notes' && amy.ws.messages.indexOf(m) >= before);
    await amy.ws.close();
  });
});
