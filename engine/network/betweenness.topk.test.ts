// Progressive top-k sampling: its Chernoff intervals fail no more often than stated (summed exactly over the binomial
// law), and on random graphs what it reports — every score in its interval and within epsilon, nothing left out more
// than the gap above anything kept, (1 + tolerance) times when the rule was met — fails in at most a delta share of
// runs. The schedule is fixed in advance and the draws by the seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactBetweenness } from './betweenness.ts';
import { graphOf, smallGraph } from './betweenness.test-support.ts';
import { klInterval, roundSchedule, topKBetweenness } from './betweenness.topk.ts';
import type { Graph } from './graph.ts';

/** P(X = x) for X ~ Binomial(r, p), x = 0..r, by logs (no overflow for r in the hundreds). */
function binomialLaw(r: number, p: number): number[] {
  const out: number[] = [];
  let logC = 0;
  for (let x = 0; x <= r; x++) {
    if (x > 0) logC += Math.log(r - x + 1) - Math.log(x);
    const logP = logC + (x === 0 ? 0 : x * Math.log(p)) + (x === r ? 0 : (r - x) * Math.log(1 - p));
    out.push(Math.exp(logP));
  }
  return out;
}

/** Whether everything a run reports holds against exact betweenness. */
function holds(g: Graph, exact: Float64Array, found: ReturnType<typeof topKBetweenness>, tolerance: number): boolean {
  const slack = 1e-12;
  const inside = new Set(found.top);
  let least = Number.POSITIVE_INFINITY;
  for (const v of found.top) least = Math.min(least, exact[v]);
  for (let v = 0; v < g.n; v++) {
    if (exact[v] < found.lower[v] - slack || exact[v] > found.upper[v] + slack) return false;
    if (Math.abs(found.scores[v] - exact[v]) > found.epsilon + slack) return false;
    if (!inside.has(v) && found.top.length && exact[v] > least + found.gap + slack) return false;
    if (!inside.has(v) && found.top.length && found.met && exact[v] > (1 + tolerance) * least + slack) return false;
  }
  return true;
}

/** A random graph of `n` nodes in `groups` clusters: dense inside, a few ties across (a spread of broker scores). */
function clusteredGraph(n: number, groups: number, seed: number, directed: boolean): Graph {
  let s = seed >>> 0;
  const rand = (k: number) => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), Math.floor((s / 2 ** 32) * k));
  const size = Math.ceil(n / groups);
  const edges: [number, number][] = [];
  for (let i = 0; i < 3 * n; i++) {
    const a = rand(n);
    edges.push([a, rand(8) === 0 ? rand(n) : Math.min(n - 1, a - (a % size) + rand(size))]);
  }
  return graphOf(n, edges, directed);
}

describe('Chernoff intervals', () => {
  it('miss the true mean with probability at most 2e^−level, summed exactly over the binomial law', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 400 }), fc.double({ min: 0.2, max: 8, noNaN: true }), (p, r, level) => {
        const law = binomialLaw(r, p);
        let high = 0;
        let low = 0;
        for (let x = 0; x <= r; x++) {
          const [lo, hi] = klInterval(x, r, level);
          expect(lo).toBeLessThanOrEqual(x / r);
          expect(hi).toBeGreaterThanOrEqual(x / r);
          if (p > hi) high += law[x];
          if (p < lo) low += law[x];
        }
        const side = Math.exp(-level) + 1e-9;
        expect(high).toBeLessThanOrEqual(side);
        expect(low).toBeLessThanOrEqual(side);
      }),
      { numRuns: 300, seed: 20261210 },
    );
  });

  it('narrow as samples grow and widen as the level grows', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0.5, max: 10, noNaN: true }), (share, r, level) => {
        const x = Math.round(share * r);
        const [lo, hi] = klInterval(x, r, level);
        const [lo4, hi4] = klInterval(4 * x, 4 * r, level);
        const [loW, hiW] = klInterval(x, r, level + 1);
        expect(hi4 - lo4).toBeLessThanOrEqual(hi - lo + 1e-12);
        expect(loW).toBeLessThanOrEqual(lo + 1e-12);
        expect(hiW).toBeGreaterThanOrEqual(hi - 1e-12);
      }),
    );
  });
});

