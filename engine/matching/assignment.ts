// Exact maximum-weight capacitated assignment on a (possibly dense) score graph.
// Dense 2,000×500 has 1M pairs; shortest paths over all of them are too slow, so we solve on a small
// candidate set (each mentee's top-K mentors ∪ each mentor's top-L mentees) and then *price* every
// other pair with the potentials (LP duals): a pair with negative reduced cost could improve the
// solution and is added; when no pair prices out negative the solution is optimal for the full graph
// (min-cost-flow optimality: no negative residual arc under feasible potentials). Re-solves start warm.

import { type CandidateGraph, FlowState, UNMATCHED } from './min-cost-flow.ts';
import { MatchingError } from './errors.ts';
import { FORBIDDEN, type ScoreGraph } from './score-graph.ts';

/** Internal weight w = a*score + b of an allowed pair with score >= floor; unmatched is worth 0. */
export interface Weighting {
  /** Multiplier of the score. */
  a: number;
  /** Constant added per matched pair (rewards matching more people). */
  b: number;
  /** Pairs scoring below this are excluded (fair mode floor); -Infinity for none. */
  floor: number;
}

/** Tuning knobs of the candidate/pricing loop (defaults suit 0–1000 scores and capacity ~4). */
export interface SolveTuning {
  /** Mentors per mentee in the first candidate set. */
  topK?: number;
  /** Extra mentees per mentor slot in the first candidate set. */
  topLPerSlot?: number;
  /** Most negative pairs added per mentee per pricing round. */
  addPerRound?: number;
  /** A known matching (mentor per mentee, -1 none) whose pairs join the first candidate set. */
  seed?: Int32Array;
  /** Route the most constrained mentees (fewest allowed pairs) first: shorter augmenting paths under a floor. */
  constrainedFirst?: boolean;
}

/** Outcome of an exact solve. */
export interface SolveResult {
  /** Mentor index per mentee, or -1 when unmatched. */
  mentorOf: Int32Array;
  /** Pricing rounds used (1 = the first candidate set was already optimal). */
  rounds: number;
  /** Candidate edges in the final round. */
  candidateEdges: number;
}

/** Largest internal weight magnitude allowed so path sums stay exact integers in float64. */
const SAFE = 2 ** 52;

/** Solves max Σ(a*s+b) exactly over all allowed pairs with s >= floor; mentees may stay unmatched (weight 0). */
export function solveAssignment(g: ScoreGraph, wt: Weighting, tuning: SolveTuning = {}): SolveResult {
  const { n, m, capacity } = g;
  const topK = tuning.topK ?? 8;
  const perSlot = tuning.topLPerSlot ?? 2;
  const addPerRound = tuning.addPerRound ?? 6;
  const rows = initialCandidates(g, wt.floor, topK, perSlot);
  if (tuning.seed) {
    for (let i = 0; i < n; i++) {
      const j = tuning.seed[i];
      if (j >= 0 && !rows[i].includes(j)) rows[i].push(j);
    }
  }
  const state = new FlowState(n, m, capacity);
  const order = tuning.constrainedFirst ? byDegree(g, wt.floor) : undefined;
  let rounds = 0;
  let cg = toCsr(rows, g, wt);
  for (;;) {
    rounds++;
    checkRange(cg, n);
    state.solve(cg, order);
    const { violators, best } = price(g, wt, state, addPerRound);
    if (violators.length === 0) break;
    // Add each violator's best arcs by price-adjusted weight and re-route only the violators: their old
    // slots keep phantom flow (see min-cost-flow.ts), so every other potential and pair stays valid.
    for (const i of violators) addAll(rows[i], best[i]);
    cg = toCsr(rows, g, wt);
    for (const i of violators) state.release(i);
  }
  const mentorOf = new Int32Array(n);
  for (let i = 0; i < n; i++) mentorOf[i] = state.mentorOf[i] === UNMATCHED ? -1 : state.mentorOf[i];
  return { mentorOf, rounds, candidateEdges: cg.col.length };
}

function checkRange(cg: CandidateGraph, n: number): void {
  let max = 0;
  for (let k = 0; k < cg.w.length; k++) max = Math.max(max, Math.abs(cg.w[k]));
  if (max * (2 * n + 2) > SAFE) {
    throw new MatchingError('SCORE_RANGE', 'scores too large to optimise exactly; rescale them', { maxWeight: max });
  }
}

