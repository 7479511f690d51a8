import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { connectWs } from '../../../test/ws-client.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
let fac: Client;
let admin: Client;
let outsider: Client;
const learners: { id: string; email: string; department: string | null }[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '100' });
  const org = await t.buildOrg('Acme');
  const other = await t.buildOrg('Globex');
  const f = await t.buildPerson(org.id, { name: 'Fay Facilitator', roles: ['facilitator'] });
  const a = await t.buildPerson(org.id, { name: 'Ada Admin', roles: ['admin'] });
  const o = await t.buildPerson(other.id, { name: 'Olga Outsider', roles: ['admin'] });
  const depts = ['Sales', 'Engineering', 'Design', 'Finance', 'People', 'Support'];
  const manager = await t.buildPerson(org.id, { name: 'Mona Manager', department: 'Sales' });
  for (let i = 0; i < 24; i++) {
    const d = depts[i % 6];
    learners.push({ ...(await t.buildPerson(org.id, { name: `Learner ${String(i).padStart(2, '0')}`, department: d, team: i < 4 ? 'Alpha' : null, managerId: i < 3 ? manager.id : null, timeZone: i % 2 ? 'Europe/Berlin' : 'Europe/Lisbon' })), department: d });
  }
  fac = await t.signIn(f.email);
  admin = await t.signIn(a.email);
  outsider = await t.signIn(o.email);
  for (const l of learners.slice(0, 4)) clients.push(await t.signIn(l.email));
});
afterAll(() => t.close());

