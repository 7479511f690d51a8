import { describe, expect, it } from 'vitest';
import { overlapHours, pairScoreOf, prepareCompatibility, violatedConstraint } from './compatibility.ts';

describe('compatibility', () => {
  it('counts shared working hours across the date line', () => {
    expect(overlapHours(0, 0, [9, 17])).toBe(8);
    expect(overlapHours(0, 3, [9, 17])).toBe(5);
    expect(overlapHours(12, -11, [9, 17])).toBe(7);
    expect(overlapHours(0, 12, [9, 17])).toBe(0);
  });

  it('scores coverage, goals, cross-department and seniority gap higher for the better mentor', () => {
    const ctx = prepareCompatibility(
      [{ id: 'a', department: 'sales', seniority: 2, skillsWant: [{ skill: 'SQL', level: 3 }], goals: ['Leadership'] }],
      [
        { id: 'good', department: 'eng', seniority: 3, skillsHave: [{ skill: 'sql', level: 5 }], topics: ['leadership'], capacity: 1 },
        { id: 'weak', department: 'sales', seniority: 2, skillsHave: [{ skill: 'excel', level: 5 }], topics: [], capacity: 1 },
      ],
    );
    const good = pairScoreOf(ctx, 0, 0);
    const weak = pairScoreOf(ctx, 0, 1);
    expect(good).toBeGreaterThan(weak);
    expect(good).toBeLessThanOrEqual(1000);
    expect(weak).toBeGreaterThanOrEqual(0);
  });

  it('rules out self, own manager, explicitly forbidden pairs and same team when asked', () => {
    const ctx = prepareCompatibility(
      [{ id: 'p', team: 't', managerId: 'm' }],
      [
        { id: 'p', capacity: 1 },
        { id: 'm', capacity: 1 },
        { id: 'q', team: 't', capacity: 1 },
        { id: 'f', capacity: 1 },
      ],
      { forbidSameTeam: true, forbiddenPairs: [{ mentee: 'p', mentor: 'f' }] },
    );
    expect([0, 1, 2, 3].map((j) => violatedConstraint(ctx, 0, j))).toEqual(['SELF', 'OWN_MANAGER', 'SAME_TEAM', 'FORBIDDEN_PAIR']);
  });
});
