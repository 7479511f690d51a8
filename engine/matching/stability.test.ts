import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseGraph, FORBIDDEN } from './score-graph.ts';
import { blockingPairs } from './stability.ts';

describe('blockingPairs', () => {
  it('finds the pair that would rather swap', () => {
    // a-x 5, a-y 9, b-y 3: a sits with x while y (capacity 1) holds b at 3 -> (a, y) blocks.
    const g = denseGraph(2, 2, Int32Array.from([5, 9, FORBIDDEN, 3]), Int32Array.from([1, 1]));
    const r = blockingPairs(g, Int32Array.from([0, 1]));
    expect(r.count).toBe(1);
    expect(r.examples[0]).toEqual({ mentee: 0, mentor: 1, gain: 4 });
    expect(blockingPairs(g, Int32Array.from([1, -1])).count).toBe(0);
  });

  it('agrees with the definition on random small matchings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }), fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 4, maxLength: 4 }), (cells, assign) => {
        const n = 4;
        const m = 3;
        const cap = [2, 1, 1];
        const load = [0, 0, 0];
        const mentorOf = Int32Array.from(assign, (j) => {
          if (j < 0 || load[j] >= cap[j]) return -1;
          load[j]++;
          return j;
        });
        const g = denseGraph(n, m, Int32Array.from(cells), Int32Array.from(cap));
        let expected = 0;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < m; j++) {
            if (mentorOf[i] === j) continue;
            const own = mentorOf[i] >= 0 ? cells[i * m + mentorOf[i]] : -Infinity;
            if (cells[i * m + j] <= own) continue;
            const mine = [...mentorOf.keys()].filter((k) => mentorOf[k] === j).map((k) => cells[k * m + j]);
            if (mine.length < cap[j] || mine.some((s) => s < cells[i * m + j])) expected++;
          }
        }
        expect(blockingPairs(g, mentorOf).count).toBe(expected);
      }),
    );
  });
});
