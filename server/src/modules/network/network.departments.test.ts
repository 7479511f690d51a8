import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NETWORK_SMALL_TEAMS } from '../../../../contracts/index.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

// The department view of the interaction graph, from ties written straight into the ledger: exact figures, small
// departments only ever counted together, and nobody but the organization's admins sees any of it.

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const c: Record<string, Client> = {};
const id: Record<string, string> = {};
let acme: string;
let globex: string;

const ACME: Record<string, string | null> = {
  s1: 'Sales', s2: 'Sales', s3: 'Sales', s4: 'Sales', s5: 'Sales',
  e1: 'Engineering', e2: 'Engineering', e3: 'Engineering', e4: 'Engineering', e5: 'Engineering', e6: 'Engineering',
  d1: 'Design', d2: 'Design',
  l1: 'Legal', l2: 'Legal', l3: 'Legal',
  n1: null,
};

async function tie(orgId: string, x: string, y: string, day: string, kind = 'reply') {
  const [a, b] = [id[x], id[y]].sort();
  await t.db.execute(sql`insert into network_ties (org_id, a, b, kind, day, weight) values (${orgId}, ${a}, ${b}, ${kind}, ${day}::date, 1)`);
}

beforeAll(async () => {
  t = await createTestApp();
  acme = (await t.buildOrg('Acme')).id;
  for (const [name, department] of Object.entries(ACME)) id[name] = (await t.buildPerson(acme, { name, department, roles: name === 's1' ? ['admin'] : [] })).id;
  id.x1 = (await t.buildPerson(acme, { name: 'x1', department: 'Sales', status: 'deactivated' })).id;
  c.admin = await t.signIn((await t.db.execute(sql`select email from people where id = ${id.s1}`)).rows[0].email as string);
  c.member = await t.signIn((await t.db.execute(sql`select email from people where id = ${id.s2}`)).rows[0].email as string);

  globex = (await t.buildOrg('Globex')).id;
  const gAdmin = await t.buildPerson(globex, { name: 'g1', department: 'Ops', roles: ['admin'] });
  id.g1 = gAdmin.id;
  for (const name of ['g2', 'g3', 'g4', 'g5']) id[name] = (await t.buildPerson(globex, { name, department: 'Ops' })).id;
  for (const name of ['h1', 'h2']) id[name] = (await t.buildPerson(globex, { name, department: 'HR' })).id;
  c.otherAdmin = await t.signIn(gAdmin.email);

  // January: two pairs inside Sales (one of them twice), Sales–Engineering, Design–Legal (two small teams).
  await tie(acme, 's1', 's2', '2025-01-05');
  await tie(acme, 's1', 's2', '2025-01-20', 'message');
  await tie(acme, 's3', 's4', '2025-01-07');
  await tie(acme, 's1', 'e1', '2025-01-10');
  await tie(acme, 'd1', 'l1', '2025-01-15');
  // February: s1–s2 again, inside Engineering, Engineering–Design, no department–Sales, and someone who has left.
  await tie(acme, 's1', 's2', '2025-02-03');
  await tie(acme, 'e1', 'e2', '2025-02-10');
  await tie(acme, 'e2', 'd1', '2025-02-11');
  await tie(acme, 'n1', 's3', '2025-02-12');
  await tie(acme, 'x1', 's1', '2025-02-13');
  // Outside the range: the day before and the day after.
  await tie(acme, 's4', 'e4', '2024-12-31');
  await tie(acme, 's5', 'e5', '2025-04-01');
  // June: five engineers and s5 all meet each other (one community of 6).
  const june = ['e1', 'e2', 'e3', 'e4', 'e5', 's5'];
  for (let i = 0; i < june.length; i++) for (let j = i + 1; j < june.length; j++) await tie(acme, june[i], june[j], '2025-06-10', 'cohort');
  // Globex: the two HR people talk to Ops (HR is too small to show, and alone among small teams).
  await tie(globex, 'h1', 'g1', '2025-01-08');
  await tie(globex, 'g2', 'g3', '2025-01-09');
});
afterAll(() => t.close());

