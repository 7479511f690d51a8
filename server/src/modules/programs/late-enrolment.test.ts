import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

// People who enrol after cohorts, a breakout rotation and learning partners were published are placed in them; the
// facilitator moves them and pairs people waiting for a partner; leaving takes them out cleanly.
let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
type Person = { id: string; name: string; c: Client };
type PlanJson = { id: string; kind: string; status: string; waiting: { id: string }[]; maxGroupSize: number | null; rounds: { groups: { label: string; cohortId?: string; members: { id: string }[] }[] }[] };
let orgId: string;
let fac: Client;
let outsider: Client;
let plain: Client;
let n = 0;
const everyone = new Map<string, Person>();

const put = (c: Client, url: string, payload: unknown) => c.send({ method: 'PUT', url, payload: payload as Record<string, unknown> });
const enrol = (c: Client, id: string, enrolled = true) => put(c, `/api/programs/${id}/enrollment`, { enrolled });
const placement = async (c: Client, id: string) => (await c.get(`/api/programs/${id}`)).json().myPlacement;
const published = async (id: string, kind: string): Promise<PlanJson> => (await fac.get(`/api/programs/${id}/plans`)).json().items.find((p: PlanJson) => p.kind === kind && p.status === 'published');
const idsOf = (g: { members: { id: string }[] }) => g.members.map((m) => m.id);

async function person(over: { department?: string; managerId?: string; team?: string } = {}): Promise<Person> {
  const name = `Person ${String(++n).padStart(3, '0')}`;
  const p = await t.buildPerson(orgId, { name, department: over.department ?? ['Sales', 'Design', 'Ops'][n % 3], managerId: over.managerId ?? null, team: over.team ?? null });
  const made = { id: p.id, name, c: await t.signIn(p.email) };
  everyone.set(p.id, made);
  return made;
}

/** An open program whose cohorts (and optionally rotation and partners) are published for `people`. */
async function publishedProgram(people: Person[], o: { cohortSize: number; kinds?: string[]; capacity?: number }) {
  const res = await fac.post('/api/programs', { title: `Late ${++n}`, settings: { cohortSize: o.cohortSize, groupSize: 2, rounds: 2 }, ...(o.capacity ? { capacity: o.capacity } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await fac.patch(`/api/programs/${id}`, { status: 'open' });
  await fac.post(`/api/programs/${id}/enrollments`, { personIds: people.map((p) => p.id) });
  for (const kind of o.kinds ?? ['cohorts', 'rotation', 'partners']) {
    const plan = await fac.post(`/api/programs/${id}/plans`, { kind });
    expect(plan.statusCode, plan.body).toBe(201);
    expect((await fac.post(`/api/programs/${id}/plans/${plan.json().id}/publish`)).statusCode).toBe(200);
  }
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '1000' });
  const org = await t.buildOrg('Acme');
  orgId = org.id;
  const f = await t.buildPerson(org.id, { name: 'Fay Facilitator', roles: ['facilitator'] });
  fac = await t.signIn(f.email);
  const o = await t.buildPerson((await t.buildOrg('Globex')).id, { name: 'Olga Outsider', roles: ['admin'] });
  outsider = await t.signIn(o.email);
  plain = (await person()).c;
});
afterAll(() => t.close());

