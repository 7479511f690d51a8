import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

// Plans are formed with the organization's department ties from the interaction graph (network_ties, last 365 days),
// and the preview names the department pairs that meet for the first time: exactly the pairs of departments of 5 or
// more people that share a group in the plan and had no tie in the year (older ties do not count), never a small team.
let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
type PlanJson = {
  id: string;
  rounds: { groups: { members: { id: string; department: string | null }[] }[] }[];
  firstTimeDepartmentPairs: { a: string; b: string }[];
  firstTimeDepartmentPairsRandom: number | null;
};
let orgId: string;
let fac: Client;
let programId: string;
const BIG = ['Sales', 'Engineering', 'Legal', 'Finance'];
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
/** Department pairs with a tie in the last year, as inserted below. */
const TIED = new Set([key('Sales', 'Engineering')]);

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
async function tie(a: string, b: string, daysAgo: number) {
  const [x, y] = a < b ? [a, b] : [b, a];
  await t.db.execute(sql`insert into network_ties (org_id, a, b, kind, day, weight) values (${orgId}, ${x}, ${y}, 'reply', ${day(daysAgo)}::date, 1)`);
}

/** The first-time pairs a plan should list, recounted from its groups. */
function expected(plan: PlanJson): string[] {
  const out = new Set<string>();
  for (const round of plan.rounds) {
    for (const g of round.groups) {
      const depts = [...new Set(g.members.map((m) => m.department).filter((d): d is string => !!d && BIG.includes(d)))];
      for (let i = 0; i < depts.length; i++) for (let j = i + 1; j < depts.length; j++) if (!TIED.has(key(depts[i], depts[j]))) out.add(key(depts[i], depts[j]));
    }
  }
  return [...out].sort();
}
const listed = (plan: PlanJson) => plan.firstTimeDepartmentPairs.map((p) => key(p.a, p.b)).sort();

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '1000' });
  orgId = (await t.buildOrg('Silo Co')).id;
  fac = await t.signIn((await t.buildPerson(orgId, { name: 'Fay Facilitator', roles: ['facilitator'] })).email);
  // Five people in each big department, two in a small team; three of each big department and the small team enrol.
  const people: Record<string, string[]> = {};
  for (const d of [...BIG, 'Tiny']) {
    people[d] = [];
    for (let i = 0; i < (d === 'Tiny' ? 2 : 5); i++) people[d].push((await t.buildPerson(orgId, { name: `${d} ${i}`, department: d })).id);
  }
  // Sales and Engineering talked last month; Legal and Finance only 400 days ago (outside the year).
  await tie(people.Sales[3], people.Engineering[4], 30);
  await tie(people.Sales[4], people.Engineering[3], 10);
  await tie(people.Legal[3], people.Finance[4], 400);
  const res = await fac.post('/api/programs', { title: 'Bridging', settings: { cohortSize: 4, groupSize: 3, rounds: 3 } });
  expect(res.statusCode, res.body).toBe(201);
  programId = res.json().id;
  await fac.patch(`/api/programs/${programId}`, { status: 'open' });
  const enrol = [...BIG.flatMap((d) => people[d].slice(0, 3)), ...people.Tiny];
  expect((await fac.post(`/api/programs/${programId}/enrollments`, { personIds: enrol })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('plans and department ties', () => {
  it('lists exactly the big department pairs that meet with no tie in the year, for every kind, seed and adjustment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('cohorts', 'rotation', 'partners'), fc.integer({ min: 1, max: 1000 }), async (kind, seed) => {
        const res = await fac.post(`/api/programs/${programId}/plans`, { kind, seed });
        expect(res.statusCode, res.body).toBe(201);
        const plan = res.json() as PlanJson;
        expect(listed(plan)).toEqual(expected(plan));
        expect(plan.firstTimeDepartmentPairsRandom).toBeGreaterThanOrEqual(0);
        // Moving people changes which departments meet; the list follows.
        const rounds = plan.rounds.map((r) => r.groups.map((g) => g.members.map((m) => m.id)));
        const moved = rounds.map((r) => (r.length > 1 ? [[r[1][0], ...r[0].slice(1)], [r[0][0], ...r[1].slice(1)], ...r.slice(2)] : r));
        const adjusted = await fac.patch(`/api/programs/${programId}/plans/${plan.id}`, { rounds: moved });
        expect(adjusted.statusCode, adjusted.body).toBe(200);
        expect(listed(adjusted.json())).toEqual(expected(adjusted.json()));
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  it('pairs learning partners across departments that have no ties when it costs nothing else', async () => {
    for (const seed of [1, 2, 3]) {
      const plan = (await fac.post(`/api/programs/${programId}/plans`, { kind: 'partners', seed })).json() as PlanJson;
      for (const g of plan.rounds[0].groups) {
        const depts = new Set(g.members.map((m) => m.department));
        expect(depts.has('Sales') && depts.has('Engineering')).toBe(false);
      }
    }
  }, 60_000);
});
