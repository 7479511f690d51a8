// Riondato–Kornaropoulos betweenness sampling (WSDM 2014 / DMKD 2016): draw r ordered pairs (u, v), pick one of their
// shortest paths uniformly at random (found by a balanced bidirectional BFS, as in KADABRA), and credit 1/r to its
// inner nodes. With r from the vertex-diameter bound, every node's estimate is within epsilon of its betweenness with
// probability at least 1 − delta. Hop distances, as in betweenness.ts. Pure and deterministic for a seed.
import { Prng } from '../grouping/prng.ts';
import type { Graph } from './graph.ts';

/** The constant c of the sample-size bound r = (c/ε²)(⌊log2(VD − 2)⌋ + 1 + ln(1/δ)); 0.5 as in the paper. */
export const SAMPLE_CONSTANT = 0.5;

/** In-neighbours of every node in CSR form (the graph itself when undirected). */
function reverse(graph: Graph): Adjacency {
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

/** One adjacency in CSR form: `targets[offsets[v] .. offsets[v+1])` are v's neighbours. */
interface Adjacency {
  offsets: Uint32Array;
  targets: Uint32Array;
}

/**
 * Draws shortest paths between given pairs by a balanced bidirectional BFS (KADABRA, Borassi & Natale 2016): a ball
 * around s over out-arcs and a ball around t over in-arcs grow one whole layer at a time, always the side whose
 * frontier has the smaller total degree, until a new layer touches the other ball.
 *
 * Why the path is uniform over all shortest s→t paths. Invariant before each layer: the balls B_s = {x : d(s,x) ≤ ℓs}
 * and B_t = {x : d(x,t) ≤ ℓt} are disjoint, so d(s,t) ≥ ℓs + ℓt + 1; σs(x) (shortest s→x paths) is exact on B_s and
 * σt(x) (shortest x→t paths) exact on B_t, since a layer's counts are final once the layer before it is fully expanded.
 * Say s's side grows layer L = {x : d(s,x) = ℓs + 1} (t's side is symmetric) and L meets B_t at some m. Then
 * d(s,t) ≤ ℓs + 1 + d(m,t) ≤ ℓs + 1 + ℓt, so d(s,t) = ℓs + 1 + ℓt and every meeting node has d(m,t) = ℓt exactly.
 * Every shortest path has exactly one node at distance ℓs + 1 from s, and that node is such a meeting node; so the
 * shortest paths split by their meeting node m into σs(m)·σt(m) each, and σst = Σ_m σs(m)·σt(m). We draw m with
 * probability σs(m)σt(m)/σst, then walk from m back to s taking predecessor p of w with probability σs(p)/σs(w) (the
 * products telescope to 1/σs(m) for each s→m path), and from m on to t taking successor q of w with probability
 * σt(q)/σt(w) (1/σt(m) for each m→t path). A given shortest path through m thus has probability
 * σs(m)σt(m)/σst · 1/σs(m) · 1/σt(m) = 1/σst: uniform, as Riondato–Kornaropoulos need. If a side's next layer is
 * empty before the balls meet, t is unreachable from s and the pair adds nothing (as in the one-sided sampler).
 */
export class PathSampler {
  private readonly out: Adjacency;
  private readonly inn: Adjacency;
  private readonly distS: Int32Array;
  private readonly distT: Int32Array;
  private readonly sigS: Float64Array;
  private readonly sigT: Float64Array;
  private readonly qS: Int32Array;
  private readonly qT: Int32Array;
  /** Arcs scanned so far, over all draws (the work measure of `estimateSampleWork`). */
  arcs = 0;

  constructor(graph: Graph) {
    const n = graph.n;
    this.out = graph;
    this.inn = reverse(graph);
    this.distS = new Int32Array(n).fill(-1);
    this.distT = new Int32Array(n).fill(-1);
    this.sigS = new Float64Array(n);
    this.sigT = new Float64Array(n);
    this.qS = new Int32Array(n);
    this.qT = new Int32Array(n);
  }

  /** Draws one shortest s→t path uniformly (s ≠ t) and adds 1 to `hits` of each of its inner nodes. */
  sample(s: number, t: number, rng: Prng, hits: Uint32Array): void {
    const { out, inn, distS, distT, sigS, sigT, qS, qT } = this;
    distS[s] = 0;
    sigS[s] = 1;
    qS[0] = s;
    distT[t] = 0;
    sigT[t] = 1;
    qT[0] = t;
    // Each queue holds its ball in BFS order; [lo, hi) is the frontier layer, deg its total degree on that side.
    let loS = 0;
    let hiS = 1;
    let loT = 0;
    let hiT = 1;
    let degS = out.offsets[s + 1] - out.offsets[s];
    let degT = inn.offsets[t + 1] - inn.offsets[t];
    let met = false;
    let fromS = true;
    while (!met && loS < hiS && loT < hiT) {
      fromS = degS <= degT;
      const adj = fromS ? out : inn;
      const dist = fromS ? distS : distT;
      const sig = fromS ? sigS : sigT;
      const q = fromS ? qS : qT;
      const other = fromS ? distT : distS;
      const lo = fromS ? loS : loT;
      const hi = fromS ? hiS : hiT;
      let tail = hi;
      let deg = 0;
      const level = dist[q[lo]] + 1;
      for (let i = lo; i < hi; i++) {
        const x = q[i];
        const sx = sig[x];
        const end = adj.offsets[x + 1];
        this.arcs += end - adj.offsets[x];
        for (let e = adj.offsets[x]; e < end; e++) {
          const w = adj.targets[e];
          let d = dist[w];
          if (d < 0) {
            d = dist[w] = level;
            q[tail++] = w;
            if (other[w] >= 0) met = true;
            deg += adj.offsets[w + 1] - adj.offsets[w];
          }
          if (d === level) sig[w] += sx;
        }
      }
      if (fromS) (loS = hi), (hiS = tail), (degS = deg);
      else (loT = hi), (hiT = tail), (degT = deg);
    }
    if (met) this.walk(s, t, fromS ? loS : loT, fromS ? hiS : hiT, fromS, rng, hits);
    for (let i = 0; i < hiS; i++) (distS[qS[i]] = -1), (sigS[qS[i]] = 0);
    for (let i = 0; i < hiT; i++) (distT[qT[i]] = -1), (sigT[qT[i]] = 0);
  }

  /** After the balls met in layer q[lo, hi) just grown on side `fromS`: picks the meeting node, walks to s and to t. */
  private walk(s: number, t: number, lo: number, hi: number, fromS: boolean, rng: Prng, hits: Uint32Array): void {
    const { out, inn, distS, distT, sigS, sigT } = this;
    const q = fromS ? this.qS : this.qT;
    const other = fromS ? distT : distS;
    let total = 0;
    for (let i = lo; i < hi; i++) if (other[q[i]] >= 0) total += sigS[q[i]] * sigT[q[i]];
    let pick = rng.next() * total;
    let m = -1;
    for (let i = lo; i < hi; i++) {
      const x = q[i];
      if (other[x] < 0) continue;
      m = x;
      pick -= sigS[x] * sigT[x];
      if (pick < 0) break;
    }
    if (m !== s && m !== t) hits[m]++;
    // Back to s over in-arcs, predecessors weighted by σs; on to t over out-arcs, successors weighted by σt.
    for (let w = m; w !== s; ) {
      w = this.step(inn, distS, sigS, w, rng);
      if (w !== s) hits[w]++;
    }
    for (let w = m; w !== t; ) {
      w = this.step(out, distT, sigT, w, rng);
      if (w !== t) hits[w]++;
    }
  }

  /** A neighbour p of w in `adj` one step nearer (dist[p] = dist[w] − 1), drawn with probability sig[p]/sig[w]. */
  private step(adj: Adjacency, dist: Int32Array, sig: Float64Array, w: number, rng: Prng): number {
    const want = dist[w] - 1;
    let pick = rng.next() * sig[w];
    let p = -1;
    for (let e = adj.offsets[w], end = adj.offsets[w + 1]; e < end; e++) {
      const x = adj.targets[e];
      if (dist[x] !== want) continue;
      p = x;
      pick -= sig[x];
      if (pick < 0) break;
    }
    return p;
  }
}

/** Draws an ordered pair of distinct nodes uniformly. */
export function drawPair(rng: Prng, n: number): [number, number] {
  const u = rng.int(n);
  let v = rng.int(n - 1);
  if (v >= u) v++;
  return [u, v];
}

/**
 * Mean arcs scanned per sample over `pilots` sampled pairs (a deterministic work measure, comparable with the
 * n × (n + arcs) of exact Brandes): what `brokers` uses to judge whether sampling is much cheaper than exact.
 */
export function estimateSampleWork(graph: Graph, pilots: number, seed: number): number {
  if (graph.n < 2 || pilots <= 0) return 0;
  const sampler = new PathSampler(graph);
  const rng = new Prng(seed ^ 0x5eed);
  const hits = new Uint32Array(graph.n);
  for (let i = 0; i < pilots; i++) {
    const [u, v] = drawPair(rng, graph.n);
    sampler.sample(u, v, rng, hits);
  }
  return sampler.arcs / pilots;
}

/** Inner-node hits of `draws` shortest s→t paths drawn as the sampler draws them (for tests of uniformity). */
export function samplePathHits(graph: Graph, s: number, t: number, draws: number, seed: number): Uint32Array {
  const sampler = new PathSampler(graph);
  const rng = new Prng(seed);
  const hits = new Uint32Array(graph.n);
  for (let i = 0; i < draws; i++) sampler.sample(s, t, rng, hits);
  return hits;
}

/** Sampled estimate of every node's normalized betweenness, with the samples drawn and the vertex-diameter bound. */
export function sampledBetweenness(
  graph: Graph,
  opts: { epsilon: number; delta: number; seed: number; vertexDiameter?: number },
): { scores: Float64Array; samples: number; vertexDiameter: number } {
  const { n } = graph;
  const vertexDiameter = opts.vertexDiameter ?? vertexDiameterBound(graph);
  const r = sampleSize(n, vertexDiameter, opts.epsilon, opts.delta);
  const scores = new Float64Array(n);
  if (r === 0) return { scores, samples: 0, vertexDiameter };
  const sampler = new PathSampler(graph);
  const rng = new Prng(opts.seed);
  const hits = new Uint32Array(n);
  for (let i = 0; i < r; i++) {
    const [u, v] = drawPair(rng, n);
    sampler.sample(u, v, rng, hits);
  }
  const scale = n / (n - 2) / r;
  for (let x = 0; x < n; x++) scores[x] = hits[x] * scale;
  return { scores, samples: r, vertexDiameter };
}
