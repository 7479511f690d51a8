import type { CohortProgram, CreateProgramRequest, FindProgramsQuery, MyPlacement, Program, ProgramPage, ProgramSummary, UpdateProgramRequest } from '../../../../contracts/index.ts';
import { CreateProgramRequest as CreateSchema } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { renderMarkdown } from '../../kernel/content/markdown.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../kernel/pagination.ts';
import { toIso } from '../../kernel/time.ts';
import { loadCommunityAccess } from '../communities/index.ts';
import { loadForFacilitator, loadProgram, programChanged } from './programs.access.ts';
import { loadPlacements, type PlanResult, placePerson, placeWaitingForCohort, savePlacements } from './programs.late.ts';
import * as policy from './programs.policy.ts';
import * as repo from './programs.repo.ts';
import { fillFromWaitlist, spacesChanged } from './programs.seats.ts';

export { programChannel } from './programs.access.ts';

type Ref = { id: string; name: string; title: string | null };

/** Who may follow `program:<id>` live: people who can see the program. */
export async function canFollowProgram(db: DbOrTx, actor: Actor, id: string) {
  await loadProgram(db, actor, id);
  return true;
}

const day = (v: string | Date | null) => (v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));

async function summaries(db: DbOrTx, actor: Actor, rows: repo.ProgramRow[]): Promise<ProgramSummary[]> {
  const ids = rows.map((r) => r.id);
  const facilitators = await repo.selectFacilitators(db, ids);
  const mine = new Map((await repo.selectMyEnrollments(db, actor.personId, ids)).map((e) => [e.programId, e]));
  return rows.map((r) => {
    const e = mine.get(r.id);
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      status: r.status as ProgramSummary['status'],
      enrollment: r.enrollment as ProgramSummary['enrollment'],
      capacity: r.capacity,
      enrolledCount: r.enrolledCount,
      startsOn: day(r.startsOn),
      endsOn: day(r.endsOn),
      facilitators: facilitators.filter((f) => f.programId === r.id).map(({ id, name, title }) => ({ id, name, title })),
      myEnrollment: e ? { status: e.status as 'enrolled' | 'waitlisted', waitlistPosition: e.position } : null,
    };
  });
}

/** Programs the actor can see, newest first. */
export async function findPrograms(db: DbOrTx, actor: Actor, q: FindProgramsQuery): Promise<ProgramPage> {
  const after = q.cursor ? decodeCursor<[string, string]>(q.cursor, 2) : undefined;
  const rows = await repo.selectProgramPage(db, actor, { filter: q.filter, after, limit: q.limit + 1 });
  const page = toPage(rows, q.limit, (r) => r, (r) => [r.k, r.id]);
  return { items: await summaries(db, actor, page.items), nextCursor: page.nextCursor };
}

/**
 * Learning partners from the program's published partners plan: person → the others in their pair (or trio). Empty
 * when no partners plan is published. Live sessions of the program pair people with these partners.
 */
export async function publishedPartners(db: DbOrTx, programId: string): Promise<Map<string, string[]>> {
  const plan = await repo.selectPublishedPlan(db, programId, 'partners');
  const out = new Map<string, string[]>();
  const pairs = plan ? ((plan.result as { rounds?: string[][][] }).rounds?.[0] ?? []) : [];
  for (const pair of pairs) for (const id of pair) out.set(id, pair.filter((o) => o !== id));
  return out;
}

