import type {
  AdjustPlanRequest,
  CohortProgram,
  CreateProgramRequest,
  FindProgramsQuery,
  FormPlanRequest,
  MyPlacement,
  Plan,
  PlanKind,
  PlanMetrics,
  Program,
  ProgramEnrollees,
  ProgramPage,
  ProgramPlans,
  ProgramSummary,
  UpdateProgramRequest,
} from '../../../../contracts/index.ts';
import { CreateProgramRequest as CreateSchema } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { renderMarkdown } from '../../kernel/content/markdown.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../kernel/pagination.ts';
import { toIso } from '../../kernel/time.ts';
import { createCohortSpace, loadCommunityAccess } from '../communities/index.ts';
import { explain, formPlan, knownPairsOf, planFigures } from './programs.plans.ts';
import * as policy from './programs.policy.ts';
import * as repo from './programs.repo.ts';

type Ref = { id: string; name: string; title: string | null };

/** Realtime channel of a program (enrolment and published plans; ids only). */
export const programChannel = (id: string) => `program:${id}`;

function programChanged(deps: AppDeps, id: string, what: string) {
  void deps.hub.changed(programChannel(id), what, id);
}

/** Who may follow `program:<id>` live: people who can see the program. */
export async function canFollowProgram(db: DbOrTx, actor: Actor, id: string) {
  await loadProgram(db, actor, id);
  return true;
}

async function loadProgram(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.selectProgram(db, actor.orgId, id);
  if (!row) throw notFound('That program');
  const facilitator = await repo.isFacilitator(db, row.id, actor.personId);
  if (!policy.canView(actor, row, facilitator)) throw notFound('That program');
  return { row, facilitator, canFacilitate: policy.canFacilitate(actor, row, facilitator) };
}

async function loadForFacilitator(db: DbOrTx, actor: Actor, id: string) {
  const p = await loadProgram(db, actor, id);
  if (!p.canFacilitate) throw new AppError('FORBIDDEN', 'Only the program’s facilitators can do that.');
  return p;
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

/** Where the actor was placed by the program's published plans. */
async function placementOf(db: DbOrTx, actor: Actor, programId: string): Promise<MyPlacement> {
  const cohort = await repo.selectMyCohort(db, programId, actor.personId);
  const rotation = await repo.selectPublishedPlan(db, programId, 'rotation');
  const partners = await repo.selectPublishedPlan(db, programId, 'partners');
  const mineIn = (rounds: string[][][]) => rounds.map((round) => round.find((g) => g.includes(actor.personId)) ?? []);
  const groups = rotation ? mineIn((rotation.result as { rounds: string[][][] }).rounds) : [];
  const pair = partners ? mineIn((partners.result as { rounds: string[][][] }).rounds)[0] : [];
  const others = [...new Set([...groups.flat(), ...pair])].filter((id) => id !== actor.personId);
  const refs = new Map((await repo.selectRefs(db, actor.orgId, others)).map((r) => [r.id, r]));
  const toRefs = (ids: string[]) => ids.filter((id) => id !== actor.personId && refs.has(id)).map((id) => refs.get(id) as Ref);
  return {
    cohort: cohort ? { id: cohort.id, name: cohort.name, communitySlug: cohort.communitySlug, members: cohort.members } : null,
    groups: groups.map((g, i) => ({ round: i + 1, members: toRefs(g) })).filter((g) => g.members.length > 0),
    partners: toRefs(pair),
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

/** Facilitators edit the program, its schedule and settings, and move it through its states. */
export async function updateProgram(deps: AppDeps, actor: Actor, id: string, input: UpdateProgramRequest): Promise<Program> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const { sessions, settings, goals, ...rest } = input;
    await repo.updateProgramRow(tx, row.id, { ...rest, ...(settings ?? {}), ...(goals !== undefined ? { goals, goalsHtml: renderMarkdown(goals) } : {}) });
    if (sessions) await repo.replaceSessions(tx, actor.orgId, row.id, sessions.map((s) => ({ ...s, durationMinutes: s.durationMinutes ?? 60 })));
    // A larger capacity lets people in from the waitlist, in order of arrival.
    if (input.capacity !== undefined) await fillFromWaitlist(tx, row.id, input.capacity, (personId) => emit({ type: 'programs.promoted', orgId: actor.orgId, payload: { programId: row.id, personId } }));
    if (input.status && input.status !== row.status) emit({ type: 'programs.status_changed', orgId: actor.orgId, payload: { programId: row.id, status: input.status } });
  });
  return getProgram(deps.db, actor, id);
}

