// Communities by the Leiden method (Traag, Waltman & van Eck 2019): Louvain's local moving, then a refinement of each
// community from singletons, merging only along ties and only into well-connected parts, and aggregation by the
// refined partition (its nodes starting in their unrefined community). And `bestCommunities`, what the report uses:
// the best of one Louvain run and some Leiden runs, every community split into its connected parts.
import { louvain, modularity, type Communities, type CommunityOptions } from './communities.ts';
import { aggregate, initialLevel, type Level, moveNodes, prng, renumbered, shuffled } from './communities.level.ts';
import type { Graph } from './graph.ts';

/**
 * Refinement of partition `comm` of `level` (Traag et al. 2019, Algorithm A.2 with greedy choice): every node starts
 * alone; in random order, a node still alone and well connected to its community C (w(v, C − v) ≥ γ k_v (K_C − k_v) / 2m)
 * joins the refined part of C, among those it ties to and that are themselves well connected to C, with the greatest
 * gain w(v, R) − γ k_v K_R / 2m, if that gain is positive. Each refined part is connected and inside one community.
 */
function refine(level: Level, comm: Uint32Array, count: number, resolution: number, random: () => number): { comm: Uint32Array; count: number } {
  const { n, offsets, targets, weights, self } = level;
  const k = new Float64Array(n);
  const kComm = new Float64Array(count);
  const toOwn = new Float64Array(n); // w(v, C − v)
  let twoM = 0;
  for (let i = 0; i < n; i++) {
    k[i] = 2 * self[i];
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      k[i] += weights[e];
      if (comm[targets[e]] === comm[i]) toOwn[i] += weights[e];
    }
    kComm[comm[i]] += k[i];
    twoM += k[i];
  }
  const ref = new Uint32Array(n);
  const kRef = new Float64Array(n);
  const refToOwn = new Float64Array(n); // w(R, C − R) for each refined part R
  const alone = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    ref[i] = i;
    kRef[i] = k[i];
    refToOwn[i] = toOwn[i];
    alone[i] = 1;
  }
  if (twoM === 0) return renumbered(ref, false);
  const order = shuffled(n, random);
  const toRef = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const touched = new Uint32Array(n);
  const eps = 1e-12 * twoM;
  for (let o = 0; o < n; o++) {
    const v = order[o];
    const c = comm[v];
    if (!alone[v] || toOwn[v] < (resolution * k[v] * (kComm[c] - k[v])) / twoM - eps) continue;
    let nt = 0;
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const u = targets[e];
      if (comm[u] !== c) continue;
      const r = ref[u];
      if (stamp[r] !== v) {
        stamp[r] = v;
        toRef[r] = 0;
        touched[nt++] = r;
      }
      toRef[r] += weights[e];
    }
    let best = -1;
    let bestGain = eps;
    for (let t = 0; t < nt; t++) {
      const r = touched[t];
      if (r === ref[v] || refToOwn[r] < (resolution * kRef[r] * (kComm[c] - kRef[r])) / twoM - eps) continue;
      const gain = toRef[r] - (resolution * k[v] * kRef[r]) / twoM;
      if (gain > bestGain) {
        best = r;
        bestGain = gain;
      }
    }
    if (best < 0) continue;
    // v leaves its own singleton part for `best`: the merged part's ties to the rest of C lose those between the two.
    refToOwn[best] += toOwn[v] - 2 * toRef[best];
    kRef[best] += k[v];
    kRef[ref[v]] = 0;
    ref[v] = best;
    alone[v] = 0;
    for (let e = offsets[v]; e < offsets[v + 1]; e++) if (ref[targets[e]] === best) alone[targets[e]] = 0;
  }
  return renumbered(ref, false);
}

/**
 * Splits every community into its connected parts (ties read both ways) and renumbers in order of first node.
 * Never lowers modularity: parts of one community with no tie between them add γ·2·d_A·d_B/(2m)² when split.
 */
export function splitDisconnected(g: Graph, membership: ArrayLike<number>): Uint32Array {
  const level = initialLevel(g);
  const out = new Uint32Array(g.n);
  const seen = new Uint8Array(g.n);
  const queue = new Uint32Array(g.n);
  let count = 0;
  for (let s = 0; s < g.n; s++) {
    if (seen[s]) continue;
    seen[s] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++];
      out[v] = count;
      for (let e = level.offsets[v]; e < level.offsets[v + 1]; e++) {
        const w = level.targets[e];
        if (!seen[w] && membership[w] === membership[v]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    count++;
  }
  return out;
}

/** Leiden communities: connected, with their modularity. Deterministic for a seed. */
export function leiden(g: Graph, opts: CommunityOptions = {}): Communities {
  const resolution = opts.resolution ?? 1;
  const random = prng(opts.seed ?? 1);
  let level = initialLevel(g);
  const membership = new Uint32Array(g.n); // original node → node of the current level
  for (let v = 0; v < g.n; v++) membership[v] = v;
  let start: Uint32Array | undefined;
  let levels = 0;
  let comm: Uint32Array;
  for (;;) {
    const moved = moveNodes(level, resolution, random, start);
    comm = moved.comm;
    if (moved.moved) levels++;
    // Done when every node is a community of its own, or when refinement cannot shrink the level any more.
    if (moved.count === level.n) break;
    const refined = refine(level, comm, moved.count, resolution, random);
    if (refined.count === level.n) break;
    start = new Uint32Array(refined.count);
    for (let i = 0; i < level.n; i++) start[refined.comm[i]] = comm[i];
    for (let v = 0; v < g.n; v++) membership[v] = refined.comm[membership[v]];
    level = aggregate(level, refined.comm, refined.count);
  }
  for (let v = 0; v < g.n; v++) membership[v] = comm[membership[v]];
  return communitiesOf(g, splitDisconnected(g, membership), resolution, levels);
}

function communitiesOf(g: Graph, membership: Uint32Array, resolution: number, levels: number): Communities {
  let count = 0;
  for (let v = 0; v < g.n; v++) count = Math.max(count, membership[v] + 1);
  return { membership, count, modularity: modularity(g, membership, resolution), levels };
}

/** Options of `bestCommunities`. */
export interface BestCommunityOptions extends CommunityOptions {
  /** Leiden runs, with seeds seed, seed + 1, … (default DEFAULT_LEIDEN_RUNS). */
  runs?: number;
}

/** Leiden runs of the report's communities: a few seeds, each about as dear as one Louvain run. */
export const DEFAULT_LEIDEN_RUNS = 3;

/**
 * The report's communities: Louvain with `seed` and `runs` Leiden runs (seeds seed, seed + 1, …), each split into
 * connected parts, and the one of highest modularity (the first on a tie). So every community is connected, and the
 * modularity is never below that of Louvain with the same seed. Deterministic for a seed.
 */
export function bestCommunities(g: Graph, opts: BestCommunityOptions = {}): Communities {
  const seed = opts.seed ?? 1;
  const resolution = opts.resolution ?? 1;
  const runs = opts.runs ?? DEFAULT_LEIDEN_RUNS;
  const first = louvain(g, { seed, resolution });
  let best = communitiesOf(g, splitDisconnected(g, first.membership), resolution, first.levels);
  for (let i = 0; i < runs; i++) {
    const found = leiden(g, { seed: seed + i, resolution });
    if (found.modularity > best.modularity) best = found;
  }
  return best;
}
