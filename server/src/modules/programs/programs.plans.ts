// Forming plans with the grouping engine: people and "already connected" pairs from the directory, the engine's
// result, the same figures for a random assignment of the same people (the baseline the preview compares with),
// and plain sentences explaining the difference. Pure functions apart from the inputs they are given.
import type { PlanKind, PlanMetrics } from '../../../../contracts/index.ts';
import { departmentPairFigures, type KnownPair, type Person, formCohorts, formGroups, GroupingError, pairPartners, planGroupSizes } from '../../../../engine/grouping/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { seededRandom } from '../../kernel/random.ts';
import type { DepartmentTieCounts } from '../network/index.ts';
import type { EnrolleeRow } from './programs.repo.ts';

/** Parameters a plan was formed with. */
export interface PlanParams {
  size: number;
  rounds: number;
  minSharedHours: number;
  seed: number;
}

/** A formed plan before it is stored. */
export interface FormedPlan {
  /** Rounds of groups of ids (cohorts and partners have one round). */
  rounds: string[][][];
  /** Labels of the groups per round (e.g. cohort names for a rotation within cohorts). */
  labels: string[][];
  metrics: PlanMetrics;
  baseline: PlanMetrics;
  warnings: string[];
  method: string;
  /** Department pairs meeting with no tie in the last year (nameable ones only), and how many random would give. */
  firstTimeDepartmentPairs: [string, string][];
  firstTimeDepartmentPairsRandom: number | null;
}

/** Current UTC offset of an IANA time zone, as "+5.5" style hours the engine understands. */
export function utcOffset(timeZone: string | null, at = new Date()): string | undefined {
  if (!timeZone) return undefined;
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (!m) return '+0';
    const hours = Number(m[2]) + Number(m[3]) / 60;
    return `${m[1]}${hours}`;
  } catch {
    return undefined;
  }
}

/** People who already work closely: a manager and their report, two reports of one manager, one team. */
export function knownPairsOf(people: EnrolleeRow[]): KnownPair[] {
  const pairs = new Map<string, KnownPair>();
  const add = (a: string, b: string) => {
    if (a === b) return;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (!pairs.has(key)) pairs.set(key, { a, b, weight: 1 });
  };
  const ids = new Set(people.map((p) => p.id));
  const groups = new Map<string, string[]>();
  for (const p of people) {
    if (p.managerId && ids.has(p.managerId)) add(p.id, p.managerId);
    for (const key of [p.managerId ? `m:${p.managerId}` : null, p.team ? `t:${p.department}:${p.team}` : null]) {
      if (!key) continue;
      const list = groups.get(key) ?? [];
      list.push(p.id);
      groups.set(key, list);
    }
  }
  for (const list of groups.values()) {
    if (list.length > 60) continue; // a huge "team" says little about closeness
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) add(list[i], list[j]);
  }
  return [...pairs.values()];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Figures any assignment can be judged by: department mix, new ties, meetings of close colleagues, repeats. */
export function planFigures(rounds: string[][][], people: EnrolleeRow[], known: KnownPair[], hardViolations = 0): PlanMetrics {
  const dept = new Map(people.map((p) => [p.id, p.department ?? `(none:${p.id})`]));
  const knownSet = new Set(known.map((k) => pairKey(k.a, k.b)));
  const meetings = new Map<string, number>();
  const deptCounts: number[] = [];
  for (const round of rounds) {
    for (const group of round) {
      deptCounts.push(new Set(group.map((id) => dept.get(id))).size);
      for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) {
        const k = pairKey(group[i], group[j]);
        meetings.set(k, (meetings.get(k) ?? 0) + 1);
      }
    }
  }
  let newTies = 0;
  let knownMeetings = 0;
  let repeats = 0;
  for (const [k, n] of meetings) {
    if (knownSet.has(k)) knownMeetings += n;
    else newTies++;
    repeats += Math.max(0, n - 1);
  }
  const avg = deptCounts.length ? deptCounts.reduce((a, b) => a + b, 0) / deptCounts.length : 0;
  return {
    avgDepartments: Number(avg.toFixed(2)),
    minDepartments: deptCounts.length ? Math.min(...deptCounts) : 0,
    newTies,
    knownPairMeetings: knownMeetings,
    repeats,
    hardViolations,
  };
}