describe('round schedule', () => {
  it('starts at the first round, grows by at most √2 a round, ends exactly at the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 10_000_000 }), (first, max) => {
        const rounds = roundSchedule(first, max);
        expect(rounds[0]).toBe(first);
        expect(rounds.at(-1)).toBe(Math.max(first, max));
        for (let j = 1; j < rounds.length; j++) {
          expect(rounds[j]).toBeGreaterThan(rounds[j - 1]);
          expect(rounds[j]).toBeLessThanOrEqual(Math.ceil(rounds[j - 1] * Math.SQRT2));
        }
      }),
    );
  });
});

describe('progressive top-k sampling', () => {
  it('fails what it reports in at most a delta share of runs on small random graphs (directed or not, disconnected)', () => {
    const delta = 0.2;
    let runs = 0;
    let failures = 0;
    fc.assert(
      fc.property(smallGraph(12), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 20, max: 200 }), fc.integer(), (g, top, first, seed) => {
        const exact = exactBetweenness(g);
        const found = topKBetweenness(g, { top, delta, tolerance: 0.5, epsilon: 0.2, firstSamples: first, maxSamples: 40 * first, seed });
        runs++;
        if (!holds(g, exact, found, 0.5)) failures++;
      }),
      { numRuns: 300, seed: 20261211 },
    );
    // Binomial(300, 0.2) exceeds 90 (mean 60, sd 6.9) with probability below 10⁻⁵.
    expect(failures).toBeLessThanOrEqual(90);
    expect(runs).toBe(300);
  });

  it('holds on clustered graphs of a few hundred nodes, and when the rule is met nothing left out has more than (1 + tolerance) times a kept score', () => {
    let met = 0;
    for (const [n, groups, seed, directed, top] of [
      [300, 6, 1, false, 10],
      [400, 8, 2, false, 20],
      [300, 5, 3, true, 10],
      [250, 4, 4, false, 5],
    ] as const) {
      const g = clusteredGraph(n, groups, seed, directed);
      const exact = exactBetweenness(g);
      const found = topKBetweenness(g, { top, delta: 0.1, tolerance: 1, epsilon: 0.05, firstSamples: 500, maxSamples: 200_000, seed });
      expect(holds(g, exact, found, 1)).toBe(true);
      expect(found.top).toHaveLength(top);
      expect(roundSchedule(500, 200_000)).toContain(found.samples);
      if (found.met) met++;
      expect(topKBetweenness(g, { top, delta: 0.1, tolerance: 1, epsilon: 0.05, firstSamples: 500, maxSamples: 200_000, seed })).toEqual(found);
    }
    expect(met).toBeGreaterThan(0);
  });

  it('stops at the first round where the rule is met, and runs the whole schedule when it never is', () => {
    const g = clusteredGraph(300, 6, 7, false);
    const base = { top: 10, delta: 0.1, epsilon: 1, firstSamples: 200, seed: 5 };
    const loose = topKBetweenness(g, { ...base, tolerance: 1e9, maxSamples: 100_000 });
    expect(loose.met).toBe(true);
    expect(loose.rounds).toBe(1);
    const strict = topKBetweenness(g, { ...base, tolerance: 0, maxSamples: 3000 });
    expect(strict.met).toBe(false);
    expect(strict.samples).toBe(3000);
    expect(strict.rounds).toBe(roundSchedule(200, 3000).length);
    const mid = topKBetweenness(g, { ...base, tolerance: 1, maxSamples: 1_000_000 });
    expect(mid.met).toBe(true);
    expect(mid.gap).toBeLessThanOrEqual(mid.lower[mid.top.at(-1) as number]);
    if (mid.rounds > 1) {
      const before = topKBetweenness(g, { ...base, tolerance: 1, maxSamples: roundSchedule(200, 1_000_000)[mid.rounds - 2] });
      expect(before.met).toBe(false);
    }
  });
});
