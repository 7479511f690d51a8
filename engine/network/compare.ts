// Before/after comparison of two graphs of the same people, matched by external id: which ties are new, which new
// ties cross groups, and which pairs of groups are tied for the first time.
import type { Attribute } from './ei-index.ts';
import { NetworkError } from './errors.ts';
import type { Graph } from './graph.ts';

/** What changed from `before` to `after`. Pairs are [a, b] with a < b when undirected, [from, to] when directed. */
export interface GraphComparison {
  /** Ties in `after` that `before` lacks, sorted. */
  newTies: [string, string][];
  /** Those new ties whose ends have different values of the attribute (both ends need a value); [] without one. */
  newCrossGroupTies: [string, string][];
  /** Pairs of different groups with a tie in `after` and none in `before`, sorted; [] without an attribute. */
  newGroupPairs: [string, string][];
  /** Ties in `before` that `after` lacks. */
  lostTies: number;
}

/** Compares two graphs of the same direction; throws NetworkError DIRECTION_MISMATCH otherwise. */
export function compareGraphs(before: Graph, after: Graph, attribute?: Attribute): GraphComparison {
  if (before.directed !== after.directed) throw new NetworkError('DIRECTION_MISMATCH', 'both graphs must be directed, or neither');
  const directed = after.directed;
  const pair = (a: string, b: string): [string, string] => (directed || a < b ? [a, b] : [b, a]);
  const key = (p: [string, string]) => JSON.stringify(p);
  const beforeTies = new Set<string>();
  forEachTie(before, (a, b) => beforeTies.add(key(pair(a, b))));
  const afterTies = new Set<string>();
  const newTies: [string, string][] = [];
  forEachTie(after, (a, b) => {
    const p = pair(a, b);
    afterTies.add(key(p));
    if (!beforeTies.has(key(p))) newTies.push(p);
  });
  let lostTies = 0;
  for (const k of beforeTies) if (!afterTies.has(k)) lostTies++;
  newTies.sort(comparePairs);
  if (!attribute) return { newTies, newCrossGroupTies: [], newGroupPairs: [], lostTies };
  const groupOf = (id: string) => {
    const value = attribute.get(id);
    return value === undefined || value === '' ? undefined : value;
  };
  const crossPairs = (g: Graph): Set<string> => {
    const out = new Set<string>();
    forEachTie(g, (a, b) => {
      const ga = groupOf(a);
      const gb = groupOf(b);
      if (ga !== undefined && gb !== undefined && ga !== gb) out.add(key(pair(ga, gb)));
    });
    return out;
  };
  const newCrossGroupTies = newTies.filter(([a, b]) => {
    const ga = groupOf(a);
    const gb = groupOf(b);
    return ga !== undefined && gb !== undefined && ga !== gb;
  });
  const beforePairs = crossPairs(before);
  const newGroupPairs = [...crossPairs(after)]
    .filter((k) => !beforePairs.has(k))
    .map((k) => JSON.parse(k) as [string, string])
    .sort(comparePairs);
  return { newTies, newCrossGroupTies, newGroupPairs, lostTies };
}

/** Calls `visit` once per tie (once per arc when directed) with the external ids of its ends. */
function forEachTie(g: Graph, visit: (a: string, b: string) => void): void {
  for (let u = 0; u < g.n; u++) {
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const v = g.targets[e];
      if (g.directed || u < v) visit(g.ids[u], g.ids[v]);
    }
  }
}

function comparePairs(x: [string, string], y: [string, string]): number {
  if (x[0] !== y[0]) return x[0] < y[0] ? -1 : 1;
  if (x[1] !== y[1]) return x[1] < y[1] ? -1 : 1;
  return 0;
}
