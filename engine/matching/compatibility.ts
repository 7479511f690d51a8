// Pair compatibility from profiles: a 0–1000 integer score from weighted factors (skill coverage,
// goals, department difference, seniority gap, time-zone overlap, availability) plus hard constraints
// (own manager, own team when chosen, self, too little shared working time, explicit bans).
// Profiles are interned to integer ids once so scoring 1M pairs touches only typed arrays; text
// explanations are built only for the pairs finally chosen.

import type { CompatibilityWeights, FactorContribution, MatchOptions, MenteeProfile, MentorProfile } from './types.ts';

/** Default factor weights (relative). */
export const DEFAULT_WEIGHTS: CompatibilityWeights = {
  skills: 40,
  goals: 20,
  seniority: 15,
  department: 10,
  availability: 10,
  timezone: 5,
};

/** Hard-constraint codes, in the order they are checked. */
export const CONSTRAINTS = ['SELF', 'OWN_MANAGER', 'SAME_TEAM', 'FORBIDDEN_PAIR', 'TIMEZONE'] as const;
/** Why a pair is not allowed. */
export type Constraint = (typeof CONSTRAINTS)[number];

/** Interned profiles ready for fast pair scoring. */
export interface CompatibilityContext {
  readonly mentees: MenteeProfile[];
  readonly mentors: MentorProfile[];
  readonly weights: CompatibilityWeights;
  readonly weightSum: number;
  readonly options: MatchOptions;
  readonly skillIds: Map<string, number>;
  /** mentorSkill[j * nSkills + s] = level of mentor j in skill s (0 = none). */
  readonly mentorSkill: Uint8Array;
  readonly nSkills: number;
  /** Wanted skill ids/levels per mentee. */
  readonly want: { ids: Int32Array; levels: Float64Array }[];
  readonly goalWords: number;
  readonly menteeGoals: Uint32Array;
  readonly mentorTopics: Uint32Array;
  readonly goalCount: Int32Array;
  readonly slotWords: number;
  readonly menteeSlots: Uint32Array;
  readonly mentorSlots: Uint32Array;
  readonly slotCount: Int32Array;
  /** Explicitly forbidden pairs as i * m + j. */
  readonly forbidden: Set<number>;
  /** Per-person attributes as typed arrays (NaN / -1 = unknown) so scoring 1M pairs allocates nothing. */
  readonly attr: PersonArrays;
}

/** Typed per-person attributes used in the pair loop. */
interface PersonArrays {
  menteeDept: Int32Array;
  mentorDept: Int32Array;
  menteeTeam: Int32Array;
  mentorTeam: Int32Array;
  preferOther: Uint8Array;
  menteeSen: Float64Array;
  mentorSen: Float64Array;
  gapLo: Float64Array;
  gapHi: Float64Array;
  menteeTz: Float64Array;
  mentorTz: Float64Array;
  /** Mentor index with the same id as the mentee (self), else -1. */
  self: Int32Array;
  /** Mentor index of the mentee's manager, else -1. */
  manager: Int32Array;
  hours: [number, number];
  minOverlap: number;
  forbidSameTeam: boolean;
}

const norm = (s: string): string => s.trim().toLowerCase();

function intern(map: Map<string, number>, s: string): number {
  const k = norm(s);
  let id = map.get(k);
  if (id === undefined) {
    id = map.size;
    map.set(k, id);
  }
  return id;
}

