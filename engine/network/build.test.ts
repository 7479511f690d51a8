import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './build.ts';
import { NetworkError } from './errors.ts';
import { idArb, matrix, mergedTies, tiesArb } from './test-helpers.ts';

describe('buildGraph', () => {
  it('keeps the CSR promises: ascending rows, no self-ties, merged duplicates, symmetric when undirected', () => {
    fc.assert(
      fc.property(tiesArb, fc.array(idArb, { maxLength: 5 }), fc.boolean(), (ties, nodes, directed) => {
        const g = buildGraph(ties, { directed, nodes });
        expect(g.directed).toBe(directed);
        expect(g.offsets).toHaveLength(g.n + 1);
        expect(g.offsets[0]).toBe(0);
        expect(g.offsets[g.n]).toBe(g.targets.length);
        expect(g.weights).toHaveLength(g.targets.length);
        for (let u = 0; u < g.n; u++) {
          expect(g.offsets[u + 1]).toBeGreaterThanOrEqual(g.offsets[u]);
          for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
            expect(g.targets[e]).not.toBe(u);
            if (e > g.offsets[u]) expect(g.targets[e]).toBeGreaterThan(g.targets[e - 1]);
          }
        }
        const a = matrix(g);
        if (!directed) for (let u = 0; u < g.n; u++) for (let v = 0; v < g.n; v++) expect(a[u][v]).toBe(a[v][u]);
        // Every merged tie of the input is there with its summed weight, and nothing else.
        const expected = mergedTies(ties, directed);
        const found = new Map<string, number>();
        for (let u = 0; u < g.n; u++) {
          for (let v = 0; v < g.n; v++) {
            if (a[u][v] === 0 || (!directed && g.ids[u] > g.ids[v])) continue;
            found.set(`${g.ids[u]}|${g.ids[v]}`, a[u][v]);
          }
        }
        expect(found).toEqual(expected);
      }),
    );
  });

  it('orders nodes by first appearance, the nodes list first, and keeps listed nodes without ties as isolates', () => {
    fc.assert(
      fc.property(tiesArb, fc.array(idArb, { maxLength: 5 }), (ties, nodes) => {
        const g = buildGraph(ties, { nodes });
        const expected = [...new Set([...nodes, ...ties.flatMap((t) => [t.a, t.b])])];
        expect(g.ids).toEqual(expected);
      }),
    );
    const g = buildGraph([{ a: 'x', b: 'y' }], { nodes: ['lonely', 'y'] });
    expect(g.ids).toEqual(['lonely', 'y', 'x']);
    expect(g.offsets[1] - g.offsets[0]).toBe(0);
  });

  it('merges a–b with b–a when undirected and keeps them apart when directed', () => {
    const ties = [
      { a: 'a', b: 'b', weight: 2 },
      { a: 'b', b: 'a', weight: 3 },
      { a: 'a', b: 'a', weight: 9 },
    ];
    const u = buildGraph(ties);
    expect(u.n).toBe(2);
    expect(Array.from(u.targets)).toEqual([1, 0]);
    expect(Array.from(u.weights)).toEqual([5, 5]);
    const d = buildGraph(ties, { directed: true });
    expect(Array.from(d.offsets)).toEqual([0, 1, 2]);
    expect(Array.from(d.weights)).toEqual([2, 3]);
  });

  it('rejects empty ids and weights that are not finite numbers above 0', () => {
    for (const weight of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const err = (() => {
        try {
          buildGraph([{ a: 'a', b: 'b', weight }]);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(NetworkError);
      expect((err as NetworkError).code).toBe('INVALID_WEIGHT');
    }
    expect(() => buildGraph([{ a: '', b: 'b' }])).toThrow(expect.objectContaining({ code: 'INVALID_TIE' }));
    expect(() => buildGraph([], { nodes: [''] })).toThrow(expect.objectContaining({ code: 'INVALID_TIE' }));
  });
});
