// Exact betweenness: equals the definition on random small graphs (directed and not, disconnected, with isolates),
// NetworkX's published values, closed forms on stars, paths, cycles and complete graphs; brokers rank and break ties by id.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulateSources, blockCount, blockDependencies, brandesWorkspace, brokers, exactBetweenness, exactBetweennessParallel, rankBrokers } from './betweenness.ts';
import { bruteBetweenness, graphOf, smallGraph } from './betweenness.test-support.ts';

const close = (got: ArrayLike<number>, want: ArrayLike<number>, tol = 1e-12) => {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(tol);
};
const path = (n: number) => Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const);

describe('exact betweenness', () => {
  it('equals the all-pairs definition on random graphs, directed or not, connected or not', () => {
    fc.assert(
      fc.property(smallGraph(9), (g) => close(exactBetweenness(g), bruteBetweenness(g))),
      { numRuns: 400 },
    );
  });

  it('counts every shortest path: many equal routes through a grid', () => {
    const edges: [number, number][] = [];
    for (let r = 0; r < 5; r++) for (let c = 0; c < 5; c++) {
      if (c < 4) edges.push([r * 5 + c, r * 5 + c + 1]);
      if (r < 4) edges.push([r * 5 + c, (r + 1) * 5 + c]);
    }
    for (const directed of [false, true]) {
      const g = graphOf(25, edges, directed);
      close(exactBetweenness(g), bruteBetweenness(g));
    }
  });

  it('matches NetworkX on the Krackhardt kite (published to 3 decimals)', () => {
    const adj = [[1, 2, 3, 5], [3, 4, 6], [3, 5], [4, 5, 6], [6], [6, 7], [7], [8], [9], []];
    const g = graphOf(10, adj.flatMap((ns, a) => ns.map((b) => [a, b] as const)), false);
    close(exactBetweenness(g), [0.023, 0.023, 0, 0.102, 0, 0.231, 0.231, 0.389, 0.222, 0], 5e-4);
  });

  it('gives the closed forms: star centre 1, path i(n−1−i) over the pair count, directed cycle 1/2, complete graph 0', () => {
    for (let n = 3; n <= 12; n++) {
      const star = exactBetweenness(graphOf(n, Array.from({ length: n - 1 }, (_, i) => [0, i + 1] as const), false));
      close(star, Array.from({ length: n }, (_, v) => (v === 0 ? 1 : 0)));
      close(exactBetweenness(graphOf(n, path(n), false)), Array.from({ length: n }, (_, i) => (i * (n - 1 - i)) / (((n - 1) * (n - 2)) / 2)));
      close(exactBetweenness(graphOf(n, path(n), true)), Array.from({ length: n }, (_, i) => (i * (n - 1 - i)) / ((n - 1) * (n - 2))));
      const cycle = [...path(n), [n - 1, 0] as const];
      close(exactBetweenness(graphOf(n, cycle, true)), new Array(n).fill(0.5));
      const complete = Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => [a, b] as const)).flat();
      close(exactBetweenness(graphOf(n, complete, false)), new Array(n).fill(0));
      close(exactBetweenness(graphOf(n, complete, true)), new Array(n).fill(0));
    }
  });

  it('is zero on graphs of one or two nodes and on no graph at all', () => {
    close(exactBetweenness(graphOf(0, [], false)), []);
    close(exactBetweenness(graphOf(1, [], true)), [0]);
    close(exactBetweenness(graphOf(2, [[0, 1]], false)), [0, 0]);
  });

  it('does not depend on how sources are grouped into blocks (one pass over all = sum of per-source passes)', () => {
    fc.assert(
      fc.property(smallGraph(12), (g) => {
        const whole = new Float64Array(g.n);
        accumulateSources(g, 0, g.n, whole, brandesWorkspace(g.n));
        const ws = brandesWorkspace(g.n);
        const bySource = new Float64Array(g.n);
        for (let s = 0; s < g.n; s++) accumulateSources(g, s, s + 1, bySource, ws);
        close(bySource, whole, 1e-9);
      }),
      { numRuns: 100 },
    );
  });
});

describe('parallel exact betweenness', () => {
  // The runner here is in-process; betweenness.worker.test.ts checks the worker-thread runner.
  const inline = async (g: Parameters<typeof blockDependencies>[0], blocks: readonly number[]) => blocks.map((b) => blockDependencies(g, b));

  it('gives bit-identical scores to the single-threaded run for any number of workers', async () => {
    const edges: [number, number][] = [];
    for (let i = 0; i < 1500; i++) edges.push([(i * 7919) % 700, (i * 104729 + 13) % 700]);
    for (const directed of [false, true]) {
      const g = graphOf(700, edges, directed);
      expect(blockCount(g.n)).toBe(3);
      const single = exactBetweenness(g);
      for (const workers of [1, 2, 3, 8]) expect(await exactBetweennessParallel(g, workers, inline)).toEqual(single);
    }
  });
});

describe('brokers', () => {
  it('ranks by betweenness, ties by id, and returns at most top', () => {
    fc.assert(
      fc.property(smallGraph(10), fc.integer({ min: 0, max: 12 }), (g, top) => {
        const { brokers: list, method } = brokers(g, { top });
        expect(method).toBe('exact');
        expect(list.length).toBe(Math.min(top, g.n));
        const brute = bruteBetweenness(g);
        for (const b of list) expect(Math.abs(b.betweenness - brute[g.ids.indexOf(b.id)])).toBeLessThanOrEqual(1e-11);
        for (let i = 1; i < list.length; i++) {
          const [a, b] = [list[i - 1], list[i]];
          expect(a.betweenness > b.betweenness || (a.betweenness === b.betweenness && a.id < b.id)).toBe(true);
        }
        // Whatever is left out scores no higher than the last one in.
        const last = list.at(-1);
        if (last) for (const id of g.ids) if (!list.some((b) => b.id === id)) expect(brute[g.ids.indexOf(id)]).toBeLessThanOrEqual(last.betweenness + 1e-11);
      }),
      { numRuns: 200 },
    );
  });

  it('breaks exact ties by id whatever the node order, defaults to 50', () => {
    const n = 80;
    const ids = Array.from({ length: n }, (_, i) => `id-${(i * 37) % n}`);
    const ring = graphOf(n, [...path(n), [n - 1, 0]], false, ids);
    const { brokers: list } = brokers(ring);
    expect(list.map((b) => b.id)).toEqual([...ids].sort().slice(0, 50));
    expect(rankBrokers(ring, new Float64Array(n), 3).map((b) => b.id)).toEqual([...ids].sort().slice(0, 3));
  });

  it('rejects bad options with a RangeError', () => {
    const g = graphOf(3, path(3), false);
    for (const opts of [{ top: -1 }, { top: 1.5 }, { epsilon: 0 }, { epsilon: 1 }, { delta: 0 }, { delta: 1 }, { budget: -1 }, { seed: 0.5 }]) {
      expect(() => brokers(g, opts)).toThrow(RangeError);
    }
  });
});
