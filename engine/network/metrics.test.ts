import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './build.ts';
import { components, degree, density, isolates, strength, tieCount } from './metrics.ts';
import { idArb, matrix, mergedTies, tiesArb } from './test-helpers.ts';

/** Reachability ignoring direction, by repeated relaxation over the dense matrix. */
function connected(a: number[][]): boolean[][] {
  const n = a.length;
  const r = a.map((row, u) => row.map((w, v) => u === v || w > 0 || a[v][u] > 0));
  for (let k = 0; k < n; k++) for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) if (r[u][k] && r[k][v]) r[u][v] = true;
  return r;
}

describe('network metrics', () => {
  it('counts ties, degree and strength as the tie list says (in + out when directed)', () => {
    fc.assert(
      fc.property(tiesArb, fc.boolean(), (ties, directed) => {
        const g = buildGraph(ties, { directed });
        const merged = mergedTies(ties, directed);
        expect(tieCount(g)).toBe(merged.size);
        const deg = new Map<string, number>();
        const str = new Map<string, number>();
        const outDeg = new Map<string, number>();
        for (const [key, w] of merged) {
          const [a, b] = key.split('|');
          for (const id of [a, b]) {
            deg.set(id, (deg.get(id) ?? 0) + 1);
            str.set(id, (str.get(id) ?? 0) + w);
          }
          outDeg.set(a, (outDeg.get(a) ?? 0) + 1);
        }
        const d = degree(g);
        const s = strength(g);
        const out = degree(g, 'out');
        const inn = degree(g, 'in');
        g.ids.forEach((id, v) => {
          expect(d[v]).toBe(deg.get(id) ?? 0);
          expect(s[v]).toBe(str.get(id) ?? 0);
          if (directed) expect(out[v]).toBe(outDeg.get(id) ?? 0);
          expect(out[v] + (directed ? inn[v] : 0)).toBe(d[v]);
        });
        const n = g.n;
        expect(density(g)).toBe(n < 2 ? 0 : merged.size / (directed ? n * (n - 1) : (n * (n - 1)) / 2));
      }),
    );
  });

  it('gives the density of a complete graph as 1 and of a path as ties over possible ties', () => {
    const k4 = buildGraph([['a', 'b'], ['a', 'c'], ['a', 'd'], ['b', 'c'], ['b', 'd'], ['c', 'd']].map(([a, b]) => ({ a, b })));
    expect(density(k4)).toBe(1);
    const path = buildGraph([{ a: 'a', b: 'b' }, { a: 'b', b: 'c' }], { directed: true });
    expect(density(path)).toBe(2 / 6);
    expect(density(buildGraph([], { nodes: ['x'] }))).toBe(0);
  });

  it('labels two nodes alike exactly when a path joins them (ignoring direction); sizes largest first', () => {
    fc.assert(
      fc.property(tiesArb, fc.array(idArb, { maxLength: 5 }), fc.boolean(), (ties, nodes, directed) => {
        const g = buildGraph(ties, { directed, nodes });
        const { label, sizes } = components(g);
        const r = connected(matrix(g));
        for (let u = 0; u < g.n; u++) for (let v = 0; v < g.n; v++) expect(label[u] === label[v]).toBe(r[u][v]);
        expect(sizes.reduce((x, y) => x + y, 0)).toBe(g.n);
        for (let c = 1; c < sizes.length; c++) expect(sizes[c]).toBeLessThanOrEqual(sizes[c - 1]);
        sizes.forEach((size, c) => expect(Array.from(label).filter((l) => l === c)).toHaveLength(size));
      }),
    );
  });

  it('lists as isolates exactly the nodes with no tie in either direction', () => {
    fc.assert(
      fc.property(tiesArb, fc.array(idArb, { maxLength: 5 }), fc.boolean(), (ties, nodes, directed) => {
        const g = buildGraph(ties, { directed, nodes });
        const tied = new Set([...mergedTies(ties, directed).keys()].flatMap((k) => k.split('|')));
        expect(isolates(g)).toEqual(g.ids.filter((id) => !tied.has(id)));
      }),
    );
  });
});
