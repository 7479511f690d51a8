// Learning partners (issue 4 item 3): one pairing for a whole program, so it is stable by construction. Pairs
// should cross departments and share working hours (both hard when possible) and be complementary: one's goals
// match the other's skills. Greedy on scored edges, then 2-opt exchanges between pairs until no gain.
import { GroupingError } from './errors.ts';
import { Prng } from './prng.ts';
import { compileTies, departmentPairFigures, type TieModel } from './ties.ts';
import { parseUtcOffset, sharedHours, WORKDAY_HOURS } from './time-zones.ts';
import type { DepartmentTies, KnownPair, Person } from './types.ts';

/** A person who can be paired: skills they offer and goals they want to grow in. */
export interface PartnerCandidate extends Person {
  /** What this person can teach. */
  skills?: string[];
  /** What this person wants to learn. */
  goals?: string[];
}

/** What pairPartners needs. */
export interface PartnerInput {
  /** People to pair; with an odd count one trio is formed. */
  people: PartnerCandidate[];
  /** Hard (when possible): shared 9–17 hours a pair needs; default 2. Ignored for people without a time zone. */
  minSharedHours?: number;
  /** Pairs to avoid, e.g. previous partners or close colleagues. */
  avoid?: KnownPair[];
  /** The organization's ties between departments: preferred pairs of few-tie departments, after all the rest. */
  departmentTies?: DepartmentTies[];
}

/** Figures of a pairing. */
export interface PartnerMetrics {
  /** Pairs (or the trio) joining people of one department or sharing too few hours. */
  hardViolations: number;
  /** Share of pairs whose members are in different departments. */
  crossDepartmentShare: number;
  /** Mean shared working hours per pair. */
  averageSharedHours: number;
  /** Mean of |goals_a ∩ skills_b| + |goals_b ∩ skills_a| per pair. */
  averageComplementarity: number;
  /** Avoid-pairs that were paired. */
  avoidedPaired: number;
  /** Distinct pairs of different departments paired together. */
  departmentPairs: number;
  /** Of those, the pairs with no tie in `departmentTies` (null without tie counts). */
  firstTimeDepartmentPairs: number | null;
}

/** What pairPartners returns. */
export interface PartnerResult {
  /** Pairs of ids; one trio when the count is odd. */
  pairs: string[][];
  /** Quality figures. */
  metrics: PartnerMetrics;
  /** Notes, e.g. unavoidable same-department pairs. */
  warnings: string[];
}

const HARD = 1000;

