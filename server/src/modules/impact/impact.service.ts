import type { ProgramImpact } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { canAnalyse } from '../network/index.ts';
import * as repo from './impact.repo.ts';

/** Random groupings drawn to compare a plan with. */
export const RANDOM_DRAWS = 200;

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** A seeded generator (mulberry32): the comparison is the same on every read. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

/** The same people in groups of the same sizes, each round shuffled at random. */
export function randomLike(rounds: string[][][], random: () => number): string[][][] {
  return rounds.map((round) => {
    const people = round.flat();
    for (let i = people.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [people[i], people[j]] = [people[j], people[i]];
    }
    let at = 0;
    return round.map((g) => people.slice(at, (at += g.length)));
  });
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
  const db = deps.db;
  const program = await repo.selectProgram(db, actor.orgId, programId, actor.personId);
  if (!program || !(program.facilitates || canAnalyse(actor))) throw notFound('The program');
  const now = today.toISOString().slice(0, 10);
  const from = program.startsOn ?? program.firstPlanOn ?? program.createdOn;
  const to = program.endsOn && program.endsOn < now ? program.endsOn : now;
  const members = await repo.selectMembers(db, programId);
  const ids = members.map((m) => m.id);
  const department = new Map(members.map((m) => [m.id, m.department]));
  const [ties, tiedDepartments, rounds, progress, live] = await Promise.all([
    repo.selectMemberTies(db, actor.orgId, ids, to),
    repo.selectDepartmentPairsBefore(db, actor.orgId, from),
    repo.selectPublishedRounds(db, programId),
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

  // Plans name the people they placed; only current members count (people who left are not in the report).
  const placed = rounds.map((round) => round.map((g) => g.filter((id) => department.has(id))).filter((g) => g.length > 0));
  let grouping: ProgramImpact['grouping'] = null;
  if (placed.some((round) => round.length > 0)) {
    const planned = meetingFigures(placed, before, department, silos);
    const random = prng(0x1f2e3d ^ programId.split('').reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7));
    const sum = { newPairs: 0, newCrossDepartmentPairs: 0, silosBridged: 0 };
    for (let k = 0; k < RANDOM_DRAWS; k++) {
      const f = meetingFigures(randomLike(placed, random), before, department, silos);
      sum.newPairs += f.newPairs;
      sum.newCrossDepartmentPairs += f.newCrossDepartmentPairs;
      sum.silosBridged += f.silosBridged;
    }
    const mean = (x: number) => Math.round((x / RANDOM_DRAWS) * 10) / 10;
    grouping = {
      pairsMet: planned.pairsMet,
      newPairs: { program: planned.newPairs, random: mean(sum.newPairs) },
      newCrossDepartmentPairs: { program: planned.newCrossDepartmentPairs, random: mean(sum.newCrossDepartmentPairs) },
      silosBridged: { program: planned.silosBridged, random: mean(sum.silosBridged) },
      draws: RANDOM_DRAWS,
    };
  }

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
    grouping,
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
  const g = r.grouping;
  return [
    ['Members', r.members, null],
    ['Departments', r.departments, null],
    ['Ties among members before', r.observed.tiesBefore, null],
    ['New ties among members', r.observed.newTies, null],
    ['New cross-department ties', r.observed.newCrossDepartmentTies, null],
    ['Department pairs with no tie before', r.observed.silosBefore, null],
    ['Of those, bridged', r.observed.silosBridged, null],
    ['Pairs meeting in the plans', g?.pairsMet ?? null, null],
    ['New pairs meeting', g?.newPairs.program ?? null, g?.newPairs.random ?? null],
    ['New cross-department pairs meeting', g?.newCrossDepartmentPairs.program ?? null, g?.newCrossDepartmentPairs.random ?? null],
    ['Silos the meetings bridge', g?.silosBridged.program ?? null, g?.silosBridged.random ?? null],
    ['Program sessions', r.engagement.sessions, null],
    ['Members who completed every session', r.engagement.completed, null],
    ['Sessions marked done (share)', r.engagement.progress, null],
    ['Live sessions', r.engagement.liveSessions, null],
    ['Members who attended a live session', r.engagement.attended, null],
    ['Minutes in live sessions', r.engagement.liveMinutes, null],
    ['Median minutes per attendee', r.engagement.medianLiveMinutes, null],
  ];
}

export const IMPACT_CSV_HEADER = ['Figure', 'Program', `Random grouping (mean of ${RANDOM_DRAWS})`];
