// Mutable schedule with incremental cost. Everything is typed arrays because the tabu search evaluates
// millions of swaps; a swap's cost change only depends on the two groups involved.
import { REPEAT_COST, type Problem } from './problem.ts';

/** A full schedule of the problem's rounds plus the meeting counts and total cost it implies. */
export class State {
  readonly p: Problem;
  readonly n: number;
  readonly rounds: number;
  readonly groups: number;
  readonly cap: number;
  readonly sizes: Int32Array;
  /** groupOf[r * n + person]. */
  readonly groupOf: Int32Array;
  /** members[(r * groups + g) * cap + slot] = person. */
  readonly members: Int32Array;
  readonly count: Int32Array;
  /** meet[i * n + j] = meetings of i and j so far (history included), symmetric. */
  readonly meet: Uint8Array;
  /** Σ over pairs of weight·meetings + REPEAT_COST·max(0, meetings − 1), keep-together pairs exempt. */
  cost = 0;
  /** Cost of the history alone (an empty schedule), kept so restore() needs no O(N²) pass. */
  readonly baseCost: number;

  /** An empty schedule (every group empty) with the history already counted. */
  constructor(p: Problem) {
    this.p = p;
    this.n = p.n;
    this.rounds = p.rounds;
    this.groups = p.sizes.length;
    this.cap = p.sizes[0];
    this.sizes = Int32Array.from(p.sizes);
    this.groupOf = new Int32Array(p.rounds * p.n).fill(-1);
    this.members = new Int32Array(p.rounds * this.groups * this.cap);
    this.count = new Int32Array(p.rounds * this.groups);
    this.meet = p.history ? p.history.slice() : new Uint8Array(p.n * p.n);
    this.baseCost = p.history ? this.pairCostTotal() : 0;
    this.cost = this.baseCost;
  }

  /** Static cost of one meeting of i and j. */
  w(i: number, j: number): number {
    const m = this.p.weightMatrix;
    if (m) return m[i * this.n + j];
    return this.p.hasWeights ? this.p.weight(i, j) : 0;
  }

  /** Cost added if i and j meet once more. */
  addCost(i: number, j: number): number {
    return this.w(i, j) + (this.meet[i * this.n + j] >= 1 ? REPEAT_COST : 0);
  }

  /** Cost saved if i and j meet once less. */
  removeCost(i: number, j: number): number {
    return this.w(i, j) + (this.meet[i * this.n + j] >= 2 ? REPEAT_COST : 0);
  }

  /** Cost of adding person a to group g of round r (keep-together partners exempt). */
  joinCost(r: number, g: number, a: number): number {
    const base = (r * this.groups + g) * this.cap;
    const c = this.count[r * this.groups + g];
    const ua = this.p.unitOf[a];
    let d = 0;
    for (let s = 0; s < c; s++) {
      const x = this.members[base + s];
      if (this.p.unitOf[x] !== ua) d += this.addCost(a, x);
    }
    return d;
  }

  /** Adds a person to a group, updating meetings and cost. */
  place(r: number, g: number, a: number): void {
    this.cost += this.joinCost(r, g, a);
    const base = (r * this.groups + g) * this.cap;
    const c = this.count[r * this.groups + g];
    const n = this.n;
    const ua = this.p.unitOf[a];
    for (let s = 0; s < c; s++) {
      const x = this.members[base + s];
      if (this.p.unitOf[x] === ua) continue;
      this.meet[a * n + x]++;
      this.meet[x * n + a]++;
    }
    this.members[base + c] = a;
    this.count[r * this.groups + g] = c + 1;
    this.groupOf[r * n + a] = g;
  }

  /** Cost change of swapping unit u (in its group) with unit v (in another group) in round r. */
  swapDelta(r: number, u: number, v: number): number {
    const p = this.p;
    const n = this.n;
    const ua = p.units[u];
    const vb = p.units[v];
    const ga = this.groupOf[r * n + ua[0]];
    const gb = this.groupOf[r * n + vb[0]];
    const baseA = (r * this.groups + ga) * this.cap;
    const baseB = (r * this.groups + gb) * this.cap;
    const ca = this.count[r * this.groups + ga];
    const cb = this.count[r * this.groups + gb];
    const unitOf = p.unitOf;
    let d = 0;
    for (let s = 0; s < ca; s++) {
      const x = this.members[baseA + s];
      if (unitOf[x] === u) continue;
      for (const a of ua) d -= this.removeCost(a, x);
      for (const b of vb) d += this.addCost(b, x);
    }
    for (let s = 0; s < cb; s++) {
      const y = this.members[baseB + s];
      if (unitOf[y] === v) continue;
      for (const b of vb) d -= this.removeCost(b, y);
      for (const a of ua) d += this.addCost(a, y);
    }
    return d;
  }

