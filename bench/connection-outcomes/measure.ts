// How many connections a schedule creates, measured with engine/network on the organization's graph before and after
// the program (each meeting becomes a tie), and the honest upper bounds the figures are compared with.
import type { DepartmentTies, Schedule } from '../../engine/grouping/index.ts';
import { buildGraph, compareGraphs, type Tie } from '../../engine/network/index.ts';
import type { BenchOrg } from './org.ts';

/** What one schedule achieved. */
export interface Outcome {
  /** New ties between people of different departments (engine/network's compareGraphs). */
  newCrossTies: number;
  /** Department pairs with no tie before that have one after. */
  newDepartmentPairs: number;
  /** Pairs that meet more than once (Σ meetings − 1). */
  repeats: number;
}

/** Department tie counts of the organization: distinct tied pairs of people per pair of departments (and within). */
export function departmentTies(org: BenchOrg): DepartmentTies[] {
  const index = new Map(org.ids.map((id, i) => [id, i]));
  const counts = new Map<string, DepartmentTies>();
  for (const t of org.ties) {
    const da = org.department[index.get(t.a) as number];
    const db = org.department[index.get(t.b) as number];
    const [a, b] = da < db ? [da, db] : [db, da];
    const key = `${a}|${b}`;
    const row = counts.get(key) ?? { a, b, ties: 0 };
    row.ties++;
    counts.set(key, row);
  }
  return [...counts.values()];
}

/** The pairs of one schedule's groups, with repeats counted. */
function meetings(schedule: Schedule): { ties: Tie[]; repeats: number } {
  const seen = new Map<string, number>();
  for (const round of schedule) for (const g of round) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) {
    const key = g[i] < g[j] ? `${g[i]}|${g[j]}` : `${g[j]}|${g[i]}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  let repeats = 0;
  const ties: Tie[] = [];
  for (const [key, n] of seen) {
    repeats += n - 1;
    const [a, b] = key.split('|');
    ties.push({ a, b, weight: 1 });
  }
  return { ties, repeats };
}

/** Measures a schedule against the organization's graph with engine/network. */
export function measure(org: BenchOrg, schedule: Schedule): Outcome {
  const attribute = new Map(org.ids.map((id, i) => [id, org.department[i]]));
  const before = buildGraph(org.ties, { nodes: org.ids });
  const { ties, repeats } = meetings(schedule);
  const after = buildGraph([...org.ties, ...ties], { nodes: org.ids });
  const cmp = compareGraphs(before, after, attribute);
  return { newCrossTies: cmp.newCrossGroupTies.length, newDepartmentPairs: cmp.newGroupPairs.length, repeats };
}

/** Fewest pairs sharing a value when `count` people are spread over `bins` groups as evenly as possible. */
function spreadPairs(count: number, bins: number): number {
  const q = Math.floor(count / bins);
  const r = count % bins;
  return (r * (q + 1) * q) / 2 + ((bins - r) * q * (q - 1)) / 2;
}

/** The bounds a program's composition allows (see RESULTS.md for the reasoning). */
export interface Bounds {
  /** Upper bound of new cross-department ties. */
  crossTies: number;
  /** Its three terms: meetings that can cross departments, the per-person bound, untied cross pairs. */
  terms: { meetings: number; perPerson: number; untiedPairs: number };
  /** Department pairs (both in the program) with no tie before. */
  untiedDepartmentPairs: number;
  /** Upper bound of those that can get a tie. */
  departmentPairsBound: number;
}

/** Upper bounds for a program of `members` (indices into org) in `rounds` rounds of groups of `size`. */
export function bounds(org: BenchOrg, members: number[], rounds: number, size: number): Bounds {
  const groups = Math.floor(members.length / size);
  const tied = new Set(org.ties.map((t) => `${t.a}|${t.b}`));
  const isTied = (a: string, b: string) => tied.has(a < b ? `${a}|${b}` : `${b}|${a}`);
  const perDept = new Map<string, number>();
  for (const m of members) perDept.set(org.department[m], (perDept.get(org.department[m]) ?? 0) + 1);
  // (1) Each round has groups·C(size, 2) meetings, and spreading a department's members evenly is the fewest
  // same-department meetings any round can have.
  let sameFloor = 0;
  for (const n of perDept.values()) sameFloor += spreadPairs(n, groups);
  const meetingsTerm = rounds * (groups * ((size * (size - 1)) / 2) - sameFloor);
  // (2) A person meets at most rounds·(size − 1) people, and gains a new cross tie only with someone of another
  // department they had no tie with; each tie has two ends.
  let ends = 0;
  let untiedPairs = 0;
  for (const a of members) {
    let open = 0;
    for (const b of members) if (org.department[a] !== org.department[b] && !isTied(org.ids[a], org.ids[b])) open++;
    untiedPairs += open;
    ends += Math.min(rounds * (size - 1), open);
  }
  const perPerson = Math.floor(ends / 2);
  untiedPairs /= 2;
  // Department pairs: a pair can only be bridged if both departments are in the program and had no tie; department d
  // can bridge at most (its members × meetings each) of them.
  const present = [...perDept.keys()];
  const tiedDepts = new Set<string>();
  const index = new Map(org.ids.map((id, i) => [id, i]));
  for (const t of org.ties) {
    const da = org.department[index.get(t.a) as number];
    const db = org.department[index.get(t.b) as number];
    if (da !== db) tiedDepts.add(da < db ? `${da}|${db}` : `${db}|${da}`);
  }
  let untiedDepartmentPairs = 0;
  let capped = 0;
  for (const d of present) {
    let z = 0;
    for (const e of present) if (e !== d && !tiedDepts.has(d < e ? `${d}|${e}` : `${e}|${d}`)) z++;
    untiedDepartmentPairs += z;
    capped += Math.min(z, (perDept.get(d) as number) * rounds * (size - 1));
  }
  return {
    crossTies: Math.min(meetingsTerm, perPerson, untiedPairs),
    terms: { meetings: meetingsTerm, perPerson, untiedPairs },
    untiedDepartmentPairs: untiedDepartmentPairs / 2,
    departmentPairsBound: Math.floor(capped / 2),
  };
}
