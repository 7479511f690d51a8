// Public data shapes of the matching engine. Plain JSON-friendly objects so the server and the CLI
// can pass them through unchanged; typed arrays stay internal (see score-graph.ts).

/** Which objective the solver optimises. */
export type MatchMode =
  | 'optimal' // maximise the total score (then, among equal totals, the number matched)
  | 'fair' // maximise the worst-off matched mentee's score among maximum-cardinality matchings, then the total
  | 'participation'; // match as many mentees as possible, then maximise the total

/** A skill with a proficiency level (1 = basic … 5 = expert). */
export interface SkillLevel {
  /** Skill name, compared case-insensitively. */
  skill: string;
  /** Proficiency 1–5; a wanted skill's level is the level the mentee aims for. */
  level: number;
}

/** Fields shared by mentees and mentors. */
export interface PersonProfile {
  /** Unique id within its side. */
  id: string;
  /** Department (function); cross-department pairs score higher when preferred. */
  department?: string;
  /** Team; with `forbidSameTeam` a mentee is never matched inside their own team. */
  team?: string;
  /** Id of this person's manager; a mentee is never matched with their own manager. */
  managerId?: string;
  /** Seniority level, e.g. 1 (junior) … 8 (executive). */
  seniority?: number;
  /** UTC offset in hours, e.g. -5 or 5.5. */
  timezone?: number;
  /** Weekly availability slots such as "mon-am", compared case-insensitively. */
  availability?: string[];
}

/** A person who wants guidance. */
export interface MenteeProfile extends PersonProfile {
  /** Skills the mentee wants to grow, with target level. */
  skillsWant?: SkillLevel[];
  /** Goals/topics, e.g. "leadership", "career-change". */
  goals?: string[];
  /** Whether the mentee prefers a mentor from another department (default true: new cross-functional ties). */
  preferOtherDepartment?: boolean;
  /** Preferred seniority gap [min, max] in levels above the mentee (default [1, 2]). */
  seniorityGap?: [number, number];
}

/** A person who offers guidance. */
export interface MentorProfile extends PersonProfile {
  /** Skills offered, with level. */
  skillsHave?: SkillLevel[];
  /** Topics/goals the mentor can support. */
  topics?: string[];
  /** Maximum number of mentees; 0 means not taking mentees now. */
  capacity: number;
}

/** Weights (relative, any non-negative numbers) of the compatibility factors. */
export interface CompatibilityWeights {
  /** Coverage of the mentee's wanted skills by the mentor's skills. */
  skills: number;
  /** Overlap of mentee goals with mentor topics. */
  goals: number;
  /** Departments differ (or match, when the mentee prefers the same one). */
  department: number;
  /** Seniority gap inside the mentee's preferred range. */
  seniority: number;
  /** Shared working hours across time zones (beyond the hard minimum). */
  timezone: number;
  /** Shared weekly availability slots. */
  availability: number;
}

/** A pair fixed by an admin before solving (preview → edit → re-run). */
export interface PinnedPair {
  /** Mentee id. */
  mentee: string;
  /** Mentor id. */
  mentor: string;
}

/** Options of `matchMentors`. */
export interface MatchOptions {
  /** Objective (default 'optimal'). */
  mode?: MatchMode;
  /** Never pair people of the same team (hard constraint). */
  forbidSameTeam?: boolean;
  /** Minimum shared working hours (hard constraint, default 2). */
  minOverlapHours?: number;
  /** Working day in local hours [start, end) used for overlap (default [9, 17]). */
  workingHours?: [number, number];
  /** Factor weights (default: skills 40, goals 20, seniority 15, department 10, availability 10, timezone 5). */
  weights?: Partial<CompatibilityWeights>;
  /** Known skill catalogue; skills outside it are reported as UNKNOWN_SKILL and ignored. */
  knownSkills?: string[];
  /** Explicitly forbidden pairs (hard). */
  forbiddenPairs?: PinnedPair[];
  /** Pairs that must be in the result (hard); an impossible pin throws MatchingError INFEASIBLE_CONSTRAINT. */
  pinnedPairs?: PinnedPair[];
  /** How many explanation factors to attach to each match (default 3). */
  explainTop?: number;
}

/** One factor's contribution to a pair's score. */
export interface FactorContribution {
  /** Factor name. */
  factor: keyof CompatibilityWeights;
  /** Points this factor contributed (score scale 0–1000). */
  points: number;
  /** Human-readable reason, e.g. "covers 2 of 3 wanted skills (sql, python)". */
  reason: string;
}

/** One mentee–mentor pair of the result. */
export interface Assignment {
  /** Mentee id. */
  mentee: string;
  /** Mentor id. */
  mentor: string;
  /** Pair score (0–1000 for profile matching; the given score for score tables). */
  score: number;
  /** Top contributing factors, best first (profile matching only). */
  explanation?: FactorContribution[];
}

/** Why a mentee is not matched. */
export type UnmatchedReason =
  | 'NO_FEASIBLE_MENTOR' // every mentor is excluded by a hard constraint or has capacity 0
  | 'NO_CAPACITY' // feasible mentors exist but their capacity went to others
  | 'NOT_BENEFICIAL' // optimal mode only: every feasible pair has a negative score
  | 'INVALID_PROFILE'; // the profile itself was rejected (e.g. duplicate id)

/** A mentee left without a mentor, with the reason. */
export interface Unmatched {
  /** Mentee id. */
  mentee: string;
  /** Reason code. */
  reason: UnmatchedReason;
  /** Human-readable detail (which constraints excluded the mentors). */
  detail?: string;
}

/** Codes of per-person data problems that do not stop the run. */
export type IssueCode =
  | 'DUPLICATE_ID'
  | 'ZERO_CAPACITY'
  | 'INVALID_CAPACITY'
  | 'UNKNOWN_SKILL'
  | 'SKILL_NOT_OFFERED'
  | 'UNKNOWN_PERSON'
  | 'INVALID_SCORE'
  | 'NO_FEASIBLE_MENTOR';

/** A per-person data problem found while reading the input. */
export interface MatchIssue {
  /** Which side the person is on. */
  side: 'mentee' | 'mentor';
  /** Person id (or the row label when the id is missing). */
  id: string;
  /** Problem code. */
  code: IssueCode;
  /** Human-readable detail. */
  message: string;
}

/** Result of a matching run. */
export interface MatchResult {
  /** Mode that produced this result. */
  mode: MatchMode;
  /** Pairs, sorted by mentee id. */
  assignments: Assignment[];
  /** Sum of the assignment scores. */
  total: number;
  /** Lowest score among matched mentees (null when nobody is matched). */
  minScore: number | null;
  /** Mentees without a mentor, with reasons. */
  unmatched: Unmatched[];
  /** Per-person data problems. */
  issues: MatchIssue[];
  /** Fair mode: the bottleneck floor every matched mentee reaches. */
  floor?: number;
  /** Blocking pairs (both sides rank by the pair score): people who would rather pair up differently. */
  stability?: {
    /** Number of blocking pairs. */
    blockingPairs: number;
    /** The largest-gain blocking pairs. */
    examples: { mentee: string; mentor: string; gain: number }[];
  };
  /** Rematch only: what happened to the previous pairs. */
  changes?: { kept: number; changed: number; changedShare: number; added: number };
}

/** A given score table (CLI --scores): listed pairs are the only allowed ones. */
export interface ScoreTable {
  /** Rows of the table. */
  pairs: { mentee: string; mentor: string; score: number }[];
  /** Mentor capacities. */
  capacities: { mentor: string; capacity: number }[];
}
