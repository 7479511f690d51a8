// Exhaustive reference solver for tiny instances (tests only): enumerates every capacitated matching.

import { FORBIDDEN } from './score-graph.ts';

/** Objective values of the best solutions under each mode. */
export interface BruteOptimum {
  /** Max total score. */
  total: number;
  /** Max number matched. */
  maxCard: number;
  /** Max total among max-cardinality matchings. */
  participationTotal: number;
  /** Bottleneck optimum among max-cardinality matchings (null if nobody matchable). */
  floor: number | null;
  /** Max total among max-cardinality matchings with every score >= floor. */
  fairTotal: number;
}

/** Enumerates all matchings of an n×m dense score matrix (FORBIDDEN = not allowed). */
export function bruteForce(n: number, m: number, S: ArrayLike<number>, cap: ArrayLike<number>): BruteOptimum {
  const load = new Array(m).fill(0);
  const all: { total: number; card: number; min: number }[] = [];
  const rec = (i: number, total: number, card: number, min: number): void => {
    if (i === n) {
      all.push({ total, card, min });
      return;
    }
    rec(i + 1, total, card, min);
    for (let j = 0; j < m; j++) {
      const s = S[i * m + j];
      if (s === FORBIDDEN || load[j] >= cap[j]) continue;
      load[j]++;
      rec(i + 1, total + s, card + 1, Math.min(min, s));
      load[j]--;
    }
  };
  rec(0, 0, 0, Infinity);
  const total = Math.max(...all.map((x) => x.total));
  const maxCard = Math.max(...all.map((x) => x.card));
  const full = all.filter((x) => x.card === maxCard);
  const participationTotal = Math.max(...full.map((x) => x.total));
  const floor = maxCard === 0 ? null : Math.max(...full.map((x) => x.min));
  const fairTotal = Math.max(...full.filter((x) => floor === null || x.min >= floor).map((x) => x.total));
  return { total, maxCard, participationTotal, floor, fairTotal };
}
