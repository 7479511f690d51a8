// Leiden and the report's communities: every community is connected, the modularity reported is the recount of the
// partition by definition, bestCommunities is never below Louvain with the same seed, splitting a community into its
// connected parts never lowers modularity, and all of it repeats for a seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './build.ts';
import { bestCommunities, leiden, splitDisconnected } from './communities.leiden.ts';
import { louvain } from './communities.ts';
import type { Graph, Tie } from './graph.ts';
import { bruteModularity, rng, tiesArb } from './test-helpers.ts';

/** Whether each community induces a connected subgraph (ties read both ways), by union–find over inside ties. */
function connected(g: Graph, membership: ArrayLike<number>): boolean {
  const parent = Array.from({ length: g.n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (let u = 0; u < g.n; u++)
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) if (membership[u] === membership[g.targets[e]]) parent[find(u)] = find(g.targets[e]);
  const root = new Map<number, number>();
  for (let v = 0; v < g.n; v++) {
    const r = root.get(membership[v]);
    if (r === undefined) root.set(membership[v], find(v));
    else if (r !== find(v)) return false;
  }
  return true;
}

/** Numbered 0.. in order of each community's first node, with count communities. */
function numberedByFirstNode(membership: ArrayLike<number>, count: number): boolean {
  let next = 0;
  const seen = new Set<number>();
  for (let v = 0; v < membership.length; v++) {
    if (seen.has(membership[v])) continue;
    if (membership[v] !== next++) return false;
    seen.add(membership[v]);
  }
  return seen.size === count;
}

/** A random graph of `groups` dense groups with random weights and sparse ties across: many levels of aggregation. */
function grouped(n: number, groups: number, seed: number): Tie[] {
  const random = rng(seed);
  const ties: Tie[] = [];
  for (let i = 0; i < 4 * n; i++) {
    const a = Math.floor(random() * n);
    const b = random() < 0.85 ? Math.floor(a / Math.ceil(n / groups)) * Math.ceil(n / groups) + Math.floor(random() * Math.ceil(n / groups)) : Math.floor(random() * n);
    ties.push({ a: `n${a}`, b: `n${Math.min(n - 1, b)}`, weight: 1 + Math.floor(random() * 5) });
  }
  return ties;
}

const graphArb = fc.tuple(tiesArb, fc.boolean()).map(([ties, directed]) => buildGraph(ties, { directed }));
const biggerArb = fc
  .record({ n: fc.integer({ min: 20, max: 120 }), groups: fc.integer({ min: 2, max: 10 }), seed: fc.integer(), directed: fc.boolean() })
  .map(({ n, groups, seed, directed }) => buildGraph(grouped(n, groups, seed), { directed }));

describe('leiden', () => {
  it('gives connected communities, numbered by first node, whose modularity is the recount, same for the same seed', () => {
    fc.assert(
      fc.property(fc.oneof(graphArb, biggerArb), fc.integer(), fc.constantFrom(0.5, 1, 2), (g, seed, resolution) => {
        const found = leiden(g, { seed, resolution });
        expect(connected(g, found.membership)).toBe(true);
        expect(numberedByFirstNode(found.membership, found.count)).toBe(true);
        expect(found.modularity).toBeCloseTo(bruteModularity(g, found.membership, resolution), 10);
        expect(found.modularity).toBeGreaterThanOrEqual(bruteModularity(g, Array.from({ length: g.n }, (_, i) => i), resolution) - 1e-12);
        expect(leiden(g, { seed, resolution })).toEqual(found);
      }),
      { numRuns: 150 },
    );
  });

  it('finds the two five-cliques joined by one tie', () => {
    const ties: Tie[] = [];
    for (const side of ['a', 'b']) for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) ties.push({ a: `${side}${i}`, b: `${side}${j}` });
    ties.push({ a: 'a0', b: 'b0' });
    const g = buildGraph(ties);
    const found = leiden(g, { seed: 3 });
    expect(found.count).toBe(2);
    expect(found.modularity).toBeCloseTo(2 * (10 / 21 - 0.25), 12);
  });
});

describe('splitDisconnected', () => {
  it('makes every community connected, keeps nodes that were apart apart, and never lowers modularity', () => {
    fc.assert(
      fc.property(graphArb, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }), (g, labels) => {
        const split = splitDisconnected(g, labels);
        expect(connected(g, split)).toBe(true);
        for (let u = 0; u < g.n; u++) for (let v = 0; v < g.n; v++) if (labels[u] !== labels[v]) expect(split[u]).not.toBe(split[v]);
        expect(bruteModularity(g, split)).toBeGreaterThanOrEqual(bruteModularity(g, labels) - 1e-12);
      }),
    );
  });
});

describe('bestCommunities (the report\'s)', () => {
  it('is connected, never below Louvain with the same seed, nor below any of its Leiden runs, and repeats for a seed', () => {
    fc.assert(
      fc.property(fc.oneof(graphArb, biggerArb), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 3 }), (g, seed, runs) => {
        const best = bestCommunities(g, { seed, runs });
        expect(connected(g, best.membership)).toBe(true);
        expect(best.modularity).toBeCloseTo(bruteModularity(g, best.membership), 10);
        expect(best.modularity).toBeGreaterThanOrEqual(louvain(g, { seed }).modularity - 1e-12);
        for (let i = 0; i < runs; i++) expect(best.modularity).toBeGreaterThanOrEqual(leiden(g, { seed: seed + i }).modularity);
        expect(bestCommunities(g, { seed, runs })).toEqual(best);
      }),
      { numRuns: 100 },
    );
  });

  it('stays within a few seconds on a graph of thousands of nodes and ties', () => {
    const g = buildGraph(grouped(5000, 60, 11));
    const t0 = performance.now();
    const best = bestCommunities(g, { seed: 1 });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(connected(g, best.membership)).toBe(true);
    expect(best.modularity).toBeGreaterThanOrEqual(louvain(g, { seed: 1 }).modularity);
  });
});
