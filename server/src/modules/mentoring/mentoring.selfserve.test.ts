import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENTORING_LIMITS } from '../../../../contracts/index.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { allocateSuggestions } from './mentoring.scoring.ts';
import { type ListedNotification, waitForNotification } from '../../../test/eventually.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const c: Record<string, Client> = {};
const id: Record<string, string> = {};

const waitFor = (who: string, pred: (n: ListedNotification) => boolean) => waitForNotification(c[who], pred);
const rows = async <T>(q: ReturnType<typeof sql>) => ((await t.db.execute(q)) as unknown as { rows: T[] }).rows;

const mentor = (skills: [string, number][], capacity: number) => ({
  mentor: { skills: skills.map(([skill, level]) => ({ skill, level })), topics: ['growth'], capacity, availabilityHours: 2, seniority: 5, preferences: {}, active: true },
});
const mentee = (skills: [string, number][]) => ({
  mentee: { goals: ['growth'], skills: skills.map(([skill, level]) => ({ skill, level })), seniority: 2, preferences: {}, active: true },
});

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '1000', EXPERT_FALLBACK_INTERVAL_SECONDS: '0', DIGEST_INTERVAL_SECONDS: '0' });
  const org = await t.buildOrg('Acme');
  const people: [string, string][] = [
    ['pia', 'Data'], // popular: best for everyone, 1 seat
    ['otto', 'Design'], // decent, 5 seats
    ['zed', 'Data'], // the best skills of all, but capacity 0
    ['sol', 'Ops'],
    ['tia', 'Ops'],
    ['uma', 'Ops'],
    ['quinn', 'Ops'],
    ['rae', 'Ops'],
  ];
  const mentees = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'a', 'b', 'cc', 'd'];
  for (const [k, dept] of people) id[k] = (await t.buildPerson(org.id, { name: `${k} Mentor`, department: dept })).id;
  for (const k of mentees) id[k] = (await t.buildPerson(org.id, { name: `${k} Mentee`, department: 'Sales' })).id;
  for (const k of Object.keys(id)) c[k] = await t.signIn((await rows<{ email: string }>(sql`select email from people where id = ${id[k]}`))[0].email);
  const put = async (k: string, body: unknown) => expect((await c[k].send({ method: 'PUT', url: '/api/mentoring/profile', payload: body as object })).statusCode).toBe(200);
  await put('pia', mentor([['sql', 5], ['python', 5]], 1));
  await put('otto', mentor([['sql', 3]], 5));
  await put('zed', mentor([['sql', 5], ['python', 5], ['growth', 5]], 0));
  for (const k of ['sol', 'tia', 'uma', 'quinn', 'rae']) await put(k, mentor([['negotiation', 4]], k === 'sol' ? 1 : 2));
  for (const k of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) await put(k, mentee([['sql', 4], ['python', 4]]));
  for (const k of ['a', 'b', 'cc', 'd']) await put(k, mentee([['negotiation', 3]]));
}, 300_000);
afterAll(() => t.close());

describe('suggestion capacity rule (pure)', () => {
  it('shows a mentor with c free seats to at most 3·c mentees, those scoring best with them, and never a full mentor', () => {
    // 5 mentees × 2 mentors; mentor 0 has 1 seat, mentor 1 has 0 seats.
    const scores = [900, 800, 700, 600, 950, 850, 500, 400, 300, 990];
    const shown = allocateSuggestions(scores, 5, 2, [1, 0], 5, 3, ['e0', 'e1', 'e2', 'e3', 'e4'], ['r0', 'r1']);
    expect(shown.flat().filter((j) => j === 1)).toEqual([]);
    const seeing = shown.map((s, i) => (s.includes(0) ? i : -1)).filter((i) => i >= 0);
    expect(seeing).toEqual([0, 1, 2]); // scores 900, 700, 950 → e0, e1, e2 (the best three); e3 (500) and e4 (300) do not see r0
  });

  it('caps each mentee at perMentee suggestions, best first, and leaves out forbidden pairs (score < 0)', () => {
    const scores = [100, 300, 200, -1];
    const shown = allocateSuggestions(scores, 1, 4, [1, 1, 1, 1], 2, 3, ['e'], ['a', 'b', 'c', 'd']);
    expect(shown[0]).toEqual([1, 2]);
  });
});