async function fillFromWaitlist(tx: DbOrTx, programId: string, capacity: number | null, promoted: (personId: string) => void) {
  for (;;) {
    if (capacity !== null && (await repo.countEnrolled(tx, programId)) >= capacity) break;
    const personId = await repo.promoteFromWaitlist(tx, programId);
    if (!personId) break;
    promoted(personId);
  }
  await repo.refreshEnrolledCount(tx, programId);
}

/** Enrols people (self or assigned): enrolled while seats are left, waitlisted after that; existing rows are kept. */
async function enroll(tx: DbOrTx, row: repo.ProgramRow, personIds: string[], source: 'self' | 'assigned') {
  let enrolled = await repo.countEnrolled(tx, row.id);
  const added: { personId: string; status: string }[] = [];
  for (const personId of personIds) {
    if (await repo.selectEnrollment(tx, row.id, personId)) continue;
    const status = row.capacity === null || enrolled < row.capacity ? 'enrolled' : 'waitlisted';
    if (status === 'enrolled') enrolled++;
    await repo.insertEnrollment(tx, { programId: row.id, personId, orgId: row.orgId, status, source });
    added.push({ personId, status });
  }
  await repo.refreshEnrolledCount(tx, row.id);
  return added;
}

/** Self-enrolment (or leaving; a freed seat goes to the first person on the waitlist). */
export async function setMyEnrollment(deps: AppDeps, actor: Actor, id: string, enrolled: boolean): Promise<Program> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, id);
    const { row } = await loadProgram(tx, actor, id);
    if (enrolled) {
      if (!policy.canSelfEnroll(actor, row)) throw new AppError('CONFLICT', row.status === 'open' ? 'Facilitators enrol people in this program.' : 'This program is not open for enrolment.');
      for (const a of await enroll(tx, row, [actor.personId], 'self')) emit({ type: 'programs.enrolled', orgId: actor.orgId, payload: { programId: row.id, personId: a.personId, status: a.status } });
      return;
    }
    const gone = await repo.deleteEnrollment(tx, row.id, actor.personId);
    if (!gone) return;
    emit({ type: 'programs.left', orgId: actor.orgId, payload: { programId: row.id, personId: actor.personId } });
    if (gone.status === 'enrolled') await fillFromWaitlist(tx, row.id, row.capacity, (personId) => emit({ type: 'programs.promoted', orgId: actor.orgId, payload: { programId: row.id, personId } }));
  });
  programChanged(deps, id, 'enrollment');
  return getProgram(deps.db, actor, id);
}

/** Facilitators enrol people (past capacity they join the waitlist). */
export async function assignPeople(deps: AppDeps, actor: Actor, id: string, personIds: string[]): Promise<ProgramEnrollees> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const unique = [...new Set(personIds)];
    const found = await repo.selectActivePeople(tx, actor.orgId, unique);
    if (found.length !== unique.length) throw new AppError('VALIDATION_FAILED', 'Some of these people are not active in your organization.', { errors: [{ field: 'personIds', message: 'Unknown person' }] });
    for (const a of await enroll(tx, row, unique, 'assigned')) emit({ type: 'programs.enrolled', orgId: actor.orgId, payload: { programId: row.id, personId: a.personId, status: a.status, by: actor.personId } });
  });
  programChanged(deps, id, 'enrollment');
  return findEnrollees(deps.db, actor, id);
}

/** Facilitators remove someone (their seat goes to the waitlist). */
export async function removeEnrollee(deps: AppDeps, actor: Actor, id: string, personId: string): Promise<void> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const gone = await repo.deleteEnrollment(tx, row.id, personId);
    if (!gone) throw notFound('That enrolment');
    emit({ type: 'programs.left', orgId: actor.orgId, payload: { programId: row.id, personId, by: actor.personId } });
    if (gone.status === 'enrolled') await fillFromWaitlist(tx, row.id, row.capacity, (p) => emit({ type: 'programs.promoted', orgId: actor.orgId, payload: { programId: row.id, personId: p } }));
  });
}

