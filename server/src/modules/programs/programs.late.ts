// People who enrol (or are promoted from the waitlist) after plans were published are placed into them, and people
// who leave are taken out, without re-forming anything: cohorts by engine/grouping's placeNewcomer (under a cap),
// the breakout rotation within their cohort's groups in every round, learning partners with another waiting
// newcomer (choosePartner) or else on a waiting list for the facilitator. Everything runs inside the caller's
// transaction, under the program's row lock, so concurrent enrolments are placed one after another.
import { choosePartner, type DepartmentTies, type KnownPair, type PartnerCandidate, type Person, placeNewcomer } from '../../../../engine/grouping/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import type { DomainEvent } from '../../kernel/events.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { addCohortSpaceMember, removeCohortSpaceMember } from '../communities/index.ts';
import { departmentTieCounts } from '../network/index.ts';
import { knownPairsOf, planFigures, utcOffset } from './programs.plans.ts';
import * as repo from './programs.repo.ts';

/** Most people a published cohort takes: half again the cohort size (formCohorts never forms a larger one). */
export const cohortCap = (cohortSize: number) => Math.max(2, Math.floor(cohortSize * 1.5));

/** A stored plan assignment; `waiting` holds people waiting for a learning partner (partners plans). */
export interface PlanResult {
  rounds: string[][][];
  labels: string[][];
  warnings?: string[];
  waiting?: string[];
  /** Department pairs meeting with no tie before, as of forming or the last adjustment (absent in older plans). */
  firstTimeDepartmentPairs?: [string, string][];
  /** How many a random assignment gave. */
  firstTimeDepartmentPairsRandom?: number | null;
}

type Emit = (e: DomainEvent) => void;
type Cohort = { id: string; name: string; position: number; communityId: string | null; members: string[] };
type Stored = { row: repo.PlanRow; result: PlanResult; dirty: boolean };

// Meeting someone again in another round costs as much as a repeat does when rotations are formed (1000 vs 50).
const MET_WEIGHT = 20;

/** The program's published placements, loaded once per transaction and changed in memory (plans saved at the end). */
export interface Placements {
  tx: DbOrTx;
  program: repo.ProgramRow;
  emit: Emit;
  /** Enrolled people with what grouping needs. */
  people: Map<string, repo.EnrolleeRow>;
  known: KnownPair[];
  /** The organization's department tie counts (last year): among equally good places, fewest ties wins. */
  ties: DepartmentTies[];
  /** Known pairs by person (built on first use), so placing many people does not rescan every pair each time. */
  knownBy?: Map<string, KnownPair[]>;
  /** People as the engine sees them, made once each (a time zone's offset needs an Intl formatter, which is slow). */
  engineCache?: Map<string, Person & PartnerCandidate>;
  cohorts: Cohort[];
  cohortOf: Map<string, Cohort>;
  cohortRules: { minSharedHours: number } | null;
  rotation: Stored | null;
  partners: Stored | null;
  /** Cohort spaces whose membership changed (the caller drops cached access after commit). */
  spaces: Set<string>;
}

/** Loads what is published for a program (cheap when nothing is). */
export async function loadPlacements(tx: DbOrTx, program: repo.ProgramRow, emit: Emit): Promise<Placements> {
  const [cohortsPlan, rotation, partners] = await Promise.all(['cohorts', 'rotation', 'partners'].map((k) => repo.selectPublishedPlan(tx, program.id, k)));
  const s: Placements = { tx, program, emit, people: new Map(), known: [], ties: [], cohorts: [], cohortOf: new Map(), cohortRules: null, rotation: null, partners: null, spaces: new Set() };
  if (!cohortsPlan && !rotation && !partners) return s;
  const people = await repo.selectEnrollees(tx, program.id, true);
  s.people = new Map(people.map((p) => [p.id, p]));
  s.known = knownPairsOf(people);
  s.ties = (await departmentTieCounts(tx, program.orgId)).ties;
  if (cohortsPlan) {
    s.cohortRules = { minSharedHours: (cohortsPlan.params as { minSharedHours?: number }).minSharedHours ?? 0 };
    s.cohorts = (await repo.selectCohorts(tx, program.id)).map((c) => ({ ...c, members: [] }));
    const byId = new Map(s.cohorts.map((c) => [c.id, c]));
    for (const m of await repo.selectCohortMembers(tx, program.id)) {
      const c = byId.get(m.cohortId);
      if (!c) continue;
      c.members.push(m.personId);
      s.cohortOf.set(m.personId, c);
    }
  }
  const stored = (row: repo.PlanRow | undefined): Stored | null => (row ? { row, result: structuredClone(row.result as PlanResult), dirty: false } : null);
  s.rotation = stored(rotation);
  s.partners = stored(partners);
  return s;
}

