// Profile entry points: profiles -> compatibility scores -> exact solve -> result with explanations and
// per-person issues (score tables: score-table.ts; typed matrices: score-matrix.ts).
// Per-person data problems never throw; only an impossible hard constraint (a pin) does.

import { CONSTRAINTS, type Constraint, explainPair, pairScoreOf, prepareCompatibility, violatedConstraint } from './compatibility.ts';
import { MatchingError } from './errors.ts';
import { capacityOf, checkMode, finish, unmatchedReason } from './result.ts';
import { type RematchOptions, rematchGraph, withDepartures } from './rematch.ts';
import type { ScoreMatrix } from './score-matrix.ts';
import { denseGraph, FORBIDDEN, type ScoreGraph } from './score-graph.ts';
import { type GraphSolution, solveGraph } from './solve.ts';
import { blockingPairs } from './stability.ts';
import type { Assignment, MatchIssue, MatchMode, MatchOptions, MatchResult, MenteeProfile, MentorProfile, PinnedPair, Unmatched } from './types.ts';

/** Input of matchMentors. */
export interface MatchInput {
  /** People looking for a mentor. */
  mentees: MenteeProfile[];
  /** People offering mentoring, with capacities. */
  mentors: MentorProfile[];
}

/** Keeps the first person of each id; later duplicates are reported and left out. */
function dedupe<T extends { id: string }>(people: T[], side: 'mentee' | 'mentor', issues: MatchIssue[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  people.forEach((p, row) => {
    const id = typeof p?.id === 'string' ? p.id.trim() : '';
    if (id === '') {
      issues.push({ side, id: `#${row + 1}`, code: 'DUPLICATE_ID', message: `row ${row + 1} has no id; left out` });
    } else if (seen.has(id)) {
      issues.push({ side, id, code: 'DUPLICATE_ID', message: `id "${id}" appears more than once; only the first is used` });
    } else {
      seen.add(id);
      out.push({ ...p, id });
    }
  });
  return out;
}

/** Scores, constraints and pins of a profile input, ready for any solve. */
interface ProfileProblem {
  mentees: MenteeProfile[];
  mentors: MentorProfile[];
  ctx: ReturnType<typeof prepareCompatibility>;
  g: ScoreGraph;
  scores: Int32Array;
  excluded: Map<number, Map<Constraint, number>>;
  pins: Map<number, number>;
  issues: MatchIssue[];
  input: MatchInput;
}

function buildProfileProblem(input: MatchInput, options: MatchOptions): ProfileProblem {
  if (!input || !Array.isArray(input.mentees) || !Array.isArray(input.mentors)) {
    throw new MatchingError('INVALID_INPUT', 'input needs mentees[] and mentors[]');
  }
  const issues: MatchIssue[] = [];
  const mentees = dedupe(input.mentees, 'mentee', issues);
  const mentors = dedupe(input.mentors, 'mentor', issues);
  const capacity = Int32Array.from(mentors.map((p) => capacityOf(p.id, p.capacity, issues)));
  reportSkills(mentees, mentors, options, issues);
  const clean = options.knownSkills ? withKnownSkills(mentees, mentors, options.knownSkills) : { mentees, mentors };
  const ctx = prepareCompatibility(clean.mentees, clean.mentors, options);
  const n = mentees.length;
  const m = mentors.length;
  const scores = new Int32Array(n * m);
  const excluded = new Map<number, Map<Constraint, number>>();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const why = violatedConstraint(ctx, i, j);
      if (why === null) scores[i * m + j] = pairScoreOf(ctx, i, j);
      else {
        scores[i * m + j] = FORBIDDEN;
        const c = excluded.get(i) ?? new Map<Constraint, number>();
        excluded.set(i, c);
        c.set(why, (c.get(why) ?? 0) + 1);
      }
    }
  }
  const menteeIndex = new Map(mentees.map((p, i) => [p.id, i]));
  const mentorIndex = new Map(mentors.map((p, j) => [p.id, j]));
  const pins = applyPins(options, menteeIndex, mentorIndex, scores, capacity, n, m, (i, j) => violatedConstraint(ctx, i, j));
  return { mentees, mentors, ctx, g: denseGraph(n, m, scores, capacity), scores, excluded, pins, issues, input };
}

