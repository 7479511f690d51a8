// Communities by the Louvain method (Blondel et al. 2008) on the weighted graph, and the modularity they score.
// A directed graph is read as undirected, a–b weighing w(a→b) + w(b→a), for both. Deterministic for a seed:
// the seed only orders the nodes each local-moving phase visits.
import { aggregate, initialLevel, moveNodes, prng } from './communities.level.ts';
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
