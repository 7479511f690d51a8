// Placing one newcomer into groups that already exist (issue 13 item 6): a person who enrols after cohorts, a
// breakout rotation or learning partners were published. The groups are not re-formed — people already know where
// they are — so the newcomer goes where they disturb the mix least. Exhaustive over the groups, so the answer is
// optimal under the stated objective (not a search result), and it is deterministic with no seed.
import { GroupingError } from './errors.ts';
import { HARD_COST, KNOWN_COST } from './problem.ts';
import { compileTies } from './ties.ts';
import { commonHours, parseUtcOffset, sharedHours, WORKDAY_HOURS } from './time-zones.ts';
import type { DepartmentTies, KnownPair, MixingAttribute, MixingGoal, Person } from './types.ts';
import type { PartnerCandidate } from './partners.ts';

/** What placeNewcomer needs. */
export interface PlacementInput {
  /** The person to place (must not be in any group). */
  person: Person;
  /** The groups as they are now, with their members' attributes. */
  groups: Person[][];
  /** Hard: a group that already has this many people takes nobody else. Omit for no cap. */
  maxSize?: number;
  /** Working hours (9–17 local) the group must still share once the newcomer joins; default 0 (no rule). */
  minSharedHours?: number;
  /** Pairs to keep apart (close colleagues, people already met); only pairs naming the newcomer count. */
  separate?: KnownPair[];
  /** Attributes to spread; default department 1, location 0.5, seniority 0.25 (those somebody has). */
  mixing?: MixingGoal[];
  /** The organization's ties between departments: among otherwise equal groups, the one whose departments the
   *  newcomer's has fewest ties with (ties.ts prices it, counting the meetings the groups already hold). */
  departmentTies?: DepartmentTies[];
}

/** How one group scores as the newcomer's destination; compared in this order, lower is better. */
export interface PlacementScore {
  /** Group index. */
  group: number;
  /** At the cap: never chosen. */
  full: boolean;
  /** Hours short of minSharedHours the group would share with the newcomer in it (0 when the rule holds). */
  hoursShort: number;
  /** People in the group now: the smallest groups are filled first, so sizes stay within one of each other. */
  size: number;
  /** Mixing cost the newcomer adds: KNOWN_COST × weight per separate-pair member, plus Σ goal weight × members
   *  sharing the newcomer's value — the increase of formCohorts' own cost for that group. */
  mixingCost: number;
  /** Tie cost the newcomer adds (ties.ts), 0 without tie counts: compared only when everything above is equal. */
  tieCost: number;
}

/** What placeNewcomer returns. */
export interface PlacementResult {
  /** Chosen group index, or null when every group is full (or there are none). */
  group: number | null;
  /** Every group's score, by index (for explanations and tests). */
  scores: PlacementScore[];
}

/** The default mixing goals of cohorts: department 1, location 0.5, seniority 0.25. */
export const DEFAULT_PLACEMENT_MIX: MixingGoal[] = [
  { attribute: 'department', weight: 1 },
  { attribute: 'location', weight: 0.5 },
  { attribute: 'seniority', weight: 0.25 },
];

const ATTRIBUTES: MixingAttribute[] = ['department', 'location', 'seniority', 'timezone'];

/**
 * Lexicographic order of placement scores: not full, then fewest hours short of the shared-hours rule, then the
 * smallest group, then the lowest mixing cost, then the lowest tie cost, then the lowest index. Negative when `a` is the better destination.
 */
export function comparePlacement(a: PlacementScore, b: PlacementScore): number {
  if (a.full !== b.full) return a.full ? 1 : -1;
  return a.hoursShort - b.hoursShort || a.size - b.size || a.mixingCost - b.mixingCost || a.tieCost - b.tieCost || a.group - b.group;
}

const offsetOf = (p: Person) => (p.timezone === undefined || p.timezone === '' ? null : parseUtcOffset(p.timezone, p.id));

/**
 * Chooses the group a newcomer joins: the best by `comparePlacement` among all groups. Sizes come before mixing so
 * that groups whose sizes differ by at most one still do after the newcomer joins (the shared-hours rule, when set,
 * comes first of all, as it is hard when cohorts are formed). Throws GroupingError for a newcomer already placed,
 * duplicate ids, an unknown mixing attribute or a bad time zone.
 */
