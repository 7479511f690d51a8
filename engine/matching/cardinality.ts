// Maximum-cardinality capacitated matching (no weights) by BFS augmenting paths in phases: the
// feasibility test of the fairness bottleneck search. Mentors visited in a failed search stay visited for
// the rest of the phase (Kuhn's trick), and phases repeat until one augments nothing.

import { FORBIDDEN, type ScoreGraph } from './score-graph.ts';

/** A matching as mentor index per mentee (-1 = unmatched) and its size. */
export interface Cardinality {
  /** Mentor per mentee or -1. */
  mentorOf: Int32Array;
  /** Number of matched mentees. */
  size: number;
}

/** Largest matching using only pairs with score >= floor, grown from `init` (pairs below floor are dropped). */
export function maxCardinality(g: ScoreGraph, floor: number, init?: Int32Array): Cardinality {
  const { n, m, capacity, rowStart, cols, scores } = g;
  const mentorOf = new Int32Array(n).fill(-1);
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j] + Math.max(0, capacity[j]);
  const slot = new Int32Array(slotStart[m]);
  const slotOf = new Int32Array(n);
  const load = new Int32Array(m);
  const place = (i: number, j: number): void => {
    const s = slotStart[j] + load[j]++;
    slot[s] = i;
    slotOf[i] = s;
    mentorOf[i] = j;
  };
  const unplace = (i: number): void => {
    const j = mentorOf[i];
    const last = slotStart[j] + --load[j];
    const moved = slot[last];
    slot[slotOf[i]] = moved;
    slotOf[moved] = slotOf[i];
    mentorOf[i] = -1;
  };
  const scoreAt = (i: number, j: number): number => {
    const start = rowStart[i];
    if (cols === null) return scores[start + j];
    for (let p = start; p < rowStart[i + 1]; p++) if (cols[p] === j) return scores[p];
    return FORBIDDEN;
  };
  let size = 0;
  if (init) {
    for (let i = 0; i < n; i++) {
      const j = init[i];
      if (j < 0 || load[j] >= capacity[j]) continue;
      const s = scoreAt(i, j);
      if (s !== FORBIDDEN && s >= floor) {
        place(i, j);
        size++;
      }
    }
  }
  const seen = new Int32Array(m);
  const parent = new Int32Array(m); // mentee that discovered each mentor
  const queue = new Int32Array(n);
  let phase = 0;
  for (;;) {
    phase++;
    let grew = false;
    for (let root = 0; root < n; root++) {
      if (mentorOf[root] >= 0) continue;
      let head = 0;
      let tail = 0;
      queue[tail++] = root;
      let found = -1;
      search: while (head < tail) {
        const u = queue[head++];
        const start = rowStart[u];
        const end = rowStart[u + 1];
        for (let p = start; p < end; p++) {
          const s = scores[p];
          if (s === FORBIDDEN || s < floor) continue;
          const j = cols === null ? p - start : cols[p];
          if (seen[j] === phase || capacity[j] <= 0) continue;
          seen[j] = phase;
          parent[j] = u;
          if (load[j] < capacity[j]) {
            found = j;
            break search;
          }
          for (let q = slotStart[j]; q < slotStart[j] + load[j]; q++) queue[tail++] = slot[q];
        }
      }
      if (found < 0) continue;
      // Walk back: each mentee moves to the mentor that discovered it, freeing its old slot for the previous one.
      let j = found;
      for (;;) {
        const i = parent[j];
        const old = mentorOf[i];
        if (old >= 0) unplace(i);
        place(i, j);
        if (i === root) break;
        j = old;
      }
      size++;
      grew = true;
    }
    if (!grew) return { mentorOf, size };
  }
}
