// Shared result plumbing of the entry points: mode check, capacity validation, unmatched reasons, totals.

import { MatchingError } from './errors.ts';
import { FORBIDDEN, type ScoreGraph } from './score-graph.ts';
import type { GraphSolution } from './solve.ts';
import type { Assignment, MatchIssue, MatchMode, MatchResult, Unmatched } from './types.ts';

/** Accepted modes. */
const MODES: MatchMode[] = ['optimal', 'fair', 'participation'];

/** Validates a mode name (default 'optimal'). */
export function checkMode(mode: string | undefined): MatchMode {
  const m = (mode ?? 'optimal') as MatchMode;
  if (!MODES.includes(m)) throw new MatchingError('INVALID_INPUT', `unknown mode "${mode}"`, { mode });
  return m;
}

/** Capacity as a non-negative integer; bad values become 0 and are reported. */
export function capacityOf(id: string, raw: unknown, issues: MatchIssue[]): number {
  const c = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(c) || c < 0) {
    issues.push({ side: 'mentor', id, code: 'INVALID_CAPACITY', message: `capacity "${String(raw)}" is not a whole number >= 0; treated as 0` });
    return 0;
  }
  if (c === 0) issues.push({ side: 'mentor', id, code: 'ZERO_CAPACITY', message: 'capacity 0: not taking mentees' });
  return c;
}

/** Sorts assignments, sums the total (in scaled integers, then unscaled) and attaches the fair floor. */
export function finish(mode: MatchMode, assignments: Assignment[], unmatched: Unmatched[], issues: MatchIssue[], sol: GraphSolution, scale = 1): MatchResult {
  assignments.sort((a, b) => (a.mentee < b.mentee ? -1 : a.mentee > b.mentee ? 1 : 0));
  let total = 0;
  let minScore: number | null = null;
  for (const a of assignments) {
    total += Math.round(a.score * scale);
    minScore = minScore === null ? a.score : Math.min(minScore, a.score);
  }
  const result: MatchResult = { mode, assignments, total: total / scale, minScore, unmatched, issues };
  if (mode === 'fair' && sol.floor !== undefined && sol.floor !== null) result.floor = sol.floor / scale;
  return result;
}

/** Why mentee i stayed unmatched, from its row of the graph. */
export function unmatchedReason(g: ScoreGraph, i: number, mode: MatchMode, pinned: boolean): Omit<Unmatched, 'mentee'> {
  if (pinned) return { reason: 'NO_CAPACITY' };
  let feasible = 0;
  let positive = 0;
  for (let p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) {
    const s = g.scores[p];
    const j = g.cols === null ? p - g.rowStart[i] : g.cols[p];
    if (s === FORBIDDEN || g.capacity[j] <= 0) continue;
    feasible++;
    if (s >= 0) positive++;
  }
  if (feasible === 0) return { reason: 'NO_FEASIBLE_MENTOR' };
  if (mode === 'optimal' && positive === 0) return { reason: 'NOT_BENEFICIAL', detail: 'every feasible pair has a negative score' };
  return { reason: 'NO_CAPACITY', detail: `${feasible} feasible mentor(s), all taken by better-fitting mentees` };
}

