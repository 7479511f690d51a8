// Brokers by betweenness: exact Brandes on the CSR graph, or progressive top-k sampling (betweenness.topk.ts) when the
// exact work is over budget. Shortest paths count hops: tie weights are ignored (every tie is one step), so "between" means "on the
// fewest-hops routes". Pure: typed arrays only, no I/O; deterministic for a seed.
import type { Graph } from './graph.ts';
import { estimateSampleWork, sampleSize, vertexDiameterBound } from './betweenness.sample.ts';
import { DEFAULT_TOP_TOLERANCE, topKBetweenness } from './betweenness.topk.ts';

/** Sources per block. Scores are summed block by block in block order, so any split of blocks gives equal floats. */
export const BETWEENNESS_BLOCK = 256;

/**
 * Exact work, counted as n × (n + arcs) (arcs: `targets.length`), that is always done exact when the caller gives no
 * budget: about a second on one shared core (a 10k-node, 100k-tie graph is 2.1·10⁹ units, measured at 16–17 s).
 */
export const DEFAULT_BETWEENNESS_BUDGET = 1e8;
/**
 * Without a budget from the caller, past DEFAULT_BETWEENNESS_BUDGET brokers() samples only when the estimated
 * sampled work is at least this many times smaller than the exact work (otherwise exact is not much dearer).
 */
export const SAMPLING_ADVANTAGE = 10;
/** Pairs drawn to measure the arcs one sample scans, for that estimate. */
export const PILOT_SAMPLES = 64;
/**
 * Default additive error of a sampled estimate (on the normalized 0..1 scale): the first round draws the
 * Riondato–Kornaropoulos sample size for it (at 0.02 and delta 0.1, about 7,000–8,000 samples on a graph of small
 * vertex diameter), and sampling does not stop before every estimate's interval is within it.
 */
export const DEFAULT_EPSILON = 0.02;
/** Default probability that some node's estimate is off by more than epsilon. */
export const DEFAULT_DELTA = 0.1;

/** Reusable scratch arrays for one Brandes pass (one per thread). */
export interface BrandesWorkspace {
  dist: Int32Array;
  sigma: Float64Array;
  delta: Float64Array;
  order: Int32Array;
}

/** Scratch for a graph of `n` nodes: distances all −1, counts all 0. */
export function brandesWorkspace(n: number): BrandesWorkspace {
  return { dist: new Int32Array(n).fill(-1), sigma: new Float64Array(n), delta: new Float64Array(n), order: new Int32Array(n) };
}

/**
 * Adds to `out[v]` the dependency δ_s(v) = Σ_t σ_st(v)/σ_st of every source s in [from, to) (Brandes 2001, hop
 * distances). Predecessors are never stored: walking nodes in reverse BFS order, v gathers from each out-neighbour w
 * one level further, which was finished before v. Leaves `ws` clean for the next call.
 */
export function accumulateSources(graph: Graph, from: number, to: number, out: Float64Array, ws: BrandesWorkspace): void {
  const { offsets, targets } = graph;
  const { dist, sigma, delta, order } = ws;
  for (let s = from; s < to; s++) {
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++];
      const dw = dist[v] + 1;
      const sv = sigma[v];
      for (let e = offsets[v], end = offsets[v + 1]; e < end; e++) {
        const w = targets[e];
        let d = dist[w];
        if (d < 0) {
          d = dist[w] = dw;
          order[tail++] = w;
        }
        if (d === dw) sigma[w] += sv;
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const v = order[i];
      const dw = dist[v] + 1;
      let acc = 0;
      for (let e = offsets[v], end = offsets[v + 1]; e < end; e++) {
        const w = targets[e];
        if (dist[w] === dw) acc += delta[w];
      }
      acc *= sigma[v];
      out[v] += acc;
      // Kept as (1 + δ(v)) / σ(v), the share each predecessor of v multiplies by its own σ: one division per node.
      delta[v] = (1 + acc) / sigma[v];
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i];
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
}

/** Number of source blocks for a graph of `n` nodes. */
export function blockCount(n: number): number {
  return Math.ceil(n / BETWEENNESS_BLOCK);
}

/** The summed dependencies of block `b`'s sources (a fresh array of length n). */
export function blockDependencies(graph: Graph, b: number, ws: BrandesWorkspace = brandesWorkspace(graph.n)): Float64Array {
  const out = new Float64Array(graph.n);
  accumulateSources(graph, b * BETWEENNESS_BLOCK, Math.min(graph.n, (b + 1) * BETWEENNESS_BLOCK), out, ws);
  return out;
}