function bitsets(lists: (string[] | undefined)[][], map: Map<string, number>) {
  for (const side of lists) for (const l of side) for (const x of l ?? []) intern(map, x);
  const words = Math.max(1, Math.ceil(map.size / 32));
  return {
    words,
    build(list: (string[] | undefined)[]): Uint32Array {
      const out = new Uint32Array(list.length * words);
      list.forEach((l, p) => {
        for (const x of l ?? []) {
          const id = map.get(norm(x)) as number;
          out[p * words + (id >>> 5)] |= 1 << (id & 31);
        }
      });
      return out;
    },
  };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function common(a: Uint32Array, ai: number, b: Uint32Array, bi: number, words: number): number {
  let c = 0;
  for (let w = 0; w < words; w++) c += popcount(a[ai * words + w] & b[bi * words + w]);
  return c;
}

/** Interns the profiles (skills, goals, availability) for scoring; options supply weights and constraints. */
export function prepareCompatibility(
  mentees: MenteeProfile[],
  mentors: MentorProfile[],
  options: MatchOptions = {},
): CompatibilityContext {
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const weightSum = Object.values(weights).reduce((a, b) => a + Math.max(0, b), 0) || 1;
  const skillIds = new Map<string, number>();
  for (const p of mentors) for (const s of p.skillsHave ?? []) intern(skillIds, s.skill);
  const nSkills = Math.max(1, skillIds.size);
  const mentorSkill = new Uint8Array(mentors.length * nSkills);
  mentors.forEach((p, j) => {
    for (const s of p.skillsHave ?? []) {
      const id = skillIds.get(norm(s.skill)) as number;
      mentorSkill[j * nSkills + id] = Math.max(mentorSkill[j * nSkills + id], clampLevel(s.level));
    }
  });
  // Skills no mentor offers get no id: they simply count as uncovered.
  const want = mentees.map((p) => {
    const list = (p.skillsWant ?? []).filter((s) => s.skill.trim() !== '');
    return {
      ids: Int32Array.from(list.map((s) => skillIds.get(norm(s.skill)) ?? -1)),
      levels: Float64Array.from(list.map((s) => clampLevel(s.level))),
    };
  });
  const goalMap = new Map<string, number>();
  const goals = bitsets([mentees.map((p) => p.goals), mentors.map((p) => p.topics)], goalMap);
  const slotMap = new Map<string, number>();
  const slots = bitsets([mentees.map((p) => p.availability), mentors.map((p) => p.availability)], slotMap);
  const mentorIndex = new Map(mentors.map((p, j) => [p.id, j]));
  const menteeIndex = new Map(mentees.map((p, i) => [p.id, i]));
  const forbidden = new Set<number>();
  for (const f of options.forbiddenPairs ?? []) {
    const i = menteeIndex.get(f.mentee);
    const j = mentorIndex.get(f.mentor);
    if (i !== undefined && j !== undefined) forbidden.add(i * mentors.length + j);
  }
  const depts = new Map<string, number>();
  const teams = new Map<string, number>();
  const idOf = (map: Map<string, number>, v: string | undefined) => (v ? intern(map, v) : -1);
  const numOr = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN);
  const attr: PersonArrays = {
    menteeDept: Int32Array.from(mentees, (p) => idOf(depts, p.department)),
    mentorDept: Int32Array.from(mentors, (p) => idOf(depts, p.department)),
    menteeTeam: Int32Array.from(mentees, (p) => idOf(teams, p.team)),
    mentorTeam: Int32Array.from(mentors, (p) => idOf(teams, p.team)),
    preferOther: Uint8Array.from(mentees, (p) => ((p.preferOtherDepartment ?? true) ? 1 : 0)),
    menteeSen: Float64Array.from(mentees, (p) => numOr(p.seniority)),
    mentorSen: Float64Array.from(mentors, (p) => numOr(p.seniority)),
    gapLo: Float64Array.from(mentees, (p) => p.seniorityGap?.[0] ?? 1),
    gapHi: Float64Array.from(mentees, (p) => p.seniorityGap?.[1] ?? 2),
    menteeTz: Float64Array.from(mentees, (p) => numOr(p.timezone)),
    mentorTz: Float64Array.from(mentors, (p) => numOr(p.timezone)),
    self: Int32Array.from(mentees, (p) => mentorIndex.get(p.id) ?? -1),
    manager: Int32Array.from(mentees, (p) => (p.managerId === undefined ? -1 : (mentorIndex.get(p.managerId) ?? -1))),
    hours: options.workingHours ?? [9, 17],
    minOverlap: options.minOverlapHours ?? 2,
    forbidSameTeam: options.forbidSameTeam === true,
  };
  return {
    attr,
    mentees,
    mentors,
    weights,
    weightSum,
    options,
    skillIds,
    mentorSkill,
    nSkills,
    want,
    goalWords: goals.words,
    menteeGoals: goals.build(mentees.map((p) => p.goals)),
    mentorTopics: goals.build(mentors.map((p) => p.topics)),
    goalCount: Int32Array.from(mentees.map((p) => new Set((p.goals ?? []).map(norm)).size)),
    slotWords: slots.words,
    menteeSlots: slots.build(mentees.map((p) => p.availability)),
    mentorSlots: slots.build(mentors.map((p) => p.availability)),
    slotCount: Int32Array.from(mentees.map((p) => new Set((p.availability ?? []).map(norm)).size)),
    forbidden,
  };
}