/** Where the actor was placed by the program's published plans, and what they still wait for. */
async function placementOf(db: DbOrTx, actor: Actor, programId: string): Promise<MyPlacement> {
  const cohort = await repo.selectMyCohort(db, programId, actor.personId);
  const [cohortsPlan, rotation, partners] = await Promise.all(['cohorts', 'rotation', 'partners'].map((k) => repo.selectPublishedPlan(db, programId, k)));
  const mineIn = (rounds: string[][][]) => rounds.map((round) => round.find((g) => g.includes(actor.personId)) ?? []);
  const groups = rotation ? mineIn((rotation.result as PlanResult).rounds) : [];
  const pair = partners ? mineIn((partners.result as PlanResult).rounds)[0] : [];
  const others = [...new Set([...groups.flat(), ...pair])].filter((id) => id !== actor.personId);
  const refs = new Map((await repo.selectRefs(db, actor.orgId, others)).map((r) => [r.id, r]));
  const toRefs = (ids: string[]) => ids.filter((id) => id !== actor.personId && refs.has(id)).map((id) => refs.get(id) as Ref);
  const enrolled = cohortsPlan || partners ? (await repo.selectEnrollment(db, programId, actor.personId))?.status === 'enrolled' : false;
  return {
    cohort: cohort ? { id: cohort.id, name: cohort.name, communitySlug: cohort.communitySlug, members: cohort.members } : null,
    groups: groups.map((g, i) => ({ round: i + 1, members: toRefs(g) })).filter((g) => g.members.length > 0),
    partners: toRefs(pair),
    waiting: {
      cohort: Boolean(cohortsPlan) && enrolled && !cohort,
      partner: Boolean(partners) && enrolled && ((partners?.result as PlanResult | undefined)?.waiting ?? []).includes(actor.personId),
    },
  };
}

/** A program page with schedule, settings, the actor's enrolment and placement, and abilities. */
export async function getProgram(db: DbOrTx, actor: Actor, id: string): Promise<Program> {
  const { row, canFacilitate } = await loadProgram(db, actor, id);
  const [summary] = await summaries(db, actor, [row]);
  const sessions = await repo.selectSessions(db, row.id);
  return {
    ...summary,
    goals: row.goals,
    goalsHtml: row.goalsHtml,
    sessions: sessions.map((s) => ({ id: s.id, title: s.title, startsAt: toIso(s.startsAt), durationMinutes: s.durationMinutes })),
    settings: { cohortSize: row.cohortSize, groupSize: row.groupSize, rounds: row.rounds, minSharedHours: row.minSharedHours },
    waitlistCount: await repo.countWaitlisted(db, row.id),
    checkinWeeks: row.checkinWeeks,
    myPlacement: await placementOf(db, actor, row.id),
    abilities: { canEdit: canFacilitate, canEnroll: policy.canSelfEnroll(actor, row), canFacilitate },
  };
}

/** Creates a draft program; the creator facilitates it. */
export async function createProgram(deps: AppDeps, actor: Actor, raw: CreateProgramRequest): Promise<Program> {
  if (!policy.canCreate(actor)) throw new AppError('FORBIDDEN', 'Only facilitators and admins can create programs.');
  const input = CreateSchema.parse(raw);
  const id = await deps.events.transaction(deps.db, async (tx, emit) => {
    const facilitatorIds = [actor.personId, ...input.facilitatorIds];
    const found = await repo.selectActivePeople(tx, actor.orgId, [...new Set(facilitatorIds)]);
    if (found.length !== new Set(facilitatorIds).size) {
      throw new AppError('VALIDATION_FAILED', 'Some facilitators are not active people of your organization.', { errors: [{ field: 'facilitatorIds', message: 'Unknown person' }] });
    }
    const p = await repo.insertProgram(tx, {
      orgId: actor.orgId,
      title: input.title,
      description: input.description,
      goals: input.goals,
      goalsHtml: renderMarkdown(input.goals),
      enrollment: input.enrollment,
      capacity: input.capacity,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      checkinWeeks: input.checkinWeeks,
      ...input.settings,
      createdBy: actor.personId,
    });
    await repo.setFacilitators(tx, actor.orgId, p.id, facilitatorIds);
    await repo.replaceSessions(tx, actor.orgId, p.id, input.sessions);
    emit({ type: 'programs.created', orgId: actor.orgId, payload: { programId: p.id, personId: actor.personId } });
    return p.id;
  });
  return getProgram(deps.db, actor, id);
}

/**
 * Facilitators edit the program, its schedule and settings, and move it through its states. A larger capacity lets
 * people in from the waitlist, in order of arrival, and places them in what is published; a larger cohort size lets
 * full cohorts take people who wait for one.
 */
