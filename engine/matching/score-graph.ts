// Internal pair-score storage on typed arrays: dense (every mentee × mentor cell, FORBIDDEN marks a
// disallowed pair) for generated or profile-derived scores, CSR for sparse score tables. One layout with
// a nullable column array keeps every hot loop monomorphic.

/** Sentinel score of a disallowed pair in dense storage. */
export const FORBIDDEN = -2147483648;

/** Largest accepted |score|; keeps scaled internal weights exact in float64. */
export const MAX_ABS_SCORE = 1_000_000_000;

/** Mentee rows of allowed (mentor, integer score) pairs plus mentor capacities. */
export interface ScoreGraph {
  /** Number of mentees (rows). */
  readonly n: number;
  /** Number of mentors (columns). */
  readonly m: number;
  /** Capacity of each mentor. */
  readonly capacity: Int32Array;
  /** Row i's pairs are at positions rowStart[i] .. rowStart[i+1]-1. */
  readonly rowStart: Int32Array | Float64Array;
  /** Mentor of each position; null means dense (position - rowStart[i] is the mentor). */
  readonly cols: Int32Array | null;
  /** Integer score of each position (FORBIDDEN = not allowed; only in dense graphs). */
  readonly scores: Int32Array;
}

/** Wraps an n×m row-major score matrix (FORBIDDEN for disallowed pairs) without copying it. */
export function denseGraph(n: number, m: number, scores: Int32Array, capacity: Int32Array): ScoreGraph {
  // Float64 offsets: n*m may exceed 2^31 only in absurd inputs, but costs nothing to be safe.
  const rowStart = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) rowStart[i] = i * m;
  return { n, m, capacity, rowStart, cols: null, scores };
}

/** Builds a CSR graph from (mentee, mentor, score) triples; later duplicates of a pair are ignored by the caller. */
export function sparseGraph(
  n: number,
  m: number,
  mentee: Int32Array,
  mentor: Int32Array,
  score: Int32Array,
  capacity: Int32Array,
): ScoreGraph {
  const count = new Int32Array(n + 1);
  for (let k = 0; k < mentee.length; k++) count[mentee[k] + 1]++;
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const rowStart = Int32Array.from(count);
  const fill = count.slice(0, n);
  const cols = new Int32Array(mentee.length);
  const scores = new Int32Array(mentee.length);
  for (let k = 0; k < mentee.length; k++) {
    const p = fill[mentee[k]]++;
    cols[p] = mentor[k];
    scores[p] = score[k];
  }
  return { n, m, capacity, rowStart, cols, scores };
}

/** Calls visit(mentor, score) for every allowed pair of mentee i with score >= floor and capacity > 0. */
export function forEachPair(g: ScoreGraph, i: number, floor: number, visit: (j: number, s: number) => void): void {
  const start = g.rowStart[i];
  const end = g.rowStart[i + 1];
  const { cols, scores, capacity } = g;
  for (let p = start; p < end; p++) {
    const s = scores[p];
    if (s === FORBIDDEN || s < floor) continue;
    const j = cols === null ? p - start : cols[p];
    if (capacity[j] > 0) visit(j, s);
  }
}

/** Score of pair (i, j), or FORBIDDEN when not allowed (O(1) dense, O(degree) sparse). */
export function pairScore(g: ScoreGraph, i: number, j: number): number {
  const start = g.rowStart[i];
  if (g.cols === null) return g.scores[start + j];
  const end = g.rowStart[i + 1];
  for (let p = start; p < end; p++) if (g.cols[p] === j) return g.scores[p];
  return FORBIDDEN;
}

/** Sorted distinct allowed scores (thresholds for the bottleneck search); one typed pass, no callbacks. */
export function distinctScores(g: ScoreGraph): number[] {
  const { scores, capacity, cols, rowStart, n } = g;
  const seen = new Set<number>();
  let last = FORBIDDEN;
  for (let i = 0; i < n; i++) {
    const start = rowStart[i];
    for (let p = start; p < rowStart[i + 1]; p++) {
      const s = scores[p];
      // Consecutive repeats are common (dense rows of similar scores); skipping them saves Set lookups.
      if (s === FORBIDDEN || s === last || capacity[cols === null ? p - start : cols[p]] <= 0) continue;
      last = s;
      seen.add(s);
    }
  }
  return [...seen].sort((x, y) => x - y);
}
