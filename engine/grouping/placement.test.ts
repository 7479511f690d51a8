import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choosePartner, GroupingError, partnerMetrics, partnerScore, placeNewcomer } from './index.ts';
import { commonHours } from './time-zones.ts';
import type { KnownPair, Person } from './types.ts';

const KNOWN = 50;
const WEIGHTS = { department: 1, location: 0.5, seniority: 0.25 } as const;

/** formCohorts' cost of one group, recomputed from its definition: Σ w·t(t−1)/2 per attribute value, 50·w per pair. */
function groupCost(g: Person[], separate: KnownPair[]): number {
  let cost = 0;
  for (const [attr, w] of Object.entries(WEIGHTS) as [keyof typeof WEIGHTS, number][]) {
    const tally = new Map<string, number>();
    for (const p of g) if (p[attr]) tally.set(p[attr] as string, (tally.get(p[attr] as string) ?? 0) + 1);
    for (const t of tally.values()) cost += (w * t * (t - 1)) / 2;
  }
  const ids = new Set(g.map((p) => p.id));
  for (const s of separate) if (ids.has(s.a) && ids.has(s.b) && s.a !== s.b) cost += KNOWN * (s.weight ?? 1);
  return cost;
}

/** Arbitrary people with attributes from small alphabets (so clashes are common) and offsets within a day. */
const personArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    department: fc.constantFrom('Sales', 'Design', 'Ops', undefined),
    location: fc.constantFrom('Leeds', 'Lisbon', undefined),
    seniority: fc.constantFrom('junior', 'senior', undefined),
    timezone: fc.constantFrom('+0', '+1', '+3', '-5', '+9'),
  }).map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as unknown as Person);

/** 1–6 groups of 0–7 people, a newcomer, separate pairs naming anyone (the newcomer often), a cap and an hours rule. */
const scenario = fc
  .array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 6 })
  .chain((sizes) => {
    const total = sizes.reduce((a, b) => a + b, 0);
    return fc.record({
      sizes: fc.constant(sizes),
      people: fc.tuple(...Array.from({ length: total + 1 }, (_, i) => personArb(`p${i}`))),
      separate: fc.array(fc.record({ a: fc.integer({ min: 0, max: total }), b: fc.integer({ min: 0, max: total }), weight: fc.constantFrom(1, 2) }), { maxLength: 8 }),
      maxSize: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
      minSharedHours: fc.constantFrom(0, 0, 4, 7),
    });
  })
  .map(({ sizes, people, separate, maxSize, minSharedHours }) => {
    let at = 1;
    const groups = sizes.map((n) => people.slice(at, (at += n)));
    // Separate pairs mostly involve the newcomer (p0), as a manager, a report or a teammate would.
    const pairs = separate.map((s, i) => ({ a: i % 2 ? 'p0' : `p${s.a}`, b: `p${s.b}`, weight: s.weight }));
    return { person: people[0], groups, separate: pairs, maxSize, minSharedHours };
  });