/** Turns index-level mentorOf into the public result: explanations, reasons, issues, stability. */
function present(pp: ProfileProblem, mode: MatchMode, sol: GraphSolution, options: MatchOptions): MatchResult {
  const { mentees, mentors, ctx, g, scores, excluded, pins, issues } = pp;
  const n = mentees.length;
  const m = mentors.length;
  for (const [i, j] of pins) sol.mentorOf[i] = j;
  const explainTop = options.explainTop ?? 3;
  const assignments: Assignment[] = [];
  for (let i = 0; i < n; i++) {
    const j = sol.mentorOf[i];
    if (j < 0) continue;
    assignments.push({
      mentee: mentees[i].id,
      mentor: mentors[j].id,
      score: pairScoreOf(ctx, i, j),
      explanation: explainPair(ctx, i, j, explainTop),
    });
  }
  const unmatched: Unmatched[] = [];
  for (let i = 0; i < n; i++) {
    if (sol.mentorOf[i] >= 0) continue;
    const u = unmatchedReason(g, i, mode, pins.has(i));
    if (u.reason === 'NO_FEASIBLE_MENTOR') {
      const counts = excluded.get(i);
      const zero = mentors.filter((_, j) => g.capacity[j] === 0 && scores[i * m + j] !== FORBIDDEN).length;
      const parts = CONSTRAINTS.filter((c) => counts?.get(c)).map((c) => `${counts?.get(c)} ${c}`);
      if (zero > 0) parts.push(`${zero} ZERO_CAPACITY`);
      u.detail = m === 0 ? 'no mentors' : `every mentor is excluded: ${parts.join(', ')}`;
      issues.push({ side: 'mentee', id: mentees[i].id, code: 'NO_FEASIBLE_MENTOR', message: u.detail });
    }
    unmatched.push({ mentee: mentees[i].id, ...u });
  }
  if (pp.input.mentees.length > mentees.length) {
    for (const p of duplicatesOf(pp.input.mentees, mentees)) {
      unmatched.push({ mentee: p, reason: 'INVALID_PROFILE', detail: 'duplicate id or missing id' });
    }
  }
  const result = finish(mode, assignments, unmatched, issues, sol);
  const report = blockingPairs(g, sol.mentorOf);
  result.stability = {
    blockingPairs: report.count,
    examples: report.examples.map((e) => ({ mentee: mentees[e.mentee].id, mentor: mentors[e.mentor].id, gain: e.gain })),
  };
  return result;
}

/** Finds the optimal mentor for every mentee from profiles, under `options.mode`. */
export function matchMentors(input: MatchInput, options: MatchOptions = {}): MatchResult {
  const mode = checkMode(options.mode);
  const pp = buildProfileProblem(input, options);
  return present(pp, mode, solveGraph(pp.g, mode), options);
}

/**
 * Re-matches after joins/leaves: `previous` pairs whose people are still present are kept (see rematch.ts),
 * freed capacity goes to newcomers and orphans. `changes` counts pairs lost to departures as changed.
 */
export function rematchMentors(
  previous: PinnedPair[],
  input: MatchInput,
  options: MatchOptions & Pick<RematchOptions, 'keepBonus'> = {},
): MatchResult {
  const mode = checkMode(options.mode);
  const pp = buildProfileProblem(input, options);
  const menteeIndex = new Map(pp.mentees.map((p, i) => [p.id, i]));
  const mentorIndex = new Map(pp.mentors.map((p, j) => [p.id, j]));
  const prev = new Int32Array(pp.mentees.length).fill(-1);
  let departed = 0;
  for (const pair of previous) {
    const i = menteeIndex.get(pair.mentee);
    const j = mentorIndex.get(pair.mentor);
    if (i === undefined || j === undefined) departed++;
    else if (!pp.pins.has(i)) prev[i] = j; // a pin overrides the previous pair and is not counted as a change
  }
  const { mentorOf, changes } = rematchGraph(pp.g, prev, { mode, keepBonus: options.keepBonus });
  const result = present(pp, mode, { mentorOf, rounds: 0 }, options);
  result.changes = withDepartures(changes, departed);
  return result;
}

function duplicatesOf(all: { id: string }[], kept: { id: string }[]): string[] {
  const keptCount = new Map<string, number>();
  for (const p of kept) keptCount.set(p.id, 1);
  const out: string[] = [];
  all.forEach((p, row) => {
    const id = typeof p?.id === 'string' ? p.id.trim() : '';
    if (id === '') out.push(`#${row + 1}`);
    else if (keptCount.get(id) === 1) keptCount.set(id, 0);
    else out.push(id);
  });
  return out;
}

