import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForce } from './brute-force.test-helper.ts';
import { MatchingError, matchMentors, matchScoreTable, type MenteeProfile, type MentorProfile } from './index.ts';
import { FORBIDDEN } from './score-graph.ts';

const mentor = (id: string, extra: Partial<MentorProfile> = {}): MentorProfile => ({
  id,
  department: 'eng',
  team: 'core',
  seniority: 5,
  timezone: 0,
  skillsHave: [{ skill: 'sql', level: 4 }],
  topics: ['leadership'],
  capacity: 1,
  ...extra,
});
const mentee = (id: string, extra: Partial<MenteeProfile> = {}): MenteeProfile => ({
  id,
  department: 'sales',
  team: 'east',
  seniority: 3,
  timezone: 0,
  skillsWant: [{ skill: 'sql', level: 3 }],
  goals: ['leadership'],
  ...extra,
});

describe('matchMentors', () => {
  it('explains every match with at most three factors, best first', () => {
    const r = matchMentors({ mentees: [mentee('a')], mentors: [mentor('x')] });
    expect(r.assignments).toHaveLength(1);
    const ex = r.assignments[0].explanation ?? [];
    expect(ex.length).toBeGreaterThan(0);
    expect(ex.length).toBeLessThanOrEqual(3);
    for (let k = 1; k < ex.length; k++) expect(ex[k - 1].points).toBeGreaterThanOrEqual(ex[k].points);
    expect(ex[0].reason).toMatch(/\w/);
  });

  it('never pairs a mentee with their own manager, own team (when chosen) or too distant time zone', () => {
    const r = matchMentors(
      {
        mentees: [mentee('a', { managerId: 'boss' }), mentee('b', { team: 'core' }), mentee('c', { timezone: 12 })],
        mentors: [mentor('boss', { capacity: 3, team: 'other' }), mentor('x', { capacity: 3, timezone: -4 })],
      },
      { forbidSameTeam: true, mode: 'participation' },
    );
    const pairs = Object.fromEntries(r.assignments.map((a) => [a.mentee, a.mentor]));
    expect(pairs.a).not.toBe('boss');
    expect(pairs.b).not.toBe('x');
    // c (UTC+12) shares no 9–17 hour with boss (UTC 0) nor with x (UTC-4, 16 h apart = 8 h the other way).
    expect(pairs.c).toBeUndefined();
    const c = r.unmatched.find((u) => u.mentee === 'c');
    expect(c?.reason).toBe('NO_FEASIBLE_MENTOR');
    expect(c?.detail).toContain('TIMEZONE');
  });

  it('reports bad input per person instead of failing', () => {
    const r = matchMentors(
      {
        mentees: [mentee('a', { skillsWant: [{ skill: 'Klingon', level: 2 }] }), mentee('a'), mentee('lonely', { timezone: 12 })],
        mentors: [mentor('x', { capacity: 0 }), mentor('y', { capacity: -2 }), mentor('z', { capacity: 2 }), mentor('z')],
      },
      { knownSkills: ['sql'] },
    );
    const codes = r.issues.map((i) => `${i.side}:${i.id}:${i.code}`);
    expect(codes).toContain('mentor:x:ZERO_CAPACITY');
    expect(codes).toContain('mentor:y:INVALID_CAPACITY');
    expect(codes).toContain('mentor:z:DUPLICATE_ID');
    expect(codes).toContain('mentee:a:DUPLICATE_ID');
    expect(codes).toContain('mentee:a:UNKNOWN_SKILL');
    expect(codes).toContain('mentee:lonely:NO_FEASIBLE_MENTOR');
    expect(r.unmatched.map((u) => u.mentee)).toContain('lonely');
    expect(r.assignments.map((a) => a.mentor)).toEqual(['z']);
  });

  it('names the violated hard constraint when a pin is impossible', () => {
    const input = { mentees: [mentee('a', { managerId: 'x' })], mentors: [mentor('x')] };
    try {
      matchMentors(input, { pinnedPairs: [{ mentee: 'a', mentor: 'x' }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MatchingError);
      expect((e as MatchingError).code).toBe('INFEASIBLE_CONSTRAINT');
      expect((e as MatchingError).detail.constraint).toBe('OWN_MANAGER');
      expect((e as MatchingError).message).toContain('OWN_MANAGER');
    }
  });

  it('keeps a feasible pin and matches the rest around it', () => {
    const r = matchMentors(
      { mentees: [mentee('a'), mentee('b')], mentors: [mentor('x'), mentor('y', { skillsHave: [] })] },
      { pinnedPairs: [{ mentee: 'a', mentor: 'y' }] },
    );
    expect(r.assignments.map((a) => `${a.mentee}-${a.mentor}`)).toEqual(['a-y', 'b-x']);
  });

  it('respects capacities and hard constraints on random profile pools', () => {
    const person = fc.record({
      team: fc.constantFrom('t1', 't2', 't3'),
      timezone: fc.constantFrom(-8, 0, 1, 9),
      seniority: fc.integer({ min: 1, max: 8 }),
      boss: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 12 }), fc.array(fc.tuple(person, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 6 }), fc.constantFrom('optimal', 'fair', 'participation'), (es, rs, mode) => {
        const mentors = rs.map(([p, cap], j) => mentor(`r${j}`, { team: p.team, timezone: p.timezone, seniority: p.seniority, capacity: cap }));
        const mentees = es.map((p, i) => mentee(`e${i}`, { team: p.team, timezone: p.timezone, seniority: p.seniority, managerId: `r${p.boss}` }));
        const r = matchMentors({ mentees, mentors }, { forbidSameTeam: true, mode: mode as 'fair', minOverlapHours: 3 });
        const load = new Map<string, number>();
        for (const a of r.assignments) {
          const e = mentees.find((x) => x.id === a.mentee) as MenteeProfile;
          const m = mentors.find((x) => x.id === a.mentor) as MentorProfile;
          expect(e.managerId).not.toBe(m.id);
          expect(e.team).not.toBe(m.team);
          expect(Math.abs((e.timezone ?? 0) - (m.timezone ?? 0))).toBeLessThan(6);
          load.set(m.id, (load.get(m.id) ?? 0) + 1);
        }
        for (const m of mentors) expect(load.get(m.id) ?? 0).toBeLessThanOrEqual(m.capacity);
        expect(r.assignments.length + r.unmatched.length).toBe(mentees.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('matchScoreTable', () => {
  it('uses only listed pairs and is exact against brute force (sparse path)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { freq: 3 }), { minLength: 24, maxLength: 24 }),
        fc.constantFrom('optimal', 'fair', 'participation'),
        (n, m, caps, cells, mode) => {
          const S = Array.from({ length: n * m }, (_, k) => cells[k] ?? FORBIDDEN);
          const pairs = [];
          for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (S[i * m + j] !== FORBIDDEN) pairs.push({ mentee: `e${i}`, mentor: `r${j}`, score: S[i * m + j] / 10 });
          const capacities = Array.from({ length: m }, (_, j) => ({ mentor: `r${j}`, capacity: caps[j] }));
          const r = matchScoreTable({ pairs, capacities }, { mode: mode as 'fair' });
          const bf = bruteForce(n, m, S, caps);
          const listed = new Set(pairs.map((p) => `${p.mentee}:${p.mentor}`));
          for (const a of r.assignments) expect(listed.has(`${a.mentee}:${a.mentor}`)).toBe(true);
          const total = Math.round(r.total * 10);
          if (mode === 'optimal') expect(total).toBe(bf.total);
          if (mode === 'participation') expect([r.assignments.length, total]).toEqual([bf.maxCard, bf.participationTotal]);
          if (mode === 'fair') {
            expect(r.assignments.length).toBe(bf.maxCard);
            expect(total).toBe(bf.fairTotal);
            if (bf.floor !== null) expect(Math.round((r.floor ?? -1) * 10)).toBe(bf.floor);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports unknown mentors, duplicate pairs and bad scores per row', () => {
    const r = matchScoreTable({
      pairs: [
        { mentee: 'a', mentor: 'x', score: 0.5 },
        { mentee: 'a', mentor: 'x', score: 0.9 },
        { mentee: 'b', mentor: 'ghost', score: 1 },
        { mentee: 'c', mentor: 'x', score: Number.NaN },
      ],
      capacities: [{ mentor: 'x', capacity: 1 }],
    });
    expect(r.assignments).toEqual([{ mentee: 'a', mentor: 'x', score: 0.5 }]);
    expect(r.issues.map((i) => i.code).sort()).toEqual(['DUPLICATE_ID', 'INVALID_SCORE', 'NO_FEASIBLE_MENTOR', 'NO_FEASIBLE_MENTOR', 'UNKNOWN_PERSON']);
    expect(r.unmatched.map((u) => u.reason)).toEqual(['NO_FEASIBLE_MENTOR', 'NO_FEASIBLE_MENTOR']);
  });
});