/** Pairs people for a program: cross-department, time-compatible, complementary; deterministic for a seed. */
export function pairPartners(input: PartnerInput, options: { seed?: number; timeLimitMs?: number } = {}): PartnerResult {
  const start = performance.now();
  const end = start + Math.max(1, options.timeLimitMs ?? 1000) * 0.9;
  const people = input.people;
  const ties = compileTies(people, input.departmentTies);
  // With tie counts, a quarter of the budget is kept for the tie phase, which runs after the search below.
  const deadline = ties ? start + (end - start) * 0.75 : end;
  const n = people.length;
  if (n < 2) throw new GroupingError('INVALID_INPUT', `pairing needs at least 2 people, got ${n}`);
  // All n²/2 scored edges are held at once; past a few thousand people that is hundreds of MB.
  if (n > 3000) throw new GroupingError('TOO_LARGE', `${n} people exceed the pairing limit of 3000; pair per program or cohort`);
  const index = new Map<string, number>();
  people.forEach((p, i) => {
    if (index.has(p.id)) throw new GroupingError('DUPLICATE_ID', `duplicate person id "${p.id}"`);
    index.set(p.id, i);
  });
  const minShared = input.minSharedHours ?? 2;
  const offsets = people.map((p) => (p.timezone === undefined || p.timezone === '' ? null : parseUtcOffset(p.timezone, p.id)));
  const avoid = new Set<number>();
  for (const pair of input.avoid ?? []) {
    const a = index.get(pair.a);
    const b = index.get(pair.b);
    if (a === undefined || b === undefined) throw new GroupingError('UNKNOWN_PERSON', `avoid names unknown person "${a === undefined ? pair.a : pair.b}"`);
    avoid.add(a * n + b);
    avoid.add(b * n + a);
  }
  const skills = people.map((p) => new Set(p.skills ?? []));
  const score = (a: number, b: number): number => {
    const pa = people[a];
    const pb = people[b];
    let s = 0;
    if (pa.department && pa.department === pb.department) s -= HARD;
    const oa = offsets[a];
    const ob = offsets[b];
    const hours = oa === null || ob === null ? WORKDAY_HOURS : sharedHours(oa, ob);
    if (hours < minShared) s -= HARD;
    s += hours / WORKDAY_HOURS;
    for (const g of pa.goals ?? []) if (skills[b].has(g)) s += 2;
    for (const g of pb.goals ?? []) if (skills[a].has(g)) s += 2;
    if (avoid.has(a * n + b)) s -= 50;
    return s;
  };
  const rng = new Prng(options.seed ?? 1);
  // Greedy: best-scoring edges first (ties broken by a seeded shuffle).
  const edges: { a: number; b: number; s: number }[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) edges.push({ a, b, s: score(a, b) });
  rng.shuffle(edges);
  edges.sort((x, y) => y.s - x.s);
  const partner = new Int32Array(n).fill(-1);
  const pairs: [number, number][] = [];
  for (const e of edges) {
    if (partner[e.a] >= 0 || partner[e.b] >= 0) continue;
    partner[e.a] = e.b;
    partner[e.b] = e.a;
    pairs.push([e.a, e.b]);
  }
  // 2-opt: for pairs (a,b),(c,d) try (a,c),(b,d) and (a,d),(b,c); repeat passes until none improves.
  exchangePasses(pairs, deadline, (i, j) => {
    const [a, b] = pairs[i];
    const [c, d] = pairs[j];
    const now = score(a, b) + score(c, d);
    const x = score(a, c) + score(b, d);
    const y = score(a, d) + score(b, c);
    if (x > now + 1e-9 && x >= y) {
      pairs[i] = [a, c];
      pairs[j] = [b, d];
      return true;
    }
    if (y > now + 1e-9) {
      pairs[i] = [a, d];
      pairs[j] = [b, c];
      return true;
    }
    return false;
  });
  const groups: number[][] = pairs.map((p) => [...p]);
  const single = people.findIndex((_, i) => !pairs.some(([a, b]) => a === i || b === i));
  if (single >= 0) {
    // Odd head-count: the one left over joins the pair it scores best with, making one trio.
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    groups.forEach((g, i) => {
      const s = g.reduce((sum, m) => sum + score(single, m), 0);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    });
    groups[best].push(single);
  }
  if (ties) exchangeForTies(groups, ties, score, (a, b) => partnerFigures(people[a], people[b], skills[a], skills[b], minShared, avoid.has(a * n + b)), end);
  const ids = groups.map((g) => g.sort((x, y) => x - y).map((p) => people[p].id));
  const metrics = partnerMetrics(input, ids);
  const warnings = metrics.hardViolations > 0 ? [`${metrics.hardViolations} pair(s) share a department or fewer than ${minShared} working hours: no better pairing was found`] : [];
  return { pairs: ids, metrics, warnings };
}

/** One pair's share of the metrics: compared term by term so the tie phase never worsens any of them. */
function partnerFigures(a: PartnerCandidate, b: PartnerCandidate, skillsA: Set<string>, skillsB: Set<string>, minShared: number, avoided: boolean): number[] {
  const sameDept = Boolean(a.department) && a.department === b.department;
  const h = a.timezone && b.timezone ? sharedHours(parseUtcOffset(a.timezone, a.id), parseUtcOffset(b.timezone, b.id)) : WORKDAY_HOURS;
  const comp = (a.goals ?? []).filter((g) => skillsB.has(g)).length + (b.goals ?? []).filter((g) => skillsA.has(g)).length;
  // Larger is better for each: not a rule break, cross-department, hours, complementarity, not an avoided pair.
  return [sameDept || h < minShared ? 0 : 1, sameDept ? 0 : 1, h, comp, avoided ? 0 : 1];
}

