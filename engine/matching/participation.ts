// Objective weightings. Internally every mode maximises Σ (a·score + b) over matched pairs with
// "unmatched" worth 0; choosing a and b turns one exact solver into each lexicographic objective.

import type { Weighting } from './assignment.ts';
import { FORBIDDEN, type ScoreGraph } from './score-graph.ts';

/** Optimal mode: total score first (a = n+1 dominates), then more matched pairs (b = 1) among equal totals. */
export function optimalWeighting(g: ScoreGraph): Weighting {
  return { a: g.n + 1, b: 1, floor: -Infinity };
}

/**
 * Participation mode: one more matched pair is worth more than any possible score difference
 * (b > 2·Σ_i max_j |s_ij|), so the solver maximises cardinality first, then the total.
 */
export function participationWeighting(g: ScoreGraph, floor = -Infinity): Weighting {
  let sum = 0;
  for (let i = 0; i < g.n; i++) {
    let best = 0;
    for (let p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) {
      const s = g.scores[p];
      if (s !== FORBIDDEN && s >= floor) best = Math.max(best, Math.abs(s));
    }
    sum += best;
  }
  return { a: 1, b: 2 * sum + 1, floor };
}
