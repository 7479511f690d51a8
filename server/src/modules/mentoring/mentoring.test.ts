import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
let admin: Client;
let fac: Client;
let member: Client;
let outsider: Client;
const id: Record<string, string> = {};
const client: Record<string, Client> = {};

const put = (c: Client, payload: unknown) => c.send({ method: 'PUT', url: '/api/mentoring/profile', payload: payload as Record<string, unknown> });
const prefs = {};
const mentor = (skills: [string, number][], capacity: number, over: Record<string, unknown> = {}) => ({
  skills: skills.map(([skill, level]) => ({ skill, level })),
  topics: ['leadership'],
  capacity,
  availabilityHours: 2,
  seniority: 5,
  preferences: prefs,
  active: true,
  ...over,
});
const mentee = (skills: [string, number][], over: Record<string, unknown> = {}) => ({
  goals: ['leadership'],
  skills: skills.map(([skill, level]) => ({ skill, level })),
  seniority: 2,
  preferences: { otherDepartment: true },
  active: true,
  ...over,
});
type Assignment = { mentor: { id: string }; mentee: { id: string }; score: number; explanation: { factor: string; reason: string }[] };

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '1000', EXPERT_FALLBACK_INTERVAL_SECONDS: '0', DIGEST_INTERVAL_SECONDS: '0' });
  const org = await t.buildOrg('Acme');
  const other = await t.buildOrg('Globex');
  const a = await t.buildPerson(org.id, { name: 'Ada Admin', roles: ['admin'] });
  const f = await t.buildPerson(org.id, { name: 'Fay Facilitator', roles: ['facilitator'] });
  const o = await t.buildPerson(other.id, { name: 'Olga Outsider', roles: ['admin'] });
  // Mona manages Eve; Rick reports to Ned. Both would otherwise be Eve's / Ned's best fit.
  const mona = await t.buildPerson(org.id, { name: 'Mona Mentor', department: 'Data' });
  const eve = await t.buildPerson(org.id, { name: 'Eve Mentee', department: 'Sales', managerId: mona.id });
  const ned = await t.buildPerson(org.id, { name: 'Ned Mentee', department: 'Sales' });
  const rick = await t.buildPerson(org.id, { name: 'Rick Mentor', department: 'Data', managerId: ned.id });
  const cara = await t.buildPerson(org.id, { name: 'Cara Mentor', department: 'Design' });
  const finn = await t.buildPerson(org.id, { name: 'Finn Mentee', department: 'Support' });
  const gus = await t.buildPerson(org.id, { name: 'Gus Mentee', department: 'Support' });
  const xo = await t.buildPerson(other.id, { name: 'Xena Globex Mentor', department: 'Data' });
  const xe = await t.buildPerson(other.id, { name: 'Yuri Globex Mentee', department: 'Sales' });
  Object.assign(id, { mona: mona.id, eve: eve.id, ned: ned.id, rick: rick.id, cara: cara.id, finn: finn.id, gus: gus.id, xo: xo.id, xe: xe.id });
  admin = await t.signIn(a.email);
  fac = await t.signIn(f.email);
  outsider = await t.signIn(o.email);
  for (const [k, p] of Object.entries({ mona, eve, ned, rick, cara, finn, gus, xo, xe })) client[k] = await t.signIn(p.email);
  member = client.finn;
  const ok = async (c: Client, body: unknown) => expect((await put(c, body)).statusCode).toBe(200);
  await ok(client.mona, { mentor: mentor([['sql', 5], ['python', 5]], 2) });
  await ok(client.rick, { mentor: mentor([['negotiation', 5], ['sql', 3]], 2) });
  await ok(client.cara, { mentor: mentor([['design', 4], ['negotiation', 2], ['sql', 2]], 1) });
  await ok(client.eve, { mentee: mentee([['sql', 4], ['python', 3]]) });
  await ok(client.ned, { mentee: mentee([['negotiation', 4]]) });
  await ok(client.finn, { mentee: mentee([['sql', 4]]) });
  await ok(client.gus, { mentee: mentee([['design', 3], ['sql', 2]]) });
  await ok(client.xo, { mentor: mentor([['sql', 5]], 5) });
  await ok(client.xe, { mentee: mentee([['sql', 4]]) });
});
afterAll(() => t.close());

