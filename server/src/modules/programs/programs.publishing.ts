// Plans: forming a draft with the engine, adjusting it, publishing it, and presenting plans to facilitators. A
// published cohorts plan is presented from the cohorts as they are now (late enrollees and moves included).
import type { AdjustPlanRequest, FormPlanRequest, Plan, PlanKind, PlanMember, PlanMetrics, ProgramPlans } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { createCohortSpace } from '../communities/index.ts';
import { departmentTieCounts } from '../network/index.ts';
import { loadForFacilitator, programChanged } from './programs.access.ts';
import { cohortCap, loadPlacements, type PlanResult, placePerson, savePlacements } from './programs.late.ts';
import { explain, firstTimePairs, formPlan, knownPairsOf, planFigures } from './programs.plans.ts';
import * as repo from './programs.repo.ts';
import { spacesChanged } from './programs.seats.ts';

/** The published cohorts as they are now: one round of cohorts (with ids), and enrolled people in none. */
async function currentCohorts(db: DbOrTx, programId: string) {
  const [cohorts, members, enrolled] = await Promise.all([repo.selectCohorts(db, programId), repo.selectCohortMembers(db, programId), repo.selectEnrollees(db, programId, true)]);
  const placed = new Set(members.map((m) => m.personId));
  return {
    rounds: [cohorts.map((c) => members.filter((m) => m.cohortId === c.id).map((m) => m.personId))],
    labels: [cohorts.map((c) => c.name)],
    ids: cohorts.map((c) => c.id),
    unplaced: enrolled.filter((e) => !placed.has(e.id)).map((e) => e.id),
    enrolled,
  };
}

