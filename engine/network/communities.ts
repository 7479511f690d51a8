// Communities by the Louvain method (Blondel et al. 2008) on the weighted graph, and the modularity they score.
// A directed graph is read as undirected, a–b weighing w(a→b) + w(b→a), for both. Deterministic for a seed:
// the seed only orders the nodes each local-moving phase visits.
import type { Graph } from './graph.ts';

/** Louvain options. */
export interface CommunityOptions {
  /** Orders the node visits; equal seeds give equal results. Default 1. */
  seed?: number;
  /** Resolution γ of the modularity (1 = the standard definition; above 1 favours smaller communities). */
  resolution?: number;
}

/** A partition of the nodes into communities. */
export interface Communities {
  /** Community of each node, numbered 0.. in order of each community's first node. */
  membership: Uint32Array;
  /** Number of communities (an isolate is a community of its own). */
  count: number;
  /** Modularity of `membership` (see `modularity`). */
  modularity: number;
  /** Aggregation levels that moved at least one node. */
  levels: number;
}

/**
 * Newman–Girvan modularity Q = Σ_c [ L_c / m − γ (d_c / 2m)² ], with L_c the weight of ties inside c, d_c the
 * total strength of its nodes and m the total tie weight. 0 for a graph without ties.
 */
export function modularity(g: Graph, membership: ArrayLike<number>, resolution = 1): number {
  let total = 0;
  let count = 0;
  for (let v = 0; v < g.n; v++) count = Math.max(count, membership[v] + 1);
  const inside = new Float64Array(count);
  const degreeSum = new Float64Array(count);
  for (let u = 0; u < g.n; u++) {
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const w = g.weights[e];
      const v = g.targets[e];
      total += w;
      degreeSum[membership[u]] += w;
      degreeSum[membership[v]] += w; // an undirected tie's other stored direction adds it again to v
      if (membership[u] === membership[v]) inside[membership[u]] += w;
    }
  }
  // Stored weight: 2m undirected (both directions); m directed (once). Degree sums counted each stored entry twice.
  const m = g.directed ? total : total / 2;
  if (m === 0) return 0;
  const twoM = 2 * m;
  const scale = g.directed ? 1 : 0.5;
  let q = 0;
  for (let c = 0; c < count; c++) {
    const d = degreeSum[c] * scale;
    q += (inside[c] * scale) / m - resolution * (d / twoM) ** 2;
  }
  return q;
}

/** An undirected weighted graph during Louvain: ties stored both ways, plus each node's self-loop weight. */
interface Level {
  n: number;
  offsets: Uint32Array;
  targets: Uint32Array;
  weights: Float64Array;
  self: Float64Array;
}

/** Finds communities with Louvain: local moving, then aggregation into a smaller graph, until nothing moves. */
export function louvain(g: Graph, opts: CommunityOptions = {}): Communities {
  const resolution = opts.resolution ?? 1;
  const random = prng(opts.seed ?? 1);
  let level = initialLevel(g);
  const membership = new Uint32Array(g.n);
  for (let v = 0; v < g.n; v++) membership[v] = v;
  let levels = 0;
  for (;;) {
    const { comm, count, moved } = moveNodes(level, resolution, random);
    if (!moved) break;
    levels++;
    for (let v = 0; v < g.n; v++) membership[v] = comm[membership[v]];
    level = aggregate(level, comm, count);
  }
  // Renumber in order of each community's first node.
  const renumber = new Int32Array(level.n).fill(-1);
  let count = 0;
  for (let v = 0; v < g.n; v++) {
    if (renumber[membership[v]] < 0) renumber[membership[v]] = count++;
    membership[v] = renumber[membership[v]];
  }
  return { membership, count, modularity: modularity(g, membership, resolution), levels };
}

function initialLevel(g: Graph): Level {
  if (!g.directed) return { n: g.n, offsets: g.offsets, targets: g.targets, weights: g.weights, self: new Float64Array(g.n) };
  // Symmetrize: every arc u→v adds its weight to u–v in both directions; parallel entries merge in aggregate().
  const comm = new Uint32Array(g.n);
  for (let v = 0; v < g.n; v++) comm[v] = v;
  const offsets = new Uint32Array(g.n + 1);
  for (let u = 0; u < g.n; u++) {
    offsets[u + 1] += g.offsets[u + 1] - g.offsets[u];
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) offsets[g.targets[e] + 1]++;
  }
  for (let v = 0; v < g.n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, g.n);
  const targets = new Uint32Array(offsets[g.n]);
  const weights = new Float64Array(offsets[g.n]);
  for (let u = 0; u < g.n; u++) {
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const v = g.targets[e];
      targets[fill[u]] = v;
      weights[fill[u]++] = g.weights[e];
      targets[fill[v]] = u;
      weights[fill[v]++] = g.weights[e];
    }
  }
  return aggregate({ n: g.n, offsets, targets, weights, self: new Float64Array(g.n) }, comm, g.n);
}