describe('mentoring profiles', () => {
  it('round-trips both profiles, removes one with null, and starts empty', async () => {
    expect((await admin.get('/api/mentoring/profile')).json()).toEqual({ mentor: null, mentee: null, expertAvailable: true });
    const body = { mentor: mentor([['Public speaking', 4]], 3, { preferences: { sameLocation: true, seniorityGap: [1, 3] } }), mentee: mentee([['Rust', 2]]) };
    const res = await put(admin, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...body, expertAvailable: true });
    expect((await admin.get('/api/mentoring/profile')).json()).toEqual({ ...body, expertAvailable: true });
    const removed = await put(admin, { mentee: null });
    expect(removed.json()).toEqual({ mentor: body.mentor, mentee: null, expertAvailable: true });
    await put(admin, { mentor: null });
    expect((await admin.get('/api/mentoring/profile')).json()).toEqual({ mentor: null, mentee: null, expertAvailable: true });
  });

  it('rejects bad input with 400 naming the field, and keeps the previous profile', async () => {
    const before = (await client.mona.get('/api/mentoring/profile')).json();
    const cases: [unknown, string][] = [
      [{ mentor: mentor([['sql', 5]], -1) }, 'mentor.capacity'],
      [{ mentor: mentor([['sql', 9]], 1) }, 'mentor.skills.0.level'],
      [{ mentee: mentee([['sql', 3]], { preferences: { seniorityGap: [3, 1] } }) }, 'mentee.preferences.seniorityGap'],
      [{ mentor: mentor([['sql', 5]], 1, { availabilityHours: 'lots' }) }, 'mentor.availabilityHours'],
    ];
    for (const [payload, field] of cases) {
      const res = await put(client.mona, payload);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await client.mona.get('/api/mentoring/profile')).json()).toEqual(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/mentoring/profile' })).statusCode).toBe(401);
  });
});