describe('placeNewcomer', () => {
  it('chooses the best group under the stated order: not full, shared hours, smallest, least added mixing cost, first', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const { group } = placeNewcomer(input);
        // The reference: each group's own figures, computed from their definitions, then the same order.
        const ref = input.groups.map((g, i) => {
          const hours = commonHours([input.person, ...g].map((p) => Number(p.timezone)));
          return {
            i,
            full: input.maxSize !== undefined && g.length >= input.maxSize,
            short: Math.max(0, input.minSharedHours - hours),
            size: g.length,
            added: groupCost([...g, input.person], input.separate) - groupCost(g, input.separate),
          };
        });
        const open = ref.filter((r) => !r.full);
        if (open.length === 0) {
          expect(group).toBeNull();
          return;
        }
        const best = open.reduce((a, b) => (b.short < a.short || (b.short === a.short && (b.size < a.size || (b.size === a.size && b.added < a.added - 1e-9))) ? b : a));
        expect(group).toBe(best.i);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps sizes within one of each other and under the cap as newcomers keep arriving, placing each exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), (count, base, arrivals, slack) => {
        // Start balanced (sizes base or base+1), as formCohorts leaves them; the cap is somewhere above.
        const groups: Person[][] = Array.from({ length: count }, (_, g) => Array.from({ length: base + (g % 2) }, (_, i) => ({ id: `g${g}m${i}`, department: `d${(g + i) % 3}` })));
        const cap = base + slack;
        let unplaced = 0;
        for (let n = 0; n < arrivals; n++) {
          const person = { id: `new${n}`, department: `d${n % 3}` };
          const { group } = placeNewcomer({ person, groups, maxSize: cap });
          if (group === null) {
            unplaced++;
            expect(groups.every((g) => g.length >= cap)).toBe(true);
            continue;
          }
          groups[group].push(person);
          const sizes = groups.map((g) => g.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          expect(Math.max(...sizes)).toBeLessThanOrEqual(Math.max(cap, base + 1));
        }
        const ids = groups.flat().map((p) => p.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.filter((id) => id.startsWith('new'))).toHaveLength(arrivals - unplaced);
      }),
      { numRuns: 200 },
    );
  });

  it('among equally small groups, keeps a manager and report apart, then spreads departments and locations', () => {
    const groups: Person[][] = [
      [{ id: 'boss', department: 'Ops' }, { id: 'a', department: 'Sales' }],
      [{ id: 'b', department: 'Design', location: 'Leeds' }, { id: 'c', department: 'Design' }],
      [{ id: 'd', department: 'Design', location: 'Leeds' }, { id: 'e', department: 'Ops' }],
    ];
    const person = { id: 'new', department: 'Design', location: 'Leeds' };
    // Cohort 2 has two of the newcomer's department (cost 2.5), cohort 3 one department and one location (1.5),
    // cohort 1 has their manager (50 + 0): cohort 3 wins.
    const r = placeNewcomer({ person, groups, separate: [{ a: 'boss', b: 'new' }] });
    expect(r.group).toBe(2);
    expect(r.scores.map((s) => s.mixingCost)).toEqual([50, 2.5, 1.5]);
    // The smallest group comes first even when it mixes less well.
    expect(placeNewcomer({ person, groups: [...groups, [{ id: 'f', department: 'Design' }]] }).group).toBe(3);
  });

  it('rejects a newcomer who is already placed, duplicate ids and a bad cap', () => {
    expect(() => placeNewcomer({ person: { id: 'a' }, groups: [[{ id: 'a' }]] })).toThrow(GroupingError);
    expect(() => placeNewcomer({ person: { id: 'x' }, groups: [[{ id: 'a' }], [{ id: 'a' }]] })).toThrow(/duplicate/);
    expect(() => placeNewcomer({ person: { id: 'x' }, groups: [[]], maxSize: 0 })).toThrow(/maxSize/);
    expect(placeNewcomer({ person: { id: 'x' }, groups: [] }).group).toBeNull();
  });
});

describe('choosePartner', () => {
  const candidate = (id: string) =>
    fc.record({
      id: fc.constant(id),
      department: fc.constantFrom('Sales', 'Design', 'Ops'),
      timezone: fc.constantFrom('+0', '+2', '+8', '-6'),
      skills: fc.subarray(['sql', 'design', 'sales', 'finance']),
      goals: fc.subarray(['sql', 'design', 'sales', 'finance']),
    });

  it('never pairs close colleagues, prefers a partner with no broken rule, and takes the best score, earliest on ties', () => {
    fc.assert(
      fc.property(candidate('new'), fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(fc.tuple(...Array.from({ length: n }, (_, i) => candidate(`w${i}`))), fc.subarray(Array.from({ length: n }, (_, i) => `w${i}`)))), (person, [waiting, close]) => {
        const avoid = close.map((b) => ({ a: 'new', b }));
        const i = choosePartner(person, waiting, { minSharedHours: 4, avoid });
        const allowed = waiting.filter((w) => !close.includes(w.id));
        if (allowed.length === 0) {
          expect(i).toBeNull();
          return;
        }
        expect(i).not.toBeNull();
        const chosen = waiting[i as number];
        expect(close).not.toContain(chosen.id);
        // Rules as pairPartners reports them: a different department and 4 shared hours.
        const broken = (w: (typeof waiting)[number]) => partnerMetrics({ people: [person, w], minSharedHours: 4 }, [[person.id, w.id]]).hardViolations;
        if (allowed.some((w) => broken(w) === 0)) expect(broken(chosen)).toBe(0);
        const top = Math.max(...allowed.map((w) => partnerScore(person, w, 4)));
        expect(partnerScore(person, chosen, 4)).toBe(top);
        expect(allowed.findIndex((w) => partnerScore(person, w, 4) === top)).toBe(allowed.indexOf(chosen));
      }),
      { numRuns: 300 },
    );
  });
});
