// Exact capacitated assignment on a sparse candidate graph by successive shortest paths with node
// potentials (Dijkstra on non-negative reduced costs), one free mentee at a time.
//
// Network: mentee i -> mentor j (cost -w_ij), mentor j -> sink T (capacity c_j, cost 0), and mentee
// i -> T directly (cost 0: "unmatched"). That bypass keeps every mentee routable, so processing mentees
// one by one yields a minimum-cost flow in which every mentee is assigned (to a mentor or to T).
// Potentials pi satisfy rc(u,v) = cost + pi[u] - pi[v] >= 0 on every residual arc; they are the LP
// duals used to price edges outside the candidate set (see assignment.ts).
// Mentees are never heap entries: a matched mentee's only residual in-arc comes from its mentor, so its
// distance is final as soon as that mentor is settled.
// Warm starts: releasing a mentee from a full mentor with a positive price (pi[j] < pi[T]) would leave a
// free slot whose arc to T has negative reduced cost. Instead the slot keeps a phantom unit of flow
// (a "deficit"); later shortest paths may end at that mentor to fill it, so no other potential moves.

import { IndexedMinHeap } from './heap.ts';

/** mentorOf value of a mentee not yet routed. */
export const FREE = -1;
/** mentorOf value of a mentee routed to the "unmatched" bypass. */
export const UNMATCHED = -2;
/** predMentee marker: mentor reached straight from T (deficit paths). */
const FROM_T = -3;

/** Candidate edges in CSR form with internal (scaled) weights to maximise. */
export interface CandidateGraph {
  /** Row i's edges are at start[i] .. start[i+1]-1. */
  start: Int32Array;
  /** Mentor of each edge. */
  col: Int32Array;
  /** Internal weight of each edge (a*score + b, exact integer in float64). */
  w: Float64Array;
}

/** Assignment state plus potentials; survives candidate-set growth so re-solves start warm. */
export class FlowState {
  /** Mentor of each mentee, FREE or UNMATCHED. */
  readonly mentorOf: Int32Array;
  /** Weight of each mentee's current edge (0 when unmatched). */
  readonly matchW: Float64Array;
  /** Potentials: mentees 0..n-1, mentors n..n+m-1, sink n+m. */
  readonly pi: Float64Array;
  /** Real mentees per mentor. */
  readonly load: Int32Array;
  /** Phantom-filled slots per mentor (see header). */
  readonly deficit: Int32Array;
  private readonly slotStart: Int32Array;
  private readonly slotMentee: Int32Array;
  private readonly slotOf: Int32Array;
  // Dijkstra scratch, reused across augmentations (stamps avoid O(m) resets).
  private readonly dist: Float64Array;
  private readonly stamp: Int32Array;
  private readonly settled: Int32Array;
  private readonly predMentee: Int32Array;
  private readonly predEdge: Int32Array;
  private readonly heap: IndexedMinHeap;
  private readonly settledList: Int32Array;
  private readonly menteeList: Int32Array;
  private readonly menteeDist: Float64Array;
  private round = 0;
  private menteeCount = 0;
  private readonly T: number;