/**
 * The department pairs these groups bring together that had no tie, by the counts; only pairs of nameable departments
 * (at least NETWORK_MIN_GROUP active people), so the preview never says that a small team's few people met nobody.
 */
export function firstTimePairs(rounds: string[][][], people: EnrolleeRow[], counts: DepartmentTieCounts): [string, string][] {
  const { firstTime } = departmentPairFigures(rounds.flat(), enginePeople(people), counts.ties);
  return firstTime.filter(([a, b]) => counts.nameable.has(a) && counts.nameable.has(b));
}

/** A seeded shuffle (mulberry32) so the random baseline is reproducible. */
function shuffled<T>(items: T[], seed: number): T[] {
  const rand = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Random assignment into groups of the same sizes as `shape`, round by round. */
function randomLike(shape: string[][][], seed: number): string[][][] {
  return shape.map((round, r) => {
    const ids = shuffled(round.flat(), seed + r * 7919);
    let at = 0;
    return round.map((g) => ids.slice(at, (at += g.length)));
  });
}

function enginePeople(people: EnrolleeRow[]): Person[] {
  return people.map((p) => ({ id: p.id, department: p.department ?? undefined, location: p.location ?? undefined, timezone: utcOffset(p.timeZone) }));
}

function engineError(err: unknown): never {
  if (err instanceof GroupingError) throw new AppError('UNPROCESSABLE', `These people cannot be grouped that way: ${err.message}.`);
  throw err;
}

/**
 * Forms a plan of one kind. Rotations are formed within each published cohort when there are cohorts (people meet
 * new colleagues of their own cohort), else across the whole program.
 */
export function formPlan(kind: PlanKind, people: EnrolleeRow[], params: PlanParams, cohortsOf: { name: string; members: string[] }[] | null, counts: DepartmentTieCounts): FormedPlan {
  const formed = formWithEngine(kind, people, params, cohortsOf, counts.ties);
  const random = formed.baselineRounds;
  return {
    ...formed.plan,
    firstTimeDepartmentPairs: firstTimePairs(formed.plan.rounds, people, counts),
    firstTimeDepartmentPairsRandom: firstTimePairs(random, people, counts).length,
  };
}

type EnginePlan = { plan: Omit<FormedPlan, 'firstTimeDepartmentPairs' | 'firstTimeDepartmentPairsRandom'>; baselineRounds: string[][][] };

function formWithEngine(kind: PlanKind, people: EnrolleeRow[], params: PlanParams, cohortsOf: { name: string; members: string[] }[] | null, departmentTies: DepartmentTieCounts['ties']): EnginePlan {
  if (people.length < 2) throw new AppError('UNPROCESSABLE', 'Enrol at least two people before forming groups.');
  const known = knownPairsOf(people);
  const persons = enginePeople(people);
  const budget = people.length > 500 ? 4000 : 1500;
  try {
    if (kind === 'cohorts') {
      const r = formCohorts({ people: persons, cohortSize: params.size, minSharedHours: params.minSharedHours, separate: known, departmentTies }, { seed: params.seed, timeLimitMs: budget });
      const rounds = [r.cohorts];
      const random = randomLike(rounds, params.seed);
      const plan = { rounds, labels: [r.cohorts.map((_, i) => `Cohort ${i + 1}`)], metrics: planFigures(rounds, people, known, r.metrics.hardViolations), baseline: planFigures(random, people, known), warnings: r.warnings, method: 'cohorts' };
      return { plan, baselineRounds: random };
    }
    if (kind === 'partners') {
      const byId = new Map(people.map((p) => [p.id, p]));
      const r = pairPartners(
        { people: persons.map((p) => ({ ...p, skills: byId.get(p.id)?.have ?? [], goals: byId.get(p.id)?.want ?? [] })), minSharedHours: params.minSharedHours, avoid: known, departmentTies },
        { seed: params.seed, timeLimitMs: budget },
      );
      const rounds = [r.pairs];
      const random = randomLike(rounds, params.seed);
      const plan = { rounds, labels: [r.pairs.map((_, i) => `Pair ${i + 1}`)], metrics: planFigures(rounds, people, known, r.metrics.hardViolations), baseline: planFigures(random, people, known), warnings: r.warnings, method: 'partners' };
      return { plan, baselineRounds: random };
    }
    const scopes = cohortsOf?.length ? cohortsOf.map((c) => ({ name: c.name, ids: new Set(c.members) })) : [{ name: '', ids: new Set(people.map((p) => p.id)) }];
    const rounds: string[][][] = Array.from({ length: params.rounds }, () => []);
    // The random baseline stays within the same scopes (cohorts), or the comparison would flatter random assignment.
    const randomRounds: string[][][] = Array.from({ length: params.rounds }, () => []);
    const labels: string[][] = Array.from({ length: params.rounds }, () => []);
    const warnings: string[] = [];
    let hard = 0;
    let method = '';
    for (const scope of scopes) {
      const members = persons.filter((p) => scope.ids.has(p.id));
      if (members.length < 2) continue;
      const size = Math.min(params.size, members.length);
      planGroupSizes(members.length, size, 'auto');
      const r = formGroups(
        { people: members, groupSize: size, rounds: params.rounds, knownPairs: known.filter((k) => scope.ids.has(k.a) && scope.ids.has(k.b)), departmentTies },
        { seed: params.seed, timeLimitMs: Math.max(200, budget / scopes.length) },
      );
      hard += r.metrics.hardViolations;
      method = r.method;
      warnings.push(...r.warnings.map((w) => (scope.name ? `${scope.name}: ${w}` : w)));
      randomLike(r.rounds, params.seed + randomRounds[0].length).forEach((round, i) => randomRounds[i].push(...round));
      r.rounds.forEach((round, i) => {
        round.forEach((g, gi) => {
          rounds[i].push(g);
          labels[i].push(scope.name ? `${scope.name} · Group ${gi + 1}` : `Group ${gi + 1}`);
        });
      });
    }
    return { plan: { rounds, labels, metrics: planFigures(rounds, people, known, hard), baseline: planFigures(randomRounds, people, known), warnings, method }, baselineRounds: randomRounds };
  } catch (err) {
    engineError(err);
  }
}

/** Plain sentences comparing a plan with random assignment of the same people. */
export function explain(kind: PlanKind, m: PlanMetrics, base: PlanMetrics): string[] {
  const unit = kind === 'cohorts' ? 'cohort' : kind === 'partners' ? 'pair' : 'group';
  const out = [`Each ${unit} mixes ${m.avgDepartments} departments on average (random: ${base.avgDepartments}); the least mixed has ${m.minDepartments} (random: ${base.minDepartments}).`];
  out.push(`${m.newTies} pairs of people meet who do not already work together (random: ${base.newTies}).`);
  out.push(m.knownPairMeetings === 0 ? 'Nobody is placed with their manager, a direct report or a teammate.' : `${m.knownPairMeetings} meetings of close colleagues could not be avoided (random: ${base.knownPairMeetings}).`);
  if (kind === 'rotation') out.push(m.repeats === 0 ? 'Nobody meets the same person twice across the rounds.' : `${m.repeats} repeated meetings across the rounds (random: ${base.repeats}).`);
  if (m.hardViolations) out.push(`${m.hardViolations} rule(s) could not be met (time zones or sizes): see the warnings.`);
  return out;
}