/** The close-colleague pairs naming a person. */
function knownOf(s: Placements, personId: string): KnownPair[] {
  if (!s.knownBy) {
    s.knownBy = new Map();
    for (const k of s.known) {
      for (const id of [k.a, k.b]) {
        const list = s.knownBy.get(id) ?? [];
        list.push(k);
        s.knownBy.set(id, list);
      }
    }
  }
  return s.knownBy.get(personId) ?? [];
}

function enginePerson(s: Placements, id: string): Person & PartnerCandidate {
  s.engineCache ??= new Map();
  const cached = s.engineCache.get(id);
  if (cached) return cached;
  const p = s.people.get(id);
  const made = p ? { id, department: p.department ?? undefined, location: p.location ?? undefined, timezone: utcOffset(p.timeZone), skills: p.have, goals: p.want } : { id };
  // Someone not (yet) enrolled is not cached: a promoted person is loaded into `people` later in the transaction.
  if (p) s.engineCache.set(id, made);
  return made;
}

/** Places an enrolled person in every published plan they are not in yet. */
export async function placePerson(s: Placements, personId: string) {
  if (!s.people.has(personId)) return;
  if (s.cohorts.length && !s.cohortOf.has(personId)) await placeInCohort(s, personId);
  placeInRotation(s, personId);
  placeWithPartner(s, personId);
}

/** Takes someone who left the program out of their cohort (and its space), breakout groups and pair. */
export async function unplacePerson(s: Placements, personId: string) {
  await leaveCohort(s, personId);
  removeFromRotation(s, personId);
  removeFromPartners(s, personId);
}

/**
 * A cohort everybody left is the smallest, but joining it would leave the newcomer with nobody to meet: they join a
 * cohort with people in it and room, and an empty one only when no other cohort has room.
 */
async function placeInCohort(s: Placements, personId: string) {
  const choose = (cohorts: Cohort[]) => {
    const r = placeNewcomer({
      person: enginePerson(s, personId),
      groups: cohorts.map((c) => c.members.map((m) => enginePerson(s, m))),
      maxSize: cohortCap(s.program.cohortSize),
      minSharedHours: s.cohortRules?.minSharedHours ?? 0,
      separate: knownOf(s, personId),
      departmentTies: s.ties,
    });
    return r.group === null ? null : cohorts[r.group];
  };
  const occupied = s.cohorts.filter((c) => c.members.length > 0);
  const cohort = (occupied.length ? choose(occupied) : null) ?? choose(s.cohorts.filter((c) => c.members.length === 0));
  // Every cohort full: the person stays enrolled and "waiting for a cohort" until a facilitator places them.
  if (cohort) await joinCohort(s, personId, cohort, null);
}

async function joinCohort(s: Placements, personId: string, cohort: Cohort, by: string | null) {
  const { tx, program } = s;
  // The unique (program, person) index backs the lock: a second placement of one person changes nothing.
  if (!(await repo.insertCohortMember(tx, { cohortId: cohort.id, personId, programId: program.id, orgId: program.orgId }))) return;
  cohort.members.push(personId);
  s.cohortOf.set(personId, cohort);
  if (cohort.communityId && (await addCohortSpaceMember(tx, program.orgId, cohort.communityId, personId))) s.spaces.add(cohort.communityId);
  s.emit({
    type: 'programs.cohort_joined',
    orgId: program.orgId,
    payload: { programId: program.id, personId, cohortId: cohort.id, communityId: cohort.communityId, by, recipientIds: [personId], title: `You are in ${cohort.name} of ${program.title}`, url: `/programs/${program.id}` },
  });
}

async function leaveCohort(s: Placements, personId: string) {
  const cohort = s.cohortOf.get(personId);
  if (!cohort) return;
  await repo.deleteCohortMember(s.tx, s.program.id, personId);
  cohort.members = cohort.members.filter((m) => m !== personId);
  s.cohortOf.delete(personId);
  if (cohort.communityId && (await removeCohortSpaceMember(s.tx, s.program.orgId, cohort.communityId, personId))) s.spaces.add(cohort.communityId);
  s.emit({ type: 'programs.cohort_left', orgId: s.program.orgId, payload: { programId: s.program.id, personId, cohortId: cohort.id } });
}

/**
 * Facilitators move an enrolled person to another published cohort (or place someone who waits for one): the space
 * membership follows, and their breakout groups are chosen again within the new cohort. A full cohort → 409
 * COHORT_FULL; the last member of a cohort stays in it.
 */
