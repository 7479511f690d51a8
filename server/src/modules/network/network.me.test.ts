import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MyNetwork } from '../../../../contracts/index.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { getMyNetwork } from './network.me.ts';

// "My network" is a function of the ledger and the day: the numbers follow from the ties as a plain model computes
// them, whatever the ties and whatever day it is (quarter and year boundaries included); only one's own ties count,
// only colleagues the directory shows are counted or named, and other organizations' rows never leak in.

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const id: Record<string, string> = {};
const dept: Record<string, string | null> = {};
let orgId: string;
let otherOrgId: string;
let me: Client;
let bo: Client;
let newcomer: Client;

const actor = (personId: string): Actor => ({ personId, orgId, roles: [], isAdmin: false, csrfToken: '', sessionHash: '' });
const py = { name: 'Python', kind: 'have' as const, level: 4 };

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await t.buildOrg('Acme')).id;
  otherOrgId = (await t.buildOrg('Globex')).id;
  const build = async (key: string, over: Parameters<TestApp['buildPerson']>[1] = {}) => {
    const p = await t.buildPerson(orgId, { name: key, ...over });
    id[key] = p.id;
    dept[key] = p.department;
    return p;
  };
  const mia = await build('mia', { department: 'Sales', interests: ['Chess'], skills: [{ name: 'Python', kind: 'want', level: 2 }] });
  // Contacts the property draws from: several departments, one without a department, one who left.
  const boRow = await build('bo', { department: 'Sales' });
  await build('cy', { department: 'Engineering', skills: [py] });
  await build('di', { department: 'Engineering' });
  await build('ed', { department: 'Design' });
  await build('fe', { department: null });
  await build('gus', { department: 'Legal', status: 'deactivated' });
  // Colleagues to meet (in departments the ties below never reach, except Engineering).
  await build('dee', { department: 'Marketing', skills: [py] });
  await build('dan', { department: 'Marketing' });
  await build('lea', { department: 'Finance', interests: ['chess'] });
  await build('hal', { department: 'HR' });
  await build('sal', { department: 'Sales', skills: [py] });
  await build('old', { department: 'Support', status: 'deactivated', skills: [py] });
  const nc = await build('newcomer', { department: 'HR' });
  await t.buildPerson(otherOrgId, { name: 'olga', department: 'Research', skills: [py], interests: ['Chess'] });
  me = await t.signIn(mia.email);
  bo = await t.signIn(boRow.email);
  newcomer = await t.signIn(nc.email);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.execute(sql`delete from network_ties where org_id in (${orgId}, ${otherOrgId})`);
});

type Tie = { x: string; y: string; day: string; org?: string; kind?: string };
const insert = async (ties: Tie[]) => {
  for (const tie of ties) {
    const [a, b] = id[tie.x] < id[tie.y] ? [id[tie.x], id[tie.y]] : [id[tie.y], id[tie.x]];
    await t.db.execute(sql`insert into network_ties (org_id, a, b, kind, day, weight) values (${tie.org ?? orgId}, ${a}, ${b}, ${tie.kind ?? 'reply'}, ${tie.day}::date, 1)
      on conflict (org_id, a, b, kind, day) do update set weight = network_ties.weight + 1`);
  }
};

const pad = (n: number) => String(n).padStart(2, '0');
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The model's quarters, by string arithmetic on the calendar (independent of the service's Date.UTC). */
function modelQuarters(today: string) {
  const y = Number(today.slice(0, 4));
  const qm = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1;
  const quarter = `${y}-${pad(qm)}-01`;
  const previous = qm === 1 ? `${y - 1}-10-01` : `${y}-${pad(qm - 3)}-01`;
  return { today, quarter, previous, previousEnd: addDays(quarter, -1) };
}

