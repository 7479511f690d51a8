// Dense typed-matrix entry points for benchmarks and large programs: no per-pair objects.

import { checkMode } from './result.ts';
import { type RematchOptions, rematchGraph } from './rematch.ts';
import { denseGraph } from './score-graph.ts';
import { solveGraph } from './solve.ts';
import { blockingPairs } from './stability.ts';
import { MatchingError } from './errors.ts';
import type { MatchMode } from './types.ts';

/** A dense integer score matrix (FORBIDDEN_SCORE = not allowed), as used by benchmarks and large programs. */
export interface ScoreMatrix {
  /** Mentees (rows). */
  n: number;
  /** Mentors (columns). */
  m: number;
  /** Row-major n×m integer scores. */
  scores: Int32Array;
  /** Capacity per mentor. */
  capacities: Int32Array;
}

/** Raw solution on indices: mentor per mentee (-1 unmatched), total, worst matched score, fair floor. */
export interface MatrixSolution {
  /** Mentor index per mentee, -1 = unmatched. */
  mentorOf: Int32Array;
  /** Sum of matched scores. */
  total: number;
  /** Lowest matched score (null if none). */
  minScore: number | null;
  /** Fair floor. */
  floor?: number | null;
  /** Pricing rounds of the exact solve (diagnostic). */
  rounds: number;
}

/** Solves a dense integer score matrix exactly under `mode` without building per-pair objects. */
export function matchScoreMatrix(matrix: ScoreMatrix, options: { mode?: MatchMode } = {}): MatrixSolution {
  const mode = checkMode(options.mode);
  const { n, m, scores, capacities } = matrix;
  if (scores.length !== n * m || capacities.length !== m) throw new MatchingError('INVALID_INPUT', 'matrix shape does not match n×m / m');
  const sol = solveGraph(denseGraph(n, m, scores, capacities), mode);
  let total = 0;
  let minScore: number | null = null;
  for (let i = 0; i < n; i++) {
    const j = sol.mentorOf[i];
    if (j < 0) continue;
    const s = scores[i * m + j];
    total += s;
    minScore = minScore === null ? s : Math.min(minScore, s);
  }
  return { mentorOf: sol.mentorOf, total, minScore, floor: sol.floor, rounds: sol.rounds };
}

/** Re-matches a dense matrix after joins/leaves given each mentee's previous mentor index (-1 = none). */
export function rematchScoreMatrix(
  matrix: ScoreMatrix,
  previous: Int32Array,
  options: RematchOptions = {},
): MatrixSolution & { changes: ReturnType<typeof rematchGraph>['changes'] } {
  const { n, m, scores, capacities } = matrix;
  const { mentorOf, changes } = rematchGraph(denseGraph(n, m, scores, capacities), previous, options);
  let total = 0;
  let minScore: number | null = null;
  for (let i = 0; i < n; i++) {
    const j = mentorOf[i];
    if (j < 0) continue;
    total += scores[i * m + j];
    minScore = minScore === null ? scores[i * m + j] : Math.min(minScore, scores[i * m + j]);
  }
  return { mentorOf, total, minScore, rounds: 0, changes };
}

/** Blocking pairs of a matrix solution (shared scores rank both sides). */
export function matrixBlockingPairs(matrix: ScoreMatrix, mentorOf: Int32Array): number {
  return blockingPairs(denseGraph(matrix.n, matrix.m, matrix.scores, matrix.capacities), mentorOf, 0).count;
}

