// Incremental re-matching after people join or leave, changing as few existing pairs as possible.
// Default ("keep"): every surviving pair is kept — the fewest changes possible — and only the freed
// capacity is solved exactly for newcomers and orphaned mentees (a problem of ~100 rows, so
// milliseconds). In participation mode, mentees still unmatched then get shortest augmenting paths
// (BFS), which move the fewest existing mentees per extra match. With a finite `keepBonus`, the
// whole pool is re-solved exactly with that bonus on existing pairs instead (a full solve's time).

import { maxCardinality } from './cardinality.ts';
import { denseGraph, FORBIDDEN, type ScoreGraph, sparseGraph } from './score-graph.ts';
import { solveGraph } from './solve.ts';
import type { MatchMode } from './types.ts';

/** How much to hold on to existing pairs. */
export interface RematchOptions {
  /** Objective for the freed capacity (default 'optimal'). */
  mode?: MatchMode;
  /** Score points added to each existing pair for a full exact re-solve; omit to keep every surviving pair. */
  keepBonus?: number;
}

/** Counts of what happened to the previous pairs. */
export interface RematchChanges {
  /** Previous pairs present unchanged. */
  kept: number;
  /** Previous pairs whose mentee now has another mentor or none (including forced by leaves). */
  changed: number;
  /** changed / previous pairs (0 when there were none). */
  changedShare: number;
  /** Mentees matched now who had no pair before (joiners, orphans re-placed count under changed). */
  added: number;
}

function scoreAt(g: ScoreGraph, i: number, j: number): number {
  if (g.cols === null) return g.scores[g.rowStart[i] + j];
  for (let p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) if (g.cols[p] === j) return g.scores[p];
  return FORBIDDEN;
}

/**
 * Re-matches on g given each mentee's previous mentor (`previous[i]`, -1 = none or gone), where the caller has
 * mapped ids to the new indices. Returns the new mentor per mentee and the change counts.
 */
export function rematchGraph(g: ScoreGraph, previous: Int32Array, options: RematchOptions = {}): { mentorOf: Int32Array; changes: RematchChanges } {
  const mode = options.mode ?? 'optimal';
  const { n, m, capacity } = g;
  let mentorOf: Int32Array;
  if (options.keepBonus !== undefined) {
    mentorOf = bonusSolve(g, previous, options.keepBonus, mode);
  } else {
    mentorOf = new Int32Array(n).fill(-1);
    // Keep surviving pairs; if a mentor's capacity shrank, keep its best-scoring mentees.
    const byMentor: number[][] = Array.from({ length: m }, () => []);
    for (let i = 0; i < n; i++) {
      const j = previous[i];
      if (j >= 0 && scoreAt(g, i, j) !== FORBIDDEN) byMentor[j].push(i);
    }
    const left = Int32Array.from(capacity, (c) => Math.max(0, c));
    for (let j = 0; j < m; j++) {
      const list = byMentor[j];
      if (list.length > left[j]) list.sort((a, b) => scoreAt(g, b, j) - scoreAt(g, a, j));
      for (const i of list.slice(0, left[j])) mentorOf[i] = j;
      left[j] -= Math.min(left[j], list.length);
    }
    // Residual problem: unkept mentees × mentors with room, as a sparse graph.
    const rows: number[] = [];
    const ti: number[] = [];
    const tj: number[] = [];
    const ts: number[] = [];
    for (let i = 0; i < n; i++) {
      if (mentorOf[i] >= 0) continue;
      const r = rows.length;
      rows.push(i);
      const start = g.rowStart[i];
      for (let p = start; p < g.rowStart[i + 1]; p++) {
        const s = g.scores[p];
        const j = g.cols === null ? p - start : g.cols[p];
        if (s === FORBIDDEN || left[j] <= 0) continue;
        ti.push(r);
        tj.push(j);
        ts.push(s);
      }
    }
    if (rows.length > 0) {
      const sub = sparseGraph(rows.length, m, Int32Array.from(ti), Int32Array.from(tj), Int32Array.from(ts), left);
      const sol = solveGraph(sub, mode);
      rows.forEach((i, r) => {
        mentorOf[i] = sol.mentorOf[r];
      });
      if (mode === 'participation') mentorOf = maxCardinality(g, -Infinity, mentorOf).mentorOf;
    }
  }
  let prevPairs = 0;
  let kept = 0;
  let added = 0;
  for (let i = 0; i < n; i++) {
    if (previous[i] >= 0) {
      prevPairs++;
      if (mentorOf[i] === previous[i]) kept++;
    } else if (mentorOf[i] >= 0) added++;
  }
  const changed = prevPairs - kept;
  return { mentorOf, changes: { kept, changed, changedShare: prevPairs === 0 ? 0 : changed / prevPairs, added } };
}

function bonusSolve(g: ScoreGraph, previous: Int32Array, bonus: number, mode: MatchMode): Int32Array {
  const { n, m } = g;
  // Dense copy with the bonus folded into existing pairs; the exact solve then trades changes against score.
  const scores = new Int32Array(n * m).fill(FORBIDDEN);
  for (let i = 0; i < n; i++) {
    const start = g.rowStart[i];
    for (let p = start; p < g.rowStart[i + 1]; p++) {
      const s = g.scores[p];
      if (s === FORBIDDEN) continue;
      const j = g.cols === null ? p - start : g.cols[p];
      scores[i * m + j] = j === previous[i] ? s + Math.round(bonus) : s;
    }
  }
  return solveGraph(denseGraph(n, m, scores, g.capacity), mode).mentorOf;
}

/**
 * Previous pairs count: callers that dropped leavers from `previous` pass their number here so the
 * changed share counts pairs lost to departures too.
 */
export function withDepartures(changes: RematchChanges, departedPairs: number): RematchChanges {
  const changed = changes.changed + departedPairs;
  const total = changes.kept + changed;
  return { ...changes, changed, changedShare: total === 0 ? 0 : changed / total };
}
