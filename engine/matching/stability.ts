// Stability report: with one score per pair ranking both sides, pair (i, j) blocks a matching when the
// mentee would gain by switching to j and j has a free slot or a worse-scoring current mentee.
// The optimal assignment is usually unstable (it trades individual wishes for the total); the report
// tells admins how many people would rather swap.

import { FORBIDDEN, type ScoreGraph } from './score-graph.ts';

/** Count of blocking pairs and the worst few, as indices. */
export interface BlockingReport {
  /** Number of blocking pairs. */
  count: number;
  /** Up to `limit` blocking pairs with the mentee's gain, largest gain first. */
  examples: { mentee: number; mentor: number; gain: number }[];
}

/** Finds all blocking pairs of `mentorOf` (-1 = unmatched) on graph g, in O(pairs). */
export function blockingPairs(g: ScoreGraph, mentorOf: Int32Array, limit = 10): BlockingReport {
  const { n, m, capacity, rowStart, cols, scores } = g;
  const load = new Int32Array(m);
  const own = new Float64Array(n).fill(-Infinity);
  const worst = new Float64Array(m).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const j = mentorOf[i];
    if (j < 0) continue;
    load[j]++;
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      if ((cols === null ? p - rowStart[i] : cols[p]) === j) own[i] = scores[p];
    }
    worst[j] = Math.min(worst[j], own[i]);
  }
  let count = 0;
  const examples: BlockingReport['examples'] = [];
  for (let i = 0; i < n; i++) {
    const start = rowStart[i];
    for (let p = start; p < rowStart[i + 1]; p++) {
      const s = scores[p];
      if (s === FORBIDDEN) continue;
      const j = cols === null ? p - start : cols[p];
      if (j === mentorOf[i] || capacity[j] <= 0 || s <= own[i]) continue;
      if (load[j] < capacity[j] || s > worst[j]) {
        count++;
        const gain = Number.isFinite(own[i]) ? s - own[i] : s;
        if (limit > 0 && (examples.length < limit || gain > examples[examples.length - 1].gain)) {
          examples.push({ mentee: i, mentor: j, gain });
          examples.sort((a, b) => b.gain - a.gain);
          if (examples.length > limit) examples.pop();
        }
      }
    }
  }
  return { count, examples };
}
