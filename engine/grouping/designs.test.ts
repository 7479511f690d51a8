import { describe, expect, it } from 'vitest';
import { CYCLIC_DESIGNS, ROTATIONAL_DESIGNS } from './design-table.ts';
import { affinePlane, developCyclic, developRotational, transversalDesign, type Classes } from './designs.ts';
import { formGroups } from './index.ts';
import { anonymousPeople } from './test-helpers.ts';

// A resolvable packing: every class partitions 0..n-1 into blocks of k, and no pair shares two blocks.
function expectResolvablePacking(classes: Classes, n: number, k: number) {
  const seen = new Set<number>();
  for (const cls of classes) {
    expect(cls.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    for (const block of cls) {
      expect(block).toHaveLength(k);
      for (const a of block) {
        for (const b of block) {
          if (a >= b) continue;
          expect(seen.has(a * n + b), `pair ${a},${b} twice`).toBe(false);
          seen.add(a * n + b);
        }
      }
    }
  }
  return seen.size;
}

describe('constructions', () => {
  it.each([2, 3, 4, 5, 7, 8, 9, 11])('affine plane of order %i is a resolvable 2-design with q+1 classes', (q) => {
    const plane = affinePlane(q) as Classes;
    expect(plane).toHaveLength(q + 1);
    // Every pair exactly once: the number of distinct pairs equals C(q², 2).
    expect(expectResolvablePacking(plane, q * q, q)).toBe((q * q * (q * q - 1)) / 2);
  });

  it('has no affine plane of order 6 (not a prime power)', () => {
    expect(affinePlane(6)).toBeNull();
  });

  it.each([
    [4, 5],
    [4, 8],
    [3, 7],
    [4, 25],
    [5, 16],
  ])('transversal design RTD(%i,%i) is resolvable and never joins points of one group', (k, q) => {
    const td = transversalDesign(k, q) as Classes;
    expect(td).toHaveLength(q);
    expect(expectResolvablePacking(td, k * q, k)).toBe(q * q * ((k * (k - 1)) / 2));
    for (const cls of td) for (const block of cls) expect(new Set(block.map((p) => Math.floor(p / q))).size).toBe(k);
  });

  it.each(CYCLIC_DESIGNS.map((d) => [d.name, d] as const))('stored design %s develops into a resolvable packing', (_, d) => {
    const classes = developCyclic(d);
    expect(classes).toHaveLength(d.m * d.classes.length);
    expectResolvablePacking(classes, d.m * d.orbits + d.fixed, d.k);
  });

  it.each(ROTATIONAL_DESIGNS.map((d) => [d.name, d] as const))('stored design %s is a resolvable (3m+1,4,1) design', (_, d) => {
    const classes = developRotational(d);
    const v = 3 * d.m + 1;
    expect(classes).toHaveLength(d.m);
    expect(expectResolvablePacking(classes, v, 4)).toBe((v * (v - 1)) / 2);
  });

  it('the 8-4-10 schedule leaves exactly a perfect matching of pairs unmet', () => {
    const d = CYCLIC_DESIGNS.find((x) => x.name.includes('8-4-10'));
    expect(expectResolvablePacking(developCyclic(d as (typeof CYCLIC_DESIGNS)[number]), 32, 4)).toBe(496 - 16);
  });
});

describe('classic instances reach the bound with zero repeats', () => {
  it.each([
    [5, 3, 7],
    [6, 3, 8],
    [4, 4, 5],
    [5, 4, 5],
    [7, 4, 9],
    [8, 4, 9],
    [8, 4, 10],
    [10, 4, 13],
    [5, 5, 6],
    [7, 7, 8],
  ])('%i-%i-%i', (g, p, w) => {
    const result = formGroups({ people: anonymousPeople(g * p), groupSize: p, rounds: w }, { timeLimitMs: 2000 });
    expect(result.metrics.repeats).toBe(0);
    expect(result.metrics.hardViolations).toBe(0);
    expect(result.method).toMatch(/^construction/);
  });
});
