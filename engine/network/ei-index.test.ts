import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './build.ts';
import { eiIndex } from './ei-index.ts';
import { idArb, mergedTies, tiesArb } from './test-helpers.ts';

const attributeArb = fc.dictionary(idArb, fc.constantFrom('red', 'blue', 'green', ''), { maxKeys: 10 });

/** The index straight from the definition over the merged tie list. */
function naive(ties: { a: string; b: string }[], directed: boolean, attr: Map<string, string>) {
  let e = 0;
  let i = 0;
  const per = new Map<string, { e: number; i: number }>();
  const bump = (group: string, key: 'e' | 'i') => {
    const cur = per.get(group) ?? { e: 0, i: 0 };
    cur[key]++;
    per.set(group, cur);
  };
  for (const key of mergedTies(ties, directed).keys()) {
    const [a, b] = key.split('|');
    const ga = attr.get(a) || undefined;
    const gb = attr.get(b) || undefined;
    if (!ga || !gb) continue;
    if (ga === gb) {
      i++;
      bump(ga, 'i');
    } else {
      e++;
      bump(ga, 'e');
      bump(gb, 'e');
    }
  }
  const byGroup: Record<string, number> = {};
  for (const [group, c] of per) byGroup[group] = (c.e - c.i) / (c.e + c.i);
  return { overall: e + i === 0 ? null : (e - i) / (e + i), byGroup };
}

describe('eiIndex', () => {
  it('is (E − I) / (E + I) overall and per group, counting each tie once and skipping ties with an unvalued end', () => {
    fc.assert(
      fc.property(tiesArb, attributeArb, fc.boolean(), (ties, dict, directed) => {
        const attr = new Map(Object.entries(dict));
        const g = buildGraph(ties, { directed });
        const got = eiIndex(g, attr);
        const want = naive(ties, directed, attr);
        expect(got.overall).toBe(want.overall);
        expect(got.byGroup).toEqual(want.byGroup);
        if (got.overall !== null) expect(Math.abs(got.overall)).toBeLessThanOrEqual(1);
        expect(got.internal + got.external + got.excluded).toBe(mergedTies(ties, directed).size);
      }),
    );
  });

  it('ignores weights and does not depend on what the groups are called', () => {
    fc.assert(
      fc.property(tiesArb, attributeArb, (ties, dict) => {
        const attr = new Map(Object.entries(dict));
        const base = eiIndex(buildGraph(ties), attr);
        const heavy = eiIndex(buildGraph(ties.map((t) => ({ ...t, weight: 7 }))), attr);
        expect(heavy).toEqual(base);
        const renamed = new Map([...attr].map(([id, v]) => [id, v ? `team ${v}` : v]));
        const other = eiIndex(buildGraph(ties), renamed);
        expect(other.overall).toBe(base.overall);
        expect(Object.fromEntries(Object.entries(other.byGroup).map(([k, v]) => [k.slice(5), v]))).toEqual(base.byGroup);
      }),
    );
  });

  it('matches a hand-worked example', () => {
    // Sales: a, b; Ops: c, d. Ties a–b (I), c–d (I), a–c (E), b–x (x has no value: excluded).
    const g = buildGraph([
      { a: 'a', b: 'b' },
      { a: 'c', b: 'd' },
      { a: 'a', b: 'c' },
      { a: 'b', b: 'x' },
    ]);
    const ei = eiIndex(g, new Map([['a', 'Sales'], ['b', 'Sales'], ['c', 'Ops'], ['d', 'Ops']]));
    expect(ei.overall).toBeCloseTo(-1 / 3, 12);
    expect(ei.byGroup).toEqual({ Ops: 0, Sales: 0 });
    expect(ei.excluded).toBe(1);
    // A group named like an Object property stays plain data.
    const odd = eiIndex(buildGraph([{ a: 'a', b: 'b' }]), new Map([['a', '__proto__'], ['b', 'constructor']]));
    expect(Object.keys(odd.byGroup).sort()).toEqual(['__proto__', 'constructor']);
    expect(odd.byGroup.__proto__).toBe(1);
  });
});
