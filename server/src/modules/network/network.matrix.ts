// The organization network by department: who interacts across departments (a matrix), how the E-I index moves
// month by month, and how the Louvain communities line up with departments. Pure: people and ties in, figures out.
// Privacy: departments with fewer than NETWORK_MIN_GROUP active people are only ever counted together (small teams).
import {
  NETWORK_MIN_GROUP,
  NETWORK_NO_DEPARTMENT,
  NETWORK_SMALL_TEAMS,
  type NetworkDepartments,
} from '../../../../contracts/index.ts';
import { bestCommunities, buildGraph } from '../../../../engine/network/index.ts';

/** An active person as the figures need them. */
export interface MatrixPerson {
  id: string;
  department: string | null;
}

/** One pair's interactions in one month (a < b). */
export interface MonthlyTie {
  a: string;
  b: string;
  month: string;
  weight: number;
}

/** How many communities the figures list at most (the largest). */
const TOP_COMMUNITIES = 20;
/** How many departments each community lists by name. */
const TOP_DEPARTMENTS = 3;

const byName = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** The months (YYYY-MM) from `from`'s to `to`'s, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m === 12 ? ((y += 1), (m = 1)) : (m += 1);
  }
  return out;
}

/** Every figure of `GET /api/network/departments` but the range, from the active people and the range's ties by month. */
export function departmentFigures(people: readonly MatrixPerson[], monthly: readonly MonthlyTie[], from: string, to: string): Omit<NetworkDepartments, 'from' | 'to'> {
  // Each person's own department (null: none) and the group they are counted in (null: withheld).
  const own = new Map(people.map((p) => [p.id, p.department?.trim() || null]));
  const label = (id: string) => own.get(id) ?? NETWORK_NO_DEPARTMENT;
  const heads = new Map<string, number>();
  for (const p of people) heads.set(label(p.id), (heads.get(label(p.id)) ?? 0) + 1);
  let small = 0;
  for (const n of heads.values()) if (n < NETWORK_MIN_GROUP) small += n;
  const showSmall = small >= NETWORK_MIN_GROUP;
  const groupOfLabel = (l: string) => ((heads.get(l) ?? 0) >= NETWORK_MIN_GROUP ? l : showSmall ? NETWORK_SMALL_TEAMS : null);
  const group = new Map(people.map((p) => [p.id, groupOfLabel(label(p.id))]));

  const named = [...heads].filter(([l, n]) => n >= NETWORK_MIN_GROUP && l !== NETWORK_NO_DEPARTMENT).map(([l]) => l).sort(byName);
  if ((heads.get(NETWORK_NO_DEPARTMENT) ?? 0) >= NETWORK_MIN_GROUP) named.push(NETWORK_NO_DEPARTMENT);
  const departments = named.map((name) => ({ name, people: heads.get(name) as number }));
  if (showSmall) departments.push({ name: NETWORK_SMALL_TEAMS, people: small });
  const index = new Map(departments.map((d, i) => [d.name, i]));

  // Ties with people who have left are not counted; a pair tied in several months is one tie of the range.
  const current = monthly.filter((t) => own.has(t.a) && own.has(t.b));
  const range = new Map<string, { a: string; b: string; weight: number }>();
  for (const t of current) {
    const key = `${t.a}|${t.b}`;
    const seen = range.get(key);
    if (seen) seen.weight += Number(t.weight);
    else range.set(key, { a: t.a, b: t.b, weight: Number(t.weight) });
  }

  // The matrix: distinct tied pairs between (and inside) shown departments.
  const n = departments.length;
  const count = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const t of range.values()) {
    const i = index.get(group.get(t.a) ?? '');
    const j = index.get(group.get(t.b) ?? '');
    if (i === undefined || j === undefined) continue;
    count[Math.min(i, j)][Math.max(i, j)]++;
  }
  const matrix: NetworkDepartments['matrix'] = [];
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const possible = i === j ? (departments[i].people * (departments[i].people - 1)) / 2 : departments[i].people * departments[j].people;
      matrix.push({ a: departments[i].name, b: departments[j].name, ties: count[i][j], possible, share: possible ? count[i][j] / possible : 0 });
    }

  return { departments, withheld: showSmall ? 0 : small, matrix, eiByMonth: eiSeries(current, own, group, departments, from, to), communities: communityFigures(people, range, group) };
}

/** The E-I index per month, overall and per shown department (people without a department are not counted). */
function eiSeries(
  ties: readonly MonthlyTie[],
  own: ReadonlyMap<string, string | null>,
  group: ReadonlyMap<string, string | null>,
  departments: readonly { name: string }[],
  from: string,
  to: string,
): NetworkDepartments['eiByMonth'] {
  const months = monthsBetween(from, to);
  const at = new Map(months.map((m, i) => [m, i]));
  const names = departments.map((d) => d.name).filter((name) => name !== NETWORK_NO_DEPARTMENT);
  const tally = () => months.map(() => ({ e: 0, i: 0 }));
  const overall = tally();
  const per = new Map(names.map((name) => [name, tally()]));
  for (const t of ties) {
    const m = at.get(t.month);
    const da = own.get(t.a);
    const db = own.get(t.b);
    if (m === undefined || !da || !db) continue;
    const inside = da === db;
    overall[m][inside ? 'i' : 'e']++;
    const ga = group.get(t.a);
    const gb = group.get(t.b);
    // A tie counts once for each group it touches: inside only when both ends share one department.
    for (const g of new Set([ga, gb])) {
      const row = g ? per.get(g) : undefined;
      if (row) row[m][inside ? 'i' : 'e']++;
    }
  }
  const ratio = (c: { e: number; i: number }) => (c.e + c.i === 0 ? null : (c.e - c.i) / (c.e + c.i));
  return { months, overall: overall.map(ratio), departments: names.map((name) => ({ name, values: (per.get(name) ?? []).map(ratio) })) };
}

/** The report's communities of the range (best of Louvain and Leiden, seed 1) with at least NETWORK_MIN_GROUP people, against departments. */
function communityFigures(people: readonly MatrixPerson[], ties: ReadonlyMap<string, { a: string; b: string; weight: number }>, group: ReadonlyMap<string, string | null>): NetworkDepartments['communities'] {
  const graph = buildGraph([...ties.values()], { nodes: people.map((p) => p.id) });
  const { membership, count } = bestCommunities(graph, { seed: 1 });
  const members: string[][] = Array.from({ length: count }, () => []);
  graph.ids.forEach((id, v) => members[membership[v]].push(id));
  return members
    .filter((m) => m.length >= NETWORK_MIN_GROUP)
    .map((m) => {
      const tally = new Map<string, number>();
      for (const id of m) {
        const g = group.get(id);
        if (g) tally.set(g, (tally.get(g) ?? 0) + 1);
      }
      const top = [...tally]
        .sort((x, y) => y[1] - x[1] || byName(x[0], y[0]))
        .slice(0, TOP_DEPARTMENTS)
        .map(([name, people]) => ({ name, people }));
      return { size: m.length, departments: top, otherPeople: m.length - top.reduce((s, d) => s + d.people, 0) };
    })
    .sort((x, y) => y.size - x.size)
    .slice(0, TOP_COMMUNITIES);
}