describe('matching runs', () => {
  let optimal: { id: string; assignments: Assignment[]; unmatched: { person: { id: string }; reason: string }[]; total: number; worstOffScore: number };

  it('refuses members (403) and leaves no run behind', async () => {
    const res = await member.post('/api/mentoring/match-runs', { mode: 'optimal' });
    expect(res.statusCode).toBe(403);
    expect((await client.mona.post('/api/mentoring/match-runs', { mode: 'fair' })).statusCode).toBe(403);
    const runs = await t.db.execute(sql`select count(*)::int as n from mentoring_match_runs`);
    expect((runs as unknown as { rows: { n: number }[] }).rows[0].n).toBe(0);
    expect((await fac.post('/api/mentoring/match-runs', { mode: 'random' })).json().errors[0].field).toBe('mode');
  });

  it('previews with explanations, respects capacity and the manager/report rule, and shows only the organization', async () => {
    const res = await fac.post('/api/mentoring/match-runs', { mode: 'optimal' });
    expect(res.statusCode, res.body).toBe(201);
    optimal = res.json();
    expect(optimal).toMatchObject({ mode: 'optimal', status: 'preview', publishedAt: null });
    const pairs = optimal.assignments.map((a) => `${a.mentee.id}>${a.mentor.id}`);
    expect(pairs).not.toContain(`${id.eve}>${id.mona}`); // own manager
    expect(pairs).not.toContain(`${id.ned}>${id.rick}`); // own direct report
    const load = new Map<string, number>();
    for (const a of optimal.assignments) load.set(a.mentor.id, (load.get(a.mentor.id) ?? 0) + 1);
    expect(load.get(id.cara) ?? 0).toBeLessThanOrEqual(1);
    expect(load.get(id.mona) ?? 0).toBeLessThanOrEqual(2);
    const everyone = JSON.stringify(optimal);
    expect(everyone).not.toContain(id.xo);
    expect(everyone).not.toContain(id.xe);
    expect(optimal.assignments.length + optimal.unmatched.length).toBe(4);
    for (const a of optimal.assignments) {
      expect(a.score).toBeGreaterThan(0);
      expect(a.explanation.length).toBeGreaterThan(0);
      expect(a.explanation[0].reason).toEqual(expect.any(String));
    }
    expect(optimal.total).toBe(optimal.assignments.reduce((s, a) => s + a.score, 0));
    expect(optimal.worstOffScore).toBe(Math.min(...optimal.assignments.map((a) => a.score)));
    const globex = (await outsider.post('/api/mentoring/match-runs', { mode: 'optimal' })).json();
    expect(globex.assignments.map((a: Assignment) => [a.mentee.id, a.mentor.id])).toEqual([[id.xe, id.xo]]);
  });

  it("gives the worst-off mentee in fair mode at least what optimal mode gives them", async () => {
    const fair = (await admin.post('/api/mentoring/match-runs', { mode: 'fair' })).json();
    expect(fair.mode).toBe('fair');
    expect(fair.assignments.length).toBeGreaterThanOrEqual(optimal.assignments.length);
    expect(fair.worstOffScore).toBeGreaterThanOrEqual(optimal.worstOffScore);
    const participation = (await admin.post('/api/mentoring/match-runs', { mode: 'participation' })).json();
    expect(participation.assignments.length).toBeGreaterThanOrEqual(optimal.assignments.length);
  });

  it('publishes exactly the preview as matches both people see with the explanation, once', async () => {
    expect((await member.post(`/api/mentoring/match-runs/${optimal.id}/publish`)).statusCode).toBe(403);
    expect((await outsider.post(`/api/mentoring/match-runs/${optimal.id}/publish`)).statusCode).toBe(404);
    const res = await admin.post(`/api/mentoring/match-runs/${optimal.id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', assignments: optimal.assignments });
    const events = (await t.db.execute(sql`select payload from domain_events where type = 'mentoring.matched'`)) as unknown as { rows: { payload: Record<string, string> }[] };
    expect(events.rows.map((r) => `${r.payload.menteeId}>${r.payload.mentorId}`).sort()).toEqual(optimal.assignments.map((a) => `${a.mentee.id}>${a.mentor.id}`).sort());
    const byPerson = Object.fromEntries(Object.entries(id).map(([k, v]) => [v, k]));
    for (const a of optimal.assignments) {
      const asMentee = (await client[byPerson[a.mentee.id]].get('/api/mentoring/matches')).json().items;
      const asMentor = (await client[byPerson[a.mentor.id]].get('/api/mentoring/matches')).json().items;
      const m = asMentee.find((x: { mentor: { id: string } }) => x.mentor.id === a.mentor.id);
      expect(m).toMatchObject({ role: 'mentee', status: 'active', source: 'program', score: a.score, explanation: a.explanation });
      expect(events.rows.map((r) => r.payload.matchId)).toContain(m.id);
      expect(asMentor.find((x: { id: string }) => x.id === m.id)).toMatchObject({ role: 'mentor', mentee: { id: a.mentee.id }, explanation: a.explanation });
    }
    expect((await outsider.get('/api/mentoring/matches')).json().items).toEqual([]);
    const again = await admin.post(`/api/mentoring/match-runs/${optimal.id}/publish`);
    expect(again.statusCode).toBe(409);
    const count = (await t.db.execute(sql`select count(*)::int as n from mentoring_matches`)) as unknown as { rows: { n: number }[] };
    expect(count.rows[0].n).toBe(optimal.assignments.length);
  });

  it('refuses (409) a stale preview whose mentees got a mentor since, writing nothing; new runs leave matched mentees out', async () => {
    const stale = (await t.db.execute(sql`select id from mentoring_match_runs where mode = 'fair' and org_id = (select org_id from people where id = ${id.eve})`)) as unknown as { rows: { id: string }[] };
    const before = (await t.db.execute(sql`select count(*)::int as n from mentoring_matches`)) as unknown as { rows: { n: number }[] };
    expect((await admin.post(`/api/mentoring/match-runs/${stale.rows[0].id}/publish`)).statusCode).toBe(409);
    const after = (await t.db.execute(sql`select count(*)::int as n from mentoring_matches`)) as unknown as { rows: { n: number }[] };
    expect(after.rows[0].n).toBe(before.rows[0].n);
    const next = (await admin.post('/api/mentoring/match-runs', { mode: 'optimal' })).json();
    const matched = new Set(optimal.assignments.map((a) => a.mentee.id));
    for (const a of next.assignments as Assignment[]) expect(matched.has(a.mentee.id)).toBe(false);
  });
});