/**
 * Scales summed dependencies over all sources to NetworkX's normalized betweenness, in place. Undirected: the sum
 * counts each unordered pair twice, and NetworkX divides the once-per-pair sum by (n−1)(n−2)/2; directed: divides by
 * (n−1)(n−2). Both come to sum / ((n−1)(n−2)). With n ≤ 2 no node lies between two others: all zero.
 */
export function normalizeDependencies(sum: Float64Array, n: number): Float64Array {
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  for (let v = 0; v < sum.length; v++) sum[v] *= scale;
  return sum;
}

/** Exact normalized betweenness of every node (index = node), summed block by block in order. */
export function exactBetweenness(graph: Graph): Float64Array {
  const total = new Float64Array(graph.n);
  const ws = brandesWorkspace(graph.n);
  const blocks = blockCount(graph.n);
  const part = new Float64Array(graph.n);
  for (let b = 0; b < blocks; b++) {
    part.fill(0);
    accumulateSources(graph, b * BETWEENNESS_BLOCK, Math.min(graph.n, (b + 1) * BETWEENNESS_BLOCK), part, ws);
    for (let v = 0; v < graph.n; v++) total[v] += part[v];
  }
  return normalizeDependencies(total, graph.n);
}

/**
 * Computes the dependencies of the listed blocks (each `blockDependencies(graph, b)`), somewhere else — on a worker
 * thread, say. The engine has no threads of its own: the caller supplies this (see betweenness.worker.ts).
 */
export type BlockRunner = (graph: Graph, blocks: readonly number[]) => Promise<Float64Array[]>;

/**
 * Exact normalized betweenness with the source blocks dealt round-robin to `workers` runners. Block sums are added in
 * block order, so the result is bit-for-bit `exactBetweenness(graph)` whatever `workers` is.
 */
export async function exactBetweennessParallel(graph: Graph, workers: number, run: BlockRunner): Promise<Float64Array> {
  const blocks = blockCount(graph.n);
  const k = Math.max(1, Math.min(Math.floor(workers), blocks));
  const shares: number[][] = Array.from({ length: k }, () => []);
  for (let b = 0; b < blocks; b++) shares[b % k].push(b);
  const results = await Promise.all(shares.map((share) => (share.length ? run(graph, share) : Promise.resolve([]))));
  const total = new Float64Array(graph.n);
  for (let b = 0; b < blocks; b++) {
    const part = results[b % k][Math.floor(b / k)];
    for (let v = 0; v < graph.n; v++) total[v] += part[v];
  }
  return normalizeDependencies(total, graph.n);
}

/** One ranked node. */
export interface Broker {
  id: string;
  betweenness: number;
}

/**
 * How the scores were found. Sampled: with probability at least 1 − delta, every node's estimate is within epsilon of
 * its betweenness, and no node outside the `top` returned has betweenness more than `gap` above one inside (when
 * `met`, gap ≤ tolerance × the least betweenness inside, so a node left out has at most (1 + tolerance) times it).
 * epsilon and gap are rounded up to 3 significant digits.
 */
export type BetweennessMethod =
  | 'exact'
  | { sampled: { epsilon: number; delta: number; samples: number; top: number; gap: number; tolerance: number; met: boolean } };

/** Options of `brokers`. */
export interface BrokerOptions {
  /** How many brokers to return (default 50). */
  top?: number;
  /**
   * Most exact work allowed, in n × (n + arcs) units; 0 asks for sampling. Default: exact within
   * DEFAULT_BETWEENNESS_BUDGET, and past it whenever sampling would not be SAMPLING_ADVANTAGE times cheaper.
   */
  budget?: number;
  /** Sampled: additive error bound on the normalized scale (default 0.02). */
  epsilon?: number;
  /** Sampled: relative top-k tolerance ρ of the stopping rule (default 1: a node left out has at most twice a kept one's). */
  tolerance?: number;
  /** Sampled: probability that the bound fails for some node (default 0.1). */
  delta?: number;
  /** Sampled: seed of the pair and path draws (default 1). */
  seed?: number;
}

/**
 * The `top` nodes by normalized betweenness, highest first; equal scores (equal to 12 decimals, which is also how
 * they are reported) go by id in code-unit order.
 */
