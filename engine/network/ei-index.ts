// Krackhardt & Stern's E-I index, (E − I) / (E + I), by one attribute of the nodes: −1 all ties inside groups,
// +1 all ties across them. Ties count once each, whatever their weight (a directed graph counts each arc).
// A tie with an end that has no value for the attribute is not counted anywhere: it is neither internal nor external.
import type { Graph } from './graph.ts';

/** The attribute's value per external id; ids missing from the map (or mapped to '') have no value. */
export type Attribute = ReadonlyMap<string, string>;

/** The E-I index overall and per group, with the tie counts behind them. */
export interface EiIndex {
  /** Over all counted ties; null when no tie was counted. */
  overall: number | null;
  /**
   * Per attribute value, over the counted ties with at least one end in the group (I both ends, E exactly one).
   * Only groups with at least one such tie appear.
   */
  byGroup: Record<string, number>;
  /** Counted ties with both ends in one group. */
  internal: number;
  /** Counted ties between two groups. */
  external: number;
  /** Ties left out because an end has no value. */
  excluded: number;
}

/** Each node's group as a small integer (−1: no value) and the group names in first-seen order. */
export function groupIndex(g: Graph, attribute: Attribute): { group: Int32Array; names: string[] } {
  const group = new Int32Array(g.n).fill(-1);
  const byName = new Map<string, number>();
  const names: string[] = [];
  for (let v = 0; v < g.n; v++) {
    const value = attribute.get(g.ids[v]);
    if (value === undefined || value === '') continue;
    let k = byName.get(value);
    if (k === undefined) {
      k = names.length;
      byName.set(value, k);
      names.push(value);
    }
    group[v] = k;
  }
  return { group, names };
}

/** Computes the E-I index of `g` by `attribute`. */
export function eiIndex(g: Graph, attribute: Attribute): EiIndex {
  const { group, names } = groupIndex(g, attribute);
  const inside = new Float64Array(names.length);
  const across = new Float64Array(names.length);
  let internal = 0;
  let external = 0;
  let excluded = 0;
  for (let u = 0; u < g.n; u++) {
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const v = g.targets[e];
      if (!g.directed && v < u) continue; // each undirected tie once
      const a = group[u];
      const b = group[v];
      if (a < 0 || b < 0) excluded++;
      else if (a === b) {
        internal++;
        inside[a]++;
      } else {
        external++;
        across[a]++;
        across[b]++;
      }
    }
  }
  const ratio = (ext: number, int: number) => (ext + int === 0 ? null : (ext - int) / (ext + int));
  const entries: [string, number][] = [];
  names.forEach((name, k) => {
    const r = ratio(across[k], inside[k]);
    if (r !== null) entries.push([name, r]);
  });
  entries.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return { overall: ratio(external, internal), byGroup: Object.fromEntries(entries), internal, external, excluded };
}
