import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually.ts';
import { createTestApp, memoryMailer, type TestApp } from '../../../test/harness.ts';
import { runEventFeedback, runSurveyReminders } from './index.ts';
import { openSessionFeedback } from './surveys.feedback.ts';

let t: TestApp;
const mailer = memoryMailer();
type Client = Awaited<ReturnType<TestApp['signIn']>>;
let admin: Client;
let analyst: Client;
let facilitator: Client;
let outsider: Client;
let orgId: string;
const members: { id: string; name: string; email: string; c: Client }[] = [];

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const rows = async <T>(q: ReturnType<typeof sql>) => ((await t.db.execute(q)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  t = await createTestApp({ SURVEY_INTERVAL_SECONDS: '0', EVENT_REMINDER_INTERVAL_SECONDS: '0', SIGNIN_PER_IP_PER_MINUTE: '1000' }, { mailer });
  const org = await t.buildOrg('Survey Org');
  orgId = org.id;
  admin = await t.signIn((await t.buildPerson(org.id, { name: 'Ada Admin', roles: ['admin'] })).email);
  analyst = await t.buildPerson(org.id, { name: 'Ana Analyst', roles: ['analyst'] }).then((p) => t.signIn(p.email));
  facilitator = await t.buildPerson(org.id, { name: 'Fay Facilitator', roles: ['facilitator'] }).then((p) => t.signIn(p.email));
  const other = await t.buildOrg('Elsewhere');
  outsider = await t.buildPerson(other.id, { name: 'Otto Outsider', roles: ['admin', 'analyst'] }).then((p) => t.signIn(p.email));
  // Sales 6, Design 5, Legal 1 (a department of one is never stored on a response).
  for (const [i, department] of ['Sales', 'Sales', 'Sales', 'Sales', 'Sales', 'Sales', 'Design', 'Design', 'Design', 'Design', 'Design', 'Legal'].entries()) {
    const p = await t.buildPerson(org.id, { name: `Member ${String(i).padStart(2, '0')}`, department });
    members.push({ id: p.id, name: p.name, email: p.email, c: await t.signIn(p.email) });
  }
}, 180_000);
afterAll(() => t.close());

async function openOrgSurvey(body: Record<string, unknown> = {}) {
  const created = await admin.post('/api/surveys', { kind: 'pulse', title: 'Monthly pulse', audienceKind: 'org', closesAt: inDays(7), ...body });
  expect(created.statusCode, created.body).toBe(201);
  const opened = await admin.post(`/api/surveys/${created.json().id}/open`);
  expect(opened.statusCode, opened.body).toBe(200);
  return opened.json() as { id: string; questions: { id: string; type: string; required: boolean }[] };
}

/** A complete valid answer: every likert `v`, every text a unique phrase. */
const fullAnswer = (s: { questions: { id: string; type: string }[] }, v: number, phrase: string) => ({
  answers: s.questions.map((q) => (q.type === 'text' ? { questionId: q.id, text: phrase } : { questionId: q.id, value: q.type === 'nps' ? v * 2 : v })),
});

