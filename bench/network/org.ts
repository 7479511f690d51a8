// A seeded synthetic organization for the network bench: departments of heavy-tailed sizes, teams of 4–16 inside
// them, dense ties inside teams, fewer across teams of one department, and sparse, uneven ties across departments
// (each department leans on a few partner departments). Each person has a Pareto "activity" that makes their share of
// ties, so degrees are heavy-tailed. Exactly `ties` distinct undirected ties (no self-ties), weights 1–5.
import type { Tie } from '../../engine/network/index.ts';
import { Prng } from '../../engine/grouping/prng.ts';

export interface Organization {
  /** Person ids, `p0000000`.., in node order (build with `{ nodes: ids }` so node v is ids[v]). */
  ids: string[];
  ties: Tie[];
  /** Department of each node (index = node). */
  department: Int32Array;
  departments: number;
  teams: number;
  /** How many ties of each kind. */
  kinds: { team: number; department: number; cross: number };
}

/** Share of tie draws inside a team, then inside a department; the rest cross departments. */
const TEAM_SHARE = 0.35;
const DEPARTMENT_SHARE = 0.45;
/** Cross-department draws that go to one of the department's partner departments. */
const PARTNER_SHARE = 0.6;
const PARTNERS = 3;

export function organization(people: number, tieCount: number, seed = 1): Organization {
  const rng = new Prng(seed);
  const pareto = (alpha: number, cap: number) => Math.min(cap, (1 - rng.next()) ** (-1 / (alpha - 1)));

  // Departments: at least 8 people each, the rest shared out by heavy-tailed weights.
  const departments = Math.max(4, Math.round(people / 250));
  const weight = Array.from({ length: departments }, () => pareto(1.8, 60));
  const spare = people - 8 * departments;
  const totalWeight = weight.reduce((a, b) => a + b, 0);
  const deptSize = weight.map((w) => 8 + Math.floor((spare * w) / totalWeight));
  for (let left = people - deptSize.reduce((a, b) => a + b, 0), d = 0; left > 0; left--, d = (d + 1) % departments) deptSize[d]++;
  // Positions 0..people-1 are laid out department by department, team by team.
  const deptStart = new Int32Array(departments + 1);
  for (let d = 0; d < departments; d++) deptStart[d + 1] = deptStart[d] + deptSize[d];
  const deptOf = new Int32Array(people);
  const teamOf = new Int32Array(people);
  const teamStart: number[] = [];
  for (let d = 0; d < departments; d++) {
    let p = deptStart[d];
    while (p < deptStart[d + 1]) {
      let size = 4 + rng.int(13);
      if (deptStart[d + 1] - (p + size) < 4) size = deptStart[d + 1] - p;
      teamStart.push(p);
      for (let i = p; i < p + size; i++) {
        deptOf[i] = d;
        teamOf[i] = teamStart.length - 1;
      }
      p += size;
    }
  }
  teamStart.push(people);

  // Activity (heavy-tailed) and its prefix sums, for draws proportional to activity inside any position range.
  const cum = new Float64Array(people + 1);
  for (let i = 0; i < people; i++) cum[i + 1] = cum[i] + pareto(2.5, 100);
  const draw = (lo: number, hi: number): number => {
    const x = cum[lo] + rng.next() * (cum[hi] - cum[lo]);
    let a = lo;
    let b = hi - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (cum[mid + 1] <= x) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  // Partner departments, drawn by size: the uneven part of cross-department ties.
  const partners = Array.from({ length: departments }, (_, d) => {
    const out: number[] = [];
    for (let k = 0; k < PARTNERS * 4 && out.length < PARTNERS; k++) {
      const e = deptOf[draw(0, people)];
      if (e !== d && !out.includes(e)) out.push(e);
    }
    return out;
  });

  // Node index of each position: a seeded permutation, so ids carry no department order.
  const node = new Int32Array(people);
  for (let i = 0; i < people; i++) node[i] = i;
  for (let i = people - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = node[i];
    node[i] = node[j];
    node[j] = t;
  }
  const width = String(people - 1).length;
  const ids = Array.from({ length: people }, (_, v) => `p${String(v).padStart(width, '0')}`);
  const department = new Int32Array(people);
  for (let i = 0; i < people; i++) department[node[i]] = deptOf[i];

  const seen = new Set<number>();
  const ties: Tie[] = [];
  const kinds = { team: 0, department: 0, cross: 0 };
  for (let attempts = 0; ties.length < tieCount; attempts++) {
    if (attempts > 100 * tieCount) throw new Error(`could not place ${tieCount} ties among ${people} people`);
    const u = draw(0, people);
    const r = rng.next();
    let v: number;
    let kind: keyof typeof kinds;
    let w: number;
    if (r < TEAM_SHARE) {
      const t = teamOf[u];
      v = teamStart[t] + rng.int(teamStart[t + 1] - teamStart[t]);
      kind = 'team';
      w = 1 + rng.int(5);
    } else if (r < TEAM_SHARE + DEPARTMENT_SHARE) {
      const d = deptOf[u];
      v = draw(deptStart[d], deptStart[d + 1]);
      kind = 'department';
      w = 1 + rng.int(3);
    } else {
      const own = deptOf[u];
      const mine = partners[own];
      const d = mine.length && rng.next() < PARTNER_SHARE ? mine[rng.int(mine.length)] : deptOf[draw(0, people)];
      if (d === own) continue;
      v = draw(deptStart[d], deptStart[d + 1]);
      kind = 'cross';
      w = 1 + rng.int(2);
    }
    if (u === v) continue;
    const a = node[u];
    const b = node[v];
    const key = a < b ? a * people + b : b * people + a;
    if (seen.has(key)) continue;
    seen.add(key);
    ties.push({ a: ids[a], b: ids[b], weight: w });
    kinds[kind]++;
  }
  return { ids, ties, department, departments, teams: teamStart.length - 1, kinds };
}
