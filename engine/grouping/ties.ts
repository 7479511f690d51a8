// Department tie counts (issue 14 item 4): how many ties the organization already has between two departments.
// The engine prefers meetings of departments with few or none, strictly after its other goals: every former, after
// its own search, only makes moves that leave each of its figures (repeats, hard rules, known pairs, mixing) as they
// are or better and lower the tie cost below. This file compiles the counts and prices meetings.
//
// The price of the next meeting of departments A ≠ B is x / (x + s), where x = ties(A, B) + s · m(A, B), m(A, B) is
// the number of meetings of A and B the plan already holds, and s is the mean tie count over the pairs of departments
// the people belong to (1 when that is 0). So the first meeting of a pair with no tie is free, the next ones cost as
// if the pair already had s more ties each time (spreading meetings over many pairs), and multiplying every tie count
// by a constant changes nothing (the rule is scale-free). Meetings inside a department cost nothing here: mixing
// already keeps them rare.
import { GroupingError } from './errors.ts';
import type { DepartmentTies, Person } from './types.ts';

/** Department tie counts compiled for the people being grouped, with the meetings a plan holds so far. */
export class TieModel {
  /** Department names by index. */
  readonly departments: string[];
  /** Department index of each person (input order), −1 without one. */
  readonly codeOf: Int32Array;
  /** Ties between departments, D×D symmetric. */
  readonly ties: Float64Array;
  /** The scale s of the price (see the file header). */
  readonly scale: number;
  /** Meetings planned so far between departments, D×D symmetric. */
  readonly planned: Int32Array;
  private readonly d: number;

  constructor(people: readonly Person[], counts: readonly DepartmentTies[]) {
    const index = new Map<string, number>();
    this.codeOf = Int32Array.from(people, (p) => {
      if (!p.department) return -1;
      if (!index.has(p.department)) index.set(p.department, index.size);
      return index.get(p.department) as number;
    });
    this.departments = [...index.keys()];
    const d = (this.d = index.size);
    this.ties = new Float64Array(d * d);
    this.planned = new Int32Array(d * d);
    for (const row of counts) {
      if (!row || typeof row.a !== 'string' || typeof row.b !== 'string') throw new GroupingError('INVALID_INPUT', 'each department tie count needs departments a and b');
      if (typeof row.ties !== 'number' || !Number.isFinite(row.ties) || row.ties < 0) {
        throw new GroupingError('INVALID_INPUT', `ties between "${row.a}" and "${row.b}" must be a non-negative number, got ${String(row.ties)}`);
      }
      const i = index.get(row.a);
      const j = index.get(row.b);
      if (i === undefined || j === undefined || i === j) continue; // departments nobody here belongs to, or within one
      this.ties[i * d + j] += row.ties;
      this.ties[j * d + i] += row.ties;
    }
    let sum = 0;
    for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) sum += this.ties[i * d + j];
    const pairs = (d * (d - 1)) / 2;
    this.scale = pairs > 0 && sum > 0 ? sum / pairs : 1;
  }

  /** Price of the next meeting of departments i and j when they already meet `m` times in the plan. */
  price(i: number, j: number, m: number): number {
    const x = this.ties[i * this.d + j] + this.scale * m;
    return x / (x + this.scale);
  }

  /** Forgets the planned meetings. */
  clear(): void {
    this.planned.fill(0);
  }

  /** Records `by` more (or, negative, fewer) meetings of persons p and q; same or missing departments are ignored. */
  meet(p: number, q: number, by: number): void {
    const i = this.codeOf[p];
    const j = this.codeOf[q];
    if (i < 0 || j < 0 || i === j) return;
    this.planned[i * this.d + j] += by;
    this.planned[j * this.d + i] += by;
  }

  /** Records every pair of a group meeting once more (by = 1) or once less (by = −1). */
  meetGroup(members: ArrayLike<number>, by: number): void {
    for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) this.meet(members[a], members[b], by);
  }

  /**
   * Cost change of a move given as person pairs gaining (+1) or losing (−1) a meeting: the sum over the department
   * pairs touched of Σ prices of the meetings added minus those removed. Does not change the model.
   */
  delta(changes: readonly (readonly [number, number, number])[]): number {
    const net = new Map<number, number>();
    for (const [p, q, by] of changes) {
      const i = this.codeOf[p];
      const j = this.codeOf[q];
      if (i < 0 || j < 0 || i === j) continue;
      const key = i < j ? i * this.d + j : j * this.d + i;
      net.set(key, (net.get(key) ?? 0) + by);
    }
    let cost = 0;
    for (const [key, by] of net) {
      const i = Math.floor(key / this.d);
      const j = key % this.d;
      const m = this.planned[key];
      if (by > 0) for (let t = 0; t < by; t++) cost += this.price(i, j, m + t);
      else for (let t = 1; t <= -by; t++) cost -= this.price(i, j, m - t);
    }
    return cost;
  }

  /** Applies a move priced by `delta`. */
  apply(changes: readonly (readonly [number, number, number])[]): void {
    for (const [p, q, by] of changes) this.meet(p, q, by);
  }
}

/** Compiles the tie counts for these people, or null when none were given (then nothing changes). */
export function compileTies(people: readonly Person[], counts: readonly DepartmentTies[] | undefined): TieModel | null {
  if (counts === undefined) return null;
  if (!Array.isArray(counts)) throw new GroupingError('INVALID_INPUT', 'departmentTies must be a list');
  return new TieModel(people, counts);
}

/** Department pairs meeting in some groups, and those among them with no tie yet. */
export interface DepartmentPairFigures {
  /** Distinct pairs of different departments whose people share a group. */
  departmentPairs: number;
  /** Of those, pairs with no tie in the counts (null without counts). */
  firstTimeDepartmentPairs: number | null;
  /** Those first-time pairs by name, each sorted, in name order (empty without counts). */
  firstTime: [string, string][];
}

/** Which department pairs the groups bring together, and which of them for the first time (by the tie counts). */
export function departmentPairFigures(groups: readonly (readonly string[])[], people: readonly Person[], counts?: readonly DepartmentTies[]): DepartmentPairFigures {
  const department = new Map(people.filter((p) => p.department).map((p) => [p.id, p.department as string]));
  const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const met = new Set<string>();
  for (const group of groups) {
    const depts = [...new Set(group.map((id) => department.get(id)).filter((d): d is string => d !== undefined))];
    for (let i = 0; i < depts.length; i++) for (let j = i + 1; j < depts.length; j++) met.add(key(depts[i], depts[j]));
  }
  if (!counts) return { departmentPairs: met.size, firstTimeDepartmentPairs: null, firstTime: [] };
  const tied = new Set(counts.filter((c) => c.ties > 0 && c.a !== c.b).map((c) => key(c.a, c.b)));
  const firstTime = [...met].filter((k) => !tied.has(k)).sort().map((k) => k.split('\u0000') as [string, string]);
  return { departmentPairs: met.size, firstTimeDepartmentPairs: firstTime.length, firstTime };
}
