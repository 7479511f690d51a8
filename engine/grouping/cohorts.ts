// Cohort splitting (issue 4 item 2): one partition of a program's enrollees into cohorts of about the target size
// that share enough working hours (hard), mix attributes and keep close colleagues apart. Local search over swaps
// of two people between cohorts; each cohort's cost is recomputed from scratch since cohorts are small.
import { GroupingError } from './errors.ts';
import { HARD_COST, KNOWN_COST } from './problem.ts';
import { Prng } from './prng.ts';
import { compileTies, departmentPairFigures } from './ties.ts';
import { commonHours, parseUtcOffset } from './time-zones.ts';
import type { DepartmentTies, DiversityFigure, KnownPair, MixingAttribute, MixingGoal, Person } from './types.ts';

/** What formCohorts needs. */
export interface CohortInput {
  /** Enrollees; ids must be unique. */
  people: Person[];
  /** Target cohort size, e.g. 20; cohorts get floor or ceil of N / round(N / size) people. */
  cohortSize: number;
  /** Hard: hours of 9–17 local time every cohort must share (needs every person's UTC offset); default 0. */
  minSharedHours?: number;
  /** Pairs who already work closely, kept in different cohorts when possible. */
  separate?: KnownPair[];
  /** Attributes to spread; default department 1, location 0.5, seniority 0.25 (those somebody has). */
  mixing?: MixingGoal[];
  /** The organization's ties between departments: preferred meetings of few-tie departments, after all the rest. */
  departmentTies?: DepartmentTies[];
}

/** Figures describing a cohort split. */
export interface CohortMetrics {
  /** Cohorts whose common working window is shorter than minSharedHours. */
  hardViolations: number;
  /** Separate-pairs that ended up in one cohort. */
  separatedTogether: number;
  /** Shortest common working window of any cohort, in hours (8 when nobody has a time zone). */
  minCommonHours: number;
  /** Distinct departments per cohort, or null when nobody has one. */
  distinctDepartments: DiversityFigure | null;
  /** Distinct locations per cohort, or null when nobody has one. */
  distinctLocations: DiversityFigure | null;
  /** Distinct pairs of different departments sharing a cohort. */
  departmentPairs: number;
  /** Of those, the pairs with no tie in `departmentTies` (null without tie counts). */
  firstTimeDepartmentPairs: number | null;
}

/** What formCohorts returns. */
export interface CohortResult {
  /** Cohorts as lists of ids. */
  cohorts: string[][];
  /** Quality figures. */
  metrics: CohortMetrics;
  /** Notes such as an unmet time-zone rule. */
  warnings: string[];
}

const DEFAULT_MIX: MixingGoal[] = [
  { attribute: 'department', weight: 1 },
  { attribute: 'location', weight: 0.5 },
  { attribute: 'seniority', weight: 0.25 },
];

