import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, mentoringMatches, menteeProfiles, mentorProfiles, pathways, personSkills } from '../../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { mentions } from './skill-gaps.service.ts';

// Skill gaps are a recount of what people say they want and could teach: the same figures an independent count of
// the rows gives, whatever the rows; never a secret community; only mentors with room; admins and analysts only.

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
let admin: Client;
let member: Client;
let orgId: string;
const people: { id: string; department: string }[] = [];
const SKILLS = ['Python', 'SQL', 'Public speaking', 'Go', 'Negotiation'];

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await t.buildOrg('Skillful')).id;
  // Engineering 6 and Sales 5 show on their own; Legal 2 and Design 3 only together, as small teams.
  const departments = [...Array(6).fill('Engineering'), ...Array(5).fill('Sales'), 'Legal', 'Legal', 'Design', 'Design', 'Design'];
  for (const [i, department] of departments.entries()) {
    const p = await t.buildPerson(orgId, { department, roles: i === 0 ? ['admin'] : [] });
    people.push({ id: p.id, department });
    if (i === 0) admin = await t.signIn(p.email);
    if (i === 1) member = await t.signIn(p.email);
  }
});
afterAll(() => t.close());

type Shown = { skill: string; wanted: number; offered: number; gap: number; byDepartment: { department: string; wanted: number; offered: number }[] };
const shownDepartment = (d: string) => (d === 'Legal' || d === 'Design' ? 'Small teams (fewer than 5)' : d);

