// Public data shapes of the grouping engine. Ids are strings everywhere so callers never juggle indices.

/** A person to place; attributes drive mixing goals (any missing attribute never counts as "same"). */
export interface Person {
  /** Stable unique id (anonymous people are "1".."N"). */
  id: string;
  /** Department, team or function. */
  department?: string;
  /** Office, site or country. */
  location?: string;
  /** Seniority band, e.g. "junior". */
  seniority?: string;
  /** Time zone as a UTC offset in hours or an IANA-like label (only compared for equality here). */
  timezone?: string;
}

/** The attributes a mixing goal may name. */
export type MixingAttribute = 'department' | 'location' | 'seniority' | 'timezone';

/** How to size groups when the group size does not divide the head-count. */
export type UnevenPolicy = 'auto' | 'larger' | 'smaller';

/** A person pinned to a group index (0-based) in a round (0-based). */
export interface PreAssignment {
  /** Person id. */
  id: string;
  /** Round index, 0-based. */
  round: number;
  /** Group index inside that round, 0-based. */
  group: number;
}

/** A pair that already knows each other; weight > 0 says how strongly to avoid placing them together. */
export interface KnownPair {
  /** First person id. */
  a: string;
  /** Second person id. */
  b: string;
  /** Strength of the existing tie (default 1). */
  weight?: number;
}

/** A wish to spread an attribute's values over groups; weight scales it against the other mixing goals. */
export interface MixingGoal {
  /** Which attribute to mix. */
  attribute: MixingAttribute;
  /** Relative importance (default 1). */
  weight?: number;
}

/**
 * Ties the organization already has between two departments (a ≠ b), or within one (a = b): e.g. how many pairs of
 * their people interacted in the last year. Pairs not listed have none; a pair listed twice (either order) adds up.
 */
export interface DepartmentTies {
  /** One department (as in Person.department). */
  a: string;
  /** The other department (or the same one). */
  b: string;
  /** How many ties (a non-negative number). */
  ties: number;
}

/** Everything `formGroups` needs to know about the people and the rules. */
export interface GroupingInput {
  /** People to place; every id must be unique. */
  people: Person[];
  /** Target group size k (at least 2). */
  groupSize: number;
  /** Number of rounds R (at least 1). */
  rounds: number;
  /** Groups of k and k+1 ("larger"), k-1 and k ("smaller"), or whichever allows the rounds ("auto", default). */
  uneven?: UnevenPolicy;
  /** Pairs that must never share a group (hard). */
  neverTogether?: [string, string][];
  /** Sets that must share a group in every round (hard), e.g. learning partners. */
  keepTogether?: string[][];
  /** People pinned to a group in a round (hard). */
  preAssignments?: PreAssignment[];
  /** Pairs that already know each other: placed together only when nothing better exists. */
  knownPairs?: KnownPair[];
  /** Attributes to spread across groups; default: department when anyone has one. */
  mixing?: MixingGoal[];
  /** The organization's ties between departments: meetings of departments with few or none are preferred, strictly
   *  after repeat-avoidance, hard rules, known pairs and mixing (see ties.ts). */
  departmentTies?: DepartmentTies[];
}

/** Knobs that do not change what a valid answer is. */
export interface GroupingOptions {
  /** Seed of the pseudo-random generator (default 1); equal seeds give equal schedules. */
  seed?: number;
  /** Wall-clock budget in milliseconds (default 2000); the solver returns its best schedule by then. */
  timeLimitMs?: number;
  /** Use design-theoretic constructions when one fits (default true); false is for benchmarking the search. */
  useConstructions?: boolean;
}

/** A schedule: rounds of groups of person ids. */
export type Schedule = string[][][];

/** Distinct values of an attribute per group. */
export interface DiversityFigure {
  /** Mean over groups of the number of distinct values. */
  average: number;
  /** Lowest number of distinct values in any group. */
  min: number;
}

/** Quality figures of a schedule, all recomputable from the schedule and the input alone. */
export interface GroupingMetrics {
  /** Σ over pairs of max(0, meetings − 1); keep-together pairs are exempt because they must repeat. */
  repeats: number;
  /** Most meetings of any one pair (keep-together pairs exempt). */
  maxMeetings: number;
  /** Broken hard rules: forbidden meetings, split keep-together sets, broken pins, bad sizes, bad partitions. */
  hardViolations: number;
  /** Meetings of never-together pairs (part of hardViolations). */
  forbiddenMeetings: number;
  /** Σ meetings over known pairs. */
  knownPairMeetings: number;
  /** Distinct departments per group, or null when nobody has a department. */
  distinctDepartments: DiversityFigure | null;
  /** Distinct pairs that met at least once and were not already known or kept together. */
  newTies: number;
  /** Rounds from the start with no repeated pair. */
  cleanRounds: number;
  /** Distinct pairs of different departments whose people share a group at least once. */
  departmentPairs: number;
  /** Of those, the pairs with no tie in `departmentTies` (null when no tie counts were given). */
  firstTimeDepartmentPairs: number | null;
}

/** What `formGroups` returns. */
export interface GroupingResult {
  /** The rounds; each round is a list of groups, each group a list of ids. */
  rounds: Schedule;
  /** Most rounds possible without any pair meeting twice (per-person and pair-count bounds). */
  bound: number;
  /** Quality figures of `rounds`. */
  metrics: GroupingMetrics;
  /** Human-readable notes, e.g. rounds beyond the bound. */
  warnings: string[];
  /** How the schedule was made, e.g. "construction:affine-plane(7)+search" or "greedy+tabu". */
  method: string;
}