/** One local-moving phase: nodes join the neighbouring community with the best modularity gain until none moves. */
function moveNodes(level: Level, resolution: number, random: () => number): { comm: Uint32Array; count: number; moved: boolean } {
  const { n, offsets, targets, weights, self } = level;
  const k = new Float64Array(n);
  let twoM = 0;
  for (let i = 0; i < n; i++) {
    k[i] = 2 * self[i];
    for (let e = offsets[i]; e < offsets[i + 1]; e++) k[i] += weights[e];
    twoM += k[i];
  }
  const comm = new Uint32Array(n);
  const tot = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    comm[i] = i;
    tot[i] = k[i];
  }
  if (twoM === 0) return { comm, count: n, moved: false };
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const toComm = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const touched = new Uint32Array(n);
  const eps = 1e-12 * twoM;
  let moved = false;
  for (let pass = 0; pass < 1000; pass++) {
    let moves = 0;
    for (let o = 0; o < n; o++) {
      const i = order[o];
      let nt = 0;
      for (let e = offsets[i]; e < offsets[i + 1]; e++) {
        const c = comm[targets[e]];
        if (stamp[c] !== i) {
          stamp[c] = i;
          toComm[c] = 0;
          touched[nt++] = c;
        }
        toComm[c] += weights[e];
      }
      const own = comm[i];
      tot[own] -= k[i];
      let best = own;
      let bestGain = (stamp[own] === i ? toComm[own] : 0) - (resolution * tot[own] * k[i]) / twoM;
      for (let t = 0; t < nt; t++) {
        const c = touched[t];
        const gain = toComm[c] - (resolution * tot[c] * k[i]) / twoM;
        if (gain > bestGain + eps) {
          best = c;
          bestGain = gain;
        }
      }
      tot[best] += k[i];
      stamp[own] = -1;
      for (let t = 0; t < nt; t++) stamp[touched[t]] = -1;
      if (best !== own) {
        comm[i] = best;
        moves++;
      }
    }
    if (moves === 0) break;
    moved = true;
  }
  // Renumber the communities 0..count-1 in node order.
  const renumber = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (renumber[comm[i]] < 0) renumber[comm[i]] = count++;
    comm[i] = renumber[comm[i]];
  }
  return { comm, count, moved };
}

/** The graph of communities: a community's internal weight becomes its self-loop; ties between two add up. */
function aggregate(level: Level, comm: Uint32Array, count: number): Level {
  const { n, offsets, targets, weights } = level;
  const start = new Uint32Array(count + 1);
  for (let i = 0; i < n; i++) start[comm[i] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const members = new Uint32Array(n);
  const fill = start.slice(0, count);
  for (let i = 0; i < n; i++) members[fill[comm[i]]++] = i;
  const self = new Float64Array(count);
  const acc = new Float64Array(count);
  const seen = new Int32Array(count).fill(-1);
  const list = new Uint32Array(count);
  const newOffsets = new Uint32Array(count + 1);
  const outTargets: number[] = [];
  const outWeights: number[] = [];
  for (let c = 0; c < count; c++) {
    let nl = 0;
    for (let p = start[c]; p < start[c + 1]; p++) {
      const i = members[p];
      self[c] += level.self[i];
      for (let e = offsets[i]; e < offsets[i + 1]; e++) {
        const d = comm[targets[e]];
        if (d === c) {
          self[c] += weights[e] / 2; // seen once from each end
          continue;
        }
        if (seen[d] !== c) {
          seen[d] = c;
          acc[d] = 0;
          list[nl++] = d;
        }
        acc[d] += weights[e];
      }
    }
    for (let t = 0; t < nl; t++) {
      outTargets.push(list[t]);
      outWeights.push(acc[list[t]]);
    }
    newOffsets[c + 1] = outTargets.length;
  }
  return { n: count, offsets: newOffsets, targets: Uint32Array.from(outTargets), weights: Float64Array.from(outWeights), self };
}

/** mulberry32: a small seeded generator of floats in [0, 1). */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