describe('skill gaps', () => {
  it('count each person once per skill, wherever they said it, the largest gap first, by department as the figures group them', async () => {
    const row = fc.record({ person: fc.nat(people.length - 1), skill: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: 5 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ wants: fc.array(row, { maxLength: 25 }), haves: fc.array(row, { maxLength: 25 }), mentee: fc.array(row, { maxLength: 8 }), mentor: fc.array(row, { maxLength: 8 }), activeProfiles: fc.boolean() }),
        async ({ wants, haves, mentee, mentor, activeProfiles }) => {
          await t.db.execute(sql`delete from person_skills where org_id = ${orgId}`);
          await t.db.execute(sql`delete from mentee_profiles where org_id = ${orgId}`);
          await t.db.execute(sql`delete from mentor_profiles where org_id = ${orgId}`);
          const skillRows = new Map<string, typeof personSkills.$inferInsert>();
          for (const [kind, rows] of [['want', wants], ['have', haves]] as const)
            for (const r of rows) skillRows.set(`${r.person} ${kind} ${r.skill}`, { orgId, personId: people[r.person].id, kind, name: r.skill, key: r.skill.toLowerCase(), level: r.level });
          if (skillRows.size) await t.db.insert(personSkills).values([...skillRows.values()]);
          const profiles = (rows: typeof mentee) => {
            const by = new Map<number, string[]>();
            for (const r of rows) by.set(r.person, [...new Set([...(by.get(r.person) ?? []), r.skill])]);
            return [...by.entries()].map(([i, s]) => ({ personId: people[i].id, orgId, active: activeProfiles, skills: s.map((skill) => ({ skill, level: 3 })) }));
          };
          if (mentee.length) await t.db.insert(menteeProfiles).values(profiles(mentee));
          if (mentor.length) await t.db.insert(mentorProfiles).values(profiles(mentor));

          // The independent count.
          const want = new Map<string, Set<number>>();
          const offer = new Map<string, Set<number>>();
          const add = (m: Map<string, Set<number>>, s: string, p: number) => m.set(s, (m.get(s) ?? new Set()).add(p));
          // A person says a skill once per kind (the last one written stands).
          for (const r of skillRows.values()) {
            const p = people.findIndex((x) => x.id === r.personId);
            if (r.kind === 'want') add(want, r.name, p);
            else if (r.level >= 3) add(offer, r.name, p);
          }
          if (activeProfiles) for (const r of mentee) add(want, r.skill, r.person);
          if (activeProfiles) for (const r of mentor) add(offer, r.skill, r.person);

          const got = (await admin.get('/api/skill-gaps')).json();
          expect(got.skills.map((s: Shown) => s.skill).sort()).toEqual([...want.keys()].sort());
          for (const s of got.skills as Shown[]) {
            expect(s).toMatchObject({ wanted: want.get(s.skill)?.size, offered: offer.get(s.skill)?.size ?? 0 });
            expect(s.gap).toBe(s.wanted - s.offered);
            for (const d of s.byDepartment) {
              const count = (set?: Set<number>) => [...(set ?? [])].filter((p) => shownDepartment(people[p].department) === d.department).length;
              expect(d).toEqual({ department: d.department, wanted: count(want.get(s.skill)), offered: count(offer.get(s.skill)) });
            }
            expect(s.byDepartment.reduce((n, d) => n + d.wanted, 0)).toBe(s.wanted);
          }
          const gaps = got.skills.map((s: Shown) => s.gap);
          expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
          // Filtered by a department: only its people's wants count; offers stay organization-wide.
          const sales = (await admin.get('/api/skill-gaps?department=Sales')).json();
          for (const s of sales.skills as Shown[]) expect(s.wanted).toBe([...(want.get(s.skill) ?? [])].filter((p) => people[p].department === 'Sales').length);
          expect(sales.skills.every((s: Shown) => s.wanted > 0)).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('links each gap to mentors with room, published pathways and communities on it, never a secret community', async () => {
    await t.db.execute(sql`delete from person_skills where org_id = ${orgId}`);
    await t.db.execute(sql`delete from mentee_profiles where org_id = ${orgId}`);
    await t.db.execute(sql`delete from mentor_profiles where org_id = ${orgId}`);
    await t.db.insert(personSkills).values({ orgId, personId: people[3].id, kind: 'want', name: 'Go', key: 'go', level: 1 });
    await t.db.insert(mentorProfiles).values([
      { personId: people[4].id, orgId, capacity: 2, skills: [{ skill: 'Go', level: 4 }] },
      { personId: people[5].id, orgId, capacity: 1, skills: [{ skill: 'go', level: 5 }] },
      { personId: people[6].id, orgId, capacity: 1, skills: [{ skill: 'Go', level: 5 }], active: false },
    ]);
    // The second mentor is full: an active match takes their one place.
    await t.db.insert(mentoringMatches).values({ orgId, mentorId: people[5].id, menteeId: people[7].id, status: 'active', score: 50, source: 'request' });
    const community = (name: string, visibility: string, topics: string[]) => ({ orgId, name, slug: name.toLowerCase().replace(/\W+/g, '-'), kind: 'practice', visibility, topics, rules: 'Be kind', rulesHtml: '<p>Be kind</p>' });
    await t.db.insert(communities).values([community('Gophers', 'open', ['go']), community('Go secret', 'secret', ['go']), community('Google fans', 'open', [])]);
    await t.db.insert(pathways).values([
      { orgId, authorId: people[0].id, title: 'Learn Go in a month', status: 'published' },
      { orgId, authorId: people[0].id, title: 'Go draft', status: 'draft' },
      { orgId, authorId: people[0].id, title: 'Google Sheets', status: 'published' },
    ] as (typeof pathways.$inferInsert)[]);
    const [go] = (await admin.get('/api/skill-gaps')).json().skills;
    // The inactive mentor offers nothing; the full one still could teach it.
    expect(go).toMatchObject({ skill: 'Go', wanted: 1, offered: 2, gap: -1 });
    expect(go.mentors).toEqual([{ id: people[4].id, name: expect.any(String), department: 'Engineering', room: 2 }]);
    expect(go.pathways.map((p: { title: string }) => p.title)).toEqual(['Learn Go in a month']);
    expect(go.communities.map((c: { name: string }) => c.name)).toEqual(['Gophers']);
  });

  it('is for org admins and analysts: others get 404, bad filters 400, an unknown department nothing', async () => {
    expect((await member.get('/api/skill-gaps')).statusCode).toBe(404);
    expect((await admin.get('/api/skill-gaps?department=Nowhere')).json()).toMatchObject({ department: 'Nowhere', skills: [] });
    expect((await admin.get('/api/skill-gaps?department=')).statusCode).toBe(400);
    expect((await admin.get('/api/skill-gaps?team=x')).statusCode).toBe(400);
    expect((await admin.get('/api/skill-gaps')).json().departments).toEqual(['Engineering', 'Sales', 'Small teams (fewer than 5)']);
  });

  it('matches a skill as a whole word or phrase', () => {
    expect(mentions('learn go in a month', 'go')).toBe(true);
    expect(mentions('google sheets', 'go')).toBe(false);
    expect(mentions('c++ and go.', 'go')).toBe(true);
    expect(mentions('public speaking 101', 'public speaking')).toBe(true);
    expect(mentions('publicspeaking', 'public speaking')).toBe(false);
  });
});