export async function updateProgram(deps: AppDeps, actor: Actor, id: string, input: UpdateProgramRequest): Promise<Program> {
  const spaces = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, actor.orgId, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const { sessions, settings, goals, ...rest } = input;
    await repo.updateProgramRow(tx, row.id, { ...rest, ...(settings ?? {}), ...(goals !== undefined ? { goals, goalsHtml: renderMarkdown(goals) } : {}) });
    if (sessions) await repo.replaceSessions(tx, actor.orgId, row.id, sessions.map((s) => ({ ...s, durationMinutes: s.durationMinutes ?? 60 })));
    const promoted: string[] = [];
    if (input.capacity !== undefined) await fillFromWaitlist(tx, row.id, input.capacity, (personId) => {
      promoted.push(personId);
      emit({ type: 'programs.promoted', orgId: actor.orgId, payload: { programId: row.id, personId } });
    });
    if (input.status && input.status !== row.status) emit({ type: 'programs.status_changed', orgId: actor.orgId, payload: { programId: row.id, status: input.status } });
    const placements = await loadPlacements(tx, { ...row, ...(settings ?? {}) }, emit);
    for (const personId of promoted) await placePerson(placements, personId);
    if ((settings?.cohortSize ?? row.cohortSize) > row.cohortSize) await placeWaitingForCohort(placements);
    return savePlacements(placements);
  });
  spacesChanged(deps, spaces);
  programChanged(deps, id, 'program');
  return getProgram(deps.db, actor, id);
}


/** Enrolled people mark a session done (or not) for themselves; others get 409, unknown sessions 404. */
export async function markSessionDone(deps: AppDeps, actor: Actor, id: string, sessionId: string, done: boolean): Promise<void> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { row } = await loadProgram(tx, actor, id);
    if (!(await repo.selectSession(tx, row.id, sessionId))) throw notFound('That session');
    const enrolment = await repo.selectEnrollment(tx, row.id, actor.personId);
    if (enrolment?.status !== 'enrolled') throw new AppError('CONFLICT', 'Only people enrolled in this program can mark sessions done.');
    const changed = done
      ? await repo.insertProgress(tx, { sessionId, personId: actor.personId, programId: row.id, orgId: actor.orgId })
      : await repo.deleteProgress(tx, sessionId, actor.personId);
    if (changed) emit({ type: 'programs.session_done', orgId: actor.orgId, payload: { programId: row.id, sessionId, personId: actor.personId, done } });
  });
  programChanged(deps, id, 'progress');
}

/** Enrolled (or waitlisted) people hide their progress from peers, or show it again. */
export async function setProgressVisibility(deps: AppDeps, actor: Actor, id: string, hidden: boolean): Promise<void> {
  const { row } = await loadProgram(deps.db, actor, id);
  if (!(await repo.updateHideProgress(deps.db, row.id, actor.personId, hidden))) throw new AppError('CONFLICT', 'Only people enrolled in this program have progress to hide.');
  programChanged(deps, id, 'progress');
}

/**
 * The program panel of a cohort space: goals, the schedule with the viewer's ticks, and members' progress (counts are
 * null for people who hide theirs, except the viewer's own). Readable by whoever can read the space; 404 otherwise
 * and for communities that are not a cohort's space.
 */
export async function getCohortProgram(db: DbOrTx, actor: Actor, communityRef: string): Promise<CohortProgram> {
  const access = await loadCommunityAccess(db, actor, communityRef);
  if (!access.canRead || access.community.kind !== 'cohort') throw notFound('That cohort program');
  const cohort = await repo.selectCohortOfCommunity(db, actor.orgId, access.community.id);
  if (!cohort) throw notFound('That cohort program');
  const [sessions, mine, members, enrolment] = await Promise.all([
    repo.selectSessions(db, cohort.programId),
    repo.selectDoneSessionIds(db, cohort.programId, actor.personId),
    repo.selectCohortProgress(db, cohort.id, cohort.programId),
    repo.selectEnrollment(db, cohort.programId, actor.personId),
  ]);
  return {
    program: { id: cohort.programId, title: cohort.title, goalsHtml: cohort.goalsHtml },
    cohortName: cohort.name,
    sessions: sessions.map((x) => ({ id: x.id, title: x.title, startsAt: toIso(x.startsAt), durationMinutes: x.durationMinutes, isDone: mine.has(x.id) })),
    members: members.map((m) => ({ id: m.id, name: m.name, title: m.title, done: m.hidden && m.id !== actor.personId ? null : Math.min(m.done, sessions.length), total: sessions.length })),
    hideMyProgress: enrolment ? enrolment.hideProgress : null,
  };
}
