import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choosePartner, departmentPairFigures, formCohorts, formGroups, pairPartners, placeNewcomer, planGroupSizes, roundBound } from './index.ts';
import { recount } from './test-helpers.ts';
import type { DepartmentTies, GroupingInput, Person } from './types.ts';

// The promise holds where the search settles (floor, stall or local optimum) before the clock: then the run without
// tie counts is exactly the first phase of the run with them, whose search keeps three quarters of the budget. Runs
// that the clock cuts are not comparable (two equal runs differ there too), so instances whose run without tie
// counts takes more than a fifth of the budget are discarded (fc.pre).
const BUDGET = 1500;
const SETTLED = { timeLimitMs: BUDGET };
/** Runs `f`, and discards the instance when it took long enough for the clock to have decided. */
function settled<T>(f: () => T): T {
  const t0 = performance.now();
  const out = f();
  fc.pre(performance.now() - t0 < BUDGET / 5);
  return out;
}

/** People with uneven departments (d0 largest), locations and time zones drawn from the arbitrary values. */
const arbPeople = fc
  .tuple(fc.integer({ min: 6, max: 22 }), fc.integer({ min: 2, max: 7 }), fc.array(fc.nat(), { minLength: 22, maxLength: 22 }))
  .map(([n, d, draws]): Person[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      department: `d${Math.min(d - 1, Math.floor((draws[i] % (d * d)) ** 0.5))}`,
      location: `l${draws[i] % 3}`,
      timezone: `+${draws[i] % 4}`,
    })),
  );

/** Tie counts over the departments d0..d6: zeros, small and large counts, some pairs unlisted. */
const arbTies = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 50, max: 500 }))), { maxLength: 30 })
  .map((rows): DepartmentTies[] => rows.map(([a, b, ties]) => ({ a: `d${a}`, b: `d${b}`, ties })));

const arbPairs = (people: Person[], raw: [number, number][]) =>
  raw.map(([a, b]) => ({ a: people[a % people.length].id, b: people[b % people.length].id })).filter((p) => p.a !== p.b);

