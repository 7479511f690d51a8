import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formGroups, planGroupSizes, replanRemaining } from './index.ts';
import { anonymousPeople, isPartition, recount } from './test-helpers.ts';
import type { GroupingInput } from './types.ts';

const FAST = { timeLimitMs: 60 };

/**
 * Distinct never-together pairs among people 1..n from raw draws, fewer than `groups`. Fewer forbidden pairs than
 * groups always admits an equitable split (Hajnal–Szemerédi), so any forbidden meeting in the output is the solver's
 * fault, not the instance's.
 */
function feasibleNeverTogether(raw: [number, number][], n: number, groups: number): [string, string][] {
  const avoid = new Map<string, [string, string]>();
  for (const [a, b] of raw) {
    const x = String((a % n) + 1);
    const y = String((b % n) + 1);
    if (x !== y && avoid.size < groups - 1) avoid.set([x, y].sort().join('-'), [x, y]);
  }
  return [...avoid.values()];
}

describe('formGroups properties', () => {
  it('returns partitions with planned sizes, no forbidden meetings, and metrics matching an independent recount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 36 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
        fc.integer(),
        (n, k, rounds, departments, avoidRaw, knownRaw, seed) => {
          const people = anonymousPeople(n, departments);
          const sizes = planGroupSizes(n, k, 'auto', rounds);
          const knownPairs = knownRaw.map(([a, b]) => ({ a: String((a % n) + 1), b: String((b % n) + 1) })).filter((p) => p.a !== p.b);
          const input: GroupingInput = { people, groupSize: k, rounds, neverTogether: feasibleNeverTogether(avoidRaw, n, sizes.length), knownPairs };
          const result = formGroups(input, { ...FAST, seed });
          expect(result.rounds).toHaveLength(rounds);
          expect(isPartition(people.map((p) => p.id), result.rounds)).toBe(true);
          for (const round of result.rounds) expect(round.map((g) => g.length).sort()).toEqual([...sizes].sort());
          const check = recount(input, result.rounds);
          expect(check.forbiddenMeetings).toBe(0);
          expect(result.metrics.forbiddenMeetings).toBe(0);
          expect(result.metrics.hardViolations).toBe(0);
          expect(result.metrics.repeats).toBe(check.repeats);
          expect(result.metrics.maxMeetings).toBe(check.maxMeetings);
          expect(result.metrics.knownPairMeetings).toBe(check.knownPairMeetings);
          expect(result.metrics.newTies).toBe(check.newTies);
          if (check.departmentsAverage === null) expect(result.metrics.distinctDepartments).toBeNull();
          else expect(result.metrics.distinctDepartments?.average).toBeCloseTo(check.departmentsAverage, 9);
          expect(result.metrics.distinctDepartments?.min ?? null).toBe(check.departmentsMin);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('meets never-together rules even when the time budget runs out at once (a busy machine)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 60 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 20 }),
        fc.integer(),
        (n, k, rounds, avoidRaw, seed) => {
          const people = anonymousPeople(n, 2);
          const sizes = planGroupSizes(n, k, 'auto', rounds);
          const input: GroupingInput = { people, groupSize: k, rounds, neverTogether: feasibleNeverTogether(avoidRaw, n, sizes.length) };
          // 1 ms: the search stops almost at once, as it does when the machine is loaded.
          const result = formGroups(input, { timeLimitMs: 1, seed, useConstructions: false });
          expect(recount(input, result.rounds).forbiddenMeetings).toBe(0);
          expect(result.metrics.hardViolations).toBe(0);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('keeps keep-together sets in one group and honours pins in every round', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 30 }), fc.integer({ min: 3, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.integer(), (n, k, rounds, seed) => {
        const people = anonymousPeople(n, 3);
        const keepTogether = [
          ['1', '2'],
          ['3', '4'],
        ];
        const groups = planGroupSizes(n, k, 'auto', rounds).length;
        const preAssignments = Array.from({ length: rounds }, (_, r) => ({ id: '5', round: r, group: r % groups }));
        const input: GroupingInput = { people, groupSize: k, rounds, keepTogether, preAssignments };
        const result = formGroups(input, { ...FAST, seed });
        expect(isPartition(people.map((p) => p.id), result.rounds)).toBe(true);
        result.rounds.forEach((round, r) => {
          const groupOf = (id: string) => round.findIndex((g) => g.includes(id));
          expect(groupOf('1')).toBe(groupOf('2'));
          expect(groupOf('3')).toBe(groupOf('4'));
          expect(groupOf('5')).toBe(r % groups);
        });
        expect(result.metrics.hardViolations).toBe(0);
        expect(result.metrics.repeats).toBe(recount(input, result.rounds).repeats);
      }),
      { numRuns: 30 },
    );
  });
});

describe('formGroups behaviour', () => {
  it('gives the same schedule for the same seed', () => {
    const input = { people: anonymousPeople(24), groupSize: 4, rounds: 4 };
    const a = formGroups(input, { seed: 7, timeLimitMs: 1000 });
    const b = formGroups(input, { seed: 7, timeLimitMs: 1000 });
    expect(a.metrics.repeats).toBe(0);
    expect(b.rounds).toEqual(a.rounds);
  });

  it('finds repeat-free schedules well below the bound by search alone, including uneven head-counts', () => {
    for (const [n, k, r] of [
      [30, 4, 6],
      [50, 4, 8],
      [103, 4, 8],
      [37, 3, 5],
    ]) {
      const result = formGroups({ people: anonymousPeople(n), groupSize: k, rounds: r }, { timeLimitMs: 1500, useConstructions: false });
      expect(result.metrics.repeats, `${n}/${k}/${r}`).toBe(0);
    }
  });

  it('chooses k−1/k groups when they allow more repeat-free rounds than k/k+1 groups', () => {
    expect(planGroupSizes(24, 5, 'auto', 5)).toEqual([5, 5, 5, 5, 4]); // 6,6,6,6 would allow only 4 rounds
    expect(planGroupSizes(30, 4, 'larger', 8)).toEqual([5, 5, 4, 4, 4, 4, 4]);
    expect(planGroupSizes(30, 4, 'auto', 8)).toEqual([4, 4, 4, 4, 4, 4, 3, 3]);
    expect(planGroupSizes(33, 4, 'auto', 5)).toEqual([5, 4, 4, 4, 4, 4, 4, 4]);
  });

  it('reports the classic round bounds, including the pair-count bound for uneven groups', () => {
    const bound = (n: number, k: number) => formGroups({ people: anonymousPeople(n), groupSize: k, rounds: 1, uneven: 'larger' }, FAST).bound;
    expect(bound(32, 4)).toBe(10);
    expect(bound(30, 4)).toBe(8);
    expect(bound(50, 4)).toBe(15);
    expect(bound(103, 4)).toBe(32);
    expect(bound(298, 5)).toBe(73);
  });

  it('warns with the repeat count when more rounds are asked than the bound allows', () => {
    const result = formGroups({ people: anonymousPeople(16), groupSize: 4, rounds: 6 }, { timeLimitMs: 200 });
    expect(result.bound).toBe(5);
    expect(result.metrics.repeats).toBeGreaterThan(0);
    expect(result.warnings.join(' ')).toContain(`${result.metrics.repeats} repeated meetings`);
  });

  it('mixes departments: with 4 departments of 8 every group of 4 spans 4 departments', () => {
    const people = anonymousPeople(32, 4);
    const result = formGroups({ people, groupSize: 4, rounds: 8 }, { timeLimitMs: 500 });
    expect(result.metrics.repeats).toBe(0);
    expect(result.metrics.distinctDepartments).toEqual({ average: 4, min: 4 });
  });

  it('avoids known pairs when there is room to', () => {
    const people = anonymousPeople(40);
    const knownPairs = Array.from({ length: 30 }, (_, i) => ({ a: String(i + 1), b: String(i + 2) }));
    const result = formGroups({ people, groupSize: 4, rounds: 4, knownPairs }, { timeLimitMs: 500 });
    expect(result.metrics.knownPairMeetings).toBe(0);
    expect(result.metrics.repeats).toBe(0);
  });

  it('re-plans the remaining rounds after an absence and a late join, keeping held rounds and avoiding their pairs', () => {
    const input = { people: anonymousPeople(24), groupSize: 4, rounds: 5 };
    const first = formGroups(input, { timeLimitMs: 500 });
    const now = { ...input, people: [...input.people.filter((p) => p.id !== '3'), { id: 'late' }] };
    const result = replanRemaining(now, first.rounds, 2, { timeLimitMs: 500 });
    expect(result.rounds.slice(0, 2)).toEqual(first.rounds.slice(0, 2));
    expect(isPartition(now.people.map((p) => p.id), result.rounds.slice(2))).toBe(true);
    expect(result.rounds).toHaveLength(5);
    expect(result.metrics.repeats).toBe(0);
    expect(result.metrics.hardViolations).toBe(0);
  });
});