export function rankBrokers(graph: Graph, scores: Float64Array, top = 50): Broker[] {
  const rounded = Array.from(scores, (x) => Math.round(x * 1e12) / 1e12);
  const idx = Array.from({ length: graph.n }, (_, v) => v);
  const ids = graph.ids;
  idx.sort((a, b) => rounded[b] - rounded[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  return idx.slice(0, top).map((v) => ({ id: ids[v], betweenness: rounded[v] }));
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

/** Rounds up to 3 significant digits (so a reported bound is never below the one proven). */
export function roundUp(x: number): number {
  if (x <= 0) return 0;
  const unit = 10 ** (Math.floor(Math.log10(x)) - 2);
  const r = Number((Math.ceil(x / unit) * unit).toPrecision(3));
  return r >= x ? r : Number((r + unit).toPrecision(3));
}

/**
 * The graph's brokers: the `top` nodes (default 50) by betweenness normalized as NetworkX does. Exact (Brandes) when
 * n × (n + arcs) is within `budget`; otherwise progressive top-k sampling (betweenness.topk.ts) whose first round is
 * the Riondato–Kornaropoulos sample size for (epsilon, delta) — unless that first round needs at least n samples,
 * when exact is no dearer and is used instead. With no `budget`, the rule is: exact within DEFAULT_BETWEENNESS_BUDGET;
 * past it, estimate the sampled work as samples × (mean arcs scanned by PILOT_SAMPLES pilot samples) + 3 (n + arcs)
 * for the vertex-diameter bound, and sample only if that is at least SAMPLING_ADVANTAGE times below the exact work.
 * Sampling goes on until the top-k rule is met or its samples would scan 1/SAMPLING_ADVANTAGE of the exact work.
 * Bad options throw a RangeError.
 */
export function brokers(graph: Graph, opts: BrokerOptions = {}): { brokers: Broker[]; method: BetweennessMethod } {
  const top = opts.top ?? 50;
  const epsilon = opts.epsilon ?? DEFAULT_EPSILON;
  const delta = opts.delta ?? DEFAULT_DELTA;
  const tolerance = opts.tolerance ?? DEFAULT_TOP_TOLERANCE;
  const seed = opts.seed ?? 1;
  check(Number.isInteger(top) && top >= 0, `top must be a whole number ≥ 0 (got ${top})`);
  check(opts.budget === undefined || opts.budget >= 0, `budget must be ≥ 0 (got ${opts.budget})`);
  check(epsilon > 0 && epsilon < 1, `epsilon must be in (0, 1) (got ${epsilon})`);
  check(delta > 0 && delta < 1, `delta must be in (0, 1) (got ${delta})`);
  check(tolerance >= 0 && Number.isFinite(tolerance), `tolerance must be a number ≥ 0 (got ${tolerance})`);
  check(Number.isInteger(seed), `seed must be an integer (got ${seed})`);
  const arcs = graph.targets.length;
  const work = graph.n * (graph.n + arcs);
  if (work > (opts.budget ?? DEFAULT_BETWEENNESS_BUDGET)) {
    const vertexDiameter = vertexDiameterBound(graph);
    // No shortest path has an inner node: every score is 0, and that is exact.
    if (vertexDiameter <= 2) return { brokers: rankBrokers(graph, new Float64Array(graph.n), top), method: 'exact' };
    const samples = sampleSize(graph.n, vertexDiameter, epsilon, delta);
    const perSample = Math.max(1, estimateSampleWork(graph, PILOT_SAMPLES, seed));
    const cheaper = () => SAMPLING_ADVANTAGE * (samples * perSample + 3 * (graph.n + arcs)) <= work;
    if (samples < graph.n && (opts.budget !== undefined || cheaper())) {
      const maxSamples = Math.max(samples, Math.floor(work / SAMPLING_ADVANTAGE / perSample));
      const found = topKBetweenness(graph, { top, delta, tolerance, epsilon, firstSamples: samples, maxSamples, seed });
      const list = found.top.map((v) => ({ id: graph.ids[v], betweenness: Math.round(found.scores[v] * 1e12) / 1e12 }));
      const sampled = { epsilon: roundUp(found.epsilon), delta, samples: found.samples, top, gap: roundUp(found.gap), tolerance, met: found.met };
      return { brokers: list, method: { sampled } };
    }
  }
  return { brokers: rankBrokers(graph, exactBetweenness(graph), top), method: 'exact' };
}