/** Enrolled people, then the waitlist in order (facilitators). */
export async function findEnrollees(db: DbOrTx, actor: Actor, id: string): Promise<ProgramEnrollees> {
  const { row } = await loadForFacilitator(db, actor, id);
  const rows = await repo.selectEnrollees(db, row.id, false);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      title: r.title,
      department: r.department,
      location: r.location,
      timeZone: r.timeZone,
      status: r.status as 'enrolled' | 'waitlisted',
      source: r.source as 'self' | 'assigned',
      enrolledAt: toIso(r.enrolledAt),
    })),
  };
}

async function presentPlan(db: DbOrTx, orgId: string, plan: repo.PlanRow): Promise<Plan> {
  const result = plan.result as { rounds: string[][][]; labels: string[][]; warnings?: string[] };
  const ids = [...new Set(result.rounds.flat(2))];
  const people = new Map((await repo.selectEnrolleesByIds(db, orgId, ids)).map((p) => [p.id, p]));
  const kindLabel = plan.kind === 'rotation' ? 'Round' : plan.kind === 'cohorts' ? 'Cohorts' : 'Partners';
  return {
    id: plan.id,
    kind: plan.kind as PlanKind,
    status: plan.status as Plan['status'],
    params: plan.params as Plan['params'],
    rounds: result.rounds.map((round, r) => ({
      label: plan.kind === 'rotation' ? `${kindLabel} ${r + 1}` : kindLabel,
      groups: round.map((g, gi) => ({ label: result.labels[r]?.[gi] ?? `Group ${gi + 1}`, members: g.map((pid) => people.get(pid) ?? { id: pid, name: 'Unknown', department: null, location: null, timeZone: null }) })),
    })),
    metrics: plan.metrics as PlanMetrics,
    baseline: plan.baseline as PlanMetrics,
    explanation: explain(plan.kind as PlanKind, plan.metrics as PlanMetrics, plan.baseline as PlanMetrics),
    warnings: result.warnings ?? [],
    method: plan.method,
    createdAt: toIso(plan.createdAt),
    publishedAt: plan.publishedAt ? toIso(plan.publishedAt) : null,
  };
}

/** Current drafts and published plans (facilitators). */
export async function findPlans(db: DbOrTx, actor: Actor, id: string): Promise<ProgramPlans> {
  const { row } = await loadForFacilitator(db, actor, id);
  const plans = await repo.selectPlans(db, row.id);
  const items = [];
  for (const p of plans) items.push(await presentPlan(db, actor.orgId, p));
  return { items };
}

/** Forms a draft plan with the engine and compares it with random assignment of the same people. */
export async function createPlan(deps: AppDeps, actor: Actor, id: string, input: FormPlanRequest): Promise<Plan> {
  const { row } = await loadForFacilitator(deps.db, actor, id);
  const people = await repo.selectEnrollees(deps.db, row.id, true);
  const params = {
    size: input.size ?? (input.kind === 'cohorts' ? row.cohortSize : input.kind === 'partners' ? 2 : row.groupSize),
    rounds: input.kind === 'rotation' ? (input.rounds ?? row.rounds) : 1,
    minSharedHours: input.minSharedHours ?? row.minSharedHours,
    seed: input.seed ?? 1,
  };
  const cohortRows = input.kind === 'rotation' ? await repo.selectCohortMembers(deps.db, row.id) : [];
  const cohortsOf = groupCohorts(cohortRows);
  // The engine is CPU-bound but bounded by its time budget (1.5 s, 4 s past 500 people).
  const formed = formPlan(input.kind, people, params, cohortsOf);
  const plan = await deps.events.transaction(deps.db, async (tx, emit) => {
    const p = await repo.insertPlan(tx, {
      programId: row.id,
      orgId: actor.orgId,
      kind: input.kind,
      params,
      result: { rounds: formed.rounds, labels: formed.labels, warnings: formed.warnings },
      metrics: formed.metrics,
      baseline: formed.baseline,
      method: formed.method,
      createdBy: actor.personId,
    });
    emit({ type: 'programs.plan_formed', orgId: actor.orgId, payload: { programId: row.id, planId: p.id, kind: input.kind } });
    return p;
  });
  return presentPlan(deps.db, actor.orgId, plan);
}

function groupCohorts(rows: { cohortId: string; name: string; personId: string }[]) {
  if (!rows.length) return null;
  const by = new Map<string, { name: string; members: string[] }>();
  for (const r of rows) {
    const c = by.get(r.cohortId) ?? { name: r.name, members: [] };
    c.members.push(r.personId);
    by.set(r.cohortId, c);
  }
  return [...by.values()];
}