describe('department tie counts come strictly after the other goals', () => {
  it('formGroups: repeats, hard rules, known-pair meetings, new ties and department mix are never worse with tie counts', () => {
    fc.assert(
      fc.property(arbPeople, arbTies, fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }), fc.integer({ min: 1, max: 1000 }), (people, departmentTies, k, r, knownRaw, seed) => {
          const rounds = Math.max(1, Math.min(r, roundBound(people.length, planGroupSizes(people.length, k, 'auto', r))));
          const input: GroupingInput = { people, groupSize: k, rounds, knownPairs: arbPairs(people, knownRaw) };
          const without = settled(() => formGroups(input, { ...SETTLED, seed }));
          const withTies = formGroups({ ...input, departmentTies }, { ...SETTLED, seed });
          const a = without.metrics;
          const b = withTies.metrics;
          expect(b.hardViolations).toBe(0);
          expect(b.repeats).toBeLessThanOrEqual(a.repeats);
          expect(b.maxMeetings).toBeLessThanOrEqual(a.maxMeetings);
          expect(b.cleanRounds).toBeGreaterThanOrEqual(a.cleanRounds);
          expect(b.knownPairMeetings).toBeLessThanOrEqual(a.knownPairMeetings);
          expect(b.newTies).toBeGreaterThanOrEqual(a.newTies);
          expect(b.distinctDepartments?.average ?? 0).toBeGreaterThanOrEqual((a.distinctDepartments?.average ?? 0) - 1e-9);
          expect(b.distinctDepartments?.min ?? 0).toBeGreaterThanOrEqual(a.distinctDepartments?.min ?? 0);
          // The figures the engine reports are those of its schedule, recounted independently.
          const check = recount({ ...input, departmentTies }, withTies.rounds);
          expect(b.repeats).toBe(check.repeats);
          expect(b.newTies).toBe(check.newTies);
          const pairs = departmentPairFigures(withTies.rounds.flat(), people, departmentTies);
          expect(b.departmentPairs).toBe(pairs.departmentPairs);
          expect(b.firstTimeDepartmentPairs).toBe(pairs.firstTime.length);
          expect(a.firstTimeDepartmentPairs).toBeNull();
        },
      ),
      { numRuns: 40, maxSkipsPerRun: 2 },
    );
  }, 240_000);

  it('formCohorts: shared hours, rule breaks, colleagues kept apart and the department and location mix are never worse', () => {
    fc.assert(
      fc.property(arbPeople, arbTies, fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }), fc.integer({ min: 1, max: 1000 }), (people, departmentTies, size, hours, raw, seed) => {
          const input = { people, cohortSize: size, minSharedHours: hours, separate: arbPairs(people, raw) };
          const a = settled(() => formCohorts(input, { ...SETTLED, seed })).metrics;
          const b = formCohorts({ ...input, departmentTies }, { ...SETTLED, seed }).metrics;
          expect(b.hardViolations).toBeLessThanOrEqual(a.hardViolations);
          expect(b.separatedTogether).toBeLessThanOrEqual(a.separatedTogether);
          expect(b.minCommonHours).toBeGreaterThanOrEqual(a.minCommonHours);
          for (const key of ['distinctDepartments', 'distinctLocations'] as const) {
            expect(b[key]?.average ?? 0).toBeGreaterThanOrEqual((a[key]?.average ?? 0) - 1e-9);
            expect(b[key]?.min ?? 0).toBeGreaterThanOrEqual(a[key]?.min ?? 0);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('pairPartners: rule breaks, cross-department share, shared hours, complementarity and avoided pairs are never worse', () => {
    fc.assert(
      fc.property(arbPeople, arbTies, fc.integer({ min: 0, max: 6 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }), fc.integer({ min: 1, max: 1000 }), (people, departmentTies, hours, raw, seed) => {
          const input = { people: people.map((p, i) => ({ ...p, skills: [`s${i % 3}`], goals: [`s${(i + 1) % 4}`] })), minSharedHours: hours, avoid: arbPairs(people, raw) };
          const a = settled(() => pairPartners(input, { ...SETTLED, seed })).metrics;
          const b = pairPartners({ ...input, departmentTies }, { ...SETTLED, seed }).metrics;
          expect(b.hardViolations).toBeLessThanOrEqual(a.hardViolations);
          expect(b.crossDepartmentShare).toBeGreaterThanOrEqual(a.crossDepartmentShare - 1e-9);
          expect(b.averageSharedHours).toBeGreaterThanOrEqual(a.averageSharedHours - 1e-9);
          expect(b.averageComplementarity).toBeGreaterThanOrEqual(a.averageComplementarity - 1e-9);
          expect(b.avoidedPaired).toBeLessThanOrEqual(a.avoidedPaired);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('placeNewcomer: tie counts only decide between groups that are equal on cap, hours, size and mixing', () => {
    fc.assert(
      fc.property(arbPeople, arbTies, fc.integer({ min: 2, max: 5 }), (people, departmentTies, groupCount) => {
        const [person, ...rest] = people;
        const groups = Array.from({ length: groupCount }, (_, g) => rest.filter((_, i) => i % groupCount === g));
        const a = placeNewcomer({ person, groups });
        const b = placeNewcomer({ person, groups, departmentTies });
        const strip = (s: (typeof a.scores)[number]) => [s.full, s.hoursShort, s.size, s.mixingCost];
        expect(b.scores.map(strip)).toEqual(a.scores.map(strip));
        if (a.group !== null && b.group !== null) expect(strip(b.scores[b.group])).toEqual(strip(a.scores[a.group]));
        expect(b.group === null).toBe(a.group === null);
      }),
      { numRuns: 100 },
    );
  });
});

describe('department tie counts steer meetings to departments with few ties', () => {
  // Sales–Engineering and Legal–Finance already work together a lot; every other pair has never met.
  const people: Person[] = ['Sales', 'Sales', 'Engineering', 'Engineering', 'Legal', 'Legal', 'Finance', 'Finance'].map((department, i) => ({ id: `p${i}`, department }));
  const departmentTies: DepartmentTies[] = [
    { a: 'Sales', b: 'Engineering', ties: 40 },
    { a: 'Finance', b: 'Legal', ties: 25 },
    { a: 'Sales', b: 'Sales', ties: 90 },
  ];

  it('pairs and breakout pairs avoid the tied department pairs for every seed', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const groups = formGroups({ people, groupSize: 2, rounds: 1, departmentTies }, { seed, timeLimitMs: 500 }).metrics;
      expect(groups.firstTimeDepartmentPairs).toBe(groups.departmentPairs);
      const partners = pairPartners({ people, departmentTies }, { seed, timeLimitMs: 500 }).metrics;
      expect(partners.firstTimeDepartmentPairs).toBe(partners.departmentPairs);
    }
  });

  it('a newcomer joins the equal group whose departments theirs has no ties with; a partner likewise', () => {
    const newcomer = { id: 'new', department: 'Sales' };
    const groups = [[people[2]], [people[4]]]; // Engineering (tied with Sales), Legal (never met)
    expect(placeNewcomer({ person: newcomer, groups }).group).toBe(0);
    expect(placeNewcomer({ person: newcomer, groups, departmentTies }).group).toBe(1);
    expect(choosePartner(newcomer, [people[2], people[4]])).toBe(0);
    expect(choosePartner(newcomer, [people[2], people[4]], { departmentTies })).toBe(1);
  });

  it('lists first-time department pairs by name and counts none without tie counts', () => {
    const groups = [['p0', 'p2', 'p4'], ['p6', 'p1']];
    expect(departmentPairFigures(groups, people, departmentTies)).toEqual({
      departmentPairs: 4,
      firstTimeDepartmentPairs: 3,
      firstTime: [['Engineering', 'Legal'], ['Finance', 'Sales'], ['Legal', 'Sales']],
    });
    expect(departmentPairFigures(groups, people).firstTimeDepartmentPairs).toBeNull();
  });

  it('refuses negative or non-numeric tie counts with INVALID_INPUT', () => {
    for (const ties of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => formGroups({ people, groupSize: 2, rounds: 1, departmentTies: [{ a: 'Sales', b: 'Legal', ties }] })).toThrow(/non-negative/);
    }
  });
});
