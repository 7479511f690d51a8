// Test helpers for the betweenness tests: a CSR graph from an edge list, random graphs for fast-check, and betweenness
// by definition (all-pairs distances by Floyd–Warshall, path counts by distance layers, then σ_sv·σ_vt/σ_st).
import fc from 'fast-check';
import type { Graph } from './graph.ts';

/** A Graph in the shared CSR shape: self-ties dropped, duplicates merged, undirected ties stored both ways. */
export function graphOf(n: number, edges: readonly (readonly [number, number])[], directed: boolean, ids?: string[]): Graph {
  const adj = Array.from({ length: n }, () => new Set<number>());
  for (const [a, b] of edges) {
    if (a === b) continue;
    adj[a].add(b);
    if (!directed) adj[b].add(a);
  }
  const offsets = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) offsets[v + 1] = offsets[v] + adj[v].size;
  const targets = new Uint32Array(offsets[n]);
  for (let v = 0; v < n; v++) targets.set([...adj[v]].sort((x, y) => x - y), offsets[v]);
  const weights = new Float64Array(targets.length).fill(1);
  return { n, directed, offsets, targets, weights, ids: ids ?? Array.from({ length: n }, (_, i) => `p${String(i).padStart(3, '0')}`) };
}

/** Random small graphs, directed or not, often disconnected and with isolates. */
export const smallGraph = (maxN: number) =>
  fc
    .record({
      n: fc.integer({ min: 1, max: maxN }),
      directed: fc.boolean(),
      raw: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 * maxN }),
    })
    .map(({ n, directed, raw }) => graphOf(n, raw.map(([a, b]) => [a % n, b % n] as const), directed));

/** Normalized betweenness straight from the definition, as NetworkX defines it (each unordered pair once if undirected). */
export function bruteBetweenness(g: Graph): number[] {
  const { n } = g;
  const INF = Number.POSITIVE_INFINITY;
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : INF)));
  const arc = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (let v = 0; v < n; v++) for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) arc[v][g.targets[e]] = true;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (arc[i][j]) d[i][j] = 1;
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d[i][j] = Math.min(d[i][j], d[i][k] + d[k][j]);
  // σ[s][t]: shortest s→t paths, counted layer by layer (paths to t end with an arc p→t from one layer nearer).
  const sigma = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let s = 0; s < n; s++) {
    sigma[s][s] = 1;
    const byDist = Array.from({ length: n }, (_, t) => t).filter((t) => d[s][t] < INF).sort((a, b) => d[s][a] - d[s][b]);
    for (const t of byDist) if (t !== s) for (let p = 0; p < n; p++) if (arc[p][t] && d[s][p] + 1 === d[s][t]) sigma[s][t] += sigma[s][p];
  }
  const raw = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++)
    for (let t = 0; t < n; t++) {
      if (s === t || d[s][t] === INF || (!g.directed && t < s)) continue;
      for (let v = 0; v < n; v++) if (v !== s && v !== t && d[s][v] + d[v][t] === d[s][t]) raw[v] += (sigma[s][v] * sigma[v][t]) / sigma[s][t];
    }
  const pairs = g.directed ? (n - 1) * (n - 2) : ((n - 1) * (n - 2)) / 2;
  return raw.map((x) => (n > 2 ? x / pairs : 0));
}
