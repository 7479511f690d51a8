import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveAttendance, liveSessions, programEnrollments, programFacilitators, programPlans, programSessionProgress, programSessions, programs } from '../../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { meetingFigures, randomLike } from './impact.service.ts';

// A program's impact is a recount: ties among its members before and during it, what its plans arranged against random
// groups of the same people in the same sizes, and how members took part; for its facilitators, admins and analysts.

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const c: Record<string, Client> = {};
let orgId: string;
let programId: string;
const members: { id: string; department: string }[] = [];
const START = '2026-03-01';

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await t.buildOrg('Impactful')).id;
  const staff = { admin: ['admin'], analyst: ['analyst'], facilitator: ['facilitator'], member: [] as string[] };
  for (const [name, roles] of Object.entries(staff)) c[name] = await t.signIn((await t.buildPerson(orgId, { name, roles })).email);
  const departments = ['Sales', 'Sales', 'Sales', 'Engineering', 'Engineering', 'Engineering', 'Legal', 'Legal', 'Design'];
  for (const department of departments) members.push({ id: (await t.buildPerson(orgId, { department })).id, department });
  const [p] = await t.db.insert(programs).values({ orgId, title: 'Leaders 2026', status: 'open', startsOn: START, endsOn: '2026-06-30' } as typeof programs.$inferInsert).returning();
  programId = p.id;
  const facilitator = (await t.db.execute<{ id: string }>(sql`select id from people where org_id = ${orgId} and name = 'facilitator'`)).rows[0].id;
  await t.db.insert(programFacilitators).values({ programId, personId: facilitator, orgId });
  await t.db.insert(programEnrollments).values(members.map((m) => ({ programId, personId: m.id, orgId, status: 'enrolled', source: 'assigned' })));
  c.otherAdmin = await t.signIn((await t.buildPerson((await t.buildOrg('Elsewhere')).id, { roles: ['admin'] })).email);
});
afterAll(() => t.close());

const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