describe('suggestions', () => {
  it('never shows a capacity-0 mentor, and shows the one-seat popular mentor to at most 3 of the 6 mentees who want her', async () => {
    let seeingPia = 0;
    for (const k of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) {
      const res = await c[k].get('/api/mentoring/suggestions');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ hasMenteeProfile: true, openRequests: 0, maxOpenRequests: 3 });
      const ids = body.items.map((s: { mentor: { id: string } }) => s.mentor.id);
      expect(ids).not.toContain(id.zed);
      expect(ids).not.toContain(id[k]);
      if (ids.includes(id.pia)) seeingPia++;
      expect(ids).toContain(id.otto); // 5 seats → up to 15 mentees
      expect(body.items.length).toBeLessThanOrEqual(MENTORING_LIMITS.suggestionsPerMentee);
      for (const s of body.items) {
        expect(s.explanation.length).toBeGreaterThan(0);
        expect(s.freeSeats).toBeGreaterThan(0);
      }
      const scores = body.items.map((s: { score: number }) => s.score);
      expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    }
    expect(seeingPia).toBe(3);
  });

  it('follows a change of the pool at once, although mentees share one allocation: a mentor who pauses leaves the lists and returns; a new mentor appears', async () => {
    const shows = async (k: string, mentorId: string) => ((await c[k].get('/api/mentoring/suggestions')).json().items as { mentor: { id: string } }[]).some((s) => s.mentor.id === mentorId);
    // m2 is served from the allocation m1's request made.
    expect(await shows('m1', id.otto)).toBe(true);
    expect(await shows('m2', id.otto)).toBe(true);
    const otto = (active: boolean) => c.otto.send({ method: 'PUT', url: '/api/mentoring/profile', payload: { ...mentor([['sql', 3]], 5), mentor: { ...mentor([['sql', 3]], 5).mentor, active } } });
    expect((await otto(false)).statusCode).toBe(200);
    for (const k of ['m2', 'm3']) expect(await shows(k, id.otto), k).toBe(false);
    expect((await otto(true)).statusCode).toBe(200);
    for (const k of ['m3', 'm4']) expect(await shows(k, id.otto), k).toBe(true);
    // A new mentor with the skills these mentees want, and seats to spare, is in their lists at once.
    const org = (await rows<{ org_id: string }>(sql`select org_id from people where id = ${id.otto}`))[0].org_id;
    const nova = await t.buildPerson(org, { name: 'Nova Mentor', department: 'Research' });
    const novaClient = await t.signIn(nova.email);
    expect((await novaClient.send({ method: 'PUT', url: '/api/mentoring/profile', payload: mentor([['sql', 5], ['python', 5]], 6) })).statusCode).toBe(200);
    for (const k of ['m5', 'm6']) expect(await shows(k, nova.id), k).toBe(true);
    expect((await novaClient.send({ method: 'PUT', url: '/api/mentoring/profile', payload: { ...mentor([['sql', 5], ['python', 5]], 6), mentor: { ...mentor([['sql', 5], ['python', 5]], 6).mentor, active: false } } })).statusCode).toBe(200);
  });

  it('tells a person without a mentee profile so, with no suggestions', async () => {
    expect((await c.pia.get('/api/mentoring/suggestions')).json()).toMatchObject({ items: [], hasMenteeProfile: false });
  });
});

