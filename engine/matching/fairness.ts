// Fair mode, lexicographic: (1) the bottleneck optimum — the highest floor t such that a maximum-
// cardinality matching exists using only pairs scoring >= t — found by binary search over the distinct
// scores with a max-flow feasibility test; (2) the best total among maximum-cardinality matchings above
// that floor, by the exact participation solve restricted to pairs >= t.

import { type SolveResult, type SolveTuning, solveAssignment } from './assignment.ts';
import { maxCardinality } from './cardinality.ts';
import { participationWeighting } from './participation.ts';
import { distinctScores, forEachPair, pairScore, type ScoreGraph } from './score-graph.ts';

/** Fair solution plus its floor (null when nobody can be matched). */
export interface FairResult extends SolveResult {
  /** Bottleneck optimum: every matched mentee scores at least this. */
  floor: number | null;
}

/** Lexicographic fair matching: maximise the worst matched score among max-cardinality matchings, then the total. */
export function solveFair(g: ScoreGraph, tuning?: SolveTuning): FairResult {
  const full = maxCardinality(g, -Infinity);
  const thresholds = distinctScores(g);
  if (full.size === 0 || thresholds.length === 0) {
    return { mentorOf: new Int32Array(g.n).fill(-1), rounds: 0, candidateEdges: 0, floor: null };
  }
  // Bracket: any maximum matching's worst score is feasible; when everyone can be matched, nobody can
  // do better than their own best pair, so min_i max_j s_ij (+1) bounds the search from above.
  let worst = Infinity;
  for (let i = 0; i < g.n; i++) if (full.mentorOf[i] >= 0) worst = Math.min(worst, pairScore(g, i, full.mentorOf[i]));
  let cap = Infinity;
  if (full.size === g.n) {
    for (let i = 0; i < g.n; i++) {
      let best = -Infinity;
      forEachPair(g, i, -Infinity, (_j, s) => {
        if (s > best) best = s;
      });
      cap = Math.min(cap, best);
    }
  }
  // Invariant: thresholds[lo] is feasible, thresholds[hi] is infeasible or past the end.
  let lo = lowerBound(thresholds, worst);
  let hi = Number.isFinite(cap) ? lowerBound(thresholds, cap) + 1 : thresholds.length;
  let best = full.mentorOf;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    // Warm start from the best feasible matching: its pairs >= the new threshold stay.
    const trial = maxCardinality(g, thresholds[mid], best);
    if (trial.size === full.size) {
      lo = mid;
      best = trial.mentorOf;
    } else {
      hi = mid;
    }
  }
  const floor = thresholds[lo];
  // Seeding the candidates with the feasible matching makes the first round already reach full cardinality.
  const solved = solveAssignment(g, participationWeighting(g, floor), { ...tuning, seed: best });
  return { ...solved, floor };
}

/** First index whose value is >= x (sorted ascending). */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, xs.length - 1);
}
