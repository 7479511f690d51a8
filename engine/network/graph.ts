// The one graph shape every part of engine/network reads: compressed sparse rows (CSR) over typed arrays.

/**
 * A weighted graph of `n` nodes in CSR form. The neighbours of node `v` are `targets[offsets[v] .. offsets[v+1])`
 * with the same-index `weights`. An undirected graph stores each tie in both directions (so `targets.length` is
 * twice the number of ties); a directed one stores each arc once, from its source. No self-ties, no duplicate
 * ties (duplicates were merged by adding their weights). Node `v` is `ids[v]` outside the engine.
 */
export interface Graph {
  /** Number of nodes. */
  readonly n: number;
  /** Whether ties have a direction. */
  readonly directed: boolean;
  /** Length n + 1: where each node's neighbours start in `targets`. */
  readonly offsets: Uint32Array;
  /** Neighbour node indexes, grouped by source node, ascending within each node. */
  readonly targets: Uint32Array;
  /** Tie weights, same index as `targets` (1 for unweighted ties). */
  readonly weights: Float64Array;
  /** External id of each node. */
  readonly ids: readonly string[];
}

/** One tie as read from a file or the database: two external ids and a weight (default 1). */
export interface Tie {
  a: string;
  b: string;
  weight?: number;
}