  constructor(
    readonly n: number,
    readonly m: number,
    readonly capacity: Int32Array,
  ) {
    this.T = m;
    this.mentorOf = new Int32Array(n).fill(FREE);
    this.matchW = new Float64Array(n);
    this.pi = new Float64Array(n + m + 1);
    this.load = new Int32Array(m);
    this.deficit = new Int32Array(m);
    this.slotStart = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) this.slotStart[j + 1] = this.slotStart[j] + Math.max(0, capacity[j]);
    this.slotMentee = new Int32Array(this.slotStart[m]).fill(-1);
    this.slotOf = new Int32Array(n).fill(-1);
    this.dist = new Float64Array(m + 1);
    this.stamp = new Int32Array(m + 1);
    this.settled = new Int32Array(m + 1);
    this.predMentee = new Int32Array(m + 1);
    this.predEdge = new Int32Array(m + 1);
    this.heap = new IndexedMinHeap(m + 1, this.dist);
    this.settledList = new Int32Array(m + 1);
    this.menteeList = new Int32Array(n);
    this.menteeDist = new Float64Array(n);
  }

  /** Routes free mentee i0 along a shortest augmenting path; keeps potentials feasible. */
  augment(i0: number, g: CandidateGraph): void {
    const { pi, n, T, dist, stamp, settled, heap, matchW, load, capacity } = this;
    const { start, col, w } = g;
    const piT = pi[n + T];
    // A free mentee has no residual in-arcs, so its potential may be raised until all its out-arcs are non-negative.
    let p0 = piT;
    for (let k = start[i0]; k < start[i0 + 1]; k++) {
      const v = w[k] + pi[n + col[k]];
      if (v > p0) p0 = v;
    }
    pi[i0] = p0;
    const r = ++this.round;
    heap.clear();
    let nSettled = 0;
    this.menteeCount = 0;
    this.relaxMentee(i0, 0, r, g);
    let D = 0;
    let target = T;
    for (;;) {
      // T is always reachable through i0's bypass, so the heap cannot run dry before T is popped.
      const x = heap.pop();
      if (x === T) {
        D = dist[T];
        break;
      }
      if (this.deficit[x] > 0) {
        // Filling a phantom slot ends the path at the mentor itself.
        D = dist[x];
        target = x;
        break;
      }
      settled[x] = r;
      this.settledList[nSettled++] = x;
      const dj = dist[x];
      const pj = pi[n + x];
      if (load[x] + this.deficit[x] < capacity[x]) {
        const nd = dj + pj - piT;
        if (stamp[T] !== r || nd < dist[T]) {
          stamp[T] = r;
          dist[T] = nd;
          this.predMentee[T] = -1;
          this.predEdge[T] = x; // reached through a free slot of mentor x
          heap.pushOrDecrease(T);
        }
      }
      for (let s = this.slotStart[x]; s < this.slotStart[x] + load[x]; s++) {
        const i = this.slotMentee[s];
        this.relaxMentee(i, dj + matchW[i] + pj - pi[i], r, g);
      }
    }
    // pi += min(d, D) - D: only nodes closer than D move; the uniform shift keeps pi[T] fixed.
    for (let k = 0; k < nSettled; k++) {
      const j = this.settledList[k];
      pi[n + j] += dist[j] - D;
    }
    for (let k = 0; k < this.menteeCount; k++) {
      const d = this.menteeDist[k];
      if (d < D) pi[this.menteeList[k]] += d - D;
    }
    this.applyPath(target, i0, g);
  }

  /** Records mentee i at its final distance di and relaxes its forward arcs and its bypass to T. */
  private relaxMentee(i: number, di: number, r: number, g: CandidateGraph): void {
    const { pi, n, T, dist, stamp, settled, heap } = this;
    const { start, col, w } = g;
    this.menteeList[this.menteeCount] = i;
    this.menteeDist[this.menteeCount++] = di;
    const pii = pi[i];
    const own = this.mentorOf[i];
    for (let k = start[i]; k < start[i + 1]; k++) {
      const j = col[k];
      if (j === own || (stamp[j] === r && settled[j] === r)) continue;
      const nd = di - w[k] + pii - pi[n + j];
      if (stamp[j] !== r || nd < dist[j]) {
        stamp[j] = r;
        dist[j] = nd;
        this.predMentee[j] = i;
        this.predEdge[j] = k;
        heap.pushOrDecrease(j);
      }
    }
    if (own !== UNMATCHED) {
      const nd = di + pii - pi[n + T];
      if (stamp[T] !== r || nd < dist[T]) {
        stamp[T] = r;
        dist[T] = nd;
        this.predMentee[T] = i; // reached through the unmatched bypass
        this.predEdge[T] = -1;
        heap.pushOrDecrease(T);
      }
    }
  }

  /** Moves mentees along the shortest path just found, from its end back to the mentee it started from. */
  private applyPath(target: number, i0: number, g: CandidateGraph): void {
    let i: number;
    let j: number;
    let weight: number;
    if (target === this.T) {
      if (this.predMentee[this.T] >= 0) {
        i = this.predMentee[this.T];
        j = UNMATCHED;
        weight = 0;
      } else {
        j = this.predEdge[this.T];
        i = this.predMentee[j];
        weight = g.w[this.predEdge[j]];
      }
    } else {
      j = target;
      this.deficit[j]--;
      i = this.predMentee[j];
      weight = g.w[this.predEdge[j]];
    }
    // Each step frees the slot the next step fills, so capacity is never exceeded.
    for (;;) {
      const oldJ = this.mentorOf[i];
      this.moveTo(i, j, weight);
      // The path started at i0, or (deficit paths from T) at an unmatched mentee or at a mentor that keeps a free slot.
      if (i === i0 || oldJ === UNMATCHED) return;
      j = oldJ;
      i = this.predMentee[oldJ];
      if (i === FROM_T) return;
      weight = g.w[this.predEdge[oldJ]];
    }
  }

  /** Reassigns mentee i to mentor j (or UNMATCHED/FREE), maintaining slots and loads. */
  private moveTo(i: number, j: number, weight: number): void {
    const old = this.mentorOf[i];
    if (old >= 0) this.removeFromSlot(i, old);
    this.mentorOf[i] = j;
    this.matchW[i] = weight;
    if (j >= 0) {
      const s = this.slotStart[j] + this.load[j]++;
      this.slotMentee[s] = i;
      this.slotOf[i] = s;
    }
  }

  /** Frees mentee i for re-routing (new arcs, leaves); its slot becomes a deficit when the mentor had a price. */
  release(i: number): void {
    const j = this.mentorOf[i];
    if (j === FREE) return;
    this.moveTo(i, FREE, 0);
    if (j >= 0 && this.pi[this.n + j] < this.pi[this.n + this.T]) this.deficit[j]++;
  }

  /** Routes every free mentee (in `order` if given), then fills any phantom slot left over by a shortest path from T. */
  solve(g: CandidateGraph, order?: Int32Array): void {
    for (let k = 0; k < this.n; k++) {
      const i = order ? order[k] : k;
      if (this.mentorOf[i] === FREE) this.augment(i, g);
    }
    for (let j = 0; j < this.m; j++) while (this.deficit[j] > 0) this.fillDeficit(g);
  }

  /**
   * Shortest path from T to a phantom slot: T -> mentor with load (it gives up a mentee) or T -> unmatched
   * mentee, then alternating arcs. With no path at all no mentee has an arc into the mentor, so its price
   * can drop to zero without breaking any reduced cost.
   */
  private fillDeficit(g: CandidateGraph): void {
    const { pi, n, T, dist, stamp, settled, heap, mentorOf, matchW, load } = this;
    const r = ++this.round;
    heap.clear();
    const piT = pi[n + T];
    let nSettled = 0;
    this.menteeCount = 0;
    for (let j = 0; j < this.m; j++) {
      if (load[j] > 0) {
        stamp[j] = r;
        dist[j] = piT - pi[n + j];
        this.predMentee[j] = FROM_T;
        heap.pushOrDecrease(j);
      }
    }
    for (let i = 0; i < n; i++) if (mentorOf[i] === UNMATCHED) this.relaxMentee(i, piT - pi[i], r, g);
    let target = -1;
    while (heap.size > 0) {
      const x = heap.pop();
      if (x === T) continue; // arcs into T lead back to the source
      if (this.deficit[x] > 0) {
        target = x;
        break;
      }
      settled[x] = r;
      this.settledList[nSettled++] = x;
      const dj = dist[x];
      const pj = pi[n + x];
      for (let s = this.slotStart[x]; s < this.slotStart[x] + load[x]; s++) {
        const i = this.slotMentee[s];
        this.relaxMentee(i, dj + matchW[i] + pj - pi[i], r, g);
      }
    }
    if (target < 0) {
      for (let j = 0; j < this.m; j++) {
        if (this.deficit[j] > 0) {
          this.deficit[j] = 0;
          pi[n + j] = piT;
        }
      }
      return;
    }
    const D = dist[target];
    for (let k = 0; k < nSettled; k++) {
      const j = this.settledList[k];
      pi[n + j] += dist[j] - D;
    }
    for (let k = 0; k < this.menteeCount; k++) {
      const d = this.menteeDist[k];
      if (d < D) pi[this.menteeList[k]] += d - D;
    }
    pi[n + T] -= D; // T is the source here (distance 0)
    this.applyPath(target, -1, g);
  }

  /** Removes mentee i from mentor j's slots, keeping the occupied slots contiguous. */
  removeFromSlot(i: number, j: number): void {
    const s = this.slotOf[i];
    const last = this.slotStart[j] + --this.load[j];
    const moved = this.slotMentee[last];
    this.slotMentee[s] = moved;
    this.slotOf[moved] = s;
    this.slotMentee[last] = -1;
    this.slotOf[i] = -1;
  }
}