function clampLevel(level: number): number {
  return Number.isFinite(level) ? Math.min(5, Math.max(1, Math.round(level))) : 3;
}

/** Hours two people's working windows overlap in a day (circular, so UTC+12 meets UTC-11). */
export function overlapHours(tzA: number, tzB: number, hours: [number, number]): number {
  const len = hours[1] - hours[0];
  // Windows of equal length: overlap is len minus the circular distance of their offsets.
  let d = Math.abs(tzA - tzB) % 24;
  if (d > 12) d = 24 - d;
  return Math.max(0, len - d);
}

/** The hard constraint that rules out pair (i, j), or null when the pair is allowed. */
export function violatedConstraint(ctx: CompatibilityContext, i: number, j: number): Constraint | null {
  const x = ctx.attr;
  if (x.self[i] === j) return 'SELF';
  if (x.manager[i] === j) return 'OWN_MANAGER';
  if (x.forbidSameTeam && x.menteeTeam[i] >= 0 && x.menteeTeam[i] === x.mentorTeam[j]) return 'SAME_TEAM';
  if (ctx.forbidden.size > 0 && ctx.forbidden.has(i * ctx.mentors.length + j)) return 'FORBIDDEN_PAIR';
  const a = x.menteeTz[i];
  const b = x.mentorTz[j];
  if (!Number.isNaN(a) && !Number.isNaN(b) && overlapHours(a, b, x.hours) < x.minOverlap) return 'TIMEZONE';
  return null;
}

/** Factor values in [0, 1] for pair (i, j), in ORDER. */
function factorValues(ctx: CompatibilityContext, i: number, j: number, out: Float64Array): void {
  const x = ctx.attr;
  const w = ctx.want[i];
  let cov = 0;
  for (let k = 0; k < w.ids.length; k++) {
    const id = w.ids[k];
    if (id >= 0) cov += Math.min(1, ctx.mentorSkill[j * ctx.nSkills + id] / w.levels[k]);
  }
  out[0] = w.ids.length > 0 ? cov / w.ids.length : 0;
  const g = ctx.goalCount[i];
  out[1] = g > 0 ? common(ctx.menteeGoals, i, ctx.mentorTopics, j, ctx.goalWords) / g : 0;
  const da = x.menteeDept[i];
  const db = x.mentorDept[j];
  out[2] = da >= 0 && db >= 0 ? ((da !== db) === (x.preferOther[i] === 1) ? 1 : 0) : 0.5;
  const sa = x.menteeSen[i];
  const sb = x.mentorSen[j];
  if (!Number.isNaN(sa) && !Number.isNaN(sb)) {
    const gap = sb - sa;
    const lo = x.gapLo[i];
    const hi = x.gapHi[i];
    const off = gap < lo ? lo - gap : gap > hi ? gap - hi : 0;
    out[3] = gap <= 0 && lo > 0 ? 0 : Math.max(0, 1 - off / 3);
  } else out[3] = 0.5;
  const ta = x.menteeTz[i];
  const tb = x.mentorTz[j];
  out[4] = !Number.isNaN(ta) && !Number.isNaN(tb) ? overlapHours(ta, tb, x.hours) / Math.max(1, x.hours[1] - x.hours[0]) : 0.5;
  const sc = ctx.slotCount[i];
  out[5] = sc > 0 ? common(ctx.menteeSlots, i, ctx.mentorSlots, j, ctx.slotWords) / sc : 0.5;
}

