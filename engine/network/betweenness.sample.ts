// Riondato–Kornaropoulos betweenness sampling (WSDM 2014 / DMKD 2016): draw r ordered pairs (u, v), pick one of their
// shortest paths uniformly at random, and credit 1/r to its inner nodes. With r from the vertex-diameter bound, every
// node's estimate is within epsilon of its betweenness with probability at least 1 − delta. Hop distances, as in
// betweenness.ts. Pure and deterministic for a seed.
import { Prng } from '../grouping/prng.ts';
import type { Graph } from './graph.ts';

/** The constant c of the sample-size bound r = (c/ε²)(⌊log2(VD − 2)⌋ + 1 + ln(1/δ)); 0.5 as in the paper. */
export const SAMPLE_CONSTANT = 0.5;

/** In-neighbours of every node in CSR form (the graph itself when undirected). */
function reverse(graph: Graph): { offsets: Uint32Array; targets: Uint32Array } {
  if (!graph.directed) return graph;
  const { n, offsets, targets } = graph;
  const inOffsets = new Uint32Array(n + 1);
  for (let e = 0; e < targets.length; e++) inOffsets[targets[e] + 1]++;
  for (let v = 0; v < n; v++) inOffsets[v + 1] += inOffsets[v];
  const fill = inOffsets.slice(0, n);
  const sources = new Uint32Array(targets.length);
  for (let v = 0; v < n; v++) for (let e = offsets[v]; e < offsets[v + 1]; e++) sources[fill[targets[e]]++] = v;
  return { offsets: inOffsets, targets: sources };
}

/**
 * Breadth-first search from `s` over `adj` and, when given, `adj2` too (so a directed graph can be walked as
 * undirected). Fills `dist` (−1 = not reached) and `parent`, and returns the visit order's length in `order`.
 */
function bfs(
  adj: { offsets: Uint32Array; targets: Uint32Array },
  adj2: { offsets: Uint32Array; targets: Uint32Array } | null,
  s: number,
  dist: Int32Array,
  parent: Int32Array,
  order: Int32Array,
): number {
  let head = 0;
  let tail = 0;
  order[tail++] = s;
  dist[s] = 0;
  parent[s] = -1;
  while (head < tail) {
    const v = order[head++];
    for (const a of adj2 ? [adj, adj2] : [adj]) {
      for (let e = a.offsets[v], end = a.offsets[v + 1]; e < end; e++) {
        const w = a.targets[e];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          parent[w] = v;
          order[tail++] = w;
        }
      }
    }
  }
  return tail;
}

/**
 * An upper bound on the vertex diameter VD (the most nodes on any shortest path). Undirected: in each component a
 * 2-sweep (BFS from its first node to the farthest a, BFS from a to the farthest b) finds a long path a…b; a third BFS
 * from that path's middle node m gives ecc(m), and every shortest path has at most 2·ecc(m) hops, so VD ≤ 2·ecc(m) + 1.
 * (The 2-sweep's own figure, ecc(a), is a lower bound and would not keep the guarantee.) Directed: hop distances are
 * not bounded by an undirected radius, so VD ≤ the size of the largest weakly connected component.
 */
export function vertexDiameterBound(graph: Graph): number {
  const { n } = graph;
  const dist = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const parent = new Int32Array(n);
  const order = new Int32Array(n);
  const rev = graph.directed ? reverse(graph) : null;
  let bound = Math.min(n, 1);
  const clear = (len: number) => {
    for (let i = 0; i < len; i++) dist[order[i]] = -1;
  };
  for (let r = 0; r < n; r++) {
    if (seen[r]) continue;
    const size = bfs(graph, rev, r, dist, parent, order);
    for (let i = 0; i < size; i++) seen[order[i]] = 1;
    if (graph.directed || size <= 2) {
      bound = Math.max(bound, size);
      clear(size);
      continue;
    }
    const a = order[size - 1];
    clear(size);
    bfs(graph, null, a, dist, parent, order);
    let m = order[size - 1];
    for (let hops = dist[m] >> 1; hops > 0; hops--) m = parent[m];
    clear(size);
    bfs(graph, null, m, dist, parent, order);
    bound = Math.max(bound, 2 * dist[order[size - 1]] + 1);
    clear(size);
  }
  return Math.min(bound, n);
}

/**
 * Samples needed for error `epsilon` on NetworkX's scale with probability 1 − `delta`. The paper's estimate is of
 * raw / (n(n−1)), and NetworkX's scale is n/(n−2) times that, so the paper's bound is taken at ε·(n−2)/n.
 */
export function sampleSize(n: number, vertexDiameter: number, epsilon: number, delta: number): number {
  if (n <= 2 || vertexDiameter <= 2) return 0;
  const eps = (epsilon * (n - 2)) / n;
  return Math.ceil((SAMPLE_CONSTANT / (eps * eps)) * (Math.floor(Math.log2(vertexDiameter - 2)) + 1 + Math.log(1 / delta)));
}

/** Sampled estimate of every node's normalized betweenness, with the samples drawn and the vertex-diameter bound. */
export function sampledBetweenness(
  graph: Graph,
  opts: { epsilon: number; delta: number; seed: number; vertexDiameter?: number },
): { scores: Float64Array; samples: number; vertexDiameter: number } {
  const { n, offsets, targets } = graph;
  const vertexDiameter = opts.vertexDiameter ?? vertexDiameterBound(graph);
  const r = sampleSize(n, vertexDiameter, opts.epsilon, opts.delta);
  const scores = new Float64Array(n);
  if (r === 0) return { scores, samples: 0, vertexDiameter };
  const rev = reverse(graph);
  const rng = new Prng(opts.seed);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const order = new Int32Array(n);
  const hits = new Uint32Array(n);
  for (let i = 0; i < r; i++) {
    const u = rng.int(n);
    let v = rng.int(n - 1);
    if (v >= u) v++;
    // BFS from u, stopping once v's level is reached: every node one level nearer is finished, so sigma is exact there.
    let head = 0;
    let tail = 0;
    order[tail++] = u;
    dist[u] = 0;
    sigma[u] = 1;
    while (head < tail) {
      const x = order[head++];
      if (dist[v] >= 0 && dist[x] >= dist[v]) break;
      const dw = dist[x] + 1;
      for (let e = offsets[x], end = offsets[x + 1]; e < end; e++) {
        const w = targets[e];
        let d = dist[w];
        if (d < 0) {
          d = dist[w] = dw;
          order[tail++] = w;
        }
        if (d === dw) sigma[w] += sigma[x];
      }
    }
    if (dist[v] > 1) {
      // Walk back from v, taking predecessor p of w with probability sigma[p]/sigma[w]: a uniform shortest path.
      let w = v;
      while (true) {
        const want = dist[w] - 1;
        let pick = rng.next() * sigma[w];
        let p = -1;
        for (let e = rev.offsets[w], end = rev.offsets[w + 1]; e < end; e++) {
          const q = rev.targets[e];
          if (dist[q] !== want) continue;
          p = q;
          pick -= sigma[q];
          if (pick < 0) break;
        }
        if (p === u) break;
        hits[p]++;
        w = p;
      }
    }
    for (let k = 0; k < tail; k++) {
      const x = order[k];
      dist[x] = -1;
      sigma[x] = 0;
    }
  }
  const scale = n / (n - 2) / r;
  for (let x = 0; x < n; x++) scores[x] = hits[x] * scale;
  return { scores, samples: r, vertexDiameter };
}
