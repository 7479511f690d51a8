import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from './assignment.ts';
import { bruteForce } from './brute-force.test-helper.ts';
import { maxCardinality } from './cardinality.ts';
import { solveFair } from './fairness.ts';
import { optimalWeighting, participationWeighting } from './participation.ts';
import { denseGraph, FORBIDDEN, type ScoreGraph } from './score-graph.ts';

// Small instances: up to 6 mentees × 4 mentors with capacities 0–2 and some forbidden pairs, so the
// brute force (≤ 5^6 matchings) stays instant while covering ties, zero/negative scores and dead ends.
const instance = fc
  .record({ n: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 1, max: 4 }) })
  .chain(({ n, m }) =>
    fc.record({
      n: fc.constant(n),
      m: fc.constant(m),
      cap: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: m, maxLength: m }),
      S: fc.array(fc.oneof(fc.integer({ min: -3, max: 20 }), fc.constant(FORBIDDEN)), {
        minLength: n * m,
        maxLength: n * m,
      }),
    }),
  );

// Tiny candidate sets force several pricing rounds and warm re-solves on these small instances.
const tight = { topK: 1, topLPerSlot: 0, addPerRound: 1 };

function evaluate(g: ScoreGraph, S: number[], cap: number[], mentorOf: Int32Array) {
  let total = 0;
  let card = 0;
  let min = Infinity;
  const load = new Array(g.m).fill(0);
  mentorOf.forEach((j, i) => {
    if (j < 0) return;
    const s = S[i * g.m + j];
    expect(s).not.toBe(FORBIDDEN);
    total += s;
    card++;
    min = Math.min(min, s);
    load[j]++;
  });
  for (let j = 0; j < g.m; j++) expect(load[j]).toBeLessThanOrEqual(cap[j]);
  return { total, card, min };
}

describe('exact solvers against brute force', () => {
  it('optimal mode reaches the maximum total, respecting capacities and forbidden pairs', () => {
    fc.assert(
      fc.property(instance, ({ n, m, cap, S }) => {
        const g = denseGraph(n, m, Int32Array.from(S), Int32Array.from(cap));
        for (const tuning of [tight, {}]) {
          const r = solveAssignment(g, optimalWeighting(g), tuning);
          expect(evaluate(g, S, cap, r.mentorOf).total).toBe(bruteForce(n, m, S, cap).total);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('participation mode matches as many as possible, then maximises the total', () => {
    fc.assert(
      fc.property(instance, ({ n, m, cap, S }) => {
        const g = denseGraph(n, m, Int32Array.from(S), Int32Array.from(cap));
        const r = solveAssignment(g, participationWeighting(g), tight);
        const got = evaluate(g, S, cap, r.mentorOf);
        const bf = bruteForce(n, m, S, cap);
        expect(got.card).toBe(bf.maxCard);
        expect(got.total).toBe(bf.participationTotal);
      }),
      { numRuns: 400 },
    );
  });

  it('fair mode reaches the bottleneck optimum, then the best total above that floor', () => {
    fc.assert(
      fc.property(instance, ({ n, m, cap, S }) => {
        const g = denseGraph(n, m, Int32Array.from(S), Int32Array.from(cap));
        const r = solveFair(g, tight);
        const got = evaluate(g, S, cap, r.mentorOf);
        const bf = bruteForce(n, m, S, cap);
        expect(got.card).toBe(bf.maxCard);
        expect(r.floor).toBe(bf.floor);
        if (bf.floor !== null) expect(got.min).toBe(bf.floor);
        expect(got.total).toBe(bf.fairTotal);
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with itself across candidate-set sizes on medium instances (many warm re-solves)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        let a = seed;
        const r = () => {
          a = (Math.imul(a, 1103515245) + 12345) >>> 0;
          return a / 4294967296;
        };
        const n = 60;
        const m = 12;
        const pop = Array.from({ length: m }, () => r() ** 2);
        const S = Int32Array.from({ length: n * m }, (_, k) => (r() < 0.15 ? FORBIDDEN : Math.round(100 * (0.6 * pop[k % m] + 0.4 * r()))));
        const cap = Int32Array.from({ length: m }, () => Math.floor(r() * 5));
        const g = denseGraph(n, m, S, cap);
        const total = (mentorOf: Int32Array) => mentorOf.reduce((t, j, i) => t + (j >= 0 ? S[i * m + j] : 0), 0);
        const count = (mentorOf: Int32Array) => mentorOf.filter((j) => j >= 0).length;
        const wide = solveAssignment(g, optimalWeighting(g), { topK: m, topLPerSlot: n });
        const narrow = solveAssignment(g, optimalWeighting(g), tight);
        expect(total(narrow.mentorOf)).toBe(total(wide.mentorOf));
        const p1 = solveAssignment(g, participationWeighting(g), tight);
        const p2 = solveAssignment(g, participationWeighting(g));
        expect(count(p1.mentorOf)).toBe(maxCardinality(g, -Infinity).size);
        expect([count(p1.mentorOf), total(p1.mentorOf)]).toEqual([count(p2.mentorOf), total(p2.mentorOf)]);
      }),
      { numRuns: 60 },
    );
  });
});
