// Shared fast-check arbitraries and naive reference computations for the engine/network tests.
import fc from 'fast-check';
import type { Graph, Tie } from './graph.ts';

/** Small id alphabet so that duplicates, reversed duplicates and self-ties happen often. */
export const idArb = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j');

/** Ties with small integer weights (exact sums) or no weight. */
export const tiesArb = fc.array(
  fc.record({ a: idArb, b: idArb, weight: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) }),
  { maxLength: 40 },
);

/** A dense weight matrix A[u][v] of a graph (undirected graphs give a symmetric matrix). */
export function matrix(g: Graph): number[][] {
  const a = Array.from({ length: g.n }, () => new Array<number>(g.n).fill(0));
  for (let u = 0; u < g.n; u++) for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) a[u][g.targets[e]] += g.weights[e];
  return a;
}

/** Merged weight per tie key ("a|b", sorted when undirected), ignoring self-ties, straight from the tie list. */
export function mergedTies(ties: readonly Tie[], directed: boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of ties) {
    if (t.a === t.b) continue;
    const [x, y] = directed || t.a < t.b ? [t.a, t.b] : [t.b, t.a];
    out.set(`${x}|${y}`, (out.get(`${x}|${y}`) ?? 0) + (t.weight ?? 1));
  }
  return out;
}

/** A seeded float generator for building random test graphs inside a property. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

/** Modularity by its definition, (1/2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j), on the symmetrized matrix. */
export function bruteModularity(g: Graph, membership: ArrayLike<number>, resolution = 1): number {
  const a = matrix(g);
  const s = a.map((row, u) => row.map((w, v) => (g.directed ? w + a[v][u] : w)));
  const k = s.map((row) => row.reduce((x, y) => x + y, 0));
  const twoM = k.reduce((x, y) => x + y, 0);
  if (twoM === 0) return 0;
  let q = 0;
  for (let i = 0; i < g.n; i++) for (let j = 0; j < g.n; j++) if (membership[i] === membership[j]) q += s[i][j] - (resolution * k[i] * k[j]) / twoM;
  return q / twoM;
}