describe('the organization network by department', () => {
  it('counts distinct tied pairs between departments, the E-I index month by month, and groups departments under 5 people', async () => {
    const res = await c.admin.get('/api/network/departments?from=2025-01-01&to=2025-03-31');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.departments).toEqual([
      { name: 'Engineering', people: 6 },
      { name: 'Sales', people: 5 },
      { name: NETWORK_SMALL_TEAMS, people: 6 },
    ]);
    expect(r.withheld).toBe(0);
    const cell = (a: string, b: string) => r.matrix.find((m: { a: string; b: string }) => m.a === a && m.b === b);
    expect(r.matrix).toHaveLength(6);
    expect(cell('Engineering', 'Engineering')).toEqual({ a: 'Engineering', b: 'Engineering', ties: 1, possible: 15, share: 1 / 15 });
    expect(cell('Engineering', 'Sales')).toEqual({ a: 'Engineering', b: 'Sales', ties: 1, possible: 30, share: 1 / 30 });
    expect(cell('Engineering', NETWORK_SMALL_TEAMS)).toMatchObject({ ties: 1, possible: 36 });
    // s1–s2 met three times over two months: one pair. The departed x1's tie is not counted.
    expect(cell('Sales', 'Sales')).toEqual({ a: 'Sales', b: 'Sales', ties: 2, possible: 10, share: 0.2 });
    expect(cell('Sales', NETWORK_SMALL_TEAMS)).toMatchObject({ ties: 1, possible: 30 });
    expect(cell(NETWORK_SMALL_TEAMS, NETWORK_SMALL_TEAMS)).toMatchObject({ ties: 1, possible: 15 });

    expect(r.eiByMonth.months).toEqual(['2025-01', '2025-02', '2025-03']);
    // January: 2 inside Sales, s1–e1 and d1–l1 across. February: inside Sales and Engineering, e2–d1 across; n1 has no department.
    expect(r.eiByMonth.overall).toEqual([0, -1 / 3, null]);
    expect(r.eiByMonth.departments).toEqual([
      { name: 'Engineering', values: [1, 0, null] },
      { name: 'Sales', values: [-1 / 3, -1, null] },
      { name: NETWORK_SMALL_TEAMS, values: [1, 1, null] },
    ]);
    // No figure names a department of fewer than 5.
    expect(JSON.stringify(r)).not.toMatch(/Design|Legal|No department/);
  });

  it('lines the communities of at least 5 people up against departments', async () => {
    const r = (await c.admin.get('/api/network/departments?from=2025-06-01&to=2025-06-30')).json();
    expect(r.communities).toEqual([{ size: 6, departments: [{ name: 'Engineering', people: 5 }, { name: 'Sales', people: 1 }], otherPeople: 0 }]);
    expect(cell(r, 'Engineering', 'Engineering')).toMatchObject({ ties: 10 });
    expect(cell(r, 'Engineering', 'Sales')).toMatchObject({ ties: 5 });
    // Only January–March ties: no community reaches 5 people.
    expect((await c.admin.get('/api/network/departments?from=2025-01-01&to=2025-03-31')).json().communities).toEqual([]);
  });

  it('leaves out small teams that together are fewer than 5, and shows another organization nothing of this one', async () => {
    const r = (await c.otherAdmin.get('/api/network/departments?from=2025-01-01&to=2025-03-31')).json();
    expect(r.departments).toEqual([{ name: 'Ops', people: 5 }]);
    expect(r.withheld).toBe(2);
    // h1–g1 touches HR (withheld): only g2–g3 is counted.
    expect(r.matrix).toEqual([{ a: 'Ops', b: 'Ops', ties: 1, possible: 10, share: 0.1 }]);
    // Ops's own E-I still counts its tie with HR (across), and so does the whole organization's.
    expect(r.eiByMonth.departments).toEqual([{ name: 'Ops', values: [0, null, null] }]);
    expect(r.eiByMonth.overall).toEqual([0, null, null]);
    expect(JSON.stringify(r)).not.toMatch(/HR|Sales|Engineering|Small teams/);
  });

  it('is for org admins only: a member gets 404, as for a page that does not exist', async () => {
    const res = await c.member.get('/api/network/departments');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('answers the last 90 days by default', async () => {
    const r = (await c.admin.get('/api/network/departments')).json();
    expect((Date.parse(r.to) - Date.parse(r.from)) / 86_400_000).toBe(89);
    expect(r.to).toBe(new Date().toISOString().slice(0, 10));
  });

  it('refuses a backwards, too long or malformed range with 400', async () => {
    const day = fc.date({ min: new Date('2015-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(day, day, async (x, y) => {
        fc.pre(x !== y);
        const [from, to] = [x, y];
        const bad = from > to || (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > 1096;
        const res = await c.admin.get(`/api/network/departments?from=${from}&to=${to}`);
        expect(res.statusCode).toBe(bad ? 400 : 200);
        if (bad) expect(res.json().code).toBe('VALIDATION_FAILED');
      }),
      { numRuns: 25 },
    );
    for (const q of ['from=2000-01-01', 'from=2025-02-29', 'to=2025-13-01', 'from=2025-01-01&to=2025-01-31&extra=1'])
      expect((await c.admin.get(`/api/network/departments?${q}`)).statusCode, q).toBe(400);
  });
});

function cell(r: { matrix: { a: string; b: string }[] }, a: string, b: string) {
  return r.matrix.find((m) => m.a === a && m.b === b);
}