/**
 * A facilitator's adjustment (drag and drop): the same people in the same number of rounds, no empty groups; the
 * figures are recomputed so the preview stays honest.
 */
export async function adjustPlan(deps: AppDeps, actor: Actor, id: string, planId: string, input: AdjustPlanRequest): Promise<Plan> {
  const { row } = await loadForFacilitator(deps.db, actor, id);
  const plan = await repo.selectPlan(deps.db, row.id, planId);
  if (!plan) throw notFound('That plan');
  if (plan.status !== 'draft') throw new AppError('CONFLICT', 'Only a draft plan can be adjusted; form a new one to change a published plan.');
  const before = plan.result as { rounds: string[][][]; labels: string[][]; warnings?: string[] };
  const fail = (message: string) => new AppError('VALIDATION_FAILED', message, { errors: [{ field: 'rounds', message }] });
  if (input.rounds.length !== before.rounds.length) throw fail(`Keep ${before.rounds.length} round(s).`);
  const everyone = new Set(before.rounds[0].flat());
  input.rounds.forEach((round, r) => {
    const ids = round.flat();
    if (round.some((g) => g.length === 0)) throw fail(`Round ${r + 1} has an empty group.`);
    if (ids.length !== everyone.size || new Set(ids).size !== ids.length || ids.some((x) => !everyone.has(x))) throw fail(`Round ${r + 1} must place each person exactly once.`);
  });
  const people = await repo.selectEnrollees(deps.db, row.id, true);
  const known = knownPairsOf(people);
  const metrics = planFigures(input.rounds, people, known);
  const labels = input.rounds.map((round, r) => round.map((_, gi) => before.labels[r]?.[gi] ?? `Group ${gi + 1}`));
  await repo.updatePlanRow(deps.db, plan.id, { result: { rounds: input.rounds, labels, warnings: before.warnings ?? [] }, metrics });
  return presentPlan(deps.db, actor.orgId, { ...plan, result: { rounds: input.rounds, labels, warnings: before.warnings }, metrics });
}

/**
 * Publishes a draft: cohorts get their own spaces (private communities of kind cohort with the facilitators as
 * owners); a rotation or a partner plan replaces the previously published one. Members see their placement at once.
 */
export async function publishPlan(deps: AppDeps, actor: Actor, id: string, planId: string): Promise<Plan> {
  const plan = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const p = await repo.selectPlan(tx, row.id, planId);
    if (!p) throw notFound('That plan');
    if (p.status !== 'draft') throw new AppError('CONFLICT', 'This plan is not a draft any more.');
    const result = p.result as { rounds: string[][][]; labels: string[][] };
    const enrolled = new Set((await repo.selectEnrollees(tx, row.id, true)).map((e) => e.id));
    if (result.rounds[0].flat().some((pid) => !enrolled.has(pid))) throw new AppError('CONFLICT', 'Enrolment changed since this plan was formed. Form it again.');
    if (p.kind === 'cohorts') {
      if (await repo.selectPublishedPlan(tx, row.id, 'cohorts')) throw new AppError('CONFLICT', 'Cohorts are already published for this program.');
      const facilitators = (await repo.selectFacilitators(tx, [row.id])).map((f) => f.id);
      for (const [i, members] of result.rounds[0].entries()) {
        const name = `${row.title} · ${result.labels[0]?.[i] ?? `Cohort ${i + 1}`}`;
        const space = await createCohortSpace(tx, actor.orgId, { name: name.slice(0, 80), description: row.description.slice(0, 600), ownerIds: facilitators, memberIds: members, createdBy: actor.personId });
        await repo.insertCohort(tx, { programId: row.id, orgId: actor.orgId, planId: p.id, position: i + 1, name: result.labels[0]?.[i] ?? `Cohort ${i + 1}`, communityId: space.id }, members);
      }
    } else await repo.supersedePublished(tx, row.id, p.kind);
    const now = new Date();
    await repo.updatePlanRow(tx, p.id, { status: 'published', publishedAt: now });
    emit({ type: 'programs.plan_published', orgId: actor.orgId, payload: { programId: row.id, planId: p.id, kind: p.kind, people: [...enrolled] } });
    return { ...p, status: 'published', publishedAt: now };
  });
  programChanged(deps, id, 'placement');
  return presentPlan(deps.db, actor.orgId, plan);
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