const ORDER: (keyof CompatibilityWeights)[] = ['skills', 'goals', 'department', 'seniority', 'timezone', 'availability'];
const scratch = new Float64Array(6);
/** Non-negative weights in ORDER, cached per weights object (scoring 1M pairs would otherwise re-read the record). */
const weightCache = new WeakMap<CompatibilityWeights, Float64Array>();

function weightVector(w: CompatibilityWeights): Float64Array {
  let v = weightCache.get(w);
  if (!v) {
    v = Float64Array.from(ORDER, (f) => Math.max(0, w[f]));
    weightCache.set(w, v);
  }
  return v;
}

/** Integer score 0–1000 of an allowed pair (hard constraints are checked separately). */
export function pairScoreOf(ctx: CompatibilityContext, i: number, j: number): number {
  factorValues(ctx, i, j, scratch);
  const wv = weightVector(ctx.weights);
  let sum = 0;
  for (let f = 0; f < 6; f++) sum += wv[f] * scratch[f];
  return Math.round((1000 * sum) / ctx.weightSum);
}

/** The top contributing factors of pair (i, j), best first, with human-readable reasons. */
export function explainPair(ctx: CompatibilityContext, i: number, j: number, top = 3): FactorContribution[] {
  const x = new Float64Array(6);
  factorValues(ctx, i, j, x);
  const a = ctx.mentees[i];
  const b = ctx.mentors[j];
  // Reasons are text work, so only the top factors get one.
  return ORDER.map((factor, f) => ({ factor, f, points: Math.round((1000 * Math.max(0, ctx.weights[factor]) * x[f]) / ctx.weightSum) }))
    .filter((c) => c.points > 0)
    .sort((p, q) => q.points - p.points)
    .slice(0, top)
    .map(({ factor, f, points }) => ({ factor, points, reason: reasonFor(factor, a, b, x[f], ctx) }));
}

function reasonFor(
  factor: keyof CompatibilityWeights,
  a: MenteeProfile,
  b: MentorProfile,
  value: number,
  ctx: CompatibilityContext,
): string {
  switch (factor) {
    case 'skills': {
      const has = new Set((b.skillsHave ?? []).map((s) => norm(s.skill)));
      const wanted = (a.skillsWant ?? []).map((s) => norm(s.skill));
      const hit = wanted.filter((s) => has.has(s));
      return `offers ${hit.length} of ${wanted.length} wanted skills${hit.length ? ` (${hit.join(', ')})` : ''}`;
    }
    case 'goals': {
      const topics = new Set((b.topics ?? []).map(norm));
      const hit = [...new Set((a.goals ?? []).map(norm))].filter((g) => topics.has(g));
      return `supports ${hit.length ? hit.join(', ') : 'none'} of the mentee's goals`;
    }
    case 'department':
      return value === 0.5
        ? 'department unknown'
        : norm(a.department ?? '') !== norm(b.department ?? '')
          ? `cross-functional: ${b.department} for a mentee in ${a.department}`
          : `same department (${a.department}), as preferred`;
    case 'seniority':
      return value === 0.5
        ? 'seniority unknown'
        : `mentor is ${(b.seniority ?? 0) - (a.seniority ?? 0)} level(s) more senior`;
    case 'timezone': {
      if (value === 0.5) return 'time zone unknown';
      const h = overlapHours(a.timezone ?? 0, b.timezone ?? 0, ctx.options.workingHours ?? [9, 17]);
      return `${h} shared working hour(s)`;
    }
    case 'availability':
      return value === 0.5 ? 'availability unknown' : `${Math.round(value * 100)}% of the mentee's slots shared`;
  }
}