export async function moveToCohort(s: Placements, personId: string, cohortId: string, by: string) {
  if (!s.cohorts.length) throw new AppError('CONFLICT', 'Cohorts are not published for this program.');
  if (!s.people.has(personId)) throw notFound('That enrolment');
  const target = s.cohorts.find((c) => c.id === cohortId);
  if (!target) throw notFound('That cohort');
  const from = s.cohortOf.get(personId);
  if (from === target) return false;
  if (target.members.length >= cohortCap(s.program.cohortSize)) {
    throw new AppError('COHORT_FULL', `${target.name} is full (${target.members.length} people). Raise the program’s cohort size to let cohorts take more.`);
  }
  if (from && from.members.length <= 1) throw new AppError('CONFLICT', `${s.people.get(personId)?.name ?? 'This person'} is the last member of ${from.name}; a cohort keeps at least one person.`);
  await leaveCohort(s, personId);
  await joinCohort(s, personId, target, by);
  removeFromRotation(s, personId);
  placeInRotation(s, personId);
  return true;
}

/** Places everyone enrolled who waits for a cohort (after the cap was raised), in order of enrolment. */
export async function placeWaitingForCohort(s: Placements) {
  if (!s.cohorts.length) return;
  for (const id of s.people.keys()) if (!s.cohortOf.has(id)) await placePerson(s, id);
}

/**
 * Rotation: in every round the newcomer joins one of their cohort's groups (any group when no cohorts are
 * published): the smallest, then where they know fewest people and meet fewest they meet in other rounds. A round
 * with no group of their cohort (everyone else in it left, or it had too few people to form one) gets a new group
 * with just them, which the next newcomer of their cohort joins: a breakout group never mixes cohorts. Rounds are a
 * plan, not a log of sessions held, so all of them are filled in; live sessions group whoever is present anyway.
 */
function placeInRotation(s: Placements, personId: string) {
  const plan = s.rotation;
  if (!plan || plan.result.rounds.some((round) => round.some((g) => g.includes(personId)))) return;
  const cohort = s.cohortOf.get(personId);
  if (s.cohorts.length && !cohort) return; // waiting for a cohort: their groups come with it
  const mates = cohort ? new Set(cohort.members) : null;
  const met: KnownPair[] = [];
  plan.result.rounds.forEach((round, r) => {
    plan.dirty = true;
    const candidates = round.map((g, i) => i).filter((i) => round[i].length > 0 && (!mates || round[i].some((m) => mates.has(m))));
    if (!candidates.length) {
      round.push([personId]);
      plan.result.labels[r] ??= [];
      plan.result.labels[r][round.length - 1] = newGroupLabel(plan.result.labels[r], cohort?.name);
      return;
    }
    const placed = placeNewcomer({ person: enginePerson(s, personId), groups: candidates.map((i) => round[i].map((m) => enginePerson(s, m))), separate: [...knownOf(s, personId), ...met], departmentTies: s.ties });
    const chosen = round[candidates[placed.group ?? 0]];
    for (const m of chosen) met.push({ a: personId, b: m, weight: MET_WEIGHT });
    chosen.push(personId);
  });
}

/** A label for a group opened in a round, unused in that round ("Cohort 2 · Group 1", or "Group 5" without cohorts). */
function newGroupLabel(labels: string[], cohortName: string | undefined) {
  const prefix = cohortName ? `${cohortName} · Group ` : 'Group ';
  const used = new Set(labels);
  let k = 1;
  while (used.has(`${prefix}${k}`)) k++;
  return `${prefix}${k}`;
}

function removeFromRotation(s: Placements, personId: string) {
  const plan = s.rotation;
  if (!plan) return;
  plan.result.rounds.forEach((round, r) => {
    const gi = round.findIndex((g) => g.includes(personId));
    if (gi < 0) return;
    round[gi] = round[gi].filter((m) => m !== personId);
    plan.dirty = true;
    // Nobody is left in a breakout group alone: the last one joins the smallest other group of their cohort.
    if (round[gi].length === 1) {
      const lone = round[gi][0];
      const cohort = s.cohortOf.get(lone);
      const others = round.map((g, i) => i).filter((i) => i !== gi && round[i].length > 0 && (!cohort || round[i].some((m) => cohort.members.includes(m))));
      if (others.length) {
        const to = others.reduce((a, b) => (round[b].length < round[a].length ? b : a));
        round[to].push(lone);
        round[gi] = [];
      }
    }
    if (round[gi].length === 0) {
      round.splice(gi, 1);
      plan.result.labels[r]?.splice(gi, 1);
    }
  });
}

