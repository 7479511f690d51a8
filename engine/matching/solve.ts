// Mode dispatch over a score graph: the one place that maps a MatchMode to an exact solve.

import { type SolveTuning, solveAssignment } from './assignment.ts';
import { solveFair } from './fairness.ts';
import { optimalWeighting, participationWeighting } from './participation.ts';
import type { ScoreGraph } from './score-graph.ts';
import type { MatchMode } from './types.ts';

/** Solver outcome on indices. */
export interface GraphSolution {
  /** Mentor index per mentee, -1 = unmatched. */
  mentorOf: Int32Array;
  /** Fair mode floor (bottleneck optimum). */
  floor?: number | null;
  /** Pricing rounds used by the last exact solve. */
  rounds: number;
}

/** Solves the graph exactly under the given mode. */
export function solveGraph(g: ScoreGraph, mode: MatchMode, tuning?: SolveTuning): GraphSolution {
  if (mode === 'fair') return solveFair(g, tuning);
  const wt = mode === 'participation' ? participationWeighting(g) : optimalWeighting(g);
  return solveAssignment(g, wt, tuning);
}
