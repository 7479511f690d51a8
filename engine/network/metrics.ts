// Whole-graph and per-node counts: ties, density, degree, strength, connected components and isolates.
import type { Graph } from './graph.ts';

/** Number of ties: undirected ties once each, directed arcs once each. */
export function tieCount(g: Graph): number {
  return g.directed ? g.targets.length : g.targets.length / 2;
}

/** Ties over possible ties: n(n−1)/2 undirected, n(n−1) directed; 0 below two nodes. */
export function density(g: Graph): number {
  if (g.n < 2) return 0;
  const possible = g.directed ? g.n * (g.n - 1) : (g.n * (g.n - 1)) / 2;
  return tieCount(g) / possible;
}

/** Which ties a per-node count takes on a directed graph: outgoing, incoming or both (undirected graphs ignore it). */
export type Direction = 'out' | 'in' | 'all';

/** Ties per node. On a directed graph `all` (the default) is out-degree plus in-degree. */
export function degree(g: Graph, direction: Direction = 'all'): Uint32Array {
  const out = new Uint32Array(g.n);
  const useOut = !g.directed || direction !== 'in';
  const useIn = g.directed && direction !== 'out';
  for (let v = 0; v < g.n; v++) {
    if (useOut) out[v] += g.offsets[v + 1] - g.offsets[v];
    if (useIn) for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) out[g.targets[e]]++;
  }
  return out;
}

/** Sum of tie weights per node, with the same `direction` rule as degree. */
export function strength(g: Graph, direction: Direction = 'all'): Float64Array {
  const out = new Float64Array(g.n);
  const useOut = !g.directed || direction !== 'in';
  const useIn = g.directed && direction !== 'out';
  for (let v = 0; v < g.n; v++) {
    for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
      if (useOut) out[v] += g.weights[e];
      if (useIn) out[g.targets[e]] += g.weights[e];
    }
  }
  return out;
}

/** Connected components (weakly connected on a directed graph). */
export interface Components {
  /** Component of each node: 0 is the largest; equal sizes are ordered by their first node. */
  readonly label: Uint32Array;
  /** Size of each component, largest first. */
  readonly sizes: number[];
}

/** Finds the connected components (weakly connected when directed) with union–find over the ties. */
export function components(g: Graph): Components {
  const parent = new Uint32Array(g.n);
  for (let v = 0; v < g.n; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  for (let v = 0; v < g.n; v++) {
    for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
      const a = find(v);
      const b = find(g.targets[e]);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  // Roots are numbered in order of their first node, then ranked by size (stable, so ties keep that order).
  const rootIndex = new Int32Array(g.n).fill(-1);
  const rootOf = new Uint32Array(g.n);
  const sizes: number[] = [];
  for (let v = 0; v < g.n; v++) {
    const r = find(v);
    if (rootIndex[r] < 0) {
      rootIndex[r] = sizes.length;
      sizes.push(0);
    }
    rootOf[v] = rootIndex[r];
    sizes[rootIndex[r]]++;
  }
  const rank = sizes.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const newIndex = new Uint32Array(sizes.length);
  rank.forEach((old, i) => {
    newIndex[old] = i;
  });
  const label = new Uint32Array(g.n);
  for (let v = 0; v < g.n; v++) label[v] = newIndex[rootOf[v]];
  return { label, sizes: rank.map((old) => sizes[old]) };
}

/** Ids of the nodes with no tie in either direction, in node order. */
export function isolates(g: Graph): string[] {
  const deg = degree(g, 'all');
  const out: string[] = [];
  for (let v = 0; v < g.n; v++) if (deg[v] === 0) out.push(g.ids[v]);
  return out;
}