/** Reports catalogue-unknown skills and wanted skills no mentor offers (both are per-person issues). */
function reportSkills(mentees: MenteeProfile[], mentors: MentorProfile[], options: MatchOptions, issues: MatchIssue[]): void {
  const known = options.knownSkills ? new Set(options.knownSkills.map((s) => s.trim().toLowerCase())) : null;
  const offered = new Set<string>();
  for (const p of mentors) {
    for (const s of p.skillsHave ?? []) {
      const k = s.skill.trim().toLowerCase();
      if (known && !known.has(k)) issues.push({ side: 'mentor', id: p.id, code: 'UNKNOWN_SKILL', message: `skill "${s.skill}" is not in the catalogue; ignored` });
      else offered.add(k);
    }
  }
  for (const p of mentees) {
    for (const s of p.skillsWant ?? []) {
      const k = s.skill.trim().toLowerCase();
      if (known && !known.has(k)) issues.push({ side: 'mentee', id: p.id, code: 'UNKNOWN_SKILL', message: `skill "${s.skill}" is not in the catalogue; ignored` });
      else if (!offered.has(k)) issues.push({ side: 'mentee', id: p.id, code: 'SKILL_NOT_OFFERED', message: `no mentor offers "${s.skill}"` });
    }
  }
}

function withKnownSkills(mentees: MenteeProfile[], mentors: MentorProfile[], catalogue: string[]) {
  const known = new Set(catalogue.map((s) => s.trim().toLowerCase()));
  const keep = (s: { skill: string }) => known.has(s.skill.trim().toLowerCase());
  return {
    mentees: mentees.map((p) => ({ ...p, skillsWant: p.skillsWant?.filter(keep) })),
    mentors: mentors.map((p) => ({ ...p, skillsHave: p.skillsHave?.filter(keep) })),
  };
}

/**
 * Validates and applies pinned pairs: the mentee leaves the solve (its row is forbidden) and the mentor's
 * capacity shrinks. A pin that breaks a hard constraint throws, naming that constraint.
 */
function applyPins(
  options: MatchOptions,
  menteeIndex: Map<string, number>,
  mentorIndex: Map<string, number>,
  scores: Int32Array,
  capacity: Int32Array,
  n: number,
  m: number,
  constraintOf: (i: number, j: number) => string | null,
): Map<number, number> {
  const pins = new Map<number, number>();
  for (const pin of options.pinnedPairs ?? []) {
    const i = menteeIndex.get(pin.mentee);
    const j = mentorIndex.get(pin.mentor);
    const fail = (constraint: string, why: string): never => {
      throw new MatchingError('INFEASIBLE_CONSTRAINT', `pinned pair ${pin.mentee} -> ${pin.mentor}: ${why}`, { constraint, ...pin });
    };
    if (i === undefined || j === undefined) fail('UNKNOWN_PERSON', 'unknown mentee or mentor id');
    const ii = i as number;
    const jj = j as number;
    if (pins.has(ii)) fail('PINNED_TWICE', 'mentee is pinned more than once');
    const c = constraintOf(ii, jj);
    if (c !== null) fail(c, `violates hard constraint ${c}`);
    if (capacity[jj] <= 0) fail('CAPACITY', 'mentor has no capacity left for this pin');
    pins.set(ii, jj);
    capacity[jj]--;
    for (let q = 0; q < m; q++) scores[ii * m + q] = FORBIDDEN;
  }
  void n;
  return pins;
}

/** Compatibility scores of a profile input as a dense matrix (FORBIDDEN_SCORE for ruled-out pairs), e.g. for previews and benchmarks. */
export function scoreMatrixFromProfiles(input: MatchInput, options: MatchOptions = {}): ScoreMatrix & { menteeIds: string[]; mentorIds: string[] } {
  const pp = buildProfileProblem(input, { ...options, pinnedPairs: [] });
  return {
    n: pp.mentees.length,
    m: pp.mentors.length,
    scores: pp.scores,
    capacities: pp.g.capacity,
    menteeIds: pp.mentees.map((p) => p.id),
    mentorIds: pp.mentors.map((p) => p.id),
  };
}