/** Splits people into cohorts of about `cohortSize`; deterministic for a seed, bounded by `timeLimitMs`. */
export function formCohorts(input: CohortInput, options: { seed?: number; timeLimitMs?: number } = {}): CohortResult {
  const start = performance.now();
  const end = start + Math.max(1, options.timeLimitMs ?? 1000) * 0.9;
  const people = input.people;
  const ties = compileTies(people, input.departmentTies);
  // With tie counts, a quarter of the budget is kept for the tie phase, which runs after the search below.
  const deadline = ties ? start + (end - start) * 0.75 : end;
  const n = people.length;
  if (n === 0) throw new GroupingError('INVALID_INPUT', 'people must not be empty');
  if (!Number.isInteger(input.cohortSize) || input.cohortSize < 1) throw new GroupingError('INVALID_INPUT', `cohortSize must be a positive integer, got ${input.cohortSize}`);
  const index = new Map<string, number>();
  people.forEach((p, i) => {
    if (index.has(p.id)) throw new GroupingError('DUPLICATE_ID', `duplicate person id "${p.id}"`);
    index.set(p.id, i);
  });
  const minShared = input.minSharedHours ?? 0;
  const offsets = people.map((p) => {
    if (p.timezone === undefined || p.timezone === '') {
      if (minShared > 0) throw new GroupingError('INVALID_INPUT', `"${p.id}" has no time zone but minSharedHours is ${minShared}`);
      return 0;
    }
    return parseUtcOffset(p.timezone, p.id);
  });
  const goals = input.mixing ?? DEFAULT_MIX.filter((g) => people.some((p) => p[g.attribute]));
  const codes = goals.map((g) => {
    if (!['department', 'location', 'seniority', 'timezone'].includes(g.attribute)) {
      throw new GroupingError('UNKNOWN_ATTRIBUTE', `unknown mixing attribute "${String(g.attribute)}"`);
    }
    const values = new Map<string, number>();
    return people.map((p) => {
      const v = p[g.attribute as MixingAttribute];
      if (v === undefined || v === '') return -1;
      if (!values.has(v)) values.set(v, values.size);
      return values.get(v) as number;
    });
  });
  const adjacency: { other: number; w: number }[][] = Array.from({ length: n }, () => []);
  for (const pair of input.separate ?? []) {
    const a = index.get(pair.a);
    const b = index.get(pair.b);
    if (a === undefined || b === undefined) throw new GroupingError('UNKNOWN_PERSON', `separate names unknown person "${a === undefined ? pair.a : pair.b}"`);
    adjacency[a].push({ other: b, w: pair.weight ?? 1 });
    adjacency[b].push({ other: a, w: pair.weight ?? 1 });
  }

  const count = Math.max(1, Math.round(n / input.cohortSize));
  const rng = new Prng(options.seed ?? 1);
  // Start from time-zone order so the hard rule usually holds from the first move; a shuffle otherwise.
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  if (minShared > 0) order.sort((a, b) => offsets[a] - offsets[b]);
  const cohorts: number[][] = Array.from({ length: count }, () => []);
  order.forEach((p, i) => cohorts[Math.floor((i * count) / n)].push(p));
  const cohortOf = new Int32Array(n);
  cohorts.forEach((c, ci) => {
    for (const p of c) cohortOf[p] = ci;
  });

  const cohortCost = (c: number[]): number => {
    let cost = 0;
    if (minShared > 0) cost += HARD_COST * Math.max(0, minShared - commonHours(c.map((p) => offsets[p])));
    const ci = cohortOf[c[0]];
    for (const p of c) for (const e of adjacency[p]) if (e.other > p && cohortOf[e.other] === ci) cost += KNOWN_COST * e.w;
    goals.forEach((g, a) => {
      const tally = new Map<number, number>();
      for (const p of c) if (codes[a][p] >= 0) tally.set(codes[a][p], (tally.get(codes[a][p]) ?? 0) + 1);
      for (const t of tally.values()) cost += ((g.weight ?? 1) * t * (t - 1)) / 2;
    });
    return cost;
  };
  const costs = cohorts.map(cohortCost);
  /** Puts x where a was (cohort ca) and y where b was (cohort cb): swapping, or with x = a, y = b undoing a swap. */
  const put = (ca: number, ia: number, x: number, cb: number, ib: number, y: number) => {
    cohorts[ca][ia] = x;
    cohorts[cb][ib] = y;
    cohortOf[x] = ca;
    cohortOf[y] = cb;
  };
  if (count > 1) {
    randomSwaps(n, cohortOf, rng, deadline, (a, b, ca, cb) => {
      const ia = cohorts[ca].indexOf(a);
      const ib = cohorts[cb].indexOf(b);
      put(ca, ia, b, cb, ib, a);
      const na = cohortCost(cohorts[ca]);
      const nb = cohortCost(cohorts[cb]);
      const delta = na + nb - costs[ca] - costs[cb];
      if (delta > 0) {
        put(ca, ia, a, cb, ib, b);
        return false;
      }
      // Sideways moves are accepted too: they let the search drift across plateaus of equal cost.
      costs[ca] = na;
      costs[cb] = nb;
      return delta < 0;
    });
  }
  if (ties && count > 1) {
    // Tie phase: a swap must lower the tie cost and leave the cost above and every figure of the two cohorts
    // (shared hours, rule breaks, close colleagues together, departments and locations mixed) as they are or better.
    const figures = (c: number[]) => {
      // As cohortMetrics counts it: a cohort with anyone lacking a time zone shares the whole day.
      const common = c.every((p) => people[p].timezone) ? commonHours(c.map((p) => offsets[p])) : 8;
      const ci = cohortOf[c[0]];
      let together = 0;
      for (const p of c) for (const e of adjacency[p]) if (e.other > p && cohortOf[e.other] === ci) together++;
      const distinct = (a: MixingAttribute) => new Set(c.map((p) => people[p][a]).filter((v) => v)).size;
      return { common, hard: common < minShared ? 1 : 0, together, depts: distinct('department'), locs: distinct('location') };
    };
    ties.clear();
    for (const c of cohorts) ties.meetGroup(c, 1);
    randomSwaps(n, cohortOf, rng, end, (a, b, ca, cb) => {
      const A = cohorts[ca];
      const B = cohorts[cb];
      const changes: [number, number, number][] = [];
      for (const z of A) if (z !== a) changes.push([a, z, -1], [b, z, 1]);
      for (const z of B) if (z !== b) changes.push([b, z, -1], [a, z, 1]);
      if (ties.delta(changes) >= -1e-9) return false;
      const before = [figures(A), figures(B)];
      const ia = A.indexOf(a);
      const ib = B.indexOf(b);
      put(ca, ia, b, cb, ib, a);
      const na = cohortCost(A);
      const nb = cohortCost(B);
      const after = [figures(A), figures(B)];
      const sum = (f: typeof before, k: 'hard' | 'together' | 'depts' | 'locs') => f[0][k] + f[1][k];
      const low = (f: typeof before, k: 'common' | 'depts' | 'locs') => Math.min(f[0][k], f[1][k]);
      const ok = na + nb <= costs[ca] + costs[cb] + 1e-9
        && sum(after, 'hard') <= sum(before, 'hard') && sum(after, 'together') <= sum(before, 'together')
        && low(after, 'common') >= low(before, 'common')
        && sum(after, 'depts') >= sum(before, 'depts') && low(after, 'depts') >= low(before, 'depts')
        && sum(after, 'locs') >= sum(before, 'locs') && low(after, 'locs') >= low(before, 'locs');
      if (!ok) {
        put(ca, ia, a, cb, ib, b);
        return false;
      }
      costs[ca] = na;
      costs[cb] = nb;
      ties.apply(changes);
      return true;
    });
  }
  const ids = cohorts.map((c) => c.sort((x, y) => x - y).map((p) => people[p].id));
  const metrics = cohortMetrics(input, ids);
  const warnings: string[] = [];
  if (metrics.hardViolations > 0) {
    warnings.push(`${metrics.hardViolations} cohort(s) share fewer than ${minShared} working hours (shortest ${metrics.minCommonHours} h); the time zones are too spread for cohorts of ${input.cohortSize}`);
  }
  return { cohorts: ids, metrics, warnings };
}