describe('a late enrollee', () => {
  let id: string;
  let first: Person[];
  let boss: Person;
  beforeAll(async () => {
    boss = await person({ department: 'Ops' });
    first = [boss, ...(await Promise.all(Array.from({ length: 7 }, () => person())))];
    id = await publishedProgram(first, { cohortSize: 4 });
  });

  it('joins the smallest cohort that keeps them away from their manager, its space, and their cohort’s groups in every round', async () => {
    const cohorts = (await published(id, 'cohorts')).rounds[0].groups;
    expect(cohorts.map((g) => g.members.length)).toEqual([4, 4]);
    const late = await person({ managerId: boss.id, department: 'Ops' });
    const res = await enrol(late.c, id);
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json().myPlacement;
    expect(mine.cohort).not.toBeNull();
    // Both cohorts are equally small, so the one without their manager wins.
    expect(mine.cohort.members.map((m: { id: string }) => m.id)).not.toContain(boss.id);
    const space = await late.c.get(`/api/communities/${mine.cohort.communitySlug}`);
    expect(space.json()).toMatchObject({ kind: 'cohort', membership: { status: 'active', mustAcceptRules: true } });
    const mates = new Set(mine.cohort.members.map((m: { id: string }) => m.id));
    expect(mine.groups).toHaveLength(2);
    for (const g of mine.groups) for (const m of g.members) expect(mates.has(m.id)).toBe(true);
    // Nobody is waiting for a partner yet, so they wait.
    expect(mine.partners).toEqual([]);
    expect(mine.waiting).toEqual({ cohort: false, partner: true });
    expect((await published(id, 'partners')).waiting.map((w) => w.id)).toEqual([late.id]);

    // The next one goes to the other (now smaller) cohort and is paired with the first late enrollee.
    const next = await person({ department: 'Sales' });
    const two = (await enrol(next.c, id)).json().myPlacement;
    expect(two.cohort.id).not.toBe(mine.cohort.id);
    expect(two.partners.map((p: { id: string }) => p.id)).toEqual([late.id]);
    expect((await placement(late.c, id)).partners.map((p: { id: string }) => p.id)).toEqual([next.id]);
    expect((await published(id, 'partners')).waiting).toEqual([]);
    const sizes = (await published(id, 'cohorts')).rounds[0].groups.map((g) => g.members.length);
    expect(sizes).toEqual([5, 5]);
    // Each is told in Hearth where they landed and who their partner is (once each, whatever redelivery happens).
    const told = async (c: Client) => ((await c.get('/api/notifications')).json().items as { kind: string; title: string; url: string }[]).filter((n) => n.kind === 'program');
    const title = (await fac.get(`/api/programs/${id}`)).json().title as string;
    for (const [who, cohort] of [[late, mine.cohort.name], [next, two.cohort.name]] as const) {
      const items = await eventually(() => told(who.c), (list) => list.length >= 2);
      expect(items.map((n) => n.title).sort()).toEqual([`You are in ${cohort} of ${title}`, `You have a learning partner in ${title}`].sort());
      expect(items.every((n) => n.url === `/programs/${id}`)).toBe(true);
    }
  });

  it('is moved by a facilitator: space and breakout groups follow; invalid moves get 4xx and change nothing', async () => {
    const late = await person();
    const before = (await enrol(late.c, id)).json().myPlacement;
    const plan = await published(id, 'cohorts');
    const target = plan.rounds[0].groups.find((g) => g.cohortId !== before.cohort.id) as PlanJson['rounds'][0]['groups'][0];
    const url = `/api/programs/${id}/cohort-members/${late.id}`;
    expect((await put(late.c, url, { cohortId: target.cohortId })).statusCode).toBe(403);
    expect((await put(outsider, url, { cohortId: target.cohortId })).statusCode).toBe(404);
    expect((await put(fac, url, { cohortId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await put(fac, `/api/programs/${id}/cohort-members/${(await person()).id}`, { cohortId: target.cohortId })).statusCode).toBe(404);
    expect((await put(fac, url, { cohortId: 'nope' })).statusCode).toBe(400);
    expect((await placement(late.c, id)).cohort.id).toBe(before.cohort.id);

    const moved = await put(fac, url, { cohortId: target.cohortId });
    expect(moved.statusCode, moved.body).toBe(204);
    const after = await placement(late.c, id);
    expect(after.cohort.id).toBe(target.cohortId);
    const mates = new Set(after.cohort.members.map((m: { id: string }) => m.id));
    for (const g of after.groups) for (const m of g.members) expect(mates.has(m.id)).toBe(true);
    expect((await late.c.get(`/api/communities/${after.cohort.communitySlug}`)).json().membership.status).toBe('active');
    const old = (await late.c.get(`/api/communities/${before.cohort.communitySlug}`)).json();
    expect(old.membership).toBeNull();
    expect((await late.c.get(`/api/communities/${old.id}/threads`)).statusCode).toBe(403);
    // Moving them again to where they are changes nothing.
    expect((await put(fac, url, { cohortId: target.cohortId })).statusCode).toBe(204);
  });

  it('leaves cleanly: out of the cohort and its space, no breakout group of one, and their partner waits or is re-paired', async () => {
    const partners = await published(id, 'partners');
    const pair = partners.rounds[0].groups.find((g) => g.members.length === 2) as PlanJson['rounds'][0]['groups'][0];
    const [leaverId, partnerId] = idsOf(pair);
    const leaver = everyone.get(leaverId) as Person;
    const was = await placement(leaver.c, id);
    expect((await enrol(leaver.c, id, false)).statusCode).toBe(200);
    const cohorts = await published(id, 'cohorts');
    expect(cohorts.rounds[0].groups.flatMap(idsOf)).not.toContain(leaverId);
    const space = (await leaver.c.get(`/api/communities/${was.cohort.communitySlug}`)).json();
    expect(space.membership).toBeNull();
    expect((await leaver.c.get(`/api/communities/${space.id}/threads`)).statusCode).toBe(403);
    const rotation = await published(id, 'rotation');
    for (const round of rotation.rounds) {
      expect(round.groups.flatMap(idsOf)).not.toContain(leaverId);
      expect(round.groups.every((g) => g.members.length >= 2)).toBe(true);
    }
    const now = await published(id, 'partners');
    expect(now.rounds[0].groups.flatMap(idsOf)).not.toContain(leaverId);
    const placed = now.rounds[0].groups.some((g) => idsOf(g).includes(partnerId));
    expect(placed || now.waiting.some((w) => w.id === partnerId)).toBe(true);
  });
});

describe('facilitators pair people waiting for a learning partner', () => {
  it('pairs two waiting people or makes a pair a trio, and refuses a fourth, someone not waiting, and members', async () => {
    const boss = await person();
    const base = await Promise.all(Array.from({ length: 4 }, () => person()));
    const id = await publishedProgram(base, { cohortSize: 4, kinds: ['partners'] });
    // Two reports of one manager never pair automatically: both wait.
    const a = await person({ managerId: boss.id });
    const b = await person({ managerId: boss.id });
    await enrol(a.c, id);
    await enrol(b.c, id);
    expect((await published(id, 'partners')).waiting.map((w) => w.id).sort()).toEqual([a.id, b.id].sort());
    expect((await placement(a.c, id)).waiting.partner).toBe(true);
    const url = `/api/programs/${id}/partners`;
    expect((await a.c.post(url, { personId: a.id, withId: b.id })).statusCode).toBe(403);
    expect((await fac.post(url, { personId: a.id, withId: a.id })).statusCode).toBe(400);
    expect((await fac.post(url, { personId: base[0].id, withId: a.id })).statusCode).toBe(409);
    // The facilitator decides: a joins an existing pair (a trio), b pairs with nobody yet.
    const pair = idsOf((await published(id, 'partners')).rounds[0].groups[0]);
    expect((await fac.post(url, { personId: a.id, withId: pair[0] })).statusCode).toBe(204);
    expect((await placement(a.c, id)).partners.map((p: { id: string }) => p.id).sort()).toEqual([...pair].sort());
    expect((await placement(a.c, id)).waiting.partner).toBe(false);
    expect((await fac.post(url, { personId: b.id, withId: a.id })).statusCode).toBe(409);
    const c = await person({ managerId: boss.id });
    await enrol(c.c, id);
    expect((await fac.post(url, { personId: b.id, withId: c.id })).statusCode).toBe(204);
    expect((await placement(c.c, id)).partners.map((p: { id: string }) => p.id)).toEqual([b.id]);
    expect((await published(id, 'partners')).waiting).toEqual([]);
  });
});

describe('cohorts under a cap', () => {
  it('never over-fill a cohort or place anyone twice, whatever order concurrent enrolments arrive in; a larger cohort size places those waiting', async () => {
    // Cohort size 2 → cap 3: two cohorts of two take two more people; the rest wait for a cohort.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3, max: 6 }), fc.boolean(), async (arrivals, twice) => {
        const base = await Promise.all(Array.from({ length: 4 }, () => person()));
        const id = await publishedProgram(base, { cohortSize: 2, kinds: ['cohorts', 'partners'] });
        const late = await Promise.all(Array.from({ length: arrivals }, () => person()));
        // Self-enrolments, the facilitator assigning the same people, and (sometimes) each request twice, all at once.
        const calls = late.flatMap((p) => [enrol(p.c, id), ...(twice ? [enrol(p.c, id)] : [])]);
        calls.push(fac.post(`/api/programs/${id}/enrollments`, { personIds: late.map((p) => p.id) }));
        for (const r of await Promise.all(calls)) expect(r.statusCode, r.body).toBeLessThan(300);
        const plan = await published(id, 'cohorts');
        expect(plan.maxGroupSize).toBe(3);
        const sizes = plan.rounds[0].groups.map((g) => g.members.length);
        expect(sizes.every((s) => s <= 3)).toBe(true);
        const placed = plan.rounds[0].groups.flatMap(idsOf);
        expect(new Set(placed).size).toBe(placed.length);
        expect(placed.length).toBe(6);
        expect(plan.waiting).toHaveLength(arrivals - 2);
        expect(new Set([...placed, ...plan.waiting.map((w) => w.id)]).size).toBe(4 + arrivals);
        const partners = await published(id, 'partners');
        const paired = [...partners.rounds[0].groups.flatMap(idsOf), ...partners.waiting.map((w) => w.id)];
        expect(paired.sort()).toEqual([...base, ...late].map((p) => p.id).sort());
        const waiting = late.find((p) => plan.waiting.some((w) => w.id === p.id)) as Person;
        expect((await placement(waiting.c, id)).waiting.cohort).toBe(true);
        // A full cohort refuses a move; raising the cohort size places everyone waiting (cap 4 and 5 → room for all).
        const full = plan.rounds[0].groups[0];
        const res = await put(fac, `/api/programs/${id}/cohort-members/${waiting.id}`, { cohortId: full.cohortId });
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('COHORT_FULL');
        await fac.patch(`/api/programs/${id}`, { settings: { cohortSize: 4 } });
        const raised = await published(id, 'cohorts');
        expect(raised.waiting).toEqual([]);
        const after = raised.rounds[0].groups.map((g) => g.members.length);
        expect(Math.max(...after) - Math.min(...after)).toBeLessThanOrEqual(1);
        expect((await placement(waiting.c, id)).cohort).not.toBeNull();
      }),
      { numRuns: 4 },
    );
  });

  it('places people enrolled after a plan was formed when it is published, and keeps the last member of a cohort in it', async () => {
    const base = await Promise.all(Array.from({ length: 4 }, () => person()));
    const res = await fac.post('/api/programs', { title: 'Formed early', settings: { cohortSize: 2 } });
    const id = res.json().id as string;
    await fac.patch(`/api/programs/${id}`, { status: 'open' });
    await fac.post(`/api/programs/${id}/enrollments`, { personIds: base.map((p) => p.id) });
    const draft = (await fac.post(`/api/programs/${id}/plans`, { kind: 'cohorts' })).json();
    const late = await person();
    await enrol(late.c, id);
    expect((await fac.post(`/api/programs/${id}/plans/${draft.id}/publish`)).statusCode).toBe(200);
    expect((await placement(late.c, id)).cohort).not.toBeNull();
    const plan = await published(id, 'cohorts');
    expect(plan.rounds[0].groups.flatMap(idsOf)).toHaveLength(5);
    // Empty a cohort of two one by one: the second move is refused.
    const small = plan.rounds[0].groups.find((g) => g.members.length === 2) as PlanJson['rounds'][0]['groups'][0];
    const other = plan.rounds[0].groups.find((g) => g !== small) as PlanJson['rounds'][0]['groups'][0];
    await fac.patch(`/api/programs/${id}`, { settings: { cohortSize: 4 } });
    expect((await put(fac, `/api/programs/${id}/cohort-members/${small.members[0].id}`, { cohortId: other.cohortId })).statusCode).toBe(204);
    expect((await put(fac, `/api/programs/${id}/cohort-members/${small.members[1].id}`, { cohortId: other.cohortId })).statusCode).toBe(409);
    expect((await put(plain, `/api/programs/${id}/cohort-members/${small.members[1].id}`, { cohortId: other.cohortId })).statusCode).toBe(403);
  });
});