/**
 * Tie phase: 2-opt exchanges between two pairs (never the trio) that lower the tie cost while keeping the score
 * sum and each metric term as they are or better, until none helps or the deadline.
 */
function exchangeForTies(groups: number[][], ties: TieModel, score: (a: number, b: number) => number, figures: (a: number, b: number) => number[], deadline: number): void {
  ties.clear();
  for (const g of groups) ties.meetGroup(g, 1);
  const pairs = groups.filter((g) => g.length === 2);
  const sum = (x: number[], y: number[]) => x.map((v, i) => v + y[i]);
  exchangePasses(pairs, deadline, (i, j) => {
    const [a, b] = pairs[i];
    const [c, d] = pairs[j];
    const now = score(a, b) + score(c, d);
    const was = sum(figures(a, b), figures(c, d));
    for (const [p, q] of [[c, d], [d, c]]) {
      if (score(a, p) + score(b, q) < now - 1e-9) continue;
      const is = sum(figures(a, p), figures(b, q));
      if (is.some((v, k) => v < was[k] - 1e-9)) continue;
      const changes: [number, number, number][] = [[a, b, -1], [c, d, -1], [a, p, 1], [b, q, 1]];
      if (ties.delta(changes) >= -1e-9) continue;
      ties.apply(changes);
      pairs[i].splice(0, 2, a, p);
      pairs[j].splice(0, 2, b, q);
      return true;
    }
    return false;
  });
}

/** Passes over every two pairs until one changes nothing or the deadline; `exchange` rewrites pairs i and j or not. */
function exchangePasses(pairs: number[][], deadline: number, exchange: (i: number, j: number) => boolean): void {
  for (let improved = true; improved && performance.now() < deadline; ) {
    improved = false;
    for (let i = 0; i < pairs.length; i++) {
      for (let j = i + 1; j < pairs.length; j++) if (exchange(i, j)) improved = true;
      if (performance.now() > deadline) break;
    }
  }
}

/** Scores a pairing from ids alone. */
export function partnerMetrics(input: PartnerInput, pairs: string[][]): PartnerMetrics {
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const minShared = input.minSharedHours ?? 2;
  const avoid = new Set((input.avoid ?? []).flatMap((p) => [`${p.a}\u0000${p.b}`, `${p.b}\u0000${p.a}`]));
  let hard = 0;
  let cross = 0;
  let hours = 0;
  let comp = 0;
  let avoided = 0;
  let links = 0;
  for (const group of pairs) {
    let bad = false;
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = byId.get(group[i]) as PartnerCandidate;
        const b = byId.get(group[j]) as PartnerCandidate;
        links++;
        const sameDept = Boolean(a.department) && a.department === b.department;
        if (!sameDept) cross++;
        const h = a.timezone && b.timezone ? sharedHours(parseUtcOffset(a.timezone, a.id), parseUtcOffset(b.timezone, b.id)) : WORKDAY_HOURS;
        hours += h;
        if (sameDept || h < minShared) bad = true;
        const sb = new Set(b.skills ?? []);
        const sa = new Set(a.skills ?? []);
        comp += (a.goals ?? []).filter((g) => sb.has(g)).length + (b.goals ?? []).filter((g) => sa.has(g)).length;
        if (avoid.has(`${a.id}\u0000${b.id}`)) avoided++;
      }
    }
    if (bad) hard++;
  }
  return {
    hardViolations: hard,
    crossDepartmentShare: links ? cross / links : 0,
    averageSharedHours: links ? hours / links : 0,
    averageComplementarity: links ? comp / links : 0,
    avoidedPaired: avoided,
    ...figuresOfPairs(input, pairs),
  };
}

function figuresOfPairs(input: PartnerInput, pairs: string[][]) {
  const { departmentPairs, firstTimeDepartmentPairs } = departmentPairFigures(pairs, input.people, input.departmentTies);
  return { departmentPairs, firstTimeDepartmentPairs };
}
