import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './build.ts';
import { compareGraphs } from './compare.ts';
import { NetworkError } from './errors.ts';
import { idArb, mergedTies, tiesArb } from './test-helpers.ts';

const attributeArb = fc.dictionary(idArb, fc.constantFrom('red', 'blue', 'green', ''), { maxKeys: 10 });
const groupOf = (attr: Map<string, string>, id: string) => attr.get(id) || undefined;

describe('compareGraphs', () => {
  it('reports exactly the ties added, the added ties across groups and the group pairs tied for the first time', () => {
    fc.assert(
      fc.property(tiesArb, tiesArb, attributeArb, fc.boolean(), (before, after, dict, directed) => {
        const attr = new Map(Object.entries(dict));
        // Node order differs between the graphs (the "after" one lists its ids reversed) — matching is by id.
        const gb = buildGraph(before, { directed });
        const ga = buildGraph(after, { directed, nodes: [...new Set(after.flatMap((t) => [t.a, t.b]))].reverse() });
        const diff = compareGraphs(gb, ga, attr);
        const was = mergedTies(before, directed);
        const now = mergedTies(after, directed);
        const added = [...now.keys()].filter((k) => !was.has(k)).sort();
        expect(diff.newTies.map((p) => p.join('|')).sort()).toEqual(added);
        expect(diff.lostTies).toBe([...was.keys()].filter((k) => !now.has(k)).length);
        const cross = added.filter((k) => {
          const [a, b] = k.split('|');
          const [x, y] = [groupOf(attr, a), groupOf(attr, b)];
          return x !== undefined && y !== undefined && x !== y;
        });
        expect(diff.newCrossGroupTies.map((p) => p.join('|')).sort()).toEqual(cross);
        const pairs = (ties: Map<string, number>) =>
          new Set(
            [...ties.keys()].flatMap((k) => {
              const [x, y] = k.split('|').map((id) => groupOf(attr, id));
              if (x === undefined || y === undefined || x === y) return [];
              return [directed || x < y ? `${x}|${y}` : `${y}|${x}`];
            }),
          );
        const old = pairs(was);
        expect(diff.newGroupPairs.map((p) => p.join('|')).sort()).toEqual([...pairs(now)].filter((p) => !old.has(p)).sort());
      }),
    );
  });

  it('finds nothing new when a graph is compared with itself, and no group facts without an attribute', () => {
    fc.assert(
      fc.property(tiesArb, fc.boolean(), (ties, directed) => {
        const g = buildGraph(ties, { directed });
        expect(compareGraphs(g, g)).toEqual({ newTies: [], newCrossGroupTies: [], newGroupPairs: [], lostTies: 0 });
      }),
    );
    const diff = compareGraphs(buildGraph([]), buildGraph([{ a: 'b', b: 'a' }]));
    expect(diff).toEqual({ newTies: [['a', 'b']], newCrossGroupTies: [], newGroupPairs: [], lostTies: 0 });
  });

  it('refuses to compare a directed graph with an undirected one', () => {
    expect(() => compareGraphs(buildGraph([]), buildGraph([], { directed: true }))).toThrow(NetworkError);
  });
});