/**
 * Random swaps of two people of different cohorts: `attempt` makes (or undoes) one and answers whether it improved,
 * which restarts the idle count. Stops after 20,000 + 20·n idle swaps in a row, or at the deadline.
 */
function randomSwaps(n: number, cohortOf: Int32Array, rng: Prng, deadline: number, attempt: (a: number, b: number, ca: number, cb: number) => boolean): void {
  let idle = 0;
  for (let it = 0; idle < 20_000 + 20 * n; it++) {
    if ((it & 63) === 0 && performance.now() > deadline) break;
    const a = rng.int(n);
    const b = rng.int(n);
    const ca = cohortOf[a];
    const cb = cohortOf[b];
    if (ca === cb) continue;
    idle = attempt(a, b, ca, cb) ? 0 : idle + 1;
  }
}

/** Scores a cohort split from ids alone (used by formCohorts and by tests as the reference). */
export function cohortMetrics(input: CohortInput, cohorts: string[][]): CohortMetrics {
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const minShared = input.minSharedHours ?? 0;
  let hard = 0;
  let minCommon = Number.POSITIVE_INFINITY;
  const spread = (attr: MixingAttribute): DiversityFigure | null => {
    if (!input.people.some((p) => p[attr])) return null;
    const counts = cohorts.map((c) => new Set(c.map((id) => byId.get(id)?.[attr]).filter((v) => v)).size);
    return { average: counts.reduce((s, x) => s + x, 0) / counts.length, min: Math.min(...counts) };
  };
  for (const c of cohorts) {
    const tz = c.map((id) => byId.get(id)?.timezone).filter((t): t is string => t !== undefined && t !== '');
    const common = tz.length === c.length ? commonHours(tz.map((t, i) => parseUtcOffset(t, c[i]))) : 8;
    minCommon = Math.min(minCommon, common);
    if (common < minShared) hard++;
  }
  const where = new Map<string, number>();
  cohorts.forEach((c, i) => {
    for (const id of c) where.set(id, i);
  });
  const together = (input.separate ?? []).filter((p) => where.get(p.a) === where.get(p.b)).length;
  const { departmentPairs, firstTimeDepartmentPairs } = departmentPairFigures(cohorts, input.people, input.departmentTies);
  return {
    departmentPairs,
    firstTimeDepartmentPairs,
    hardViolations: hard,
    separatedTogether: together,
    minCommonHours: minCommon,
    distinctDepartments: spread('department'),
    distinctLocations: spread('location'),
  };
}
