import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { selectRows } from '../../kernel/db/rows.ts';

let t: TestApp;
let orgId: string;
let admin: { id: string; email: string };
let member: { id: string; email: string };

beforeAll(async () => {
  t = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '100000', SIGNIN_PER_IP_PER_MINUTE: '100000' });
  orgId = (await t.buildOrg('Acme')).id;
  admin = await t.buildPerson(orgId, { email: 'boss@acme.test', name: 'Bo Boss', roles: ['admin'] });
  member = await t.buildPerson(orgId, { email: 'mo@acme.test', name: 'Mo Member' });
});
afterAll(() => t.close());

type Entry = { id: number; at: string; action: string; actor: { id: string; label: string | null } | null; target: { type: string; id: string; label: string | null } | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null; data: Record<string, unknown> | null };

/** Every page of the list for a query string, following nextCursor. */
async function allPages(c: Awaited<ReturnType<TestApp['signIn']>>, query: string, limit: number): Promise<Entry[]> {
  const items: Entry[] = [];
  let cursor: string | null = null;
  do {
    const res = await c.get(`/api/audit?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    items.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return items;
}

describe('the audit log is append-only', () => {
  it('refuses UPDATE and DELETE of entries on this database, but goes with a deleted organization', async () => {
    const doomed = await t.buildOrg('Doomed');
    await t.db.insert(auditLog).values([
      { orgId, actorId: admin.id, action: 'test.kept' },
      { orgId: doomed.id, actorId: null, action: 'test.doomed' },
      { orgId: null, actorId: null, action: 'test.no_org' },
    ]);
    await expect(t.db.execute(sql`update audit_log set action = 'rewritten' where action = 'test.kept'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log where action = 'test.kept'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log where org_id is null`)).rejects.toThrow();
    await expect(t.db.execute(sql`update audit_log set org_id = null where action = 'test.doomed'`)).rejects.toThrow();
    await t.db.execute(sql`delete from organizations where id = ${doomed.id}`);
    const left = (await t.db.execute(sql`select action from audit_log where action like 'test.%' order by action`)) as unknown as { rows: { action: string }[] };
    expect(left.rows.map((r) => r.action)).toEqual(['test.kept', 'test.no_org']);
  });
});

describe('admin acts are audited with before and after', () => {
  it('records role, status and field changes, invitations, imports and community ownership, with the request address', async () => {
    const c = await t.signIn(admin.email);
    const p = await t.buildPerson(orgId, { name: 'Pat Target', department: 'Sales' });
    expect((await c.patch(`/api/people/${p.id}`, { roles: ['moderator'], status: 'deactivated', department: 'Ops' })).statusCode).toBe(200);
    const invited = (await c.post('/api/people', { name: 'Ina Vited', email: 'ina@acme.test' })).json();
    const csv = `name,email,department\nKim Kade,kim@acme.test,Sales\nMo Member,${member.email},Support\n`;
    expect((await c.post('/api/people/import', { csv, dryRun: false })).json().applied).toBe(true);
    // A person editing their own profile is no admin act.
    await (await t.signIn(member.email)).patch(`/api/people/${member.id}`, { title: 'Agent' });

    const onPat = (await c.get(`/api/audit?targetId=${p.id}`)).json().items as Entry[];
    expect(onPat.map((e) => e.action).sort()).toEqual(['people.person_updated', 'people.roles_changed', 'people.status_changed']);
    const by = (a: string) => onPat.find((e) => e.action === a) as Entry;
    expect(by('people.roles_changed')).toMatchObject({ actor: { id: admin.id, label: 'Bo Boss' }, target: { type: 'person', id: p.id, label: 'Pat Target' }, before: { roles: [] }, after: { roles: ['moderator'] } });
    expect(by('people.status_changed')).toMatchObject({ before: { status: 'active' }, after: { status: 'deactivated' } });
    expect(by('people.person_updated')).toMatchObject({ before: { department: 'Sales' }, after: { department: 'Ops' } });
    const raw = (await t.db.execute(sql`select ip, request_id as "requestId" from audit_log where target = ${`person:${p.id}`}`)) as unknown as { rows: { ip: string; requestId: string }[] };
    expect(raw.rows.every((r) => r.ip && r.requestId)).toBe(true);

    expect((await c.get(`/api/audit?targetId=${invited.personId}`)).json().items[0]).toMatchObject({ action: 'people.invited', before: null, after: { name: 'Ina Vited', email: 'ina@acme.test' } });
    const imported = (await c.get('/api/audit?action=people.imported')).json().items[0] as Entry;
    expect(imported).toMatchObject({ target: { type: 'org', id: orgId, label: 'Acme' }, data: { rows: 2, created: 1, updated: 1 } });
    const memberEntries = (await c.get(`/api/audit?targetId=${member.id}`)).json().items as Entry[];
    expect(memberEntries).toHaveLength(1);
    expect(memberEntries[0]).toMatchObject({ action: 'people.person_updated', before: { department: null }, after: { department: 'Support' }, data: { via: 'import' } });

    // Community ownership: an org admin makes a member owner, then removes that owner.
    const owner = await t.buildPerson(orgId);
    const com = (await (await t.signIn(owner.email)).post('/api/communities', { name: 'Data Guild', description: 'Data people', visibility: 'open' })).json();
    const joiner = await t.buildPerson(orgId);
    const j = await t.signIn(joiner.email);
    expect((await j.post(`/api/communities/${com.id}/join`, { acceptRulesVersion: com.rulesVersion })).statusCode).toBeLessThan(300);
    expect((await c.patch(`/api/communities/${com.id}/members/${joiner.id}`, { role: 'owner' })).statusCode).toBe(200);
    expect((await c.send({ method: 'DELETE', url: `/api/communities/${com.id}/members/${joiner.id}` })).statusCode).toBeLessThan(300);
    const owners = (await c.get('/api/audit?action=communities.owner_changed')).json().items as Entry[];
    expect(owners.map((e) => [e.before?.role, e.after?.role])).toEqual([['owner', null], ['member', 'owner']]);
    expect(owners[0]).toMatchObject({ actor: { id: admin.id }, target: { type: 'community', id: com.id, label: 'Data Guild' }, before: { personId: joiner.id } });

    // Community governance: who may create communities, and a community's visibility and rules.
    const before = (await c.get('/api/settings/communities')).json();
    expect((await c.send({ method: 'PUT', url: '/api/settings/communities', payload: { ...before, whoCanCreate: 'admins' } })).statusCode).toBe(200);
    expect((await c.get('/api/audit?action=communities.settings_changed')).json().items[0]).toMatchObject({ actor: { id: admin.id }, after: { whoCanCreate: 'admins' } });
    expect((await c.patch(`/api/communities/${com.id}`, { visibility: 'private', rules: 'Be kind.' })).statusCode).toBe(200);
    const updated = (await c.get(`/api/audit?action=communities.updated`)).json().items[0] as Entry;
    expect(updated).toMatchObject({ actor: { id: admin.id }, target: { type: 'community', id: com.id }, before: { visibility: 'open' }, after: { visibility: 'private', rules: 'Be kind.' } });
  });
});

describe('reading the audit log', () => {
  it('is for org admins of the organization only; other organizations see none of it', async () => {
    expect((await (await t.signIn(member.email)).get('/api/audit')).statusCode).toBe(403);
    expect((await (await t.signIn(member.email)).get('/api/audit/export.csv')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
    const other = await t.buildOrg('Globex');
    const foreign = await t.signIn((await t.buildPerson(other.id, { roles: ['admin'] })).email);
    const theirs = await allPages(foreign, '', 100);
    expect(theirs.every((e) => e.actor?.id !== admin.id)).toBe(true);
    expect((await foreign.get(`/api/audit?targetId=${member.id}`)).json().items).toEqual([]);
    expect((await foreign.get(`/api/audit?actorId=${admin.id}`)).json().items).toEqual([]);
    const csv = (await foreign.get('/api/audit/export.csv')).body;
    expect(csv).not.toContain(admin.id);
  });

  it('pages through exactly the matching entries, newest first, for any filters and page size', async () => {
    // A log of known entries spread over ten days (written directly: the trigger only refuses changes).
    const o = await t.buildOrg('Paging');
    const people = await Promise.all([0, 1, 2].map(() => t.buildPerson(o.id, { roles: ['admin'] })));
    const actions = ['people.roles_changed', 'people.status_changed', 'people.invited'];
    const day = (d: number) => new Date(Date.UTC(2030, 0, 1 + d));
    const rows = Array.from({ length: 60 }, (_, i) => ({
      orgId: o.id,
      actorId: people[i % 3].id,
      action: actions[(i * 7) % 3],
      target: `person:${people[(i * 5) % 3].id}`,
      after: { i },
      createdAt: day(i % 10),
    }));
    await t.db.insert(auditLog).values(rows);
    const c = await t.signIn(people[0].email);
    const everything = (await allPages(c, '', 100)).filter((e) => e.after && typeof e.after.i === 'number');
    expect(everything).toHaveLength(60);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ action: fc.option(fc.constantFrom(...actions), { nil: undefined }), actor: fc.option(fc.nat(2), { nil: undefined }), target: fc.option(fc.nat(2), { nil: undefined }), from: fc.option(fc.nat(9), { nil: undefined }), span: fc.integer({ min: 1, max: 10 }) }),
        fc.integer({ min: 1, max: 25 }),
        async (f, limit) => {
          const q = new URLSearchParams();
          if (f.action) q.set('action', f.action);
          if (f.actor !== undefined) q.set('actorId', people[f.actor].id);
          if (f.target !== undefined) q.set('targetId', people[f.target].id);
          if (f.from !== undefined) {
            q.set('from', day(f.from).toISOString());
            q.set('to', day(f.from + f.span).toISOString());
          }
          const got = await allPages(c, q.toString(), limit);
          // The oracle is the organization's log as stored once the pages are read: entries the app writes on its own
          // meanwhile (a sign-in's, delivered after commit) are in it as much as the 60 written here.
          const stored = await selectRows<{ id: number; action: string; actorId: string | null; target: string | null; createdAt: Date }>(
            t.db,
            sql`select id, action, actor_id as "actorId", target, created_at as "createdAt" from audit_log where org_id = ${o.id} order by id desc`,
          );
          const want = stored.filter(
            (r) =>
              (!f.action || r.action === f.action) &&
              (f.actor === undefined || r.actorId === people[f.actor].id) &&
              (f.target === undefined || r.target === `person:${people[f.target].id}`) &&
              (f.from === undefined || (new Date(r.createdAt) >= day(f.from) && new Date(r.createdAt) < day(f.from + f.span))),
          );
          // Every planted entry the filters match is there.
          const planted = rows.filter(
            (r) =>
              (!f.action || r.action === f.action) &&
              (f.actor === undefined || r.actorId === people[f.actor].id) &&
              (f.target === undefined || r.target === `person:${people[f.target].id}`) &&
              (f.from === undefined || (r.createdAt >= day(f.from) && r.createdAt < day(f.from + f.span))),
          ).length;
          expect(got.filter((e) => e.after && typeof e.after.i === 'number')).toHaveLength(planted);
          expect(got.map((e) => e.id)).toEqual(want.map((e) => e.id));
          expect(new Set(got.map((e) => e.id)).size).toBe(got.length);
          for (let k = 1; k < got.length; k++) expect(got[k].id).toBeLessThan(got[k - 1].id);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('exports the filtered entries as CSV with spreadsheet formulas neutralized', async () => {
    const c = await t.signIn(admin.email);
    const evil = await t.buildPerson(orgId, { name: '=HYPERLINK("http://evil.example","x")' });
    await c.patch(`/api/people/${evil.id}`, { roles: ['facilitator'] });
    const res = await c.get(`/api/audit/export.csv?targetId=${evil.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('audit-log.csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,time,action,actor_id,actor,target,target_name,before,after,details,ip');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('people.roles_changed');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(lines[1]).toContain('"{""roles"":[""facilitator""]}"');
  });

  it('answers bad filters with 400 naming the field', async () => {
    const c = await t.signIn(admin.email);
    for (const [query, field] of [
      ['actorId=not-a-uuid', 'actorId'],
      ['from=yesterday', 'from'],
      ['from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z', 'to'],
      ['cursor=%%%', 'cursor'],
      ['limit=1000', 'limit'],
      ['who=me', ''],
    ]) {
      const res = await c.get(`/api/audit?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      if (field) expect(JSON.stringify(res.json().errors ?? []), query).toContain(field);
    }
  });
});