/** Each mentee's top-K mentors plus each mentor's top (perSlot*capacity+1) mentees, as per-row mentor lists. */
function initialCandidates(g: ScoreGraph, floor: number, topK: number, perSlot: number): number[][] {
  const { n, m, capacity, rowStart, cols, scores } = g;
  const rows: number[][] = new Array(n);
  // Per-mentor bounded lists kept sorted descending by score in flat typed arrays.
  const L = new Int32Array(m);
  let maxL = 0;
  for (let j = 0; j < m; j++) {
    L[j] = capacity[j] > 0 ? perSlot * capacity[j] + 1 : 0;
    maxL = Math.max(maxL, L[j]);
  }
  const colScore = new Float64Array(m * maxL).fill(-Infinity);
  const colMentee = new Int32Array(m * maxL).fill(-1);
  const bestJ = new Int32Array(topK);
  const bestS = new Float64Array(topK);
  for (let i = 0; i < n; i++) {
    let cnt = 0;
    const start = rowStart[i];
    const end = rowStart[i + 1];
    for (let p = start; p < end; p++) {
      const s = scores[p];
      if (s === FORBIDDEN || s < floor) continue;
      const j = cols === null ? p - start : cols[p];
      if (capacity[j] <= 0) continue;
      // Mentee's top-K by insertion into a small sorted buffer.
      if (cnt < topK || s > bestS[cnt - 1]) {
        let q = cnt < topK ? cnt++ : cnt - 1;
        while (q > 0 && bestS[q - 1] < s) {
          bestS[q] = bestS[q - 1];
          bestJ[q] = bestJ[q - 1];
          q--;
        }
        bestS[q] = s;
        bestJ[q] = j;
      }
      // Mentor's top-L likewise: keeps unpopular mentors supplied with candidates.
      const Lj = L[j];
      const base = j * maxL;
      if (s > colScore[base + Lj - 1]) {
        let q = Lj - 1;
        while (q > 0 && colScore[base + q - 1] < s) {
          colScore[base + q] = colScore[base + q - 1];
          colMentee[base + q] = colMentee[base + q - 1];
          q--;
        }
        colScore[base + q] = s;
        colMentee[base + q] = i;
      }
    }
    rows[i] = Array.from(bestJ.subarray(0, cnt));
  }
  for (let j = 0; j < m; j++) {
    for (let q = 0; q < L[j]; q++) {
      const i = colMentee[j * maxL + q];
      if (i < 0) break;
      if (!rows[i].includes(j)) rows[i].push(j);
    }
  }
  return rows;
}

/** Looks up the score of candidate (i, j); dense graphs index directly. */
function scoreOf(g: ScoreGraph, i: number, j: number): number {
  const start = g.rowStart[i];
  if (g.cols === null) return g.scores[start + j];
  for (let p = start; p < g.rowStart[i + 1]; p++) if (g.cols[p] === j) return g.scores[p];
  return FORBIDDEN;
}

function toCsr(rows: number[][], g: ScoreGraph, wt: Weighting): CandidateGraph {
  const n = rows.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + rows[i].length;
  const col = new Int32Array(start[n]);
  const w = new Float64Array(start[n]);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    let k = start[i];
    if (g.cols !== null && r.length > 0) {
      const rowCols = g.cols;
      // One pass over the row instead of a search per candidate.
      const want = new Map<number, number>();
      for (const j of r) want.set(j, 0);
      for (let p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) if (want.has(rowCols[p])) want.set(rowCols[p], g.scores[p]);
      for (const j of r) {
        col[k] = j;
        w[k++] = wt.a * (want.get(j) as number) + wt.b;
      }
    } else {
      for (const j of r) {
        col[k] = j;
        w[k++] = wt.a * scoreOf(g, i, j) + wt.b;
      }
    }
  }
  return { start, col, w };
}

function addAll(row: number[], extra: number[]): void {
  for (const j of extra) if (!row.includes(j)) row.push(j);
}

/**
 * Prices every allowed pair against the potentials. Returns the mentees with a negative-reduced-cost
 * pair (empty = optimal) and, per mentee, its `limit` pairs of lowest reduced cost, i.e. its best
 * mentors after subtracting the mentors' current prices.
 */
function price(g: ScoreGraph, wt: Weighting, state: FlowState, limit: number) {
  const { n, capacity, rowStart, cols, scores } = g;
  const { pi, mentorOf } = state;
  const { a, b, floor } = wt;
  const violators: number[] = [];
  const best: number[][] = new Array(n);
  const topJ = new Int32Array(limit);
  const topR = new Float64Array(limit);
  for (let i = 0; i < n; i++) {
    const pii = pi[i];
    const own = mentorOf[i];
    const start = rowStart[i];
    const end = rowStart[i + 1];
    let cnt = 0;
    for (let p = start; p < end; p++) {
      const s = scores[p];
      if (s === FORBIDDEN || s < floor) continue;
      const j = cols === null ? p - start : cols[p];
      if (j === own || capacity[j] <= 0) continue;
      const rc = -(a * s + b) + pii - pi[n + j];
      if (cnt < limit || rc < topR[cnt - 1]) {
        let q = cnt < limit ? cnt++ : cnt - 1;
        while (q > 0 && topR[q - 1] > rc) {
          topR[q] = topR[q - 1];
          topJ[q] = topJ[q - 1];
          q--;
        }
        topR[q] = rc;
        topJ[q] = j;
      }
    }
    best[i] = Array.from(topJ.subarray(0, cnt));
    // Candidate arcs already satisfy rc >= 0, so a negative one is outside the candidate set.
    if (cnt > 0 && topR[0] < 0) violators.push(i);
  }
  return { violators, best };
}

/** Mentees sorted by ascending number of allowed pairs >= floor (counting sort). */
function byDegree(g: ScoreGraph, floor: number): Int32Array {
  const { n, m, rowStart, cols, scores, capacity } = g;
  const deg = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let d = 0;
    const start = rowStart[i];
    for (let p = start; p < rowStart[i + 1]; p++) {
      const s = scores[p];
      if (s !== FORBIDDEN && s >= floor && capacity[cols === null ? p - start : cols[p]] > 0) d++;
    }
    deg[i] = d;
  }
  const count = new Int32Array(m + 2);
  for (let i = 0; i < n; i++) count[Math.min(deg[i], m) + 1]++;
  for (let d = 0; d <= m; d++) count[d + 1] += count[d];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[count[Math.min(deg[i], m)]++] = i;
  return order;
}
