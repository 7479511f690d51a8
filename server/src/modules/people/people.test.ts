import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let org: { id: string };
let other: { id: string };
let admin: { id: string; email: string };
let ann: { id: string; email: string };
let outsider: { id: string; email: string };
let deactivated: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  org = await t.buildOrg('Acme');
  other = await t.buildOrg('Globex');
  admin = await t.buildPerson(org.id, { name: 'Ada Admin', roles: ['admin'], department: 'People' });
  ann = await t.buildPerson(org.id, { name: 'Ann Anders', department: 'Sales', location: 'Berlin', managerId: admin.id, skills: [{ name: 'Negotiation', kind: 'have', level: 4 }] });
  for (let i = 0; i < 12; i++) {
    await t.buildPerson(org.id, { name: `Member ${String(i).padStart(2, '0')}`, department: i % 2 ? 'Engineering' : 'Sales', location: i % 3 ? 'Berlin' : 'Lisbon', skills: i % 4 === 0 ? [{ name: 'TypeScript', kind: 'have', level: 3 }] : [] });
  }
  deactivated = await t.buildPerson(org.id, { name: 'Zed Gone', status: 'deactivated' });
  outsider = await t.buildPerson(other.id, { name: 'Olga Outsider', department: 'Sales' });
});
afterAll(() => t.close());

