import type { ProgramImpact } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { seededRandom } from '../../kernel/random.ts';
import { canAnalyse } from '../network/index.ts';
import { getSurveyResults } from '../surveys/index.ts';
import * as repo from './impact.repo.ts';

/** Random groupings drawn to compare a plan with. */
export const RANDOM_DRAWS = 200;

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);


/** What a set of rounds of groups arranges: pairs meeting, new ones, new across departments, silos they connect. */
export function meetingFigures(rounds: string[][][], tiedBefore: ReadonlySet<string>, department: ReadonlyMap<string, string | null>, silos: ReadonlySet<string>) {
  const met = new Set<string>();
  for (const round of rounds) for (const g of round) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) met.add(pairKey(g[i], g[j]));
  let fresh = 0;
  let crossing = 0;
  const bridged = new Set<string>();
  for (const key of met) {
    if (tiedBefore.has(key)) continue;
    fresh++;
    const [a, b] = key.split(' ');
    const da = department.get(a) ?? null;
    const db = department.get(b) ?? null;
    if (da !== null && db !== null && da !== db) {
      crossing++;
      const silo = pairKey(da, db);
      if (silos.has(silo)) bridged.add(silo);
    }
  }
  return { pairsMet: met.size, newPairs: fresh, newCrossDepartmentPairs: crossing, silosBridged: bridged.size };
}

/**
 * The same people in groups of the same sizes, each round shuffled at random within scopes: groups whose members all
 * share a scope (a cohort) are shuffled among that scope's groups only; the rest across the round.
 */
export function randomLike(rounds: string[][][], random: () => number, scopeOf: ReadonlyMap<string, number> = new Map()): string[][][] {
  return rounds.map((round) => {
    const byScope = new Map<string, number[]>();
    round.forEach((g, i) => {
      const scopes = new Set(g.map((id) => scopeOf.get(id) ?? -1));
      const scope = scopes.size === 1 && !scopes.has(-1) ? String([...scopes][0]) : 'round';
      byScope.set(scope, [...(byScope.get(scope) ?? []), i]);
    });
    const out: string[][] = round.map(() => []);
    for (const groups of byScope.values()) {
      const people = groups.flatMap((i) => round[i]);
      for (let i = people.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [people[i], people[j]] = [people[j], people[i]];
      }
      let at = 0;
      for (const i of groups) out[i] = people.slice(at, (at += round[i].length));
    }
    return out;
  });
}

