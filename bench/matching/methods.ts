// The compared methods on a score matrix: the engine's exact modes, greedy global sort and munkres on
// mentor slots (comparison only — munkres is a dev dependency and never used by the engine).

import munkres from 'munkres';
import { FORBIDDEN_SCORE, matchScoreMatrix, type ScoreMatrix } from '../../engine/matching/index.ts';

/** Greedy: pairs by descending score, take a pair when both sides still have room (counting sort on 0–1000). */
export function greedy(mx: ScoreMatrix): Int32Array {
  const { n, m, scores, capacities } = mx;
  let max = 0;
  for (let k = 0; k < n * m; k++) if (scores[k] > max) max = scores[k];
  const count = new Int32Array(max + 2);
  for (let k = 0; k < n * m; k++) if (scores[k] !== FORBIDDEN_SCORE && scores[k] >= 0) count[max - scores[k] + 1]++;
  for (let s = 0; s <= max; s++) count[s + 1] += count[s];
  const order = new Int32Array(count[max + 1]);
  for (let k = 0; k < n * m; k++) if (scores[k] !== FORBIDDEN_SCORE && scores[k] >= 0) order[count[max - scores[k]]++] = k;
  const mentorOf = new Int32Array(n).fill(-1);
  const left = Int32Array.from(capacities);
  for (const k of order) {
    const i = Math.floor(k / m);
    const j = k - i * m;
    if (mentorOf[i] < 0 && left[j] > 0) {
      mentorOf[i] = j;
      left[j]--;
    }
  }
  return mentorOf;
}

/** munkres on the mentee × slot cost matrix (cost = max - score; forbidden pairs cost +Infinity). */
export function viaMunkres(mx: ScoreMatrix): Int32Array {
  const { n, m, scores, capacities } = mx;
  const slotMentor: number[] = [];
  for (let j = 0; j < m; j++) for (let c = 0; c < capacities[j]; c++) slotMentor.push(j);
  let max = 0;
  for (let k = 0; k < n * m; k++) if (scores[k] > max) max = scores[k];
  const cost: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(slotMentor.length);
    for (let s = 0; s < slotMentor.length; s++) {
      const v = scores[i * m + slotMentor[s]];
      row[s] = v === FORBIDDEN_SCORE ? Number.POSITIVE_INFINITY : max - v;
    }
    cost.push(row);
  }
  const mentorOf = new Int32Array(n).fill(-1);
  for (const [i, s] of munkres(cost)) {
    const v = scores[i * m + slotMentor[s]];
    if (v !== FORBIDDEN_SCORE) mentorOf[i] = slotMentor[s];
  }
  return mentorOf;
}

/** Runs one method and returns mentor per mentee. */
export function runMethod(method: string, mx: ScoreMatrix): { mentorOf: Int32Array; rounds?: number; floor?: number | null } {
  switch (method) {
    case 'optimal':
    case 'fair':
    case 'participation': {
      const r = matchScoreMatrix(mx, { mode: method });
      return { mentorOf: r.mentorOf, rounds: r.rounds, floor: r.floor };
    }
    case 'greedy':
      return { mentorOf: greedy(mx) };
    case 'munkres':
      return { mentorOf: viaMunkres(mx) };
    default:
      throw new Error(`unknown method ${method}`);
  }
}
