// Builds the CSR Graph from a list of ties: duplicates merge (weights add), self-ties are dropped, listed nodes
// without ties become isolates. Node order is deterministic: the `nodes` list first, then ids as ties first name them.
import { NetworkError } from './errors.ts';
import type { Graph, Tie } from './graph.ts';

/** How to read the ties. */
export interface BuildOptions {
  /** Ties have a direction (a → b); default false. */
  directed?: boolean;
  /** Ids to include even without ties (they come first, in this order; repeats are ignored). */
  nodes?: readonly string[];
}

/**
 * Builds a graph. Throws NetworkError INVALID_TIE for an empty id and INVALID_WEIGHT for a weight that is not a
 * finite number above 0. An undirected tie a–b and b–a are the same tie.
 */
export function buildGraph(ties: readonly Tie[], opts: BuildOptions = {}): Graph {
  const directed = opts.directed ?? false;
  const index = new Map<string, number>();
  const ids: string[] = [];
  const add = (id: string): number => {
    let v = index.get(id);
    if (v === undefined) {
      v = ids.length;
      index.set(id, v);
      ids.push(id);
    }
    return v;
  };
  for (const id of opts.nodes ?? []) {
    if (id === '') throw new NetworkError('INVALID_TIE', 'a node id is empty');
    add(id);
  }
  const ends: number[] = [];
  const tieWeights: number[] = [];
  ties.forEach((tie, i) => {
    if (!tie.a || !tie.b) throw new NetworkError('INVALID_TIE', `tie ${i + 1} has an empty id`);
    const w = tie.weight ?? 1;
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) {
      throw new NetworkError('INVALID_WEIGHT', `tie ${i + 1} (${tie.a}, ${tie.b}) has weight ${String(w)}; weights are finite numbers above 0`);
    }
    const a = add(tie.a);
    const b = add(tie.b);
    if (a === b) return;
    ends.push(a, b);
    tieWeights.push(w);
  });
  const n = ids.length;
  // Merge duplicates on a numeric key (n < 2^26 keeps u * n + v exact in a double).
  const merged = new Map<number, number>();
  for (let t = 0; t < tieWeights.length; t++) {
    let u = ends[2 * t];
    let v = ends[2 * t + 1];
    if (!directed && u > v) [u, v] = [v, u];
    const key = u * n + v;
    merged.set(key, (merged.get(key) ?? 0) + tieWeights[t]);
  }
  const count = directed ? merged.size : 2 * merged.size;
  const src = new Uint32Array(count);
  const dst = new Uint32Array(count);
  const wt = new Float64Array(count);
  let k = 0;
  for (const [key, w] of merged) {
    const u = Math.floor(key / n);
    const v = key - u * n;
    src[k] = u;
    dst[k] = v;
    wt[k++] = w;
    if (!directed) {
      src[k] = v;
      dst[k] = u;
      wt[k++] = w;
    }
  }
  // Two stable counting sorts (by target, then by source) leave each row's targets ascending.
  const byTarget = countingOrder(dst, n, identity(count));
  const order = countingOrder(src, n, byTarget);
  const offsets = new Uint32Array(n + 1);
  for (let e = 0; e < count; e++) offsets[src[e] + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const targets = new Uint32Array(count);
  const weights = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    targets[e] = dst[order[e]];
    weights[e] = wt[order[e]];
  }
  return { n, directed, offsets, targets, weights, ids };
}

function identity(count: number): Uint32Array {
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = i;
  return out;
}

/** Stable counting sort of the entries `input` by `key[entry]` (keys in [0, n)). */
function countingOrder(key: Uint32Array, n: number, input: Uint32Array): Uint32Array {
  const start = new Uint32Array(n + 1);
  for (let i = 0; i < input.length; i++) start[key[input[i]] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const out = new Uint32Array(input.length);
  for (let i = 0; i < input.length; i++) out[start[key[input[i]]]++] = input[i];
  return out;
}
