// Score-table entry point (CLI --scores): listed pairs are the only allowed ones.

import { capacityOf, checkMode, finish, unmatchedReason } from './result.ts';
import { MAX_ABS_SCORE, sparseGraph } from './score-graph.ts';
import { solveGraph } from './solve.ts';
import { blockingPairs } from './stability.ts';
import type { Assignment, MatchIssue, MatchMode, MatchResult, ScoreTable, Unmatched } from './types.ts';

/** Matches a given score table: only listed pairs are allowed; decimals are scaled to exact integers. */
export function matchScoreTable(table: ScoreTable, options: { mode?: MatchMode } = {}): MatchResult {
  const mode = checkMode(options.mode);
  const issues: MatchIssue[] = [];
  const mentorIndex = new Map<string, number>();
  const caps: number[] = [];
  for (const row of table.capacities) {
    const id = String(row.mentor ?? '').trim();
    if (id === '' || mentorIndex.has(id)) {
      issues.push({ side: 'mentor', id: id || '?', code: 'DUPLICATE_ID', message: `capacity for "${id}" given more than once or without id; first kept` });
      continue;
    }
    mentorIndex.set(id, caps.length);
    caps.push(capacityOf(id, row.capacity, issues));
  }
  const decimals = Math.min(6, Math.max(0, ...table.pairs.map((p) => decimalsOf(p.score))));
  const scale = 10 ** decimals;
  const menteeIndex = new Map<string, number>();
  const menteeIds: string[] = [];
  const seenPair = new Set<string>();
  const ti: number[] = [];
  const tj: number[] = [];
  const ts: number[] = [];
  const unknownMentor = new Set<string>();
  for (const p of table.pairs) {
    const a = String(p.mentee ?? '').trim();
    const b = String(p.mentor ?? '').trim();
    if (a === '') continue;
    let i = menteeIndex.get(a);
    if (i === undefined) {
      i = menteeIds.length;
      menteeIndex.set(a, i);
      menteeIds.push(a);
    }
    const j = mentorIndex.get(b);
    if (j === undefined) {
      if (!unknownMentor.has(b)) issues.push({ side: 'mentor', id: b, code: 'UNKNOWN_PERSON', message: `mentor "${b}" has no capacity row; its pairs are ignored` });
      unknownMentor.add(b);
      continue;
    }
    const key = `${i}:${j}`;
    if (seenPair.has(key)) {
      issues.push({ side: 'mentee', id: a, code: 'DUPLICATE_ID', message: `pair ${a},${b} listed more than once; first kept` });
      continue;
    }
    const s = Math.round(Number(p.score) * scale);
    if (!Number.isFinite(Number(p.score)) || Math.abs(s) > MAX_ABS_SCORE) {
      issues.push({ side: 'mentee', id: a, code: 'INVALID_SCORE', message: `score "${String(p.score)}" for ${a},${b} is not a usable number; pair ignored` });
      continue;
    }
    seenPair.add(key);
    ti.push(i);
    tj.push(j);
    ts.push(s);
  }
  const mentorIds = [...mentorIndex.keys()];
  const g = sparseGraph(menteeIds.length, mentorIds.length, Int32Array.from(ti), Int32Array.from(tj), Int32Array.from(ts), Int32Array.from(caps));
  const sol = solveGraph(g, mode);
  const assignments: Assignment[] = [];
  const unmatched: Unmatched[] = [];
  for (let i = 0; i < g.n; i++) {
    const j = sol.mentorOf[i];
    if (j >= 0) {
      let s = 0;
      for (let p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) if (g.cols?.[p] === j) s = g.scores[p];
      assignments.push({ mentee: menteeIds[i], mentor: mentorIds[j], score: s / scale });
    } else {
      const u = unmatchedReason(g, i, mode, false);
      if (u.reason === 'NO_FEASIBLE_MENTOR') {
        u.detail = 'every listed mentor has capacity 0 or no capacity row';
        issues.push({ side: 'mentee', id: menteeIds[i], code: 'NO_FEASIBLE_MENTOR', message: u.detail });
      }
      unmatched.push({ mentee: menteeIds[i], ...u });
    }
  }
  const result = finish(mode, assignments, unmatched, issues, sol, scale);
  const report = blockingPairs(g, sol.mentorOf);
  result.stability = {
    blockingPairs: report.count,
    examples: report.examples.map((e) => ({ mentee: menteeIds[e.mentee], mentor: mentorIds[e.mentor], gain: e.gain / scale })),
  };
  return result;
}

/** Decimal places of a number as written (scores are scaled by 10^decimals to exact integers). */
function decimalsOf(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return 0;
  const s = String(x);
  const e = s.indexOf('e-');
  if (e >= 0) return 7; // tiny values: capped at 6 by the caller, rounding the rest
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