/** What "My network" must say about `who`, computed plainly from the ties. */
function model(who: string, ties: Tie[], today: string) {
  const q = modelQuarters(today);
  const visible = new Set(Object.keys(id).filter((k) => k !== 'gus' && k !== 'old'));
  const days = new Map<string, string[]>();
  for (const tie of ties) {
    if ((tie.org ?? orgId) !== orgId || tie.day > today || (tie.x !== who && tie.y !== who)) continue;
    const other = tie.x === who ? tie.y : tie.x;
    if (visible.has(other)) days.set(other, [...(days.get(other) ?? []), tie.day]);
  }
  const contacts = [...days].map(([k, ds]) => ({ k, first: ds.reduce((m, d) => (d < m ? d : m)), ds }));
  const mine = dept[who];
  const byDept = new Map<string | null, number>();
  for (const c of contacts) byDept.set(dept[c.k], (byDept.get(dept[c.k]) ?? 0) + 1);
  const withDept = contacts.filter((c) => dept[c.k] !== null);
  const fresh = contacts.filter((c) => c.first >= q.quarter).sort((a, b) => (a.first === b.first ? (a.k < b.k ? -1 : 1) : a.first > b.first ? -1 : 1));
  return {
    people: contacts.length,
    byDepartment: [...byDept]
      .map(([department, people]) => ({ department, people, mine: department !== null && department === mine }))
      .sort((a, b) => b.people - a.people || (a.department === null ? 1 : b.department === null ? -1 : a.department < b.department ? -1 : 1)),
    outsideShare: mine === null || !withDept.length ? null : withDept.filter((c) => dept[c.k] !== mine).length / withDept.length,
    thisQuarter: { from: q.quarter, to: today, people: contacts.filter((c) => c.ds.some((d) => d >= q.quarter)).length, newPeople: fresh.length },
    previousQuarter: {
      from: q.previous,
      to: q.previousEnd,
      people: contacts.filter((c) => c.ds.some((d) => d >= q.previous && d < q.quarter)).length,
      newPeople: contacts.filter((c) => c.first >= q.previous && c.first < q.quarter).length,
    },
    newThisQuarter: fresh.slice(0, 12).map((c) => ({ id: id[c.k], name: c.k, firstMet: c.first })),
  };
}

const summary = (r: MyNetwork) => ({ ...r, newThisQuarter: r.newThisQuarter.map((c) => ({ id: c.id, name: c.name, firstMet: c.firstMet })), department: undefined, departmentsTotal: undefined, toMeet: undefined });