async function program(body: Record<string, unknown> = {}) {
  const res = await fac.post('/api/programs', { title: 'Leading with curiosity', goals: 'Ask **better** questions', sessions: [{ title: 'Kick-off', startsAt: `${new Date().getUTCFullYear() + 1}-02-01T09:00:00+01:00` }], ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('programs and enrolment', () => {
  it('keeps drafts to facilitators, refuses members creating programs, and hides other organizations', async () => {
    const p = await program();
    expect(p).toMatchObject({ status: 'draft', abilities: { canFacilitate: true } });
    expect(p.goalsHtml).toContain('Ask <strong>better</strong> questions');
    expect(p.sessions).toHaveLength(1);
    expect((await clients[0].get(`/api/programs/${p.id}`)).statusCode).toBe(404);
    expect((await clients[0].post('/api/programs', { title: 'Mine' })).statusCode).toBe(403);
    await fac.patch(`/api/programs/${p.id}`, { status: 'open' });
    expect((await clients[0].get(`/api/programs/${p.id}`)).json().abilities).toMatchObject({ canEnroll: true, canFacilitate: false });
    expect((await outsider.get(`/api/programs/${p.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/programs/${p.id}`)).json().abilities.canFacilitate).toBe(true);
  });

  it('fills seats in order, waitlists the rest, and promotes the first in line when someone leaves', async () => {
    const p = await program({ capacity: 2 });
    await fac.patch(`/api/programs/${p.id}`, { status: 'open' });
    const states = [];
    for (const c of clients.slice(0, 4)) states.push((await c.send({ method: 'PUT', url: `/api/programs/${p.id}/enrollment`, payload: { enrolled: true } })).json().myEnrollment);
    expect(states).toEqual([
      { status: 'enrolled', waitlistPosition: null },
      { status: 'enrolled', waitlistPosition: null },
      { status: 'waitlisted', waitlistPosition: 1 },
      { status: 'waitlisted', waitlistPosition: 2 },
    ]);
    await clients[0].send({ method: 'PUT', url: `/api/programs/${p.id}/enrollment`, payload: { enrolled: false } });
    expect((await clients[2].get(`/api/programs/${p.id}`)).json().myEnrollment).toEqual({ status: 'enrolled', waitlistPosition: null });
    expect((await clients[3].get(`/api/programs/${p.id}`)).json().myEnrollment).toEqual({ status: 'waitlisted', waitlistPosition: 1 });
    const raised = await fac.patch(`/api/programs/${p.id}`, { capacity: 5 });
    expect(raised.json()).toMatchObject({ enrolledCount: 3, waitlistCount: 0 });
    expect((await clients[0].send({ method: 'PUT', url: `/api/programs/${p.id}/enrollment`, payload: { enrolled: true } })).json().myEnrollment.status).toBe('enrolled');
  });

  it('lets only facilitators assign people, refusing people of other organizations, and refuses self-enrolment when assigned-only', async () => {
    const p = await program({ enrollment: 'assigned' });
    await fac.patch(`/api/programs/${p.id}`, { status: 'open' });
    const self = await clients[0].send({ method: 'PUT', url: `/api/programs/${p.id}/enrollment`, payload: { enrolled: true } });
    expect(self.statusCode).toBe(409);
    expect((await clients[0].post(`/api/programs/${p.id}/enrollments`, { personIds: [learners[1].id] })).statusCode).toBe(403);
    expect((await fac.post(`/api/programs/${p.id}/enrollments`, { personIds: [outsider.me.person.id] })).statusCode).toBe(400);
    const list = (await fac.post(`/api/programs/${p.id}/enrollments`, { personIds: learners.map((l) => l.id) })).json().items;
    expect(list).toHaveLength(24);
    expect(list.every((e: { source: string }) => e.source === 'assigned')).toBe(true);
  });
});

describe('forming, adjusting and publishing plans', () => {
  let p: { id: string };
  beforeAll(async () => {
    p = await program({ settings: { cohortSize: 12, groupSize: 3, rounds: 2 } });
    await fac.patch(`/api/programs/${p.id}`, { status: 'running' });
    await fac.post(`/api/programs/${p.id}/enrollments`, { personIds: learners.map((l) => l.id) });
  });

  it('forms cohorts that mix departments better than random and keep close colleagues apart, with an explanation', async () => {
    expect((await clients[0].post(`/api/programs/${p.id}/plans`, { kind: 'cohorts' })).statusCode).toBe(403);
    const res = await fac.post(`/api/programs/${p.id}/plans`, { kind: 'cohorts' });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan.rounds).toHaveLength(1);
    expect(plan.rounds[0].groups).toHaveLength(2);
    const ids = plan.rounds[0].groups.flatMap((g: { members: { id: string }[] }) => g.members.map((m) => m.id));
    expect(new Set(ids).size).toBe(24);
    expect(plan.metrics.avgDepartments).toBeGreaterThanOrEqual(plan.baseline.avgDepartments);
    expect(plan.metrics.minDepartments).toBe(6);
    // Three reports of one manager over two cohorts: at least one pair must share a cohort, and only one does.
    expect(plan.metrics.knownPairMeetings).toBe(1);
    expect(plan.explanation.join(' ')).toContain('1 meetings of close colleagues could not be avoided');
    expect(plan.explanation[0]).toMatch(/mixes 6 departments on average \(random: /);
  });

  it('refuses start and end days that do not exist (29 February of a common year, 31 April) with 400 at the field', async () => {
    for (const [field, day] of [['startsOn', '2027-02-29'], ['endsOn', '2026-04-31'], ['startsOn', '2026-13-01']]) {
      const res = await fac.post('/api/programs', { title: 'Never was', [field]: day });
      expect(res.statusCode, day).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await fac.post('/api/programs', { title: 'Leap day', startsOn: '2028-02-29', endsOn: '2028-03-31' })).statusCode).toBe(201);
  });

  it('rejects an adjustment that loses or duplicates a person, and recomputes the figures of a valid one', async () => {
    const plan = (await fac.get(`/api/programs/${p.id}/plans`)).json().items.find((x: { kind: string; status: string }) => x.kind === 'cohorts' && x.status === 'draft');
    const rounds = plan.rounds.map((r: { groups: { members: { id: string }[] }[] }) => r.groups.map((g) => g.members.map((m) => m.id)));
    const dup = structuredClone(rounds);
    dup[0][0][0] = dup[0][1][0];
    const bad = await fac.patch(`/api/programs/${p.id}/plans/${plan.id}`, { rounds: dup });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('rounds');
    // Swap two people of different departments between cohorts (as a drag and drop would).
    const moved = structuredClone(rounds);
    const deptOf = (id: string) => learners.find((l) => l.id === id)?.department;
    const a = moved[0][0][0];
    const bIdx = moved[0][1].findIndex((id: string) => deptOf(id) !== deptOf(a));
    const b = moved[0][1][bIdx];
    moved[0][1][bIdx] = a;
    moved[0][0][0] = b;
    const ok = await fac.patch(`/api/programs/${p.id}/plans/${plan.id}`, { rounds: moved });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().rounds[0].groups[0].members.map((m: { id: string }) => m.id)).toContain(b);
    expect(ok.json().rounds[0].groups[1].members.map((m: { id: string }) => m.id)).toContain(a);
    // Cohort A lost one department and gained another, and cohort B the reverse: each still mixes all six.
    expect(ok.json().metrics.minDepartments).toBe(6);
  });

  it('publishes cohorts as private cohort spaces, then a rotation within cohorts with no repeats, and partners; members see where they are', async () => {
    const draft = (await fac.get(`/api/programs/${p.id}/plans`)).json().items.find((x: { kind: string; status: string }) => x.kind === 'cohorts' && x.status === 'draft');
    const pub = await fac.post(`/api/programs/${p.id}/plans/${draft.id}/publish`);
    expect(pub.json().status).toBe('published');
    expect((await fac.post(`/api/programs/${p.id}/plans/${draft.id}/publish`)).statusCode).toBe(409);
    const me = (await clients[0].get(`/api/programs/${p.id}`)).json().myPlacement;
    expect(me.cohort.members.map((m: { id: string }) => m.id)).toContain(learners[0].id);
    const space = await clients[0].get(`/api/communities/${me.cohort.communitySlug}`);
    expect(space.json()).toMatchObject({ kind: 'cohort', visibility: 'private', membership: { status: 'active', mustAcceptRules: true } });
    // Someone enrolled in another cohort (whichever the engine chose) cannot read this cohort's space.
    const enrolled = new Set(pub.json().rounds[0].groups.flatMap((g: { members: { id: string }[] }) => g.members.map((m) => m.id)));
    const other = learners.find((l) => enrolled.has(l.id) && !me.cohort.members.some((m: { id: string }) => m.id === l.id));
    expect(other).toBeDefined();
    const notInIt = await t.signIn((other as { email: string }).email);
    expect((await notInIt.get(`/api/communities/${space.json().id}/threads`)).statusCode).toBe(403);

    const rotation = (await fac.post(`/api/programs/${p.id}/plans`, { kind: 'rotation' })).json();
    // Cohorts of 12 in groups of 3: two rounds are possible without anyone meeting twice.
    expect(rotation.rounds).toHaveLength(2);
    expect(rotation.metrics.repeats).toBe(0);
    expect(rotation.rounds[0].groups[0].label).toMatch(/^Cohort \d · Group 1$/);
    // The random comparison is drawn within the same cohorts, so it can only do as well or worse.
    expect(rotation.baseline.repeats).toBeGreaterThanOrEqual(rotation.metrics.repeats);
    expect(rotation.baseline.newTies).toBeLessThanOrEqual(rotation.metrics.newTies);
    await fac.post(`/api/programs/${p.id}/plans/${rotation.id}/publish`);
    const partners = (await fac.post(`/api/programs/${p.id}/plans`, { kind: 'partners' })).json();
    expect(partners.rounds[0].groups.every((g: { members: unknown[] }) => g.members.length === 2)).toBe(true);
    await fac.post(`/api/programs/${p.id}/plans/${partners.id}/publish`);
    const placed = (await clients[1].get(`/api/programs/${p.id}`)).json().myPlacement;
    expect(placed.groups).toHaveLength(2);
    expect(placed.groups.every((g: { members: unknown[] }) => g.members.length === 2)).toBe(true);
    expect(placed.partners).toHaveLength(1);
    const cohortIds = new Set(placed.cohort.members.map((m: { id: string }) => m.id));
    expect(placed.groups.flatMap((g: { members: { id: string }[] }) => g.members).every((m: { id: string }) => cohortIds.has(m.id))).toBe(true);
  });

  it('refuses a plan when enrolment changed after forming it', async () => {
    const fresh = (await fac.post(`/api/programs/${p.id}/plans`, { kind: 'partners', seed: 7 })).json();
    await fac.send({ method: 'DELETE', url: `/api/programs/${p.id}/enrollments/${learners[23].id}` });
    const res = await fac.post(`/api/programs/${p.id}/plans/${fresh.id}/publish`);
    expect(res.statusCode).toBe(409);
  });
});

describe('live updates', () => {
  it('tells a member following the program that their placement changed, and refuses outsiders', async () => {
    const p = await program({ settings: { cohortSize: 12, groupSize: 3, rounds: 1 } });
    await fac.patch(`/api/programs/${p.id}`, { status: 'running' });
    await fac.post(`/api/programs/${p.id}/enrollments`, { personIds: learners.slice(0, 12).map((l) => l.id) });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const origin = `http://127.0.0.1:${port}`;
    const ws = await connectWs(`ws://127.0.0.1:${port}/api/ws`, { cookie: clients[0].cookie, origin });
    ws.ws.send(JSON.stringify({ type: 'subscribe', channel: `program:${p.id}` }));
    await ws.waitFor((m) => m.type === 'subscribed' && m.ok === true);
    const other = await connectWs(`ws://127.0.0.1:${port}/api/ws`, { cookie: outsider.cookie, origin });
    other.ws.send(JSON.stringify({ type: 'subscribe', channel: `program:${p.id}` }));
    await other.waitFor((m) => m.type === 'subscribed' && m.ok === false);
    const plan = (await fac.post(`/api/programs/${p.id}/plans`, { kind: 'partners' })).json();
    await fac.post(`/api/programs/${p.id}/plans/${plan.id}/publish`);
    await ws.waitFor((m) => m.type === 'changed' && m.channel === `program:${p.id}` && m.what === 'placement');
    await ws.close();
    await other.close();
  });
});
