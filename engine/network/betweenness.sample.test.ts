// Sampled betweenness: the vertex-diameter bound never undercounts, estimates are within epsilon of exact on every
// node of random graphs of a few hundred nodes, the draws are fixed by the seed, and brokers() says which method it used
// and what its sampling proved.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokers, DEFAULT_BETWEENNESS_BUDGET, DEFAULT_EPSILON, exactBetweenness, PILOT_SAMPLES, rankBrokers, SAMPLING_ADVANTAGE } from './betweenness.ts';
import { estimateSampleWork, samplePathHits, sampledBetweenness, sampleSize, vertexDiameterBound } from './betweenness.sample.ts';
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

/** For the pair (s, t): the share of shortest s→t paths through each node, σst(v)/σst (0 for s, t and if unreachable). */
function pairShares(g: Graph, s: number, t: number): number[] {
  const bfs = (from: number, forward: boolean) => {
    const dist = new Array<number>(g.n).fill(-1);
    const sigma = new Array<number>(g.n).fill(0);
    dist[from] = 0;
    sigma[from] = 1;
    const queue = [from];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i];
      for (let w = 0; w < g.n; w++) {
        let arc = false;
        const [a, b] = forward ? [v, w] : [w, v];
        for (let e = g.offsets[a]; e < g.offsets[a + 1]; e++) if (g.targets[e] === b) arc = true;
        if (!arc) continue;
        if (dist[w] < 0) (dist[w] = dist[v] + 1), queue.push(w);
        if (dist[w] === dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    return { dist, sigma };
  };
  const S = bfs(s, true);
  const T = bfs(t, false);
  const d = S.dist[t];
  return Array.from({ length: g.n }, (_, v) =>
    d < 0 || v === s || v === t || S.dist[v] < 0 || T.dist[v] < 0 || S.dist[v] + T.dist[v] !== d ? 0 : (S.sigma[v] * T.sigma[v]) / S.sigma[t],
  );
}

/** Expects hit frequencies within 4.5 standard deviations of the shares (and exactly 0 where the share is 0). */
function expectShares(hits: Uint32Array, shares: number[], draws: number): void {
  for (let v = 0; v < shares.length; v++) {
    const p = shares[v];
    if (p === 0) expect(hits[v]).toBe(0);
    else expect(Math.abs(hits[v] / draws - p)).toBeLessThanOrEqual(4.5 * Math.sqrt((p * (1 - p)) / draws) + 1e-12);
  }
}

describe('bidirectional path draws', () => {
  it('hit each node as often as the share of shortest paths through it (uniform paths), on random graphs and pairs', () => {
    const draws = 3000;
    fc.assert(
      fc.property(smallGraph(14), fc.nat(), fc.nat(), fc.integer(), (g, a, b, seed) => {
        if (g.n < 2) return;
        const s = a % g.n;
        const t = (s + 1 + (b % (g.n - 1))) % g.n;
        expectShares(samplePathHits(g, s, t, draws, seed), pairShares(g, s, t), draws);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('follow the path counts on random layered graphs, where routes branch and merge unevenly (directed or not)', () => {
    // Layers of 1–4 nodes, random ties between neighbouring layers (each node keeps one back), a few random extra
    // ties; s is in the first layer and t in the last, so the meeting layer and both walks see unequal counts.
    const layered = fc
      .record({
        sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 7 }),
        bits: fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
        extra: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
        directed: fc.boolean(),
      })
      .map(({ sizes, bits, extra, directed }) => {
        const start = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
        const n = start.at(-1)! + sizes.at(-1)!;
        const edges: [number, number][] = [];
        let k = 0;
        for (let l = 1; l < sizes.length; l++)
          for (let j = 0; j < sizes[l]; j++) {
            edges.push([start[l - 1] + (j % sizes[l - 1]), start[l] + j]);
            for (let i = 0; i < sizes[l - 1]; i++) if (bits[k++ % bits.length]) edges.push([start[l - 1] + i, start[l] + j]);
          }
        for (const [a, b] of extra) edges.push([a % n, b % n]);
        return { g: graphOf(n, edges, directed), t: n - 1 };
      });
    const draws = 4000;
    fc.assert(
      fc.property(layered, fc.integer(), ({ g, t }, seed) => expectShares(samplePathHits(g, 0, t, draws, seed), pairShares(g, 0, t), draws)),
      { numRuns: 150, seed: 20261208 },
    );
  });

  it('spread over the 70 corner-to-corner routes of a 5 × 5 grid as the path counts say, both ways, directed or not', () => {
    const edges: [number, number][] = [];
    for (let r = 0; r < 5; r++)
      for (let c = 0; c < 5; c++) {
        if (c < 4) edges.push([r * 5 + c, r * 5 + c + 1]);
        if (r < 4) edges.push([r * 5 + c, (r + 1) * 5 + c]);
      }
    const draws = 20000;
    for (const directed of [false, true])
      for (const [s, t] of [[0, 24], [24, 0], [4, 20], [2, 22]] as const) {
        const g = graphOf(25, edges, directed);
        expectShares(samplePathHits(g, s, t, draws, s * 31 + t), pairShares(g, s, t), draws);
      }
  });
});

describe('brokers method', () => {
  const g = clustered(2000, 8000, false, 11, 20);

  it('samples when exact work is over budget, first the Riondato–Kornaropoulos count, and reports what it proved', () => {
    const { brokers: list, method } = brokers(g, { budget: 0, epsilon: 0.1, delta: 0.05, seed: 3, top: 10 });
    const first = sampleSize(2000, vertexDiameterBound(g), 0.1, 0.05);
    expect(first).toBeLessThan(2000);
    if (method === 'exact') throw new Error('expected sampling');
    const { samples, epsilon, gap, delta, top, tolerance, met } = method.sampled;
    expect({ delta, top, tolerance }).toEqual({ delta: 0.05, top: 10, tolerance: 1 });
    expect(samples).toBeGreaterThanOrEqual(first);
    expect(list).toHaveLength(10);
    expect(brokers(g, { budget: 0, epsilon: 0.1, delta: 0.05, seed: 3, top: 10 })).toEqual({ brokers: list, method });
    const exact = exactBetweenness(g);
    const inside = new Set(list.map((b) => g.ids.indexOf(b.id)));
    for (const b of list) expect(Math.abs(b.betweenness - exact[g.ids.indexOf(b.id)])).toBeLessThanOrEqual(epsilon);
    const least = Math.min(...[...inside].map((v) => exact[v]));
    for (let u = 0; u < g.n; u++) if (!inside.has(u)) expect(exact[u]).toBeLessThanOrEqual(least + gap);
    if (met) for (let u = 0; u < g.n; u++) if (!inside.has(u)) expect(exact[u]).toBeLessThanOrEqual((1 + tolerance) * least + 1e-12);
  });

  it('by default samples past DEFAULT_BETWEENNESS_BUDGET exactly when the estimated sampled work is SAMPLING_ADVANTAGE times below exact, and stops by 1/SAMPLING_ADVANTAGE of the exact work', () => {
    for (const big of [clustered(10000, 50000, false, 12, 40), clustered(12000, 80000, false, 13, 50)]) {
      const work = big.n * (big.n + big.targets.length);
      expect(work).toBeGreaterThan(DEFAULT_BETWEENNESS_BUDGET);
      const samples = sampleSize(big.n, vertexDiameterBound(big), DEFAULT_EPSILON, 0.1);
      const perSample = estimateSampleWork(big, PILOT_SAMPLES, 1);
      const sampledWork = samples * perSample + 3 * (big.n + big.targets.length);
      expect(SAMPLING_ADVANTAGE * sampledWork).toBeLessThanOrEqual(work);
      expect(samples).toBeLessThan(big.n);
      const { method } = brokers(big, { top: 5 });
      if (method === 'exact') throw new Error('expected sampling');
      expect(method.sampled.samples).toBeGreaterThanOrEqual(samples);
      expect(method.sampled.samples).toBeLessThanOrEqual(Math.max(samples, Math.floor(work / SAMPLING_ADVANTAGE / perSample)));
    }
    // Within the default budget it stays exact even when sampling would be cheaper.
    expect(g.n * (g.n + g.targets.length)).toBeLessThanOrEqual(DEFAULT_BETWEENNESS_BUDGET);
    expect(brokers(g, { epsilon: 0.1 }).method).toBe('exact');
  });

  it('stays exact when within budget, when the first round would need at least n samples, or when no path has an inner node', () => {
    expect(brokers(g, { budget: 2000 * (2000 + g.targets.length) }).method).toBe('exact');
    expect(brokers(g, { budget: 0, epsilon: 0.01 }).method).toBe('exact');
    const pairs: [number, number][] = [];
    for (let a = 0; a < 40; a++) for (let b = a + 1; b < a - (a % 4) + 4; b++) pairs.push([a, b]);
    const cliques = graphOf(40, pairs, false); // ten 4-cliques: every shortest path is one tie
    expect(brokers(cliques, { budget: 0, top: 3 })).toEqual({ brokers: rankBrokers(cliques, new Float64Array(40), 3), method: 'exact' });
  });
});