describe('my network', () => {
  it('follows from the ties for any set of ties and any day, quarter and year boundaries included', async () => {
    const contacts = ['bo', 'cy', 'di', 'ed', 'fe', 'gus', 'newcomer'];
    // Days near quarter starts (the millisecond before and at midnight UTC) and anywhere in 2019–2030.
    const boundary = fc
      .record({ y: fc.integer({ min: 2019, max: 2030 }), q: fc.integer({ min: 0, max: 3 }), before: fc.boolean() })
      .map(({ y, q, before }) => new Date(Date.UTC(y, q * 3, 1) - (before ? 1 : 0)));
    const anyDay = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms));
    const tie = fc.record({
      x: fc.constantFrom('mia', 'mia', 'bo', 'cy'),
      y: fc.constantFrom(...contacts),
      // A day relative to today, or one on either side of this quarter's, the last quarter's or today's edge.
      day: fc.oneof(fc.integer({ min: -400, max: 30 }), fc.integer({ min: -1, max: 1 }), fc.record({ edge: fc.constantFrom('quarter' as const, 'previous' as const), before: fc.boolean() })),
      other: fc.boolean().map((b) => (b ? otherOrgId : undefined)),
      kind: fc.constantFrom('reply', 'message', 'cohort'),
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(boundary, anyDay), fc.array(tie, { maxLength: 14 }), async (now, drawn) => {
        const today = now.toISOString().slice(0, 10);
        const q = modelQuarters(today);
        const dayOf = (d: number | { edge: 'quarter' | 'previous'; before: boolean }) => (typeof d === 'number' ? addDays(today, d) : addDays(q[d.edge], d.before ? -1 : 0));
        const ties = drawn.filter((d) => d.x !== d.y).map((d) => ({ x: d.x, y: d.y, day: dayOf(d.day), org: d.other ?? orgId, kind: d.kind }));
        await t.db.execute(sql`delete from network_ties where org_id in (${orgId}, ${otherOrgId})`);
        await insert(ties);
        for (const who of ['mia', 'bo']) expect(summary(await getMyNetwork(t.deps, actor(id[who]), now))).toEqual({ ...model(who, ties, today), department: undefined, departmentsTotal: undefined, toMeet: undefined });
      }),
      { numRuns: 30 },
    );
  });

  it('splits quarters at midnight UTC: a tie on 31 March is last quarter from 1 April, and January looks back to October', async () => {
    await insert([
      { x: 'mia', y: 'cy', day: '2024-12-31' },
      { x: 'mia', y: 'di', day: '2025-03-31' },
      { x: 'mia', y: 'di', day: '2025-04-01' },
      { x: 'mia', y: 'ed', day: '2025-04-01' },
    ]);
    const at = async (iso: string) => {
      const r = await getMyNetwork(t.deps, actor(id.mia), new Date(iso));
      return { people: r.people, thisQuarter: r.thisQuarter, previousQuarter: r.previousQuarter };
    };
    expect(await at('2025-03-31T23:59:59.999Z')).toEqual({
      people: 2,
      thisQuarter: { from: '2025-01-01', to: '2025-03-31', people: 1, newPeople: 1 },
      previousQuarter: { from: '2024-10-01', to: '2024-12-31', people: 1, newPeople: 1 },
    });
    expect(await at('2025-04-01T00:00:00.000Z')).toEqual({
      people: 3,
      thisQuarter: { from: '2025-04-01', to: '2025-04-01', people: 2, newPeople: 1 },
      previousQuarter: { from: '2025-01-01', to: '2025-03-31', people: 1, newPeople: 1 },
    });
    expect((await at('2025-01-01T00:00:00.000Z')).previousQuarter).toEqual({ from: '2024-10-01', to: '2024-12-31', people: 1, newPeople: 1 });
  });

  it('answers every signed-in person about themself only, with departments met, this quarter against the last and colleagues to meet', async () => {
    const q = modelQuarters(new Date().toISOString().slice(0, 10));
    await insert([
      { x: 'mia', y: 'cy', day: q.today },
      { x: 'mia', y: 'di', day: q.previous },
      { x: 'mia', y: 'di', day: q.quarter },
      { x: 'mia', y: 'bo', day: addDays(q.previous, -1) },
      { x: 'mia', y: 'gus', day: q.quarter },
      { x: 'bo', y: 'ed', day: q.today },
      { x: 'mia', y: 'hal', day: q.today, org: otherOrgId },
    ]);
    const r = (await me.get('/api/network/me')).json();
    expect(r).toMatchObject({
      department: 'Sales',
      // Sales, Engineering, Design, Marketing, Finance, HR: Legal and Support have only people who left.
      departmentsTotal: 6,
      people: 3,
      byDepartment: [
        { department: 'Engineering', people: 2, mine: false },
        { department: 'Sales', people: 1, mine: true },
      ],
      outsideShare: 2 / 3,
      thisQuarter: { from: q.quarter, to: q.today, people: 2, newPeople: 1 },
      previousQuarter: { from: q.previous, to: q.previousEnd, people: 1, newPeople: 1 },
      newThisQuarter: [{ id: id.cy, name: 'cy', title: null, department: 'Engineering', firstMet: q.today }],
    });
    // Departments not met, not one's own: a skill one wants (3) before a shared interest (2), then the first of each
    // department before a second from the same one. Nobody who left, nobody from another organization.
    expect(r.toMeet).toEqual([
      { person: { id: id.dee, name: 'dee', title: null, department: 'Marketing' }, canHelpWith: ['Python'], sharedInterests: [] },
      { person: { id: id.lea, name: 'lea', title: null, department: 'Finance' }, canHelpWith: [], sharedInterests: ['chess'] },
      { person: { id: id.ed, name: 'ed', title: null, department: 'Design' }, canHelpWith: [], sharedInterests: [] },
      { person: { id: id.hal, name: 'hal', title: null, department: 'HR' }, canHelpWith: [], sharedInterests: [] },
      { person: { id: id.dan, name: 'dan', title: null, department: 'Marketing' }, canHelpWith: [], sharedInterests: [] },
      { person: { id: id.newcomer, name: 'newcomer', title: null, department: 'HR' }, canHelpWith: [], sharedInterests: [] },
    ]);
    // bo sees bo's own ties (mia in Sales before last quarter, ed this quarter), never mia's others.
    expect((await bo.get('/api/network/me')).json()).toMatchObject({
      people: 2,
      byDepartment: [
        { department: 'Design', people: 1, mine: false },
        { department: 'Sales', people: 1, mine: true },
      ],
      newThisQuarter: [{ id: id.ed }],
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/network/me' })).statusCode).toBe(401);
  });

  it('gives someone with no ties an empty picture and colleagues from every other department to meet', async () => {
    await insert([{ x: 'mia', y: 'cy', day: new Date().toISOString().slice(0, 10) }]);
    const r = (await newcomer.get('/api/network/me')).json();
    expect(r).toMatchObject({ department: 'HR', people: 0, byDepartment: [], outsideShare: null, newThisQuarter: [] });
    expect(r.thisQuarter).toMatchObject({ people: 0, newPeople: 0 });
    expect(r.previousQuarter).toMatchObject({ people: 0, newPeople: 0 });
    const departments = r.toMeet.map((s: { person: { department: string } }) => s.person.department);
    expect(new Set(departments)).toEqual(new Set(['Sales', 'Engineering', 'Design', 'Marketing', 'Finance']));
    expect(departments).not.toContain('HR');
  });
});
