// The search's stopping floor must never exceed the true optimum (it would stop at a worse schedule); checked by
// brute force on small instances, and shown to be reached on instances where departments cannot all differ.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formGroups } from './index.ts';
import { mixingFloor } from './problem.ts';
import { planGroupSizes } from './sizes.ts';

/** Fewest same-value pairs over every split of `codes` into groups of `sizes` (exhaustive; n ≤ 9). */
function bruteForceMinimum(codes: number[], sizes: number[]): number {
  const n = codes.length;
  const groupOf = new Array<number>(n).fill(-1);
  const count = new Array<number>(sizes.length).fill(0);
  let best = Number.POSITIVE_INFINITY;
  const place = (i: number, cost: number) => {
    if (cost >= best) return;
    if (i === n) {
      best = cost;
      return;
    }
    for (let g = 0; g < sizes.length; g++) {
      if (count[g] >= sizes[g]) continue;
      let added = 0;
      for (let j = 0; j < i; j++) if (groupOf[j] === g && codes[j] >= 0 && codes[j] === codes[i]) added++;
      groupOf[i] = g;
      count[g]++;
      place(i + 1, cost + added);
      count[g]--;
      groupOf[i] = -1;
      // Empty groups of equal size are interchangeable: trying one is enough.
      if (count[g] === 0) break;
    }
  };
  place(0, 0);
  return best;
}

describe('mixing floor', () => {
  it('never exceeds the exhaustive optimum (with and without people missing the attribute)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 9 }),
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 9, maxLength: 9 }),
        (n, size, raw) => {
          const codes = raw.slice(0, n);
          const sizes = planGroupSizes(n, size, 'auto');
          const floor = mixingFloor([Int32Array.from(codes)], [1], sizes);
          expect(floor).toBeLessThanOrEqual(bruteForceMinimum(codes, sizes));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts the pairs that groups of 4 cannot avoid with 3 departments, and the solver reaches it', () => {
    const people = Array.from({ length: 120 }, (_, i) => ({ id: `p${i}`, department: `d${i % 3}` }));
    const sizes = planGroupSizes(120, 4, 'auto');
    // 30 groups of 4 over 3 departments: every group seats two colleagues; 40 per department over 30 groups: 10 pairs each.
    expect(mixingFloor([Int32Array.from(people.map((_, i) => i % 3))], [1], sizes)).toBe(30);
    const result = formGroups({ people, groupSize: 4, rounds: 1, mixing: [{ attribute: 'department' }] }, { seed: 5, timeLimitMs: 5_000 });
    let same = 0;
    for (const group of result.rounds[0]) {
      for (let a = 0; a < group.length; a++) for (let b = a + 1; b < group.length; b++) if (Number(group[a].slice(1)) % 3 === Number(group[b].slice(1)) % 3) same++;
    }
    expect(same).toBe(30);
    expect(result.metrics.distinctDepartments?.min).toBe(3);
  });
});