function nextPairLabel(labels: string[]) {
  const used = labels.map((l) => Number(/^Pair (\d+)$/.exec(l)?.[1] ?? 0));
  return `Pair ${Math.max(0, ...used) + 1}`;
}

/** Pairs with the best fitting person waiting for a partner (never a close colleague), or joins the waiting list. */
function placeWithPartner(s: Placements, personId: string) {
  const plan = s.partners;
  if (!plan) return;
  const res = plan.result;
  res.waiting ??= [];
  if (res.waiting.includes(personId) || res.rounds[0].some((g) => g.includes(personId))) return;
  const waiting = res.waiting.filter((w) => s.people.has(w));
  const minSharedHours = (plan.row.params as { minSharedHours?: number }).minSharedHours ?? 0;
  const i = choosePartner(enginePerson(s, personId), waiting.map((w) => enginePerson(s, w)), { minSharedHours, avoid: knownOf(s, personId), departmentTies: s.ties });
  plan.dirty = true;
  if (i === null) {
    res.waiting.push(personId);
    return;
  }
  pairUp(s, [waiting[i], personId], null);
}

function pairUp(s: Placements, ids: string[], by: string | null) {
  const res = (s.partners as Stored).result;
  res.waiting = (res.waiting ?? []).filter((w) => !ids.includes(w));
  res.rounds[0].push(ids);
  res.labels[0] ??= [];
  res.labels[0].push(nextPairLabel(res.labels[0]));
  const program = s.program;
  s.emit({
    type: 'programs.partnered',
    orgId: program.orgId,
    payload: { programId: program.id, personIds: ids, by, recipientIds: ids, title: `You have a learning partner in ${program.title}`, url: `/programs/${program.id}` },
  });
}

function removeFromPartners(s: Placements, personId: string) {
  const plan = s.partners;
  if (!plan) return;
  const res = plan.result;
  if (res.waiting?.includes(personId)) {
    res.waiting = res.waiting.filter((w) => w !== personId);
    plan.dirty = true;
  }
  const gi = res.rounds[0].findIndex((g) => g.includes(personId));
  if (gi < 0) return;
  plan.dirty = true;
  const rest = res.rounds[0][gi].filter((m) => m !== personId);
  if (rest.length >= 2) {
    res.rounds[0][gi] = rest; // a trio becomes a pair
    return;
  }
  res.rounds[0].splice(gi, 1);
  res.labels[0]?.splice(gi, 1);
  // Their partner is on their own now: paired with someone waiting, or waiting themselves.
  for (const lone of rest) placeWithPartner(s, lone);
}

/**
 * Facilitators pair someone waiting for a learning partner: with another waiting person (a new pair) or with a
 * pair (which becomes a trio). A trio takes nobody else (409); people not enrolled or not in the plan → 404.
 */
export function joinPartners(s: Placements, personId: string, withId: string, by: string) {
  const plan = s.partners;
  if (!plan) throw new AppError('CONFLICT', 'Learning partners are not published for this program.');
  const res = plan.result;
  const waiting = res.waiting ?? [];
  if (!s.people.has(personId) || !s.people.has(withId)) throw notFound('That enrolment');
  if (!waiting.includes(personId)) throw new AppError('CONFLICT', `${s.people.get(personId)?.name} is not waiting for a partner.`);
  plan.dirty = true;
  if (waiting.includes(withId)) return pairUp(s, [withId, personId], by);
  const group = res.rounds[0].find((g) => g.includes(withId));
  if (!group) throw notFound('That pair');
  if (group.length >= 3) throw new AppError('CONFLICT', 'A trio is the largest learning-partner group; choose a pair or someone waiting.');
  group.push(personId);
  res.waiting = waiting.filter((w) => w !== personId);
  s.emit({
    type: 'programs.partnered',
    orgId: s.program.orgId,
    payload: { programId: s.program.id, personIds: [...group], by, recipientIds: [...group], title: `Your learning group in ${s.program.title} is now a trio`, url: `/programs/${s.program.id}` },
  });
}

/** Writes changed rotation and partner plans with their figures recomputed; answers the spaces whose members changed. */
export async function savePlacements(s: Placements) {
  const people = [...s.people.values()];
  for (const plan of [s.rotation, s.partners]) {
    if (!plan?.dirty) continue;
    await repo.updatePlanRow(s.tx, plan.row.id, { result: plan.result, metrics: planFigures(plan.result.rounds, people, s.known) });
  }
  return s.spaces;
}