describe('breakout groups and cohorts', () => {
  type Op = { kind: 'enrol'; count: number } | { kind: 'leave'; pick: number } | { kind: 'empty'; cohort: number } | { kind: 'move'; pick: number; cohort: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('enrol' as const), count: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('leave' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('empty' as const), cohort: fc.nat() }),
    fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), cohort: fc.nat() }),
  );
  const enrolled = async (id: string) => ((await fac.get(`/api/programs/${id}/enrollments`)).json().items as { id: string; status: string }[]).filter((e) => e.status === 'enrolled').map((e) => e.id);

  it('never mix: in every round each group’s members are all of one cohort, whatever the order of enrolments, departures and moves; an empty cohort takes a newcomer only when no other cohort has room', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        // Cohort size 3 (cap 4): two cohorts of three, each with its breakout groups in both rounds.
        const base = await Promise.all(Array.from({ length: 6 }, () => person()));
        const id = await publishedProgram(base, { cohortSize: 3, kinds: ['cohorts', 'rotation'] });
        for (const o of ops) {
          const before = await published(id, 'cohorts');
          const people = await enrolled(id);
          if (o.kind === 'enrol') {
            const comers = await Promise.all(Array.from({ length: o.count }, () => t.buildPerson(orgId, { name: `Comer ${++n}`, department: ['Sales', 'Design', 'Ops'][n % 3] })));
            for (const r of await Promise.all(comers.map((c) => fac.post(`/api/programs/${id}/enrollments`, { personIds: [c.id] })))) expect(r.statusCode, r.body).toBe(200);
          } else if (o.kind === 'leave' && people.length) {
            expect((await fac.send({ method: 'DELETE', url: `/api/programs/${id}/enrollments/${people[o.pick % people.length]}` })).statusCode).toBe(204);
          } else if (o.kind === 'empty') {
            const full = before.rounds[0].groups.filter((g) => g.members.length > 0);
            const gone = full.length ? idsOf(full[o.cohort % full.length]) : [];
            for (const r of await Promise.all(gone.map((p) => fac.send({ method: 'DELETE', url: `/api/programs/${id}/enrollments/${p}` })))) expect(r.statusCode).toBe(204);
          } else if (o.kind === 'move' && people.length) {
            const to = before.rounds[0].groups[o.cohort % before.rounds[0].groups.length].cohortId;
            const r = await put(fac, `/api/programs/${id}/cohort-members/${people[o.pick % people.length]}`, { cohortId: to });
            expect([204, 409], r.body).toContain(r.statusCode);
          }

          const cohorts = await published(id, 'cohorts');
          const cohortOf = new Map(cohorts.rounds[0].groups.flatMap((g) => idsOf(g).map((m) => [m, g.cohortId] as const)));
          const now = new Set(await enrolled(id));
          expect([...cohortOf.keys()].every((m) => now.has(m))).toBe(true);
          for (const round of (await published(id, 'rotation')).rounds) {
            for (const g of round.groups) {
              expect(g.members.length).toBeGreaterThan(0);
              expect(new Set(idsOf(g).map((m) => cohortOf.get(m) ?? 'none')).size, JSON.stringify({ ops, group: g.label })).toBe(1);
              expect(idsOf(g).every((m) => cohortOf.has(m))).toBe(true);
            }
            // Everyone in a cohort is in exactly one group of the round; people waiting for a cohort are in none.
            expect(round.groups.flatMap(idsOf).sort()).toEqual([...cohortOf.keys()].sort());
          }
          if (o.kind === 'enrol') {
            // A cohort everybody had left takes a newcomer only when every cohort with people in it was full.
            const size = new Map(cohorts.rounds[0].groups.map((g) => [g.cohortId, g.members.length]));
            const was = before.rounds[0].groups;
            if (was.some((g) => g.members.length === 0 && (size.get(g.cohortId) ?? 0) > 0)) {
              for (const g of was.filter((w) => w.members.length > 0)) expect(size.get(g.cohortId), JSON.stringify(ops)).toBe(cohorts.maxGroupSize);
            }
          }
        }
      }),
      // The order that used to mix cohorts: everyone in one cohort leaves, then someone enrols.
      { numRuns: 6, examples: [[[{ kind: 'empty', cohort: 0 }, { kind: 'enrol', count: 1 }, { kind: 'enrol', count: 2 }]]] },
    );
  });
});
