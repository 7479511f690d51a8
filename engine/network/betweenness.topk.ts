// Progressive top-k sampling of betweenness: the adaptive stopping of KADABRA (Borassi & Natale 2016) with the
// top-k stopping rule of progressive samplers, on the uniform shortest paths of betweenness.sample.ts.
//
// Each sample draws an ordered pair (s, t) and one of its shortest paths uniformly, so node v is an inner node of the
// path with probability p_v = raw(v) / (n(n−1)), and v's hit count after r samples is Binomial(r, p_v) exactly (a
// path passes v at most once). Normalized betweenness is b_v = p_v · n/(n−2).
//
// Samples are drawn in rounds of a schedule fixed in advance (r_1, r_1·√2, r_1·2, … up to a cap). After each round
// every node gets a Chernoff (Kullback–Leibler) confidence interval for p_v, each side failing with probability at
// most δ / (2·n·J) for J rounds; by the union bound, with probability ≥ 1 − δ every interval of every round holds at
// once, in particular those of the round where sampling stopped, whatever made it stop. Sampling stops at the first
// round where, with T the k nodes of most hits, lo = the least lower bound in T and hi = the greatest upper bound
// outside T, the gap τ = max(0, hi − lo) is at most `tolerance` · lo, and every interval is within `epsilon` of its
// estimate; or when the schedule ends. Whatever the stop, what is reported holds with probability ≥ 1 − δ:
//   - every node's betweenness lies in [lower, upper], and within the reported epsilon of its estimate;
//   - no node outside the returned top k has betweenness more than τ above any node in it (b_u ≤ b_v + τ), so when
//     the rule was met, b_u ≤ (1 + tolerance) · b_v.
// Pure and deterministic for a seed.
import { Prng } from '../grouping/prng.ts';
import { drawPair, PathSampler } from './betweenness.sample.ts';
import type { Graph } from './graph.ts';

/** Default top-k tolerance: stop when no node left out can have more than (1 + 1) = twice a kept node's betweenness. */
export const DEFAULT_TOP_TOLERANCE = 1;
/** Each round's sample count is the previous one's times this (a finer schedule stops nearer the need, J grows slowly). */
export const ROUND_GROWTH = Math.SQRT2;

/** Options of `topKBetweenness`. */
export interface TopKOptions {
  /** k: how many top nodes must be told apart from the rest. */
  top: number;
  /** Probability that any reported bound fails. */
  delta: number;
  /** Relative top-k tolerance ρ: stop once the gap τ ≤ ρ · (least lower bound in the top k). */
  tolerance: number;
  /** Also require every node's interval within this of its estimate (normalized scale) before stopping. */
  epsilon: number;
  /** Samples of the first round. */
  firstSamples: number;
  /** Most samples in all (the schedule's last round; at least `firstSamples`). */
  maxSamples: number;
  /** Seed of the pair and path draws. */
  seed: number;
}

/** What the sampler found, on the normalized (NetworkX) scale. */
export interface TopKSample {
  /** Estimate of each node's normalized betweenness. */
  scores: Float64Array;
  /** Confidence interval of each node (all hold at once with probability ≥ 1 − δ). */
  lower: Float64Array;
  upper: Float64Array;
  /** The k nodes of most hits, highest first (ties by id in code-unit order, as rankBrokers orders them). */
  top: number[];
  /** Samples drawn and rounds run. */
  samples: number;
  rounds: number;
  /** Largest distance from an estimate to either end of its interval. */
  epsilon: number;
  /** τ: no node outside `top` has betweenness more than this above a node inside it. */
  gap: number;
  /** Whether the stopping rule was met (else the schedule ran out). */
  met: boolean;
}

/** Round sizes: firstSamples, then ×ROUND_GROWTH (rounded up) each round, the last one exactly maxSamples. */
export function roundSchedule(firstSamples: number, maxSamples: number): number[] {
  const first = Math.max(1, Math.ceil(firstSamples));
  const max = Math.max(first, Math.floor(maxSamples));
  const rounds = [first];
  while (rounds[rounds.length - 1] < max) rounds.push(Math.min(max, Math.ceil(rounds[rounds.length - 1] * ROUND_GROWTH)));
  return rounds;
}

