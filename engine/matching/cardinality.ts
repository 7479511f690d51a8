// Maximum-cardinality capacitated matching (no weights): the feasibility test of the fairness bottleneck
// search, by Hopcroft–Karp phases generalised to mentor capacities.

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
  // Hopcroft–Karp phases: BFS layers from all free mentees at once, then vertex-disjoint shortest
  // augmenting paths by DFS along the layers; O(sqrt(n)) phases, each one pass over the pairs.
  const layer = new Int32Array(n);
  const seen = new Int32Array(m);
  const queue = new Int32Array(n);
  const cursor = new Float64Array(n);
  let phase = 0;
  const dfs = (u: number, limit: number): boolean => {
    const end = rowStart[u + 1];
    const start = rowStart[u];
    for (let p = cursor[u]; p < end; p++) {
      const s = scores[p];
      if (s === FORBIDDEN || s < floor) continue;
      const j = cols === null ? p - start : cols[p];
      if (capacity[j] <= 0) continue;
      if (layer[u] === limit) {
        if (load[j] < capacity[j]) {
          cursor[u] = p;
          if (mentorOf[u] >= 0) unplace(u);
          place(u, j);
          return true;
        }
        continue;
      }
      for (let q = slotStart[j]; q < slotStart[j] + load[j]; q++) {
        const v = slot[q];
        if (layer[v] === layer[u] + 1 && dfs(v, limit)) {
          // v moved on, so j has room for u.
          cursor[u] = p;
          if (mentorOf[u] >= 0) unplace(u);
          place(u, j);
          return true;
        }
      }
    }
    cursor[u] = end;
    layer[u] = -1; // dead end for the rest of this phase
    return false;
  };
  for (;;) {
    phase++;
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      if (mentorOf[i] < 0) {
        layer[i] = 0;
        queue[tail++] = i;
      } else layer[i] = -1;
    }
    let limit = -1;
    while (head < tail) {
      const u = queue[head++];
      if (limit >= 0 && layer[u] >= limit) break;
      const start = rowStart[u];
      const end = rowStart[u + 1];
      for (let p = start; p < end; p++) {
        const s = scores[p];
        if (s === FORBIDDEN || s < floor) continue;
        const j = cols === null ? p - start : cols[p];
        if (seen[j] === phase || capacity[j] <= 0) continue;
        seen[j] = phase;
        if (load[j] < capacity[j]) {
          if (limit < 0) limit = layer[u];
          continue;
        }
        for (let q = slotStart[j]; q < slotStart[j] + load[j]; q++) {
          const v = slot[q];
          if (layer[v] < 0) {
            layer[v] = layer[u] + 1;
            queue[tail++] = v;
          }
        }
      }
    }
    if (limit < 0) return { mentorOf, size };
    for (let i = 0; i < n; i++) cursor[i] = rowStart[i];
    let grew = false;
    for (let i = 0; i < n; i++) {
      if (mentorOf[i] < 0 && layer[i] === 0 && dfs(i, limit)) {
        size++;
        grew = true;
      }
    }
    if (!grew) return { mentorOf, size };
  }
}