async function presentPlan(db: DbOrTx, program: repo.ProgramRow, plan: repo.PlanRow): Promise<Plan> {
  let result = plan.result as PlanResult;
  let metrics = plan.metrics as PlanMetrics;
  let cohortIds: string[] = [];
  let waiting = plan.status === 'published' ? (result.waiting ?? []) : [];
  if (plan.kind === 'cohorts' && plan.status === 'published') {
    const now = await currentCohorts(db, program.id);
    result = { ...result, rounds: now.rounds, labels: now.labels };
    cohortIds = now.ids;
    waiting = now.unplaced;
    metrics = planFigures(now.rounds, now.enrolled, knownPairsOf(now.enrolled), metrics.hardViolations);
  }
  const ids = [...new Set([...result.rounds.flat(2), ...waiting])];
  const people = new Map((await repo.selectEnrolleesByIds(db, program.orgId, ids)).map((p) => [p.id, p]));
  const member = (pid: string): PlanMember => people.get(pid) ?? { id: pid, name: 'Unknown', department: null, location: null, timeZone: null };
  const kindLabel = plan.kind === 'rotation' ? 'Round' : plan.kind === 'cohorts' ? 'Cohorts' : 'Partners';
  const firstTime = (result.firstTimeDepartmentPairs ?? []).map(([a, b]) => ({ a, b }));
  const firstTimeRandom = result.firstTimeDepartmentPairsRandom ?? null;
  return {
    id: plan.id,
    kind: plan.kind as PlanKind,
    status: plan.status as Plan['status'],
    params: plan.params as Plan['params'],
    rounds: result.rounds.map((round, r) => ({
      label: plan.kind === 'rotation' ? `${kindLabel} ${r + 1}` : kindLabel,
      groups: round.map((g, gi) => ({ label: result.labels[r]?.[gi] ?? `Group ${gi + 1}`, ...(cohortIds[gi] ? { cohortId: cohortIds[gi] } : {}), members: g.map(member) })),
    })),
    waiting: waiting.map(member),
    maxGroupSize: plan.kind === 'cohorts' && plan.status === 'published' ? cohortCap(program.cohortSize) : null,
    metrics,
    baseline: plan.baseline as PlanMetrics,
    firstTimeDepartmentPairs: firstTime,
    firstTimeDepartmentPairsRandom: firstTimeRandom,
    explanation: explain(plan.kind as PlanKind, metrics, plan.baseline as PlanMetrics),
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
  for (const p of plans) items.push(await presentPlan(db, row, p));
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
  // The organization's department ties over the last year steer groups towards departments that have few.
  const counts = await departmentTieCounts(deps.db, actor.orgId);
  // The engine is CPU-bound but bounded by its time budget (1.5 s, 4 s past 500 people).
  const formed = formPlan(input.kind, people, params, cohortsOf, counts);
  const plan = await deps.events.transaction(deps.db, async (tx, emit) => {
    const p = await repo.insertPlan(tx, {
      programId: row.id,
      orgId: actor.orgId,
      kind: input.kind,
      params,
      result: {
        rounds: formed.rounds,
        labels: formed.labels,
        warnings: formed.warnings,
        firstTimeDepartmentPairs: formed.firstTimeDepartmentPairs,
        firstTimeDepartmentPairsRandom: formed.firstTimeDepartmentPairsRandom,
      },
      metrics: formed.metrics,
      baseline: formed.baseline,
      method: formed.method,
      createdBy: actor.personId,
    });
    emit({ type: 'programs.plan_formed', orgId: actor.orgId, payload: { programId: row.id, planId: p.id, kind: input.kind } });
    return p;
  });
  return presentPlan(deps.db, row, plan);
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

const NOT_A_DRAFT = 'Only a draft plan can be adjusted; form a new one to change a published plan.';

/**
 * A facilitator's adjustment (drag and drop): the same people in the same number of rounds, no empty groups; the
 * figures are recomputed so the preview stays honest. It runs under the program's row lock, like publishing, and
 * writes only a draft: an adjustment racing a publish either lands before it (and is what gets published) or gets 409.
 */
export async function adjustPlan(deps: AppDeps, actor: Actor, id: string, planId: string, input: AdjustPlanRequest): Promise<Plan> {
  const done = await deps.events.transaction(deps.db, async (tx) => {
    await repo.lockProgram(tx, actor.orgId, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const plan = await repo.selectPlan(tx, row.id, planId);
    if (!plan) throw notFound('That plan');
    if (plan.status !== 'draft') throw new AppError('CONFLICT', NOT_A_DRAFT);
    const before = plan.result as PlanResult;
    const fail = (message: string) => new AppError('VALIDATION_FAILED', message, { errors: [{ field: 'rounds', message }] });
    if (input.rounds.length !== before.rounds.length) throw fail(`Keep ${before.rounds.length} round(s).`);
    const everyone = new Set(before.rounds[0].flat());
    input.rounds.forEach((round, r) => {
      const ids = round.flat();
      if (round.some((g) => g.length === 0)) throw fail(`Round ${r + 1} has an empty group.`);
      if (ids.length !== everyone.size || new Set(ids).size !== ids.length || ids.some((x) => !everyone.has(x))) throw fail(`Round ${r + 1} must place each person exactly once.`);
    });
    const people = await repo.selectEnrollees(tx, row.id, true);
    const metrics = planFigures(input.rounds, people, knownPairsOf(people));
    const labels = input.rounds.map((round, r) => round.map((_, gi) => before.labels[r]?.[gi] ?? `Group ${gi + 1}`));
    // Which department pairs meet for the first time changes with the moves: counted again from today's ties.
    const firstTimeDepartmentPairs = firstTimePairs(input.rounds, people, await departmentTieCounts(tx, actor.orgId));
    const result = { ...before, rounds: input.rounds, labels, warnings: before.warnings ?? [], firstTimeDepartmentPairs };
    if (!(await repo.updateDraftPlan(tx, plan.id, { result, metrics }))) throw new AppError('CONFLICT', NOT_A_DRAFT);
    return { row, plan: { ...plan, result, metrics } };
  });
  return presentPlan(deps.db, done.row, done.plan);
}

/**
 * Publishes a draft: cohorts get their own spaces (private communities of kind cohort with the facilitators as
 * owners); a rotation or a partner plan replaces the previously published one. Members see their placement at once.
 */
export async function publishPlan(deps: AppDeps, actor: Actor, id: string, planId: string): Promise<Plan> {
  const done = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, actor.orgId, id);
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
    // People who enrolled after the plan was formed are placed in it as late enrollees.
    const inPlan = new Set(result.rounds[0].flat());
    const placements = await loadPlacements(tx, row, emit);
    for (const pid of enrolled) if (!inPlan.has(pid)) await placePerson(placements, pid);
    return { plan: { ...p, status: 'published', publishedAt: now }, row, spaces: await savePlacements(placements) };
  });
  spacesChanged(deps, done.spaces);
  programChanged(deps, id, 'placement');
  // Re-read: late placement may have changed the stored result.
  return presentPlan(deps.db, done.row, (await repo.selectPlan(deps.db, done.row.id, planId)) ?? done.plan);
}