describe('surveys: who may create, see and answer', () => {
  it('lets org admins ask the organization and refuses others (403), and hides a draft from its audience', async () => {
    expect((await members[0].c.post('/api/surveys', { kind: 'nps', title: 'Mine', audienceKind: 'org', closesAt: inDays(3) })).statusCode).toBe(403);
    expect((await facilitator.post('/api/surveys', { kind: 'nps', title: 'Mine', audienceKind: 'org', closesAt: inDays(3) })).statusCode).toBe(403);
    const draft = (await admin.post('/api/surveys', { kind: 'nps', title: 'Draft', audienceKind: 'org', closesAt: inDays(3) })).json();
    expect(draft.status).toBe('draft');
    expect(draft.questions.map((q: { type: string }) => q.type)).toEqual(['nps', 'text']);
    expect((await members[0].c.get(`/api/surveys/${draft.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/surveys/${draft.id}`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/surveys/${draft.id}/open`)).statusCode).toBe(404);
  });

  it('refuses a close date in the past and an audience of another organization', async () => {
    const past = await admin.post('/api/surveys', { kind: 'nps', title: 'Late', audienceKind: 'org', closesAt: inDays(-1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe('closesAt');
    const community = (await admin.post('/api/communities', { name: 'Survey guild', description: 'x', visibility: 'open' })).json();
    expect((await outsider.post('/api/surveys', { kind: 'nps', title: 'X', audienceKind: 'community', audienceId: community.id, closesAt: inDays(3) })).statusCode).toBe(404);
  });

  it('lists an open survey for its audience until they answer; answers once (409 after), invalid answers are 400', async () => {
    const s = await openOrgSurvey({ title: 'Once only' });
    const m = members[0].c;
    expect((await m.get('/api/surveys')).json().items.map((i: { id: string }) => i.id)).toContain(s.id);
    const missing = await m.post(`/api/surveys/${s.id}/responses`, { answers: [] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.length).toBeGreaterThan(0);
    const likert = s.questions.find((q) => q.type === 'likert') as { id: string };
    const outOfRange = await m.post(`/api/surveys/${s.id}/responses`, { answers: [...fullAnswer(s, 3, 'x').answers.filter((a) => a.questionId !== likert.id), { questionId: likert.id, value: 9 }] });
    expect(outOfRange.statusCode).toBe(400);
    expect((await m.post(`/api/surveys/${s.id}/responses`, fullAnswer(s, 4, 'fine'))).statusCode).toBe(201);
    expect((await m.post(`/api/surveys/${s.id}/responses`, fullAnswer(s, 4, 'again'))).statusCode).toBe(409);
    expect((await m.get('/api/surveys')).json().items.map((i: { id: string }) => i.id)).not.toContain(s.id);
    expect((await outsider.post(`/api/surveys/${s.id}/responses`, fullAnswer(s, 4, 'x'))).statusCode).toBe(404);
  });

  it('takes one answer when the same person submits twice at once', async () => {
    const s = await openOrgSurvey({ title: 'Race' });
    const res = await Promise.all([1, 2, 3].map(() => members[1].c.post(`/api/surveys/${s.id}/responses`, fullAnswer(s, 2, 'race'))));
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await rows<{ n: number }>(sql`select count(*)::int as n from survey_responses where survey_id = ${s.id}`)).toEqual([{ n: 1 }]);
  });

  it('keeps a scheduled survey out of the lists and refuses answers until it opens; no reminder before then', async () => {
    const s = await openOrgSurvey({ title: 'Scheduled', opensAt: inDays(1), closesAt: inDays(3) });
    expect((await members[3].c.get('/api/surveys')).json().items.map((i: { id: string }) => i.id)).not.toContain(s.id);
    const early = await members[3].c.post(`/api/surveys/${s.id}/responses`, fullAnswer(s, 3, 'early'));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('SURVEY_CLOSED');
    await runSurveyReminders(t.deps);
    expect(await rows(sql`select 1 from surveys where id = ${s.id} and reminded_open_at is not null`)).toEqual([]);
  });

  it('refuses answers after the survey closes (409) and edits of its questions once open (409)', async () => {
    const s = await openOrgSurvey({ title: 'Closing' });
    expect((await admin.patch(`/api/surveys/${s.id}`, { questions: [{ type: 'nps', prompt: 'New?' }] })).statusCode).toBe(409);
    expect((await admin.patch(`/api/surveys/${s.id}`, { title: 'Closing soon' })).statusCode).toBe(200);
    expect((await admin.post(`/api/surveys/${s.id}/close`)).statusCode).toBe(200);
    const late = await members[2].c.post(`/api/surveys/${s.id}/responses`, fullAnswer(s, 3, 'late'));
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('SURVEY_CLOSED');
  });
});

describe('surveys: anonymous results', () => {
  it('withholds everything below 5 responses and shows figures, shuffled nameless text and no per-response CSV rows from 5', async () => {
    const s = await openOrgSurvey({ title: 'Anonymous pulse' });
    for (const [i, m] of members.slice(0, 4).entries()) expect((await m.c.post(`/api/surveys/${s.id}/responses`, fullAnswer(s, 1 + (i % 5), `phrase-${i}`))).statusCode).toBe(201);
    const four = (await admin.get(`/api/surveys/${s.id}/results`)).json();
    expect(four).toMatchObject({ withheld: true, responses: null, questions: [] });
    expect((await admin.get(`/api/surveys/${s.id}/results.csv`)).body).not.toMatch(/phrase-/);
    expect((await members[5].c.post(`/api/surveys/${s.id}/responses`, fullAnswer(s, 5, 'phrase-4'))).statusCode).toBe(201);
    const five = (await analyst.get(`/api/surveys/${s.id}/results`)).json();
    expect(five.withheld).toBe(false);
    expect(five.responses).toBe(5);
    const text = five.questions.find((q: { type: string }) => q.type === 'text');
    expect(text.texts.map((x: { text: string }) => x.text).sort()).toEqual(['phrase-0', 'phrase-1', 'phrase-2', 'phrase-3', 'phrase-4']);
    expect(text.texts.every((x: { by: string | null }) => x.by === null)).toBe(true);
    const likert = five.questions.find((q: { type: string }) => q.type === 'likert');
    expect(likert.distribution.reduce((a: number, d: { count: number }) => a + d.count, 0)).toBe(5);
    const csv = (await admin.get(`/api/surveys/${s.id}/results.csv`)).body;
    expect(csv).not.toMatch(/phrase-|Member \d|@test\.example/);
    expect(csv).not.toContain('response,name,email');
    // Stored without person or instant; only that they responded is kept apart, with no time and nothing shared but the survey.
    expect((await rows<{ c: string }>(sql`select column_name as c from information_schema.columns where table_name = 'survey_respondents' order by 1`)).map((r) => r.c)).toEqual(['org_id', 'person_id', 'survey_id']);
    expect(await rows(sql`select person_id, submitted_at from survey_responses where survey_id = ${s.id} and (person_id is not null or submitted_at is not null)`)).toEqual([]);
    expect((await members[0].c.get(`/api/surveys/${s.id}/results`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/surveys/${s.id}/results`)).statusCode).toBe(404);
  });

  it('hides small departments in a breakdown and the smallest other one so the hidden ones cannot be derived; a filter cannot reach them', async () => {
    const s = await openOrgSurvey({ title: 'Breakdown' });
    // Sales 6, Design 5, Legal 1 (stored as not stated): Legal is hidden, so Design must be too (total − Sales = 6 ≥ 5).
    for (const [i, m] of members.entries()) expect((await m.c.post(`/api/surveys/${s.id}/responses`, fullAnswer(s, 1 + (i % 5), `b-${i}`))).statusCode).toBe(201);
    const r = (await admin.get(`/api/surveys/${s.id}/results?by=department`)).json();
    expect(r.groups.map((g: { group: string; responses: number }) => [g.group, g.responses])).toEqual([['Sales', 6]]);
    expect(r.hiddenGroups).toBe(2);
    expect((await admin.get(`/api/surveys/${s.id}/results?department=Design`)).json()).toMatchObject({ withheld: true, questions: [] });
    expect((await admin.get(`/api/surveys/${s.id}/results?department=Not%20stated`)).json()).toMatchObject({ withheld: true });
    expect((await admin.get(`/api/surveys/${s.id}/results?department=Sales`)).json()).toMatchObject({ withheld: false, responses: 6 });
    expect(await rows(sql`select distinct department from survey_responses where survey_id = ${s.id} order by 1`)).toEqual([{ department: 'Design' }, { department: 'Sales' }, { department: null }]);
  });
});