describe('directory', () => {
  it('pages with a keyset cursor until the end, in name order, without duplicates', async () => {
    const c = await t.signIn(ann.email);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.get(`/api/people?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      seen.push(...body.items.map((p: { name: string }) => p.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(14); // 2 named + 12 members; the deactivated person and the other org are not listed
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain('Olga Outsider');
    expect(seen).not.toContain('Zed Gone');
  });

  it('filters by department, location and skill, and searches by text', async () => {
    const c = await t.signIn(ann.email);
    const sales = (await c.get('/api/people?department=Sales&limit=100')).json().items;
    expect(sales.length).toBe(7);
    expect(sales.every((p: { department: string }) => p.department === 'Sales')).toBe(true);
    const lisbon = (await c.get('/api/people?location=Lisbon')).json().items;
    expect(lisbon.every((p: { location: string }) => p.location === 'Lisbon')).toBe(true);
    const ts = (await c.get('/api/people?skill=typescript')).json().items;
    expect(ts.map((p: { name: string }) => p.name)).toEqual(['Member 00', 'Member 04', 'Member 08']);
    const q = (await c.get('/api/people?q=anders')).json().items;
    expect(q.map((p: { name: string }) => p.name)).toEqual(['Ann Anders']);
    const wild = (await c.get('/api/people?q=%25')).json().items;
    expect(wild).toEqual([]);
  });

  it('returns facets with counts for the filters', async () => {
    const c = await t.signIn(ann.email);
    const f = (await c.get('/api/people/facets')).json();
    expect(f.departments).toContainEqual({ value: 'Engineering', count: 6 });
    expect(f.skills).toContainEqual({ value: 'TypeScript', count: 3 });
  });

  it('rejects a bad limit, a forged cursor and unknown query fields clearly', async () => {
    const c = await t.signIn(ann.email);
    const big = await c.get('/api/people?limit=5000');
    expect(big.statusCode).toBe(400);
    expect(big.json().errors[0].field).toBe('limit');
    const cur = await c.get('/api/people?cursor=garbage');
    expect(cur.statusCode).toBe(400);
    expect(cur.json().errors[0].field).toBe('cursor');
  });

  it('requires sign-in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/people' })).statusCode).toBe(401);
  });
});

describe('profiles', () => {
  it('shows a colleague with manager, reports, skills and derived roles', async () => {
    const c = await t.signIn(ann.email);
    const me = (await c.get(`/api/people/${ann.id}`)).json();
    expect(me.manager.name).toBe('Ada Admin');
    expect(me.skills).toEqual([{ name: 'Negotiation', kind: 'have', level: 4 }]);
    expect(me.abilities).toEqual({ canEdit: true, canAdminister: false });
    const boss = (await c.get(`/api/people/${admin.id}`)).json();
    expect(boss.roles).toEqual(['member', 'manager', 'admin']);
    expect(boss.reports.map((r: { name: string }) => r.name)).toContain('Ann Anders');
    expect(boss.abilities.canEdit).toBe(false);
  });

  it('answers 404 for a person of another organization and for unknown ids', async () => {
    const c = await t.signIn(ann.email);
    expect((await c.get(`/api/people/${outsider.id}`)).statusCode).toBe(404);
    expect((await c.get('/api/people/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await c.get(`/api/people/${deactivated.id}`)).statusCode).toBe(404);
    expect((await c.get('/api/people/not-a-uuid')).statusCode).toBe(400);
    const cross = await c.patch(`/api/people/${outsider.id}`, { title: 'hacked' });
    expect(cross.statusCode).toBe(404);
  });

  it('lets people edit their own profile fields but not HR fields or others', async () => {
    const c = await t.signIn(ann.email);
    const res = await c.patch(`/api/people/${ann.id}`, {
      title: 'Account Lead',
      bio: 'Hi <script>alert(1)</script>',
      timeZone: 'Europe/Berlin',
      skills: [{ name: 'Coaching', kind: 'want', level: 3 }],
      interests: ['Chess'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().title).toBe('Account Lead');
    expect(res.json().bio).toBe('Hi <script>alert(1)</script>'); // stored as text; rendered as text by the web app
    expect(res.json().skills).toEqual([{ name: 'Coaching', kind: 'want', level: 3 }]);
    const hr = await c.patch(`/api/people/${ann.id}`, { department: 'Exec', roles: ['admin'] });
    expect(hr.statusCode).toBe(403);
    expect(hr.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['department', 'roles']);
    const mine = (await c.get(`/api/people/${ann.id}`)).json();
    expect(mine.department).toBe('Sales');
    expect((await c.patch(`/api/people/${admin.id}`, { title: 'x' })).statusCode).toBe(403);
    const tz = await c.patch(`/api/people/${ann.id}`, { timeZone: 'Mars/Olympus' });
    expect(tz.statusCode).toBe(400);
    const unknown = await c.patch(`/api/people/${ann.id}`, { shoeSize: 44 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toContain('shoeSize');
    const long = await c.patch(`/api/people/${ann.id}`, { bio: 'x'.repeat(5000) });
    expect(long.statusCode).toBe(400);
  });

  it('lets an admin change roles, department and manager, refusing a reporting-line loop and a taken email', async () => {
    const c = await t.signIn(admin.email);
    const res = await c.patch(`/api/people/${ann.id}`, { department: 'Marketing', roles: ['facilitator'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toContain('facilitator');
    const loop = await c.patch(`/api/people/${admin.id}`, { managerId: ann.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().errors[0].field).toBe('managerId');
    const taken = await c.patch(`/api/people/${ann.id}`, { email: outsider.email });
    expect(taken.statusCode).toBe(409);
    const foreignManager = await c.patch(`/api/people/${ann.id}`, { managerId: outsider.id });
    expect(foreignManager.statusCode).toBe(400);
  });
});

describe('directory cache', () => {
  // Few sign-ins: the sign-in rate limit per IP applies to this whole file.
  let reader: Awaited<ReturnType<TestApp['signIn']>>;
  let c: Awaited<ReturnType<TestApp['signIn']>>;
  beforeAll(async () => {
    reader = await t.signIn(ann.email);
    c = await t.signIn(admin.email);
  });
  const find = (page: { items: { id: string }[] }, id: string) => page.items.find((p) => p.id === id) as { title: string | null; department: string | null; topSkills: string[] } | undefined;

  it('serves a page as the same JSON shape with the JSON content type', async () => {
    const first = await reader.get('/api/people?limit=50');
    const again = await reader.get('/api/people?limit=50');
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(again.body).toBe(first.body);
    expect(Object.keys(again.json()).sort()).toEqual(['items', 'nextCursor']);
    expect(Object.keys(again.json().items[0]).sort()).toEqual(['avatarUrl', 'department', 'id', 'location', 'name', 'timeZone', 'title', 'topSkills']);
  });

  it('shows an admin edit at once, also to people who read the page before it', async () => {
    const target = await t.buildPerson(org.id, { name: 'Cache Target', title: 'Before' });
    await c.post('/api/people/import', { csv: 'name,email\nWarm Up,warm-up@acme.test', dryRun: false }); // drops pages built before the person above
    expect(find((await reader.get('/api/people?limit=50')).json(), target.id)?.title).toBe('Before');
    expect((await c.patch(`/api/people/${target.id}`, { title: 'After', skills: [{ name: 'Caching', kind: 'have', level: 5 }] })).statusCode).toBe(200);
    const after = find((await reader.get('/api/people?limit=50')).json(), target.id);
    expect(after?.title).toBe('After');
    expect(after?.topSkills).toEqual(['Caching']);
    // Deactivation hides the person from members at once; admins still see them.
    expect((await c.patch(`/api/people/${target.id}`, { status: 'deactivated' })).statusCode).toBe(200);
    expect(find((await reader.get('/api/people?limit=50')).json(), target.id)).toBeUndefined();
    expect(find((await c.get('/api/people?limit=50')).json(), target.id)).toBeDefined();
  });

  it('shows an HR import at once', async () => {
    expect((await reader.get('/api/people?limit=50&q=imported')).json().items).toEqual([]);
    const res = await c.post('/api/people/import', { csv: `name,email,department\nIvy Imported,ivy@acme.test,Research\n`, dryRun: false });
    expect(res.json().applied).toBe(true);
    const page = (await reader.get('/api/people?limit=50&q=imported')).json();
    expect(page.items.map((p: { name: string; department: string }) => [p.name, p.department])).toEqual([['Ivy Imported', 'Research']]);
  });
});
