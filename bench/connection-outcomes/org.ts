// A seeded synthetic organization for the connection-outcomes bench: departments of uneven (heavy-tailed) sizes,
// teams of 4–12 inside them with dense ties, a few ties across teams of one department, and sparse, uneven ties
// across departments: each department works closely with a few partner departments, now and then with others
// (more often the larger both are), and with some not at all. Then a program drawn across departments.
import { Prng } from '../../engine/grouping/prng.ts';
import type { Tie } from '../../engine/network/index.ts';

export interface BenchOrg {
  /** Person ids `q0000`… */
  ids: string[];
  /** Department name of each person (index = position in ids). */
  department: string[];
  /** Department names, largest first. */
  departments: string[];
  /** Distinct undirected ties (no self-ties), weight 1. */
  ties: Tie[];
}

/** Partner departments each department works closely with (chosen by size). */
const PARTNERS = 2;

export function benchOrganization(people: number, departmentCount: number, seed: number): BenchOrg {
  const rng = new Prng(seed);
  // Sizes: at least 6 each, the rest by Pareto weights (a few large departments, many small ones).
  const weight = Array.from({ length: departmentCount }, () => Math.min(40, (1 - rng.next()) ** (-1 / 0.9)));
  const total = weight.reduce((a, b) => a + b, 0);
  const spare = people - 6 * departmentCount;
  const size = weight.map((w) => 6 + Math.floor((spare * w) / total)).sort((a, b) => b - a);
  for (let left = people - size.reduce((a, b) => a + b, 0), d = 0; left > 0; left--, d = (d + 1) % departmentCount) size[d]++;
  const departments = size.map((_, d) => `Dept ${String(d + 1).padStart(2, '0')}`);
  const ids: string[] = [];
  const department: string[] = [];
  const members: number[][] = size.map(() => []);
  const teams: number[][] = [];
  size.forEach((s, d) => {
    let left = s;
    while (left > 0) {
      const t = left < 16 ? left : 4 + rng.int(9);
      const team: number[] = [];
      for (let i = 0; i < t; i++) {
        const p = ids.length;
        ids.push(`q${String(p).padStart(4, '0')}`);
        department.push(departments[d]);
        members[d].push(p);
        team.push(p);
      }
      teams.push(team);
      left -= t;
    }
  });

  const seen = new Set<number>();
  const ties: Tie[] = [];
  const tie = (a: number, b: number) => {
    if (a === b) return;
    const key = a < b ? a * people + b : b * people + a;
    if (seen.has(key)) return;
    seen.add(key);
    ties.push({ a: ids[Math.min(a, b)], b: ids[Math.max(a, b)], weight: 1 });
  };
  // Dense inside teams: each pair with probability 0.7.
  for (const team of teams) for (let i = 0; i < team.length; i++) for (let j = i + 1; j < team.length; j++) if (rng.next() < 0.7) tie(team[i], team[j]);
  // Inside departments across teams: about one tie per person.
  members.forEach((m) => {
    for (let k = 0; k < m.length; k++) tie(m[rng.int(m.length)], m[rng.int(m.length)]);
  });
  // Across departments, pair by pair: partners get many ties; other pairs get a few with a probability that grows
  // with both sizes, so small departments are the least connected and some pairs have no tie at all.
  const mean = people / departmentCount;
  const partnerOf = size.map((_, d) => {
    const out = new Set<number>();
    while (out.size < PARTNERS) {
      const e = rng.int(departmentCount);
      if (e !== d) out.add(e);
    }
    return out;
  });
  for (let a = 0; a < departmentCount; a++) {
    for (let b = a + 1; b < departmentCount; b++) {
      let count = 0;
      if (partnerOf[a].has(b) || partnerOf[b].has(a)) count = 10 + rng.int(30);
      else if (rng.next() < Math.min(0.9, 0.25 * Math.sqrt((size[a] * size[b]) / (mean * mean)))) count = 1 + rng.int(6);
      for (let k = 0; k < count; k++) tie(members[a][rng.int(size[a])], members[b][rng.int(size[b])]);
    }
  }
  return { ids, department, departments, ties };
}

/** A program of `count` people drawn across departments: one from each department, the rest at random. */
export function drawProgram(org: BenchOrg, count: number, seed: number): number[] {
  const rng = new Prng(seed * 7919 + 13);
  const chosen = new Set<number>();
  for (const d of org.departments) {
    const pool = org.ids.map((_, i) => i).filter((i) => org.department[i] === d);
    chosen.add(pool[rng.int(pool.length)]);
  }
  while (chosen.size < count) chosen.add(rng.int(org.ids.length));
  return [...chosen].sort((a, b) => a - b);
}
