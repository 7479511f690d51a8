import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NETWORK_MIN_GROUP, NETWORK_NO_DEPARTMENT, NETWORK_SMALL_TEAMS } from '../../../../contracts/index.ts';
import { buildGraph, eiIndex } from '../../../../engine/network/index.ts';
import { departmentFigures, type MatrixPerson, type MonthlyTie, monthsBetween } from './network.matrix.ts';

// Properties of the department figures over random organizations: whatever the sizes of departments and the ties,
// no figure covers fewer than 5 people, the matrix counts each tied pair once, the order ties arrive in changes
// nothing, and the E-I series agrees with engine/network's E-I index month by month.

const FROM = '2025-01-10';
const TO = '2025-04-20';
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04'];

const org = fc
  .record({
    departments: fc.array(fc.constantFrom('Sales', 'Engineering', 'Design', 'Legal', 'Ops', null, '  '), { minLength: 0, maxLength: 40, size: 'max' }),
    ties: fc.array(fc.record({ i: fc.nat(45), j: fc.nat(45), month: fc.constantFrom(...MONTHS, '2024-12'), weight: fc.integer({ min: 1, max: 4 }) }), { maxLength: 120, size: 'max' }),
  })
  .map(({ departments, ties }) => {
    const people: MatrixPerson[] = departments.map((department, k) => ({ id: `p${String(k).padStart(2, '0')}`, department }));
    // Ids past the people are colleagues who have left; months outside the range are dropped by the query, and here too.
    const monthly: MonthlyTie[] = ties
      .filter((t) => t.i !== t.j && t.month !== '2024-12')
      .map((t) => {
        const [a, b] = [`p${String(t.i).padStart(2, '0')}`, `p${String(t.j).padStart(2, '0')}`].sort();
        return { a, b, month: t.month, weight: t.weight };
      });
    // The query sums a pair's month: one row per pair and month.
    const merged = new Map<string, MonthlyTie>();
    for (const t of monthly) {
      const k = `${t.a}|${t.b}|${t.month}`;
      const seen = merged.get(k);
      merged.set(k, seen ? { ...seen, weight: seen.weight + t.weight } : t);
    }
    return { people, monthly: [...merged.values()] };
  });

const own = (p: MatrixPerson) => p.department?.trim() || null;
const heads = (people: MatrixPerson[]) => {
  const n = new Map<string, number>();
  for (const p of people) n.set(own(p) ?? NETWORK_NO_DEPARTMENT, (n.get(own(p) ?? NETWORK_NO_DEPARTMENT) ?? 0) + 1);
  return n;
};

describe('department figures', () => {
  it('never show a department of fewer than 5 people, and account for every active person once', () => {
    fc.assert(
      fc.property(org, ({ people, monthly }) => {
        const r = departmentFigures(people, monthly, FROM, TO);
        const n = heads(people);
        const small = [...n.values()].filter((k) => k < NETWORK_MIN_GROUP).reduce((s, k) => s + k, 0);
        for (const d of r.departments) expect(d.people).toBeGreaterThanOrEqual(NETWORK_MIN_GROUP);
        expect(r.departments.reduce((s, d) => s + d.people, 0) + r.withheld).toBe(people.length);
        expect(r.withheld).toBe(small < NETWORK_MIN_GROUP ? small : 0);
        const named = new Set([
          ...r.departments.map((d) => d.name),
          ...r.matrix.flatMap((m) => [m.a, m.b]),
          ...r.eiByMonth.departments.map((d) => d.name),
          ...r.communities.flatMap((c) => c.departments.map((d) => d.name)),
        ]);
        for (const name of named) expect(name === NETWORK_SMALL_TEAMS || (n.get(name) ?? 0) >= NETWORK_MIN_GROUP, name).toBe(true);
        for (const c of r.communities) {
          expect(c.size).toBeGreaterThanOrEqual(NETWORK_MIN_GROUP);
          expect(c.departments.reduce((s, d) => s + d.people, 0) + c.otherPeople).toBe(c.size);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('count each tied pair of current colleagues once in the matrix, whatever the order and months ties come in', () => {
    fc.assert(
      fc.property(org, fc.integer(), ({ people, monthly }, seed) => {
        const r = departmentFigures(people, monthly, FROM, TO);
        const shown = new Set(r.departments.map((d) => d.name));
        const n = heads(people);
        const groupOf = new Map(people.map((p) => {
          const l = own(p) ?? NETWORK_NO_DEPARTMENT;
          return [p.id, (n.get(l) as number) >= NETWORK_MIN_GROUP ? l : NETWORK_SMALL_TEAMS];
        }));
        const pairs = new Set(monthly.filter((t) => shown.has(groupOf.get(t.a) ?? '') && shown.has(groupOf.get(t.b) ?? '')).map((t) => `${t.a}|${t.b}`));
        expect(r.matrix.reduce((s, m) => s + m.ties, 0)).toBe(pairs.size);
        expect(r.matrix).toHaveLength((r.departments.length * (r.departments.length + 1)) / 2);
        for (const m of r.matrix) {
          expect(m.ties).toBeLessThanOrEqual(m.possible);
          expect(m.share).toBe(m.possible ? m.ties / m.possible : 0);
        }
        const shuffled = fc.sample(fc.shuffledSubarray(monthly, { minLength: monthly.length, maxLength: monthly.length }), { seed, numRuns: 1 })[0];
        expect(departmentFigures(people, shuffled, FROM, TO)).toEqual(r);
      }),
      { numRuns: 150 },
    );
  });

  it('give, each month, the E-I index engine/network finds for that month (departments of 5 or more; overall)', () => {
    fc.assert(
      fc.property(org, ({ people, monthly }) => {
        const r = departmentFigures(people, monthly, FROM, TO);
        expect(r.eiByMonth.months).toEqual(MONTHS);
        const attribute = new Map(people.filter((p) => own(p)).map((p) => [p.id, own(p) as string]));
        const ids = new Set(people.map((p) => p.id));
        MONTHS.forEach((month, k) => {
          const g = buildGraph(monthly.filter((t) => t.month === month && ids.has(t.a) && ids.has(t.b)), { nodes: people.map((p) => p.id) });
          const ei = eiIndex(g, attribute);
          expect(r.eiByMonth.overall[k]).toBe(ei.overall);
          for (const d of r.eiByMonth.departments) {
            expect(d.values[k] === null || (d.values[k] as number) >= -1 && (d.values[k] as number) <= 1).toBe(true);
            if (d.name !== NETWORK_SMALL_TEAMS) expect(d.values[k]).toBe(ei.byGroup[d.name] ?? null);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('list the months of a range, across a year end', () => {
    expect(monthsBetween('2024-11-30', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-03-01', '2025-03-31')).toEqual(['2025-03']);
  });
});
