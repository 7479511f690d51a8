// Sampled betweenness: the vertex-diameter bound never undercounts, estimates are within epsilon of exact on every
// node of random graphs of a few hundred nodes, the draws are fixed by the seed, and brokers() says which method it used.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokers, exactBetweenness } from './betweenness.ts';
import { sampledBetweenness, sampleSize, vertexDiameterBound } from './betweenness.sample.ts';
import { graphOf, smallGraph } from './betweenness.test-support.ts';
import type { Graph } from './graph.ts';

/** Most nodes on any shortest path, by BFS from every node. */
function trueVertexDiameter(g: Graph): number {
  let best = Math.min(g.n, 1);
  for (let s = 0; s < g.n; s++) {
    const dist = new Array<number>(g.n).fill(-1);
    dist[s] = 0;
    const queue = [s];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i];
      best = Math.max(best, dist[v] + 1);
      for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) if (dist[g.targets[e]] < 0) (dist[g.targets[e]] = dist[v] + 1), queue.push(g.targets[e]);
    }
  }
  return best;
}

/**
 * A random clustered graph: `clusters` groups, most ties inside a group, some across. With `hub`, no ties cross and
 * node 0 joins every group both ways instead, so it lies on most paths (high scores make scaling errors show).
 */
function clustered(n: number, ties: number, directed: boolean, seed: number, clusters = 6, hub = false): Graph {
  let s = seed;
  const rand = (k: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), Math.floor((s / 2 ** 32) * k));
  const size = Math.ceil(n / clusters);
  const edges: [number, number][] = [];
  while (edges.length < ties) {
    const a = rand(n);
    const base = a - (a % size);
    edges.push([a, hub || rand(10) < 8 ? Math.min(n - 1, base + rand(size)) : rand(n)]);
  }
  if (hub) for (let c = 1; c < clusters; c++) edges.push([0, c * size], [c * size, 0]);
  return graphOf(n, edges, directed);
}

describe('vertex-diameter bound', () => {
  it('is never below the true vertex diameter, and at most twice it (undirected) or the largest weak component (directed)', () => {
    fc.assert(
      fc.property(smallGraph(14), (g) => {
        const bound = vertexDiameterBound(g);
        const truth = trueVertexDiameter(g);
        expect(bound).toBeGreaterThanOrEqual(truth);
        expect(bound).toBeLessThanOrEqual(g.directed ? g.n : 2 * truth + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('is exact on a path', () => {
    for (let n = 1; n < 30; n++) expect(vertexDiameterBound(graphOf(n, Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const), false))).toBe(n);
  });
});

describe('sample size', () => {
  it('follows r = (0.5/ε²)(⌊log2(VD−2)⌋ + 1 + ln(1/δ)) with ε taken on the paper scale', () => {
    const eps = (0.05 * 998) / 1000;
    expect(sampleSize(1000, 12, 0.05, 0.1)).toBe(Math.ceil((0.5 / (eps * eps)) * (3 + 1 + Math.log(10))));
    expect(sampleSize(1000, 2, 0.05, 0.1)).toBe(0);
    expect(sampleSize(2, 9, 0.05, 0.1)).toBe(0);
  });
});

describe('sampled betweenness', () => {
  it('is within epsilon of exact on every node of random clustered graphs of a few hundred nodes', () => {
    const epsilon = 0.03;
    for (const [n, ties, directed, seed, hub = false] of [
      [300, 900, false, 1],
      [300, 2400, false, 2],
      [400, 700, false, 3],
      [300, 1200, true, 4],
      [350, 2000, true, 5],
      [300, 1500, false, 6, true],
      [300, 1500, true, 7, true],
    ] as const) {
      const g = clustered(n, ties, directed, seed, 6, hub);
      const exact = exactBetweenness(g);
      const { scores, samples } = sampledBetweenness(g, { epsilon, delta: 0.1, seed });
      expect(samples).toBe(sampleSize(n, vertexDiameterBound(g), epsilon, 0.1));
      let worst = 0;
      for (let v = 0; v < n; v++) worst = Math.max(worst, Math.abs(scores[v] - exact[v]));
      expect(worst).toBeLessThanOrEqual(epsilon);
      if (hub) expect(exact[0]).toBeGreaterThan(0.5);
    }
  });

  it('is within epsilon on small random graphs too (directed or not, disconnected, isolates)', () => {
    fc.assert(
      fc.property(smallGraph(10), fc.integer(), (g, seed) => {
        const exact = exactBetweenness(g);
        const { scores } = sampledBetweenness(g, { epsilon: 0.1, delta: 0.01, seed });
        for (let v = 0; v < g.n; v++) expect(Math.abs(scores[v] - exact[v])).toBeLessThanOrEqual(0.1);
      }),
      { numRuns: 150, seed: 20260514 },
    );
  });

  it('is fixed by the seed', () => {
    const g = clustered(300, 1200, false, 9);
    const a = sampledBetweenness(g, { epsilon: 0.05, delta: 0.1, seed: 7 });
    expect(sampledBetweenness(g, { epsilon: 0.05, delta: 0.1, seed: 7 })).toEqual(a);
    expect(sampledBetweenness(g, { epsilon: 0.05, delta: 0.1, seed: 8 }).scores).not.toEqual(a.scores);
  });
});

describe('brokers method', () => {
  const g = clustered(2000, 8000, false, 11, 20);

  it('samples when exact work is over budget and reports epsilon, delta and samples', () => {
    const { brokers: list, method } = brokers(g, { budget: 0, epsilon: 0.1, delta: 0.05, seed: 3, top: 10 });
    const samples = sampleSize(2000, vertexDiameterBound(g), 0.1, 0.05);
    expect(samples).toBeLessThan(2000);
    expect(method).toEqual({ sampled: { epsilon: 0.1, delta: 0.05, samples } });
    expect(list).toHaveLength(10);
    expect(brokers(g, { budget: 0, epsilon: 0.1, delta: 0.05, seed: 3, top: 10 }).brokers).toEqual(list);
    const exact = exactBetweenness(g);
    for (const b of list) expect(Math.abs(b.betweenness - exact[g.ids.indexOf(b.id)])).toBeLessThanOrEqual(0.1);
  });

  it('stays exact when within budget, or when the samples needed would be at least n', () => {
    expect(brokers(g, { budget: 2000 * (2000 + g.targets.length) }).method).toBe('exact');
    expect(brokers(g, { budget: 0, epsilon: 0.01 }).method).toBe('exact');
  });
});
