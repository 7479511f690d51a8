// The weighted levels that Louvain and Leiden work on (communities.ts, communities.leiden.ts): the graph as an
// undirected level, one local-moving phase, aggregation of a partition into a smaller level, and a seeded generator.
import type { Graph } from './graph.ts';

/** An undirected weighted graph during Louvain: ties stored both ways, plus each node's self-loop weight. */
export interface Level {
  n: number;
  offsets: Uint32Array;
  targets: Uint32Array;
  weights: Float64Array;
  self: Float64Array;
}

/** The graph as a level: undirected as is; directed read as undirected, a–b weighing w(a→b) + w(b→a). */
export function initialLevel(g: Graph): Level {
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

/**
 * One local-moving phase: nodes join the neighbouring community with the best modularity gain until none moves.
 * Starts from `initial` (community per node, each below n) or from singletons. `moved`: some node changed community.
 */
export function moveNodes(
  level: Level,
  resolution: number,
  random: () => number,
  initial?: ArrayLike<number>,
): { comm: Uint32Array; count: number; moved: boolean } {
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
    comm[i] = initial ? initial[i] : i;
    tot[comm[i]] += k[i];
  }
  if (twoM === 0) return renumbered(comm, false);
  const order = shuffled(n, random);
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
  return renumbered(comm, moved);
}

/** 0..n−1 in a random order (Fisher–Yates). */
export function shuffled(n: number, random: () => number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/** Renumbers the communities 0..count-1 in order of each one's first node, in place. */
export function renumbered(comm: Uint32Array, moved: boolean): { comm: Uint32Array; count: number; moved: boolean } {
  const renumber = new Int32Array(comm.length).fill(-1);
  let count = 0;
  for (let i = 0; i < comm.length; i++) {
    if (renumber[comm[i]] < 0) renumber[comm[i]] = count++;
    comm[i] = renumber[comm[i]];
  }
  return { comm, count, moved };
}

/** The graph of communities: a community's internal weight becomes its self-loop; ties between two add up. */
export function aggregate(level: Level, comm: Uint32Array, count: number): Level {
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
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