/** Kullback–Leibler divergence of Bernoulli(a) from Bernoulli(b). */
function kl(a: number, b: number): number {
  const left = a === 0 ? 0 : a * Math.log(a / b);
  const right = a === 1 ? 0 : (1 - a) * Math.log((1 - a) / (1 - b));
  return left + right;
}

/**
 * Chernoff interval for a Bernoulli mean after `hits` successes in `r` trials: the q with r·KL(hits/r ‖ q) ≤ `level`.
 * P(p > upper) ≤ e^−level and P(p < lower) ≤ e^−level (Chernoff–Hoeffding in KL form). Found by bisection and widened
 * outwards by the bisection's last step, so rounding never narrows it.
 */
export function klInterval(hits: number, r: number, level: number): [number, number] {
  const p = hits / r;
  let lower = 0;
  if (p > 0) {
    let a = 0;
    let b = p;
    for (let i = 0; i < 64; i++) {
      const m = (a + b) / 2;
      if (r * kl(p, m) > level) a = m;
      else b = m;
    }
    lower = a;
  }
  let upper = 1;
  if (p < 1) {
    let a = p;
    let b = 1;
    for (let i = 0; i < 64; i++) {
      const m = (a + b) / 2;
      if (r * kl(p, m) > level) b = m;
      else a = m;
    }
    upper = b;
  }
  return [lower, upper];
}

/** Samples until the top k are told apart from the rest (see the file comment); deterministic for a seed. */
export function topKBetweenness(graph: Graph, opts: TopKOptions): TopKSample {
  const { n, ids } = graph;
  const k = Math.max(0, Math.min(opts.top, n));
  const scores = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  if (n <= 2) return { scores, lower, upper, top: Array.from({ length: k }, (_, v) => v), samples: 0, rounds: 0, epsilon: 0, gap: 0, met: true };
  const schedule = roundSchedule(opts.firstSamples, opts.maxSamples);
  const level = Math.log((2 * n * schedule.length) / opts.delta);
  const toScale = n / (n - 2);
  const sampler = new PathSampler(graph);
  const rng = new Prng(opts.seed);
  const hits = new Uint32Array(n);
  const order = Array.from({ length: n }, (_, v) => v);
  let drawn = 0;
  let result: TopKSample | null = null;
  for (let j = 0; j < schedule.length; j++) {
    for (; drawn < schedule[j]; drawn++) {
      const [u, v] = drawPair(rng, n);
      sampler.sample(u, v, rng, hits);
    }
    order.sort((a, b) => hits[b] - hits[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    // Intervals depend on the hit count only: one per distinct count.
    const memo = new Map<number, [number, number]>();
    let epsilon = 0;
    for (let v = 0; v < n; v++) {
      let iv = memo.get(hits[v]);
      if (!iv) {
        const [lo, hi] = klInterval(hits[v], drawn, level);
        iv = [lo * toScale, Math.min(1, hi * toScale)];
        memo.set(hits[v], iv);
      }
      scores[v] = (hits[v] / drawn) * toScale;
      lower[v] = iv[0];
      upper[v] = iv[1];
      epsilon = Math.max(epsilon, scores[v] - iv[0], iv[1] - scores[v]);
    }
    // Lower bounds grow with the hit count, so the least in T is its last node's; the greatest upper bound outside T
    // is that of the first node after it.
    const lo = k > 0 ? lower[order[k - 1]] : 0;
    const gap = k > 0 && k < n ? Math.max(0, upper[order[k]] - lo) : 0;
    const met = gap <= opts.tolerance * lo && epsilon <= opts.epsilon;
    result = { scores, lower, upper, top: order.slice(0, k), samples: drawn, rounds: j + 1, epsilon, gap, met };
    if (met) break;
  }
  return result as TopKSample;
}
