import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formCohorts, GroupingError, pairPartners, parseUtcOffset, sharedHours } from './index.ts';
import type { Person } from './types.ts';


describe('time zones', () => {
  it('parses offsets and measures shared 9–17 hours the short way round the clock', () => {
    expect(parseUtcOffset('UTC+5:30', 'x')).toBe(5.5);
    expect(parseUtcOffset('-8', 'x')).toBe(-8);
    expect(sharedHours(1, 2)).toBe(7);
    expect(sharedHours(-8, 9)).toBe(1); // 17 hours apart one way, 7 the other
    expect(() => parseUtcOffset('Mars/Olympus', 'ann')).toThrow(/ann/);
  });
});

describe('formCohorts', () => {
  it('partitions people into cohorts of the target size ±1 that meet the shared-hours rule and mix departments', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 120 }), fc.integer({ min: 4, max: 25 }), fc.integer(), (n, raw, seed) => {
        // Offsets 0..6 h: everyone together shares only 2 hours, but any split into 2+ cohorts along the clock
        // keeps each cohort within 4 hours of offset, so a 4-hour rule is satisfiable and must hold.
        const size = Math.min(raw, Math.floor(n / 2));
        const people: Person[] = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, department: `d${i % 5}`, timezone: `+${(i * 3) % 7}` }));
        const result = formCohorts({ people, cohortSize: size, minSharedHours: 4 }, { seed, timeLimitMs: 80 });
        expect(result.cohorts.flat().sort()).toEqual(people.map((p) => p.id).sort());
        const sizes = result.cohorts.map((c) => c.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(result.metrics.hardViolations).toBe(0);
        expect(result.metrics.minCommonHours).toBeGreaterThanOrEqual(4);
      }),
      { numRuns: 25 },
    );
  });

  it('separates close colleagues and spreads departments better than taking people in order', () => {
    const people: Person[] = Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, department: `d${Math.floor(i / 12)}` }));
    const separate = Array.from({ length: 20 }, (_, i) => ({ a: `p${i}`, b: `p${i + 1}` }));
    const result = formCohorts({ people, cohortSize: 12, separate }, { timeLimitMs: 300 });
    expect(result.metrics.separatedTogether).toBe(0);
    expect(result.metrics.distinctDepartments?.min).toBe(5);
  });

  it('warns when time zones are too spread for the rule', () => {
    const people: Person[] = ['-10', '+0', '+10', '-10', '+0', '+10'].map((timezone, i) => ({ id: `p${i}`, timezone }));
    const result = formCohorts({ people, cohortSize: 6, minSharedHours: 4 }, { timeLimitMs: 50 });
    expect(result.metrics.hardViolations).toBe(1);
    expect(result.warnings[0]).toContain('fewer than 4 working hours');
  });

  it('rejects duplicate ids and missing time zones under a shared-hours rule', () => {
    expect(() => formCohorts({ people: [{ id: 'a' }, { id: 'a' }], cohortSize: 2 })).toThrow(GroupingError);
    expect(() => formCohorts({ people: [{ id: 'a', timezone: '+1' }, { id: 'b' }], cohortSize: 2, minSharedHours: 2 })).toThrow(/"b"/);
  });
});

describe('pairPartners', () => {
  it('pairs everyone once (one trio when odd), across departments, with overlapping hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer(), (n, seed) => {
        // Offsets within 3 hours: every pair shares ≥ 5 hours, so only departments constrain; no department
        // holds more than half the people, so a cross-department pairing exists and must be found.
        const people = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, department: `d${i % 4}`, timezone: `+${(i * 5) % 4}` }));
        const result = pairPartners({ people, minSharedHours: 5 }, { seed, timeLimitMs: 100 });
        expect(result.pairs.flat().sort()).toEqual(people.map((p) => p.id).sort());
        expect(result.pairs.filter((p) => p.length === 3)).toHaveLength(n % 2);
        expect(result.pairs.every((p) => p.length === 2 || p.length === 3)).toBe(true);
        if (n >= 4) expect(result.metrics.hardViolations).toBe(0);
      }),
      { numRuns: 30 },
    );
  });

  it('prefers complementary partners: goals matched by the other person’s skills', () => {
    const people = [
      { id: 'a', department: 'x', skills: ['sql'], goals: ['design'] },
      { id: 'b', department: 'y', skills: ['design'], goals: ['sql'] },
      { id: 'c', department: 'z', skills: ['sales'], goals: ['finance'] },
      { id: 'd', department: 'w', skills: ['finance'], goals: ['sales'] },
    ];
    const result = pairPartners({ people });
    expect(result.pairs.map((p) => p.join('')).sort()).toEqual(['ab', 'cd']);
    expect(result.metrics.averageComplementarity).toBe(2);
  });
});