describe('surveys: named surveys, audiences', () => {
  it('exports one row per answer with the person for a named survey', async () => {
    const s = await openOrgSurvey({ title: 'Named', anonymous: false, kind: 'open_text' });
    for (const m of members.slice(0, 5)) await m.c.post(`/api/surveys/${s.id}/responses`, fullAnswer(s, 3, `named by ${m.name}`));
    const r = (await admin.get(`/api/surveys/${s.id}/results`)).json();
    expect(r.questions[0].texts.map((x: { by: string }) => x.by).sort()).toEqual(members.slice(0, 5).map((m) => m.name).sort());
    const csv = (await admin.get(`/api/surveys/${s.id}/results.csv`)).body;
    expect(csv).toContain('response,name,email');
    for (const m of members.slice(0, 5)) expect(csv).toContain(m.email);
  });

  it('lets community moderators survey their members only, and a member outside it cannot see or answer', async () => {
    const c = (await members[0].c.post('/api/communities', { name: 'Data folk', description: 'x', visibility: 'open' })).json();
    await members[1].c.post(`/api/communities/${c.id}/join`, { acceptRulesVersion: 1 });
    const s = await members[0].c.post('/api/surveys', { kind: 'likert', title: 'Community pulse', audienceKind: 'community', audienceId: c.id, closesAt: inDays(3) });
    expect(s.statusCode, s.body).toBe(201);
    expect((await members[1].c.post('/api/surveys', { kind: 'likert', title: 'No', audienceKind: 'community', audienceId: c.id, closesAt: inDays(3) })).statusCode).toBe(403);
    const id = s.json().id;
    expect((await members[0].c.post(`/api/surveys/${id}/open`)).statusCode).toBe(200);
    expect((await members[1].c.get('/api/surveys')).json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await members[2].c.get(`/api/surveys/${id}`)).statusCode).toBe(404);
    expect((await members[2].c.post(`/api/surveys/${id}/responses`, { answers: [] })).statusCode).toBe(404);
    expect((await members[0].c.get('/api/surveys?list=managed')).json().items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('keeps a secret community’s surveys from an analyst who is not in it: not listed, not readable, not named', async () => {
    const c = (await members[3].c.post('/api/communities', { name: 'Hidden board', description: 'x', visibility: 'secret' })).json();
    const s = await members[3].c.post('/api/surveys', { kind: 'likert', title: 'Board pulse', audienceKind: 'community', audienceId: c.id, closesAt: inDays(3) });
    expect(s.statusCode, s.body).toBe(201);
    const id = s.json().id;
    expect((await members[3].c.post(`/api/surveys/${id}/open`)).statusCode).toBe(200);
    const managed = (await analyst.get('/api/surveys?list=managed')).json().items;
    expect(managed.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(JSON.stringify(managed)).not.toContain('Hidden board');
    for (const path of [`/api/surveys/${id}`, `/api/surveys/${id}/results`, `/api/surveys/${id}/results.csv`]) expect((await analyst.get(path)).statusCode).toBe(404);
    // Admins see every survey; the community's owner runs this one.
    expect((await admin.get('/api/surveys?list=managed')).json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await members[3].c.get(`/api/surveys/${id}/results`)).statusCode).toBe(200);
  });
});

describe('surveys: reminders and automatic feedback', () => {
  it('reminds the audience who have not answered once at opening and once a day before the close, in-app and by mail', async () => {
    const s = await openOrgSurvey({ title: 'Remind me', closesAt: inDays(3) });
    await members[0].c.post(`/api/surveys/${s.id}/responses`, fullAnswer(s, 3, 'done'));
    const mailsBefore = mailer.sent.length;
    const first = await Promise.all([runSurveyReminders(t.deps), runSurveyReminders(t.deps), runSurveyReminders(t.deps)]);
    expect(first.reduce((a, r) => a + r.open, 0)).toBeGreaterThanOrEqual(1);
    const audience = members.length + 3;
    const notes = await eventually(
      () => rows<{ person_id: string }>(sql`select person_id from notifications where kind = 'survey' and subject->>'surveyId' = ${s.id}`),
      (n) => n.length >= audience - 1,
    );
    expect(notes.map((n) => n.person_id)).not.toContain(members[0].id);
    expect(new Set(notes.map((n) => n.person_id)).size).toBe(notes.length);
    expect(notes.map((n) => n.person_id)).toContain(members[1].id);
    expect(mailer.sent.slice(mailsBefore).filter((m) => m.to === members[1].email && m.subject.includes('Remind me'))).toHaveLength(1);
    // Two days later the survey closes within 24 hours: one closing reminder, and none twice.
    const later = new Date(Date.now() + 2.2 * 86_400_000);
    await Promise.all([runSurveyReminders(t.deps, later), runSurveyReminders(t.deps, later)]);
    const count = () => rows<{ n: number }>(sql`select count(*)::int as n from notifications where kind = 'survey' and subject->>'surveyId' = ${s.id} and person_id = ${members[1].id}`);
    expect(await eventually(count, (n) => n[0].n >= 2)).toEqual([{ n: 2 }]);
    await runSurveyReminders(t.deps, later);
    await t.deps.events.drain();
    expect(await count()).toEqual([{ n: 2 }]);
  });

  it('opens anonymous feedback for a live session’s participants when it ends, once, and shows its results to the facilitator only from 5', async () => {
    const live = (await facilitator.post('/api/live-sessions', { title: 'Kick-off live', startsAt: inDays(1) })).json();
    for (const m of members.slice(0, 5)) expect((await m.c.post(`/api/live-sessions/${live.id}/join`)).statusCode).toBe(200);
    expect((await facilitator.post(`/api/live-sessions/${live.id}/start`)).statusCode).toBe(200);
    expect((await facilitator.post(`/api/live-sessions/${live.id}/end`)).statusCode).toBe(200);
    // The consumer runs after the commit (on PostgreSQL possibly on the delivery loop): wait for it.
    const feedback = await eventually(() => rows<{ id: string }>(sql`select id from surveys where source_key = ${`live_session:${live.id}`}`), (r) => r.length > 0);
    await t.deps.events.drain();
    expect(await rows(sql`select id from surveys where source_key = ${`live_session:${live.id}`}`)).toHaveLength(1);
    // Handling the same event again (at-least-once delivery) opens nothing new.
    expect(await openSessionFeedback(t.deps, live.id)).toBeUndefined();
    expect(feedback).toHaveLength(1);
    const id = feedback[0].id;
    expect((await members[5].c.get(`/api/surveys/${id}`)).statusCode).toBe(404);
    const s = (await members[0].c.get(`/api/surveys/${id}`)).json();
    expect(s).toMatchObject({ kind: 'event_feedback', anonymous: true, status: 'open', automatic: true });
    for (const m of members.slice(0, 4)) expect((await m.c.post(`/api/surveys/${id}/responses`, fullAnswer(s, 4, 'live'))).statusCode).toBe(201);
    expect((await facilitator.get(`/api/surveys/feedback?liveSessionId=${live.id}`)).json().results).toMatchObject({ withheld: true, responses: null });
    expect((await members[0].c.get(`/api/surveys/feedback?liveSessionId=${live.id}`)).json()).toEqual({ results: null });
    await members[4].c.post(`/api/surveys/${id}/responses`, fullAnswer(s, 5, 'live'));
    expect((await facilitator.get(`/api/surveys/feedback?liveSessionId=${live.id}`)).json().results).toMatchObject({ withheld: false, responses: 5 });
  });

  it('opens feedback for an event that ended with attendees, once however often the run goes', async () => {
    const [e] = await rows<{ id: string }>(sql`insert into events (org_id, kind, title, starts_at, ends_at, time_zone)
      values (${orgId}, 'workshop', 'Past workshop', now() - interval '2 hours', now() - interval '1 hour', 'UTC') returning id`);
    for (const m of members.slice(0, 3)) await t.db.execute(sql`insert into event_attendance (event_id, person_id, org_id) values (${e.id}, ${m.id}, ${orgId})`);
    const runs = await Promise.all([runEventFeedback(t.deps), runEventFeedback(t.deps)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await runEventFeedback(t.deps)).toBe(0);
    const [s] = await rows<{ id: string }>(sql`select id from surveys where source_key = ${`event:${e.id}`}`);
    expect((await members[0].c.get('/api/surveys')).json().items.map((i: { id: string }) => i.id)).toContain(s.id);
    expect((await members[6].c.get(`/api/surveys/${s.id}`)).statusCode).toBe(404);
  });
});