export function placeNewcomer(input: PlacementInput): PlacementResult {
  const { person, groups } = input;
  const seen = new Set<string>();
  for (const g of groups) {
    for (const m of g) {
      if (m.id === person.id) throw new GroupingError('INVALID_INPUT', `"${person.id}" is already in a group`);
      if (seen.has(m.id)) throw new GroupingError('DUPLICATE_ID', `duplicate person id "${m.id}"`);
      seen.add(m.id);
    }
  }
  if (input.maxSize !== undefined && !(Number.isInteger(input.maxSize) && input.maxSize >= 1)) throw new GroupingError('INVALID_INPUT', `maxSize must be a positive integer, got ${input.maxSize}`);
  const everyone = [person, ...groups.flat()];
  const goals = input.mixing ?? DEFAULT_PLACEMENT_MIX.filter((g) => everyone.some((p) => p[g.attribute]));
  for (const g of goals) if (!ATTRIBUTES.includes(g.attribute)) throw new GroupingError('UNKNOWN_ATTRIBUTE', `unknown mixing attribute "${String(g.attribute)}"`);
  const minShared = input.minSharedHours ?? 0;
  const mine = offsetOf(person);
  // Weight of keeping the newcomer apart from each other person (pairs not naming the newcomer do not matter here).
  const apart = new Map<string, number>();
  for (const pair of input.separate ?? []) {
    const other = pair.a === person.id ? pair.b : pair.b === person.id ? pair.a : null;
    if (other !== null && other !== person.id) apart.set(other, (apart.get(other) ?? 0) + (pair.weight ?? 1));
  }
  // Tie counts: people are indexed as in `everyone` (the newcomer 0), and the groups' meetings are counted first.
  const ties = compileTies(everyone, input.departmentTies);
  const firstOf: number[] = [];
  if (ties) {
    let at = 1;
    for (const g of groups) {
      firstOf.push(at);
      ties.meetGroup(g.map((_, i) => at + i), 1);
      at += g.length;
    }
  }
  const scores = groups.map((g, group): PlacementScore => {
    let hoursShort = 0;
    if (minShared > 0) {
      const offsets = [mine, ...g.map(offsetOf)];
      // Like formCohorts' metrics: a group with anyone lacking a time zone counts as sharing the whole day.
      const common = offsets.every((o) => o !== null) ? commonHours(offsets as number[]) : WORKDAY_HOURS;
      hoursShort = Math.max(0, minShared - common);
    }
    let mixingCost = 0;
    for (const m of g) mixingCost += KNOWN_COST * (apart.get(m.id) ?? 0);
    for (const goal of goals) {
      const v = person[goal.attribute];
      if (v === undefined || v === '') continue;
      mixingCost += (goal.weight ?? 1) * g.filter((m) => m[goal.attribute] === v).length;
    }
    const tieCost = ties ? ties.delta(g.map((_, i) => [0, firstOf[group] + i, 1] as const)) : 0;
    return { group, full: input.maxSize !== undefined && g.length >= input.maxSize, hoursShort, size: g.length, mixingCost, tieCost };
  });
  const best = [...scores].sort(comparePlacement)[0];
  return { group: best && !best.full ? best.group : null, scores };
}

/** How a waiting person scores as a newcomer's learning partner; higher is better (the terms pairPartners uses). */
export function partnerScore(a: PartnerCandidate, b: PartnerCandidate, minSharedHours = 2): number {
  let s = 0;
  if (a.department && a.department === b.department) s -= HARD_COST;
  const oa = offsetOf(a);
  const ob = offsetOf(b);
  const hours = oa === null || ob === null ? WORKDAY_HOURS : sharedHours(oa, ob);
  if (hours < minSharedHours) s -= HARD_COST;
  s += hours / WORKDAY_HOURS;
  const bs = new Set(b.skills ?? []);
  const as = new Set(a.skills ?? []);
  s += 2 * ((a.goals ?? []).filter((g) => bs.has(g)).length + (b.goals ?? []).filter((g) => as.has(g)).length);
  return s;
}

/**
 * Chooses a learning partner for a newcomer among people waiting for one: the highest partnerScore, then (with
 * tie counts) the partner whose department the newcomer's has fewest ties with, then the earliest waiting; never
 * someone in `avoid` with the newcomer (close colleagues wait for a facilitator to decide).
 * Answers the index into `waiting`, or null when nobody may be paired with them.
 */
export function choosePartner(
  person: PartnerCandidate,
  waiting: PartnerCandidate[],
  options: { minSharedHours?: number; avoid?: KnownPair[]; departmentTies?: DepartmentTies[] } = {},
): number | null {
  const avoid = new Set((options.avoid ?? []).flatMap((p) => (p.a === person.id ? [p.b] : p.b === person.id ? [p.a] : [])));
  const ties = compileTies([person, ...waiting], options.departmentTies);
  let best: number | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  let bestTie = Number.POSITIVE_INFINITY;
  waiting.forEach((w, i) => {
    if (w.id === person.id || avoid.has(w.id)) return;
    const s = partnerScore(person, w, options.minSharedHours);
    const t = ties ? ties.delta([[0, i + 1, 1]]) : 0;
    if (s > bestScore || (s === bestScore && t < bestTie)) {
      bestScore = s;
      bestTie = t;
      best = i;
    }
  });
  return best;
}
