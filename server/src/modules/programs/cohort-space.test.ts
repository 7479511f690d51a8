import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

// The program panel of a cohort space: goals, deadlines (sessions) and members' progress, each person may hide theirs.
let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
let fac: Client;
let outsider: Client;
let bystander: Client;
const learners: { id: string; c: Client }[] = [];
let programId: string;
let sessions: { id: string; title: string; startsAt: string }[];
// The cohort space of learners[0], its members, and a learner of the other cohort.
let spaceId: string;
let mates: Client[];
let other: Client;

const put = (c: Client, url: string, payload: unknown) => c.send({ method: 'PUT', url, payload: payload as Record<string, unknown> });
const tick = (c: Client, sessionId: string, done = true) => put(c, `/api/programs/${programId}/sessions/${sessionId}/done`, { done });
const panel = (c: Client, id = spaceId) => c.get(`/api/communities/${id}/program`);

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.buildOrg('Acme');
  const otherOrg = await t.buildOrg('Globex');
  const f = await t.buildPerson(org.id, { name: 'Fay Facilitator', roles: ['facilitator'] });
  const o = await t.buildPerson(otherOrg.id, { name: 'Olga Outsider', roles: ['admin'] });
  const b = await t.buildPerson(org.id, { name: 'Bo Bystander' });
  fac = await t.signIn(f.email);
  outsider = await t.signIn(o.email);
  bystander = await t.signIn(b.email);
  const depts = ['Sales', 'Engineering', 'Design'];
  for (let i = 0; i < 6; i++) {
    const p = await t.buildPerson(org.id, { name: `Learner ${i}`, department: depts[i % 3] });
    learners.push({ id: p.id, c: await t.signIn(p.email) });
  }
  const created = await fac.post('/api/programs', {
    title: 'Leading with curiosity',
    goals: 'Ask **better** questions',
    settings: { cohortSize: 3 },
    sessions: [
      { title: 'Kick-off', startsAt: '2020-02-01T09:00:00+01:00' },
      { title: 'Listening', startsAt: '2099-02-08T09:00:00+01:00', durationMinutes: 90 },
      { title: 'Wrap-up', startsAt: '2099-02-15T09:00:00+01:00' },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  programId = created.json().id;
  sessions = created.json().sessions;
  await fac.patch(`/api/programs/${programId}`, { status: 'running' });
  await fac.post(`/api/programs/${programId}/enrollments`, { personIds: learners.map((l) => l.id) });
  const plan = (await fac.post(`/api/programs/${programId}/plans`, { kind: 'cohorts' })).json();
  expect((await fac.post(`/api/programs/${programId}/plans/${plan.id}/publish`)).statusCode).toBe(200);
  const mine = (await learners[0].c.get(`/api/programs/${programId}`)).json().myPlacement.cohort;
  spaceId = (await learners[0].c.get(`/api/communities/${mine.communitySlug}`)).json().id;
  const inCohort = new Set(mine.members.map((m: { id: string }) => m.id));
  mates = learners.filter((l) => inCohort.has(l.id)).map((l) => l.c);
  other = learners.find((l) => !inCohort.has(l.id))?.c as Client;
  expect(mates).toHaveLength(3);
});
afterAll(() => t.close());

describe('the program panel of a cohort space', () => {
  it('shows a member the goals, the sessions as deadlines with their ticks, and peers’ progress', async () => {
    const [me, peer] = mates;
    expect((await tick(me, sessions[0].id)).statusCode).toBe(204);
    expect((await tick(peer, sessions[0].id)).statusCode).toBe(204);
    expect((await tick(peer, sessions[1].id)).statusCode).toBe(204);
    // Ticking twice changes nothing.
    expect((await tick(peer, sessions[1].id)).statusCode).toBe(204);
    const res = await panel(me);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.program).toEqual({ id: programId, title: 'Leading with curiosity', goalsHtml: expect.stringContaining('Ask <strong>better</strong> questions') });
    expect(body.cohortName).toMatch(/^Cohort \d$/);
    expect(body.sessions.map((s: { title: string; isDone: boolean }) => [s.title, s.isDone])).toEqual([
      ['Kick-off', true],
      ['Listening', false],
      ['Wrap-up', false],
    ]);
    expect(body.sessions[1]).toMatchObject({ startsAt: '2099-02-08T08:00:00.000Z', durationMinutes: 90 });
    expect(body.members).toHaveLength(3);
    const byId = new Map(body.members.map((m: { id: string }) => [m.id, m]));
    expect(byId.get(me.me.person.id)).toMatchObject({ done: 1, total: 3 });
    expect(byId.get(peer.me.person.id)).toMatchObject({ done: 2, total: 3 });
    expect(byId.get(mates[2].me.person.id)).toMatchObject({ done: 0, total: 3 });
    expect(body.hideMyProgress).toBe(false);
    // Unticking counts down.
    expect((await tick(peer, sessions[1].id, false)).statusCode).toBe(204);
    expect((await panel(me)).json().members.find((m: { id: string }) => m.id === peer.me.person.id).done).toBe(1);
  });

  it('shows hidden progress as null to others but as numbers to the person themselves', async () => {
    const [me, peer] = mates;
    expect((await put(peer, `/api/programs/${programId}/progress-visibility`, { hidden: true })).statusCode).toBe(204);
    const seen = (await panel(me)).json().members.find((m: { id: string }) => m.id === peer.me.person.id);
    expect(seen).toMatchObject({ done: null, total: 3 });
    const own = (await panel(peer)).json();
    expect(own.hideMyProgress).toBe(true);
    expect(own.members.find((m: { id: string }) => m.id === peer.me.person.id)).toMatchObject({ done: 1, total: 3 });
    // The facilitator (owner of the space, not enrolled) sees the same as peers and has nothing to hide.
    const facView = (await panel(fac)).json();
    expect(facView.hideMyProgress).toBeNull();
    expect(facView.members.find((m: { id: string }) => m.id === peer.me.person.id).done).toBeNull();
    await put(peer, `/api/programs/${programId}/progress-visibility`, { hidden: false });
    expect((await panel(me)).json().members.find((m: { id: string }) => m.id === peer.me.person.id).done).toBe(1);
  });

  it('is 404 for a member of the other cohort, another organization, and a community that is not a cohort space', async () => {
    expect((await panel(other)).statusCode).toBe(404);
    expect((await panel(bystander)).statusCode).toBe(404);
    expect((await panel(outsider)).statusCode).toBe(404);
    const plain = await bystander.post('/api/communities', { name: 'Plain community' });
    expect(plain.statusCode, plain.body).toBe(201);
    expect((await panel(bystander, plain.json().id)).statusCode).toBe(404);
    expect((await panel(mates[0], 'not-a-uuid')).statusCode).toBe(400);
  });

  it('refuses marking by people who are not enrolled (409, nothing written), unknown sessions and bad input', async () => {
    const res = await tick(fac, sessions[2].id);
    expect(res.statusCode).toBe(409);
    expect((await panel(fac)).json().sessions.every((s: { isDone: boolean }) => !s.isDone));
    expect((await tick(bystander, sessions[2].id)).statusCode).toBe(409);
    expect((await put(bystander, `/api/programs/${programId}/progress-visibility`, { hidden: true })).statusCode).toBe(409);
    expect((await tick(outsider, sessions[2].id)).statusCode).toBe(404);
    expect((await tick(mates[0], '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const bad = await put(mates[0], `/api/programs/${programId}/sessions/${sessions[2].id}/done`, { done: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('done');
    const extra = await put(mates[0], `/api/programs/${programId}/progress-visibility`, { hidden: true, who: 'all' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].field).toBe('who');
    expect((await panel(mates[0])).json().hideMyProgress).toBe(false);
  });

  it('keeps ticks on sessions kept through a schedule edit and drops them with removed sessions', async () => {
    const me = mates[0];
    await tick(me, sessions[2].id);
    expect((await panel(me)).json().members.find((m: { id: string }) => m.id === me.me.person.id).done).toBe(2);
    // Keep Kick-off (renamed) and Wrap-up by id, drop Listening, add a new session.
    const kept = [
      { id: sessions[0].id, title: 'Kick-off (recorded)', startsAt: sessions[0].startsAt, durationMinutes: 60 },
      { id: sessions[2].id, title: 'Wrap-up', startsAt: sessions[2].startsAt, durationMinutes: 60 },
      { title: 'Retro', startsAt: '2099-03-01T09:00:00Z', durationMinutes: 30 },
    ];
    const edited = await fac.patch(`/api/programs/${programId}`, { sessions: kept });
    expect(edited.statusCode, edited.body).toBe(200);
    const body = (await panel(me)).json();
    expect(body.sessions.map((s: { title: string; isDone: boolean }) => [s.title, s.isDone])).toEqual([
      ['Kick-off (recorded)', true],
      ['Wrap-up', true],
      ['Retro', false],
    ]);
    expect(body.sessions[0].id).toBe(sessions[0].id);
    expect(body.members.find((m: { id: string }) => m.id === me.me.person.id)).toMatchObject({ done: 2, total: 3 });
    // The removed session is gone, so ticking it is 404.
    expect((await tick(me, sessions[1].id)).statusCode).toBe(404);
  });
});
