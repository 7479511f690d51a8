import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const p: Record<string, { id: string; email: string }> = {};
const c: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp({ POSTS_PER_MINUTE: '1000' });
  const org = await t.buildOrg('Acme');
  const other = await t.buildOrg('Globex');
  p.owner = await t.buildPerson(org.id, { name: 'Olivia Owner', department: 'Engineering' });
  p.member = await t.buildPerson(org.id, { name: 'Mia Member', department: 'Engineering', interests: ['Data'], skills: [{ name: 'Python', kind: 'want', level: 3 }] });
  p.stranger = await t.buildPerson(org.id, { name: 'Sam Stranger', department: 'Sales', skills: [{ name: 'Python', kind: 'want', level: 2 }] });
  p.admin = await t.buildPerson(org.id, { name: 'Ada Admin', roles: ['admin'] });
  p.outsider = await t.buildPerson(other.id, { name: 'Olga Outsider' });
  for (const k of Object.keys(p)) c[k] = await t.signIn(p[k].email);
});
afterAll(() => t.close());

async function create(by: Client, body: Record<string, unknown>) {
  const res = await by.post('/api/communities', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('creating communities', () => {
  it('makes the creator its owner, gives it a unique slug and default rules', async () => {
    const a = await create(c.owner, { name: 'Data Science', topics: ['Python', 'ML'] });
    const b = await create(c.member, { name: 'Data Science!' });
    expect(a.slug).toBe('data-science');
    expect(b.slug).toBe('data-science-2');
    expect(a.membership).toEqual({ status: 'active', role: 'owner', mustAcceptRules: false });
    expect(a.topics).toEqual(['python', 'ml']);
    expect(a.memberCount).toBe(1);
    expect(a.rules).toMatch(/Be kind/);
    expect(a.rulesHtml).toContain('<strong>');
    expect(a.abilities).toMatchObject({ canPost: true, canModerate: true, canLeave: false });
    const bySlug = await c.stranger.get('/api/communities/data-science');
    expect(bySlug.json().id).toBe(a.id);
  });

  it('follows the organization setting: admins only means 403 for others', async () => {
    expect((await c.member.send({ method: 'PUT', url: '/api/settings/communities', payload: { whoCanCreate: 'admins' } })).statusCode).toBe(403);
    expect((await c.admin.send({ method: 'PUT', url: '/api/settings/communities', payload: { whoCanCreate: 'admins' } })).json()).toEqual({ whoCanCreate: 'admins' });
    const res = await c.member.post('/api/communities', { name: 'Nope' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    await create(c.admin, { name: 'Admin made' });
    await c.admin.send({ method: 'PUT', url: '/api/settings/communities', payload: { whoCanCreate: 'anyone' } });
  });

  it('refuses bad input with the field named, and cohort spaces from this route', async () => {
    for (const body of [{ name: '' }, { name: 'x'.repeat(81) }, { name: 'Ok', visibility: 'hidden' }, { name: 'Ok', kind: 'cohort' }, { name: 'Ok', extra: 1 }]) {
      const res = await c.member.post('/api/communities', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('authorization matrix', () => {
  const ids: Record<string, string> = {};
  const threads: Record<string, string> = {};
  beforeAll(async () => {
    for (const v of ['open', 'request', 'private', 'secret']) {
      const com = await create(c.owner, { name: `Matrix ${v}`, visibility: v });
      ids[v] = com.id;
      const th = await c.owner.post(`/api/communities/${com.id}/threads`, { title: `Hello ${v}`, body: 'first post' });
      expect(th.statusCode, th.body).toBe(201);
      threads[v] = th.json().id;
    }
  });

  const cases: [string, string, { see: number; threads: number; thread: number; reply: number }][] = [
    ['stranger', 'open', { see: 200, threads: 200, thread: 200, reply: 403 }],
    ['stranger', 'request', { see: 200, threads: 403, thread: 404, reply: 404 }],
    ['stranger', 'private', { see: 200, threads: 403, thread: 404, reply: 404 }],
    ['stranger', 'secret', { see: 404, threads: 404, thread: 404, reply: 404 }],
    ['outsider', 'open', { see: 404, threads: 404, thread: 404, reply: 404 }],
    ['outsider', 'secret', { see: 404, threads: 404, thread: 404, reply: 404 }],
    ['admin', 'private', { see: 200, threads: 403, thread: 404, reply: 404 }],
    ['admin', 'secret', { see: 200, threads: 403, thread: 404, reply: 404 }],
    ['owner', 'secret', { see: 200, threads: 200, thread: 200, reply: 201 }],
  ];
  for (const [who, visibility, want] of cases) {
    it(`${who} × ${visibility}: community ${want.see}, threads ${want.threads}, thread ${want.thread}, reply ${want.reply}`, async () => {
      expect((await c[who].get(`/api/communities/${ids[visibility]}`)).statusCode).toBe(want.see);
      expect((await c[who].get(`/api/communities/${ids[visibility]}/threads`)).statusCode).toBe(want.threads);
      expect((await c[who].get(`/api/threads/${threads[visibility]}`)).statusCode).toBe(want.thread);
      expect((await c[who].post(`/api/threads/${threads[visibility]}/posts`, { body: 'hi' })).statusCode).toBe(want.reply);
    });
  }

  it('lists secret communities only to their members (and admins), never to another organization', async () => {
    const names = async (cl: Client) => (await cl.get('/api/communities?limit=100')).json().items.map((x: { name: string }) => x.name);
    expect(await names(c.stranger)).not.toContain('Matrix secret');
    expect(await names(c.stranger)).toContain('Matrix private');
    expect(await names(c.owner)).toContain('Matrix secret');
    expect(await names(c.admin)).toContain('Matrix secret');
    expect(await names(c.outsider)).toEqual([]);
  });

  it('does not let a non-member follow a private thread live', async () => {
    expect(await t.deps.hub.canSubscribe({ ...c.stranger.me.person, personId: p.stranger.id, orgId: c.stranger.me.organization.id, roles: [], isAdmin: false, csrfToken: '', sessionHash: '' }, `thread:${threads.private}`)).toBe(false);
    expect(await t.deps.hub.canSubscribe({ personId: p.owner.id, orgId: c.owner.me.organization.id, roles: [], isAdmin: false, csrfToken: '', sessionHash: '' }, `thread:${threads.private}`)).toBe(true);
    expect(await t.deps.hub.canSubscribe({ personId: p.owner.id, orgId: c.owner.me.organization.id, roles: [], isAdmin: false, csrfToken: '', sessionHash: '' }, `unknown:${threads.private}`)).toBe(false);
  });
});

describe('joining, rules and membership', () => {
  it('joins an open community only with the current rules version, and asks again when the rules change', async () => {
    const com = await create(c.owner, { name: 'Rules matter' });
    const stale = await c.member.post(`/api/communities/${com.id}/join`, { acceptRulesVersion: 0 });
    expect(stale.statusCode).toBe(400);
    const wrong = await c.member.post(`/api/communities/${com.id}/join`, { acceptRulesVersion: 2 });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().code).toBe('RULES_OUTDATED');
    const ok = await c.member.post(`/api/communities/${com.id}/join`, { acceptRulesVersion: 1 });
    expect(ok.json().membership).toEqual({ status: 'active', role: 'member', mustAcceptRules: false });
    expect((await c.member.get(`/api/communities/${com.id}`)).json().memberCount).toBe(2);

    const changed = await c.owner.patch(`/api/communities/${com.id}`, { rules: 'Be excellent to each other.' });
    expect(changed.json().rulesVersion).toBe(2);
    expect(changed.json().membership.mustAcceptRules).toBe(false);
    const mine = (await c.member.get(`/api/communities/${com.id}`)).json();
    expect(mine.membership.mustAcceptRules).toBe(true);
    expect(mine.abilities.canPost).toBe(false);
    const blocked = await c.member.post(`/api/communities/${com.id}/threads`, { title: 'Q', body: 'B' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('RULES_NOT_ACCEPTED');
    expect((await c.member.post(`/api/communities/${com.id}/accept-rules`, { acceptRulesVersion: 2 })).json().membership.mustAcceptRules).toBe(false);
    expect((await c.member.post(`/api/communities/${com.id}/threads`, { title: 'Q', body: 'B' })).statusCode).toBe(201);
  });

  it('turns a join into a request that a moderator approves in a request-to-join community', async () => {
    const com = await create(c.owner, { name: 'Ask first', visibility: 'request' });
    const r = await c.stranger.post(`/api/communities/${com.id}/join`, { acceptRulesVersion: 1 });
    expect(r.json().membership.status).toBe('requested');
    expect((await c.stranger.get(`/api/communities/${com.id}/threads`)).statusCode).toBe(403);
    expect((await c.stranger.get(`/api/communities/${com.id}/members?status=requested`)).statusCode).toBe(403);
    const pending = (await c.owner.get(`/api/communities/${com.id}/members?status=requested`)).json().items;
    expect(pending.map((m: { id: string }) => m.id)).toEqual([p.stranger.id]);
    const approved = await c.owner.patch(`/api/communities/${com.id}/members/${p.stranger.id}`, { status: 'active' });
    expect(approved.json()).toMatchObject({ id: p.stranger.id, status: 'active', role: 'member' });
    expect((await c.stranger.get(`/api/communities/${com.id}/threads`)).statusCode).toBe(200);
    expect((await c.stranger.get(`/api/communities/${com.id}`)).json().memberCount).toBe(2);
  });

  it('lets invited people into private and secret communities, and refuses uninvited joins', async () => {
    const com = await create(c.owner, { name: 'Inner circle', visibility: 'secret' });
    expect((await c.member.post(`/api/communities/${com.id}/join`, { acceptRulesVersion: 1 })).statusCode).toBe(404);
    expect((await c.member.post(`/api/communities/${com.id}/members`, { personIds: [p.stranger.id] })).statusCode).toBe(404);
    expect((await c.owner.post(`/api/communities/${com.id}/members`, { personIds: [p.outsider.id] })).statusCode).toBe(400);
    expect((await c.owner.post(`/api/communities/${com.id}/members`, { personIds: [p.member.id] })).json()).toEqual({ invited: 1 });
    const seen = (await c.member.get(`/api/communities/${com.id}`)).json();
    expect(seen.membership.status).toBe('invited');
    expect(seen.abilities.canJoin).toBe(true);
    const top = (await c.member.get('/api/communities/recommended')).json().items[0];
    expect(top.id).toBe(com.id);
    expect(top.reasons[0]).toBe('You are invited');
    const joined = await c.member.post(`/api/communities/${com.id}/join`, { acceptRulesVersion: 1 });
    expect(joined.json().membership.status).toBe('active');
    const priv = await create(c.owner, { name: 'Private club', visibility: 'private' });
    const refused = await c.stranger.post(`/api/communities/${priv.id}/join`, { acceptRulesVersion: 1 });
    expect(refused.statusCode).toBe(403);
  });

  it('keeps at least one owner, and lets members leave', async () => {
    const com = await create(c.owner, { name: 'Owned' });
    const leave = await c.owner.post(`/api/communities/${com.id}/leave`);
    expect(leave.statusCode).toBe(409);
    expect(leave.json().code).toBe('LAST_OWNER');
    await c.member.post(`/api/communities/${com.id}/join`, { acceptRulesVersion: 1 });
    expect((await c.member.patch(`/api/communities/${com.id}/members/${p.member.id}`, { role: 'owner' })).statusCode).toBe(403);
    expect((await c.owner.patch(`/api/communities/${com.id}/members/${p.member.id}`, { role: 'owner' })).json().role).toBe('owner');
    expect((await c.owner.post(`/api/communities/${com.id}/leave`)).json().membership).toBeNull();
    const after = (await c.member.get(`/api/communities/${com.id}`)).json();
    expect(after.memberCount).toBe(1);
    expect(after.abilities.canLeave).toBe(false);
  });

  it('records expert endorsements by members, not by oneself', async () => {
    const com = await create(c.owner, { name: 'Experts corner' });
    await c.member.post(`/api/communities/${com.id}/join`, { acceptRulesVersion: 1 });
    expect((await c.owner.send({ method: 'PUT', url: `/api/communities/${com.id}/experts/${p.owner.id}`, payload: { endorse: true } })).statusCode).toBe(409);
    expect((await c.stranger.send({ method: 'PUT', url: `/api/communities/${com.id}/experts/${p.owner.id}`, payload: { endorse: true } })).statusCode).toBe(403);
    const e = await c.member.send({ method: 'PUT', url: `/api/communities/${com.id}/experts/${p.owner.id}`, payload: { endorse: true } });
    expect(e.json()).toMatchObject({ endorsements: 1, endorsedByMe: true });
    const again = await c.member.send({ method: 'PUT', url: `/api/communities/${com.id}/experts/${p.owner.id}`, payload: { endorse: true } });
    expect(again.json().endorsements).toBe(1);
    expect((await c.stranger.get(`/api/communities/${com.id}`)).json().experts).toEqual([{ id: p.owner.id, name: 'Olivia Owner', title: null, endorsements: 1 }]);
  });
});

describe('directory and recommendations', () => {
  it('recommends communities by wanted skills and colleagues from the department, with reasons', async () => {
    const py = await create(c.owner, { name: 'Pythonistas', topics: ['python'] });
    const recs = (await c.stranger.get('/api/communities/recommended')).json().items;
    const hit = recs.find((r: { id: string }) => r.id === py.id);
    expect(hit.reasons).toContain('Helps you learn python');
    expect(recs.every((r: { membership: { status: string } | null }) => r.membership?.status !== 'active')).toBe(true);
  });

  it('searches by name and topic and pages by name with a cursor', async () => {
    const found = (await c.stranger.get('/api/communities?q=pythonistas')).json().items;
    expect(found.map((x: { name: string }) => x.name)).toEqual(['Pythonistas']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.stranger.get(`/api/communities?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.json().items.map((x: { name: string }) => x.name));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(seen).size).toBe(seen.length);
    expect((await c.stranger.get('/api/communities?cursor=nonsense')).statusCode).toBe(400);
  });
});