describe('program impact', () => {
  it('counts new ties, new cross-department ties and bridged silos exactly as a recount of the ties does', async () => {
    const tie = fc.record({ a: fc.nat(members.length - 1), b: fc.nat(members.length - 1), before: fc.boolean(), day: fc.integer({ min: 1, max: 28 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(tie, { maxLength: 30 }), async (ties) => {
        await t.db.execute(sql`delete from network_ties where org_id = ${orgId}`);
        const rows = ties.filter((x) => x.a !== x.b).map((x) => {
          const [a, b] = [members[x.a].id, members[x.b].id].sort();
          return { a, b, day: `2026-${x.before ? '02' : '04'}-${String(x.day).padStart(2, '0')}` };
        });
        for (const r of rows) await t.db.execute(sql`insert into network_ties (org_id, a, b, kind, day, weight) values (${orgId}, ${r.a}, ${r.b}, 'reply', ${r.day}::date, 1) on conflict do nothing`);
        // The recount.
        const dept = new Map(members.map((m) => [m.id, m.department]));
        const first = new Map<string, string>();
        for (const r of rows) if (!first.has(key(r.a, r.b)) || (first.get(key(r.a, r.b)) as string) > r.day) first.set(key(r.a, r.b), r.day);
        const before = [...first].filter(([, d]) => d < START).map(([k]) => k);
        const fresh = [...first].filter(([, d]) => d >= START).map(([k]) => k.split(' '));
        const crossing = fresh.filter(([a, b]) => dept.get(a) !== dept.get(b));
        const tiedDepts = new Set(before.map((k) => k.split(' ')).filter(([a, b]) => dept.get(a) !== dept.get(b)).map(([a, b]) => key(dept.get(a) as string, dept.get(b) as string)));
        const silos = ['Design', 'Engineering', 'Legal', 'Sales'].flatMap((x, i, all) => all.slice(i + 1).map((y) => key(x, y))).filter((k) => !tiedDepts.has(k));
        const bridged = new Set(crossing.map(([a, b]) => key(dept.get(a) as string, dept.get(b) as string)).filter((k) => silos.includes(k)));

        const r = (await c.facilitator.get(`/api/programs/${programId}/impact`)).json();
        expect(r).toMatchObject({ from: START, to: '2026-06-30', members: members.length, departments: 4 });
        expect(r.observed).toEqual({ tiesBefore: before.length, newTies: fresh.length, newCrossDepartmentTies: crossing.length, silosBefore: silos.length, silosBridged: bridged.size });
      }),
      { numRuns: 10 },
    );
  });

  it('compares what the plans arranged with random groups of the same sizes, and reports how members took part', async () => {
    await t.db.execute(sql`delete from network_ties where org_id = ${orgId}`);
    // Before the program only Sales–Sales ties: every other department pair is a silo.
    await t.db.execute(sql`insert into network_ties (org_id, a, b, kind, day, weight) values (${orgId}, least(${members[0].id}::uuid, ${members[1].id}::uuid), greatest(${members[0].id}::uuid, ${members[1].id}::uuid), 'reply', '2026-01-05', 1)`);
    // Groups of three, one from each of Sales, Engineering and Legal/Design: every pair crosses departments.
    const rounds = [[0, 3, 6], [1, 4, 7], [2, 5, 8]].map((g) => g.map((i) => members[i].id));
    await t.db.insert(programPlans).values({ programId, orgId, kind: 'rotation', status: 'published', params: {}, result: { rounds: [rounds], labels: [[]] }, metrics: {}, baseline: {}, publishedAt: new Date() });
    const [s1, s2] = await t.db.insert(programSessions).values([0, 1].map((i) => ({ programId, orgId, title: `Week ${i}`, startsAt: new Date(`2026-03-0${i + 2}T10:00:00Z`) }))).returning();
    await t.db.insert(programSessionProgress).values([
      { sessionId: s1.id, personId: members[0].id, programId, orgId },
      { sessionId: s2.id, personId: members[0].id, programId, orgId },
      { sessionId: s1.id, personId: members[1].id, programId, orgId },
    ]);
    const [live] = await t.db.insert(liveSessions).values({ orgId, programId, title: 'Kick-off', startsAt: new Date('2026-03-02T10:00:00Z'), status: 'ended' } as typeof liveSessions.$inferInsert).returning();
    await t.db.insert(liveAttendance).values([
      { sessionId: live.id, personId: members[0].id, orgId, fromAt: new Date('2026-03-02T10:00:00Z'), toAt: new Date('2026-03-02T10:30:00Z') },
      { sessionId: live.id, personId: members[1].id, orgId, fromAt: new Date('2026-03-02T10:00:00Z'), toAt: new Date('2026-03-02T10:50:00Z') },
    ]);
    const r = (await c.admin.get(`/api/programs/${programId}/impact`)).json();
    expect(r.draws).toBe(200);
    expect(r.plans).toEqual([{ kind: 'rotation', pairsMet: 9, newPairs: { program: 9, random: expect.any(Number) }, newCrossDepartmentPairs: { program: 9, random: expect.any(Number) }, silosBridged: { program: 5, random: expect.any(Number) } }]);
    // Random groups of three out of these nine: on average fewer pairs cross departments, and no more silos are bridged.
    const [plan] = r.plans;
    expect(plan.newCrossDepartmentPairs.random).toBeLessThan(9);
    expect(plan.silosBridged.random).toBeLessThanOrEqual(5);
    expect(r.engagement).toEqual({ sessions: 2, completed: 1, progress: 3 / 18, liveSessions: 1, attended: 2, liveMinutes: 80, medianLiveMinutes: 40 });
    // The same figures as CSV, a line each, with random grouping beside the program's.
    const csv = await c.analyst.get(`/api/programs/${programId}/impact.csv`);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="leaders-2026-impact.csv"');
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe('Figure,Program,Random grouping (mean of 200)');
    expect(lines).toContain(`Breakout rotation: new cross-department pairs meeting,9,${plan.newCrossDepartmentPairs.random}`);
  });

  it('is for the program’s facilitators, org admins and analysts: everyone else, and other organizations, get 404', async () => {
    for (const who of ['facilitator', 'admin', 'analyst']) expect((await c[who].get(`/api/programs/${programId}/impact`)).statusCode).toBe(200);
    for (const who of ['member', 'otherAdmin']) {
      expect((await c[who].get(`/api/programs/${programId}/impact`)).statusCode).toBe(404);
      expect((await c[who].get(`/api/programs/${programId}/impact.csv`)).statusCode).toBe(404);
    }
    expect((await c.admin.get('/api/programs/00000000-0000-4000-8000-000000000000/impact')).statusCode).toBe(404);
    expect((await c.admin.get('/api/programs/nope/impact')).statusCode).toBe(400);
  });

  it('starts "during" at the first published plan when that comes before the first day: its meetings are new ties, not old ones', async () => {
    const [p] = await t.db.insert(programs).values({ orgId, title: 'Next year', status: 'open', startsOn: '2099-01-01' } as typeof programs.$inferInsert).returning();
    await t.db.insert(programEnrollments).values(members.slice(0, 2).map((m) => ({ programId: p.id, personId: m.id, orgId, status: 'enrolled', source: 'assigned' })));
    await t.db.insert(programPlans).values({ programId: p.id, orgId, kind: 'partners', status: 'published', params: {}, result: { rounds: [[[members[0].id, members[1].id]]] }, metrics: {}, baseline: {}, publishedAt: new Date('2026-05-02T12:00:00Z') });
    await t.db.execute(sql`delete from network_ties where org_id = ${orgId}`);
    await t.db.execute(sql`insert into network_ties (org_id, a, b, kind, day, weight) values (${orgId}, least(${members[0].id}::uuid, ${members[1].id}::uuid), greatest(${members[0].id}::uuid, ${members[1].id}::uuid), 'partnered', '2026-05-02', 1)`);
    const r = (await c.admin.get(`/api/programs/${p.id}/impact`)).json();
    expect(r.from).toBe('2026-05-02');
    expect(r.observed).toMatchObject({ tiesBefore: 0, newTies: 1 });
    expect(r.plans).toMatchObject([{ kind: 'partners', pairsMet: 1, newPairs: { program: 1, random: 1 } }]);
  });

  it('compares a rotation inside cohorts with random groups inside the same cohorts', async () => {
    const [p] = await t.db.insert(programs).values({ orgId, title: 'Scoped', status: 'open', startsOn: '2026-02-01' } as typeof programs.$inferInsert).returning();
    await t.db.insert(programEnrollments).values(members.slice(0, 8).map((m) => ({ programId: p.id, personId: m.id, orgId, status: 'enrolled', source: 'assigned' })));
    const ids = members.slice(0, 8).map((m) => m.id);
    const cohorts = [ids.slice(0, 4), ids.slice(4, 8)];
    const rotation = [[[ids[0], ids[1]], [ids[2], ids[3]], [ids[4], ids[5]], [ids[6], ids[7]]], [[ids[0], ids[2]], [ids[1], ids[3]], [ids[4], ids[6]], [ids[5], ids[7]]]];
    const plan = (kind: string, rounds: string[][][]) => ({ programId: p.id, orgId, kind, status: 'published', params: {}, result: { rounds }, metrics: {}, baseline: {}, publishedAt: new Date('2026-02-01T09:00:00Z') });
    await t.db.insert(programPlans).values([plan('cohorts', [cohorts]), plan('rotation', rotation)]);
    await t.db.execute(sql`delete from network_ties where org_id = ${orgId}`);
    const r = (await c.admin.get(`/api/programs/${p.id}/impact`)).json();
    const byKind = Object.fromEntries(r.plans.map((x: { kind: string }) => [x.kind, x]));
    // Within the cohorts, random pairs meet only cohort-mates too: at most the 12 pairs the two cohorts hold, never more.
    expect(byKind.rotation.pairsMet).toBe(8);
    expect(byKind.rotation.newPairs.random).toBeLessThanOrEqual(8);
    expect(byKind.cohorts).toMatchObject({ pairsMet: 12, newPairs: { program: 12, random: 12 } });
  });

  it('shows the program’s feedback as the results page does: nothing below 5 responses, then its averages and NPS', async () => {
    const created = await c.facilitator.post('/api/surveys', {
      kind: 'program_feedback',
      title: 'How was Leaders 2026?',
      audienceKind: 'program',
      audienceId: programId,
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      questions: [
        { type: 'likert', prompt: 'I met colleagues I would not have met otherwise' },
        { type: 'nps', prompt: 'Would you recommend it?' },
      ],
    });
    expect(created.statusCode).toBe(201);
    const survey = created.json();
    expect((await c.facilitator.post(`/api/surveys/${survey.id}/open`, {})).statusCode).toBe(200);
    const [likert, nps] = (await c.facilitator.get(`/api/surveys/${survey.id}`)).json().questions.map((q: { id: string }) => q.id);
    const impact = async () => (await c.facilitator.get(`/api/programs/${programId}/impact`)).json().surveys;
    const answers = [5, 4, 4, 5, 3];
    for (const [i, v] of answers.entries()) {
      const who = await t.signIn((await t.db.execute<{ email: string }>(sql`select email from people where id = ${members[i].id}`)).rows[0].email);
      expect((await who.post(`/api/surveys/${survey.id}/responses`, { answers: [{ questionId: likert, value: v }, { questionId: nps, value: i < 3 ? 10 : 6 }] })).statusCode).toBe(201);
      if (i === 3) expect(await impact()).toEqual([{ id: survey.id, title: 'How was Leaders 2026?', kind: 'program_feedback', withheld: true, responses: null, questions: [] }]);
    }
    const [shown] = await impact();
    expect(shown).toMatchObject({ withheld: false, responses: 5 });
    expect(shown.questions).toEqual([
      { prompt: 'I met colleagues I would not have met otherwise', type: 'likert', average: 4.2, nps: null },
      // Three promoters (10) and two detractors (6) of five: 60% − 40%.
      { prompt: 'Would you recommend it?', type: 'nps', average: 8.4, nps: 20 },
    ]);
    // Someone who may not read the results does not get them through the report either.
    expect((await c.analyst.get(`/api/programs/${programId}/impact`)).json().surveys.map((x: { withheld: boolean }) => x.withheld)).toEqual([false]);
  });

  it('random groupings keep every round’s people and group sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }), fc.integer(), (shape, seed) => {
        let n = 0;
        const rounds = shape.map((sizes) => sizes.map((size) => Array.from({ length: size }, () => `p${n++ % 12}`)));
        let s = seed >>> 0;
        const random = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
        const shuffled = randomLike(rounds, random);
        shuffled.forEach((round, r) => {
          expect(round.map((g) => g.length)).toEqual(rounds[r].map((g) => g.length));
          expect(round.flat().sort()).toEqual(rounds[r].flat().sort());
        });
        // Pairs meeting never exceed the pairs the sizes allow.
        const f = meetingFigures(shuffled, new Set(), new Map(), new Set());
        expect(f.pairsMet).toBeLessThanOrEqual(rounds.flat().reduce((x, g) => x + (g.length * (g.length - 1)) / 2, 0));
      }),
    );
  });
});