  /** Swaps units u and v (same size, different groups) in round r, given the delta computed by swapDelta. */
  applySwap(r: number, u: number, v: number, delta: number): void {
    const p = this.p;
    const n = this.n;
    const ua = p.units[u];
    const vb = p.units[v];
    const ga = this.groupOf[r * n + ua[0]];
    const gb = this.groupOf[r * n + vb[0]];
    const baseA = (r * this.groups + ga) * this.cap;
    const baseB = (r * this.groups + gb) * this.cap;
    const ca = this.count[r * this.groups + ga];
    const cb = this.count[r * this.groups + gb];
    const meet = this.meet;
    const unitOf = p.unitOf;
    for (let s = 0; s < ca; s++) {
      const x = this.members[baseA + s];
      if (unitOf[x] === u) continue;
      for (const a of ua) {
        meet[a * n + x]--;
        meet[x * n + a]--;
      }
      for (const b of vb) {
        meet[b * n + x]++;
        meet[x * n + b]++;
      }
    }
    for (let s = 0; s < cb; s++) {
      const y = this.members[baseB + s];
      if (unitOf[y] === v) continue;
      for (const b of vb) {
        meet[b * n + y]--;
        meet[y * n + b]--;
      }
      for (const a of ua) {
        meet[a * n + y]++;
        meet[y * n + a]++;
      }
    }
    // Slots are matched by position: the i-th member of u takes the slot of the i-th member of v.
    for (let i = 0; i < ua.length; i++) {
      const a = ua[i];
      const b = vb[i];
      let sa = baseA;
      while (this.members[sa] !== a) sa++;
      let sb = baseB;
      while (this.members[sb] !== b) sb++;
      this.members[sa] = b;
      this.members[sb] = a;
      this.groupOf[r * n + a] = gb;
      this.groupOf[r * n + b] = ga;
    }
    this.cost += delta;
  }

  /** Recomputes the cost from the meeting counts (clears floating-point drift). */
  pairCostTotal(): number {
    const n = this.n;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      for (let j = i + 1; j < n; j++) {
        const m = this.meet[row + j];
        if (m === 0 || this.p.unitOf[i] === this.p.unitOf[j]) continue;
        total += this.w(i, j) * m + (m > 1 ? REPEAT_COST * (m - 1) : 0);
      }
    }
    return total;
  }

  /** Copies the group assignment (the only part needed to rebuild the state). */
  snapshot(): Int32Array {
    return this.groupOf.slice();
  }

  /** Rebuilds members, meetings and cost from an assignment produced by snapshot(). */
  restore(groupOf: Int32Array): void {
    this.count.fill(0);
    this.groupOf.fill(-1);
    if (this.p.history) this.meet.set(this.p.history);
    else this.meet.fill(0);
    this.cost = this.baseCost;
    for (let r = 0; r < this.rounds; r++) {
      for (let a = 0; a < this.n; a++) this.place(r, groupOf[r * this.n + a], a);
    }
  }

  /** True when no pair in the searched rounds meets twice or breaks a never-together rule (walks groups, not N²). */
  isRepeatFree(): boolean {
    const n = this.n;
    for (let r = 0; r < this.rounds; r++) {
      for (let g = 0; g < this.groups; g++) {
        const base = (r * this.groups + g) * this.cap;
        const c = this.count[r * this.groups + g];
        for (let i = 0; i < c; i++) {
          const a = this.members[base + i];
          for (let j = i + 1; j < c; j++) {
            const b = this.members[base + j];
            if (this.p.unitOf[a] === this.p.unitOf[b]) continue;
            if (this.meet[a * n + b] >= 2 || this.w(a, b) >= 1e5) return false;
          }
        }
      }
    }
    return true;
  }
}