describe('requests', () => {
  it('creates a request the mentor is notified about; refuses duplicates, a 4th open one, full mentors and unknown mentors', async () => {
    const res = await c.m1.post('/api/mentoring/requests', { mentorId: id.pia, message: 'Could you help me with SQL?' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ role: 'mentee', status: 'open', kind: 'mentoring', message: 'Could you help me with SQL?', abilities: { canWithdraw: true, canAccept: false } });
    expect(await waitFor('pia', (n) => n.kind === 'mentoring' && n.title.includes('m1 Mentee asked you'))).toBeTruthy();
    const dup = await c.m1.post('/api/mentoring/requests', { mentorId: id.pia, message: 'again' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('CONFLICT');
    expect((await c.m1.post('/api/mentoring/requests', { mentorId: id.otto })).statusCode).toBe(201);
    expect((await c.m1.post('/api/mentoring/requests', { mentorId: id.quinn })).statusCode).toBe(201);
    const fourth = await c.m1.post('/api/mentoring/requests', { mentorId: id.rae });
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().detail).toMatch(/3 open requests/);
    const full = await c.m2.post('/api/mentoring/requests', { mentorId: id.zed });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('MENTOR_FULL');
    const unknown = await c.m2.post('/api/mentoring/requests', { mentorId: id.m3 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('mentorId');
    expect((await c.m2.post('/api/mentoring/requests', { mentorId: 'nope' })).json().errors[0].field).toBe('mentorId');
    const open = await rows<{ n: number }>(sql`select count(*)::int as n from mentoring_requests where mentee_id = ${id.m1} and status = 'open'`);
    expect(Number(open[0].n)).toBe(3);
    expect((await c.m1.get('/api/mentoring/suggestions')).json().openRequests).toBe(3);
  });

  it('lets only the mentor accept: the relationship carries score and explanation, other open requests are withdrawn, the mentee is notified', async () => {
    const sent = (await c.m1.get('/api/mentoring/requests')).json().sent;
    const toPia = sent.find((r: { mentor: { id: string } }) => r.mentor.id === id.pia);
    expect((await c.m1.post(`/api/mentoring/requests/${toPia.id}/accept`)).statusCode).toBe(403);
    expect((await c.m2.post(`/api/mentoring/requests/${toPia.id}/accept`)).statusCode).toBe(404);
    const received = (await c.pia.get('/api/mentoring/requests')).json().received;
    expect(received.map((r: { id: string }) => r.id)).toContain(toPia.id);
    const res = await c.pia.post(`/api/mentoring/requests/${toPia.id}/accept`, { message: 'Happy to!' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', responseMessage: 'Happy to!', relationshipId: expect.any(String) });
    const rel = (await c.m1.get(`/api/mentoring/relationships/${res.json().relationshipId}`)).json();
    expect(rel).toMatchObject({ role: 'mentee', kind: 'mentoring', source: 'request', status: 'active', mentor: { id: id.pia } });
    expect(rel.score).toBeGreaterThan(0);
    expect(rel.explanation.length).toBeGreaterThan(0);
    const after = (await c.m1.get('/api/mentoring/requests')).json().sent;
    expect(after.filter((r: { status: string }) => r.status === 'open')).toEqual([]);
    expect(after.filter((r: { status: string }) => r.status === 'withdrawn').length).toBe(2);
    expect(await waitFor('m1', (n) => n.kind === 'mentoring' && n.title.includes('accepted'))).toBeTruthy();
    // Pia is now full: she is suggested to nobody and a new request gets MENTOR_FULL.
    for (const k of ['m2', 'm3', 'm4']) expect((await c[k].get('/api/mentoring/suggestions')).json().items.map((s: { mentor: { id: string } }) => s.mentor.id)).not.toContain(id.pia);
    expect((await c.m2.post('/api/mentoring/requests', { mentorId: id.pia })).json().code).toBe('MENTOR_FULL');
    expect((await c.pia.post(`/api/mentoring/requests/${toPia.id}/decline`)).statusCode).toBe(409);
  });

  it('lets exactly one of two concurrent accepts take the last seat', async () => {
    const ra = (await c.a.post('/api/mentoring/requests', { mentorId: id.sol })).json();
    const rb = (await c.b.post('/api/mentoring/requests', { mentorId: id.sol })).json();
    const results = await Promise.all([c.sol.post(`/api/mentoring/requests/${ra.id}/accept`), c.sol.post(`/api/mentoring/requests/${rb.id}/accept`)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().code).toBe('MENTOR_FULL');
    const active = await rows<{ n: number }>(sql`select count(*)::int as n from mentoring_matches where mentor_id = ${id.sol} and status = 'active'`);
    expect(Number(active[0].n)).toBe(1);
  });

  it('lets exactly one of two mentors accepting the same mentee at once win', async () => {
    const rt = (await c.cc.post('/api/mentoring/requests', { mentorId: id.tia })).json();
    const ru = (await c.cc.post('/api/mentoring/requests', { mentorId: id.uma })).json();
    const results = await Promise.all([c.tia.post(`/api/mentoring/requests/${rt.id}/accept`), c.uma.post(`/api/mentoring/requests/${ru.id}/accept`)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const active = await rows<{ n: number }>(sql`select count(*)::int as n from mentoring_matches where mentee_id = ${id.cc} and status = 'active'`);
    expect(Number(active[0].n)).toBe(1);
  });

  it('declines with a note (the mentee is told) and lets the mentee withdraw, after which nobody can accept', async () => {
    const r1 = (await c.d.post('/api/mentoring/requests', { mentorId: id.quinn, message: 'Hi' })).json();
    const declined = await c.quinn.post(`/api/mentoring/requests/${r1.id}/decline`, { message: 'No time this quarter.' });
    expect(declined.json()).toMatchObject({ status: 'declined', responseMessage: 'No time this quarter.' });
    expect(await waitFor('d', (n) => n.kind === 'mentoring' && n.title.includes('declined'))).toBeTruthy();
    const r2 = (await c.d.post('/api/mentoring/requests', { mentorId: id.rae })).json();
    expect((await c.rae.post(`/api/mentoring/requests/${r2.id}/withdraw`)).statusCode).toBe(403);
    expect((await c.d.post(`/api/mentoring/requests/${r2.id}/withdraw`)).json().status).toBe('withdrawn');
    expect((await c.rae.post(`/api/mentoring/requests/${r2.id}/accept`)).statusCode).toBe(409);
    const bad = await c.quinn.post(`/api/mentoring/requests/${r1.id}/decline`, { message: 'x'.repeat(2000) });
    expect(bad.statusCode).toBe(400);
  });
});
