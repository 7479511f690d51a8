// Benchmark instances of issue 4 item 6, generated deterministically so every run measures the same thing.
import { Prng } from '../../engine/grouping/prng.ts';
import type { GroupingInput, Person } from '../../engine/grouping/types.ts';

/** A named instance. */
export interface Instance {
  name: string;
  set: 'classic' | 'practical' | 'uneven' | 'constrained';
  input: GroupingInput;
}

const anonymous = (n: number): Person[] => Array.from({ length: n }, (_, i) => ({ id: String(i + 1) }));

/** g-p-w: g groups of p people for w rounds. */
export const CLASSIC: [number, number, number][] = [
  [5, 3, 7],
  [6, 3, 8],
  [4, 4, 5],
  [5, 4, 5],
  [7, 4, 9],
  [8, 4, 9],
  [8, 4, 10],
  [10, 4, 13],
  [5, 5, 6],
  [7, 7, 8],
  [6, 6, 3],
];

/** The named instances (the uneven sweep is generated separately by the runner). */
export function instances(): Instance[] {
  const list: Instance[] = [];
  for (const [g, p, w] of CLASSIC) list.push({ name: `${g}-${p}-${w}`, set: 'classic', input: { people: anonymous(g * p), groupSize: p, rounds: w } });
  for (const [n, k, r] of [
    [100, 4, 8],
    [300, 5, 6],
    [1000, 5, 8],
    [2000, 6, 6],
  ]) list.push({ name: `${n}/${k}/${r}`, set: 'practical', input: { people: anonymous(n), groupSize: k, rounds: r } });
  for (const [n, k, r] of [
    [30, 4, 6],
    [30, 4, 8],
    [50, 4, 8],
    [103, 4, 8],
    [298, 5, 6],
  ]) list.push({ name: `${n}/${k}/${r}`, set: 'uneven', input: { people: anonymous(n), groupSize: k, rounds: r } });
  list.push(constrained848('within-department', 11));
  list.push(constrained848('uniform', 11));
  list.push(constrained100(12));
  return list;
}

function pairs(rng: Prng, count: number, candidates: [string, string][], taken: Set<string>): [string, string][] {
  const out: [string, string][] = [];
  const pool = rng.shuffle(candidates.slice());
  for (const [a, b] of pool) {
    if (out.length === count) break;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (taken.has(key)) continue;
    taken.add(key);
    out.push([a, b]);
  }
  return out;
}

function allPairs(people: Person[], accept: (a: Person, b: Person) => boolean): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) if (accept(people[i], people[j])) out.push([people[i].id, people[j].id]);
  return out;
}

/**
 * 8-4-8 with 4 departments of 8, 16 forbidden and 64 known pairs. "within-department" draws the pairs among
 * colleagues (existing ties mostly are); "uniform" draws them from all pairs, where ≥ 3.9 departments per group
 * and 0 known meetings cannot both hold (see the note in RESULTS.md).
 */
export function constrained848(draw: 'within-department' | 'uniform', seed: number): Instance {
  const rng = new Prng(seed);
  const people = anonymous(32).map((p, i) => ({ ...p, department: `D${i % 4}` }));
  const candidates = allPairs(people, (a, b) => draw === 'uniform' || a.department === b.department);
  const taken = new Set<string>();
  const neverTogether = pairs(rng, 16, candidates, taken);
  const knownPairs = pairs(rng, 64, candidates, taken).map(([a, b]) => ({ a, b }));
  return { name: `8-4-8 constrained (${draw})`, set: 'constrained', input: { people, groupSize: 4, rounds: 8, neverTogether, knownPairs } };
}

/** 100/4/8 with 10 departments, 5 locations, 3 seniority bands, 50 forbidden and 300 known pairs (uniform). */
export function constrained100(seed: number): Instance {
  const rng = new Prng(seed);
  const people = anonymous(100).map((p, i) => ({ ...p, department: `D${i % 10}`, location: `L${rng.int(5)}`, seniority: `S${rng.int(3)}` }));
  const candidates = allPairs(people, () => true);
  const taken = new Set<string>();
  const neverTogether = pairs(rng, 50, candidates, taken);
  const knownPairs = pairs(rng, 300, candidates, taken).map(([a, b]) => ({ a, b }));
  return { name: '100/4/8 constrained (10 departments)', set: 'constrained', input: { people, groupSize: 4, rounds: 8, neverTogether, knownPairs } };
}

/** A random assignment with the solver's group sizes: the baseline every figure is compared with. */
export function randomSchedule(input: GroupingInput, sizes: number[], seed: number): string[][][] {
  const rng = new Prng(seed);
  return Array.from({ length: input.rounds }, () => {
    const ids = rng.shuffle(input.people.map((p) => p.id));
    let at = 0;
    return sizes.map((s) => {
      const group = ids.slice(at, at + s);
      at += s;
      return group;
    });
  });
}
