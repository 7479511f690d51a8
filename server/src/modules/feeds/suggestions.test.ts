import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
let mia: Client;
const id: Record<string, string> = {};
const py = (level = 4) => ({ name: 'Python', kind: 'have' as const, level });

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.buildOrg('Acme');
  const other = await t.buildOrg('Globex');
  const max = await t.buildPerson(org.id, { name: 'Max Manager', department: 'Data', skills: [py()] });
  const me = await t.buildPerson(org.id, {
    name: 'Mia Me',
    department: 'Data',
    team: 'Analytics',
    managerId: max.id,
    interests: ['Travel', 'Chess'],
    skills: [
      { name: 'Python', kind: 'want', level: 3 },
      { name: 'Public speaking', kind: 'want', level: 2 },
    ],
  });
  id.mia = me.id;
  const build = async (key: string, over: Parameters<TestApp['buildPerson']>[1]) => (id[key] = (await t.buildPerson(org.id, over)).id);
  await build('rae', { name: 'Rae Report', department: 'Data', managerId: me.id, skills: [py()] });
  await build('tia', { name: 'Tia Teammate', department: 'Data', team: 'Analytics', skills: [py()] });
  await build('carl', { name: 'Carl Sales', department: 'Sales', interests: ['Chess', 'Golf'], skills: [py(5), { name: 'Public speaking', kind: 'have', level: 4 }] });
  await build('dana', { name: 'Dana Data', department: 'Data', team: 'Platform', skills: [py(3)] });
  await build('eli', { name: 'Eli Design', department: 'Design', interests: ['travel'] });
  await build('finn', { name: 'Finn Nothing', department: 'HR', interests: ['Knitting'] });
  await build('gus', { name: 'Gus Gone', department: 'Sales', status: 'deactivated', skills: [py(5)] });
  await build('wes', { name: 'Wes Wants', department: 'Legal', skills: [{ name: 'Python', kind: 'want', level: 1 }] });
  await t.buildPerson(other.id, { name: 'Olga Other', department: 'Sales', interests: ['Chess'], skills: [py(5)] });
  mia = await t.signIn(me.email);
});
afterAll(() => t.close());

describe('follow suggestions', () => {
  it('suggests colleagues outside the own team and reporting line who can teach what one wants to learn or share an interest, best first', async () => {
    const res = await mia.get('/api/follows/suggestions');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      { person: { id: id.carl, name: 'Carl Sales', title: null, department: 'Sales' }, canHelpWith: ['Python', 'Public speaking'], sharedInterests: ['Chess'], otherDepartment: true },
      { person: { id: id.dana, name: 'Dana Data', title: null, department: 'Data' }, canHelpWith: ['Python'], sharedInterests: [], otherDepartment: false },
      { person: { id: id.eli, name: 'Eli Design', title: null, department: 'Design' }, canHelpWith: [], sharedInterests: ['travel'], otherDepartment: true },
    ]);
    expect((await mia.get('/api/follows/suggestions?limit=1')).json().items.map((s: { person: { id: string } }) => s.person.id)).toEqual([id.carl]);
  });

  it('drops a colleague once followed, and brings them back after unfollowing', async () => {
    expect((await mia.send({ method: 'PUT', url: '/api/follows', payload: { kind: 'person', target: id.carl } })).statusCode).toBe(200);
    const names = async () => (await mia.get('/api/follows/suggestions')).json().items.map((s: { person: { name: string } }) => s.person.name);
    expect(await names()).toEqual(['Dana Data', 'Eli Design']);
    expect((await mia.send({ method: 'DELETE', url: `/api/follows/person/${id.carl}` })).statusCode).toBe(200);
    expect(await names()).toEqual(['Carl Sales', 'Dana Data', 'Eli Design']);
  });

  it('answers 400 naming the field for a bad limit or an unknown parameter, and 401 without a session', async () => {
    for (const q of ['limit=0', 'limit=21', 'limit=two', 'everyone=1']) {
      const res = await mia.get(`/api/follows/suggestions?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/follows/suggestions' })).statusCode).toBe(401);
  });

  it('treats a viewer without a team as having no teammates: same-department colleagues with a team are suggested', async () => {
    // Max (Mia's manager, Data, no team) wants Python: Dana and Tia (Data, with teams) can help; Rae reports to Mia, not him.
    const max = (await t.db.execute(sql`select id, email from people where name = 'Max Manager'`)).rows[0] as { id: string; email: string };
    await t.db.execute(sql`insert into person_skills (org_id, person_id, kind, name, key, level) select org_id, id, 'want', 'Python', 'python', 2 from people where id = ${max.id}`);
    const names = (await (await t.signIn(max.email)).get('/api/follows/suggestions?limit=20')).json().items.map((s: { person: { name: string } }) => s.person.name);
    expect(names).toEqual(expect.arrayContaining(['Dana Data', 'Tia Teammate', 'Carl Sales']));
    expect(names).not.toContain('Mia Me');
    expect(names).not.toContain('Gus Gone');
  });

  it('suggests nobody to someone who wants to learn nothing and has no interests', async () => {
    await t.db.execute(sql`update people set interests = '{}' where id = ${id.mia}`);
    await t.db.execute(sql`delete from person_skills where person_id = ${id.mia}`);
    expect((await mia.get('/api/follows/suggestions')).json().items).toEqual([]);
  });
});