/** The program's surveys as the results page gives them to this reader (left out where it may not see results). */
async function programSurveys(deps: AppDeps, actor: Actor, programId: string): Promise<ProgramImpact['surveys']> {
  const out: ProgramImpact['surveys'] = [];
  for (const { id } of await repo.selectProgramSurveys(deps.db, actor.orgId, programId)) {
    try {
      const r = await getSurveyResults(deps.db, actor, id, {});
      out.push({
        id,
        title: r.survey.title,
        kind: r.survey.kind,
        withheld: r.withheld,
        responses: r.responses,
        questions: r.questions.filter((q) => !q.withheld && (q.average !== null || q.nps !== null)).map((q) => ({ prompt: q.prompt, type: q.type, average: q.average, nps: q.nps })),
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  return out;
}

const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * A program's impact for its facilitators, org admins and analysts (others 404): ties among members before and during
 * the program, what its published plans arranged against random groups of the same sizes, and how members took part.
 */
export async function getProgramImpact(deps: AppDeps, actor: Actor, programId: string, today = new Date()): Promise<ProgramImpact> {
  // Who may read it is decided on the primary; the figures come from the read replica when there is one.
  const program = await repo.selectProgram(deps.db, actor.orgId, programId, actor.personId);
  const db = deps.readDb;
  if (!program || !(program.facilitates || canAnalyse(actor))) throw notFound('The program');
  const now = today.toISOString().slice(0, 10);
  // The program's effects start with its first day or its first published plan, whichever comes first (a plan's
  // meetings become ties the day it is published): "before" is everything earlier.
  const from = [program.startsOn, program.firstPlanOn].filter((d): d is string => d !== null).sort()[0] ?? program.createdOn;
  const to = program.endsOn && program.endsOn < now ? program.endsOn : now;
  const members = await repo.selectMembers(db, programId);
  const ids = members.map((m) => m.id);
  const department = new Map(members.map((m) => [m.id, m.department]));
  const [ties, tiedDepartments, plans, progress, live] = await Promise.all([
    repo.selectMemberTies(db, actor.orgId, ids, to),
    repo.selectDepartmentPairsBefore(db, actor.orgId, from),
    repo.selectPublishedPlans(db, programId),
    repo.selectProgress(db, programId),
    repo.selectLiveMinutes(db, programId),
  ]);

  const departments = [...new Set(members.map((m) => m.department).filter((d): d is string => d !== null))].sort();
  const tiedBefore = new Set(tiedDepartments.map((p) => pairKey(p.a, p.b)));
  const silos = new Set<string>();
  for (let i = 0; i < departments.length; i++) for (let j = i + 1; j < departments.length; j++) if (!tiedBefore.has(pairKey(departments[i], departments[j]))) silos.add(pairKey(departments[i], departments[j]));

  const before = new Set(ties.filter((t) => t.first < from).map((t) => pairKey(t.a, t.b)));
  const fresh = ties.filter((t) => t.first >= from);
  const crossing = fresh.filter((t) => department.get(t.a) && department.get(t.b) && department.get(t.a) !== department.get(t.b));
  const bridged = new Set(crossing.map((t) => pairKey(department.get(t.a) as string, department.get(t.b) as string)).filter((k) => silos.has(k)));

  // Plans name the people they placed; only current members count (people who left are not in the report). The
  // latest published cohorts are the scopes that rotations and pairs inside them are compared within.
  const placed = plans.map((p) => ({ kind: p.kind, rounds: (p.result.rounds ?? []).map((round) => round.map((g) => g.filter((id) => department.has(id))).filter((g) => g.length > 0)) }));
  const scopeOf = new Map<string, number>();
  for (const p of placed) if (p.kind === 'cohorts') p.rounds[0]?.forEach((g, i) => g.forEach((id) => scopeOf.set(id, i)));
  const seed = programId.split('').reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);
  const compared: ProgramImpact['plans'] = placed
    .filter((p) => p.rounds.some((round) => round.length > 0) && (p.kind === 'cohorts' || p.kind === 'rotation' || p.kind === 'partners'))
    .map((p, k) => {
      const planned = meetingFigures(p.rounds, before, department, silos);
      const random = seededRandom(seed ^ (k + 1));
      const sum = { newPairs: 0, newCrossDepartmentPairs: 0, silosBridged: 0 };
      for (let d = 0; d < RANDOM_DRAWS; d++) {
        const f = meetingFigures(randomLike(p.rounds, random, p.kind === 'cohorts' ? new Map() : scopeOf), before, department, silos);
        sum.newPairs += f.newPairs;
        sum.newCrossDepartmentPairs += f.newCrossDepartmentPairs;
        sum.silosBridged += f.silosBridged;
      }
      const mean = (x: number) => Math.round((x / RANDOM_DRAWS) * 10) / 10;
      return {
        kind: p.kind as 'cohorts' | 'rotation' | 'partners',
        pairsMet: planned.pairsMet,
        newPairs: { program: planned.newPairs, random: mean(sum.newPairs) },
        newCrossDepartmentPairs: { program: planned.newCrossDepartmentPairs, random: mean(sum.newCrossDepartmentPairs) },
        silosBridged: { program: planned.silosBridged, random: mean(sum.silosBridged) },
      };
    });

  const surveys = await programSurveys(deps, actor, programId);
  const doneBy = new Map(progress.done.map((d) => [d.personId, d.done]));
  const minutes = live.minutes.filter((m) => department.has(m.personId)).map((m) => Number(m.minutes));
  const marked = ids.reduce((n, id) => n + (doneBy.get(id) ?? 0), 0);
  return {
    program: { id: program.id, title: program.title, startsOn: program.startsOn, endsOn: program.endsOn },
    from,
    to: to < from ? from : to,
    members: members.length,
    departments: departments.length,
    observed: {
      tiesBefore: before.size,
      newTies: fresh.length,
      newCrossDepartmentTies: crossing.length,
      silosBefore: silos.size,
      silosBridged: bridged.size,
    },
    plans: compared,
    surveys,
    draws: RANDOM_DRAWS,
    engagement: {
      sessions: progress.sessions,
      completed: progress.sessions ? ids.filter((id) => (doneBy.get(id) ?? 0) >= progress.sessions).length : 0,
      progress: progress.sessions && ids.length ? marked / (progress.sessions * ids.length) : null,
      liveSessions: live.sessions,
      attended: minutes.length,
      liveMinutes: Math.round(minutes.reduce((s, m) => s + m, 0)),
      medianLiveMinutes: median(minutes.map((m) => Math.round(m))),
    },
  };
}

/** The report as CSV rows: one figure a line, the program's value and random grouping's beside it. */
export function impactCsvRows(r: ProgramImpact): (string | number | null)[][] {
  const plans = r.plans.flatMap((p) => {
    const name = PLAN_NAMES[p.kind];
    return [
      [`${name}: pairs meeting`, p.pairsMet, null],
      [`${name}: new pairs meeting`, p.newPairs.program, p.newPairs.random],
      [`${name}: new cross-department pairs meeting`, p.newCrossDepartmentPairs.program, p.newCrossDepartmentPairs.random],
      [`${name}: silos its meetings bridge`, p.silosBridged.program, p.silosBridged.random],
    ];
  });
  return [
    ['Members', r.members, null],
    ['Departments', r.departments, null],
    ['Ties among members before', r.observed.tiesBefore, null],
    ['New ties among members', r.observed.newTies, null],
    ['New cross-department ties', r.observed.newCrossDepartmentTies, null],
    ['Department pairs with no tie before', r.observed.silosBefore, null],
    ['Of those, bridged', r.observed.silosBridged, null],
    ...plans,
    ...r.surveys.flatMap((v) => [
      [`Survey "${v.title}": responses`, v.withheld ? 'fewer than 5' : v.responses, null],
      ...v.questions.map((q) => [`Survey "${v.title}": ${q.prompt}`, q.nps ?? q.average, null]),
    ]),
    ['Program sessions', r.engagement.sessions, null],
    ['Members who completed every session', r.engagement.completed, null],
    ['Sessions marked done (share)', r.engagement.progress, null],
    ['Live sessions', r.engagement.liveSessions, null],
    ['Members who attended a live session', r.engagement.attended, null],
    ['Minutes in live sessions', r.engagement.liveMinutes, null],
    ['Median minutes per attendee', r.engagement.medianLiveMinutes, null],
  ];
}

/** What each kind of plan is called in the report. */
export const PLAN_NAMES = { cohorts: 'Cohorts', rotation: 'Breakout rotation', partners: 'Learning partners' } as const;

export const IMPACT_CSV_HEADER = ['Figure', 'Program', `Random grouping (mean of ${RANDOM_DRAWS})`];
