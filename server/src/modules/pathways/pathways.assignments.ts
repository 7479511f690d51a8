// Assigning a pathway with a due date (org admins, facilitators, the pathway's author) to people chosen like bulk
// enrolment (departments, teams, locations, a manager's reports, pasted emails): a dry-run preview, then apply all or
// nothing in one transaction (assignees are enrolled; one audit entry with the counts); the assigner's completion view;
// and the reminder run that claims each assignment's one reminder before its due date (in-app and mail through
// notifications, on the `pathways.assignment_due` event).
import { ASSIGNMENT_REMINDER_DAYS, type AssignOutcome, type AssignPathwayRequest, type AssignPathwayResult, type AssignmentStatus, type PathwayAssignments } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { audit } from '../../kernel/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { refuseProblemLines, resolveSelection } from '../people/index.ts';
import * as repo from './pathways.assignments.repo.ts';
import * as policy from './pathways.policy.ts';
import { loadPathway } from './pathways.service.ts';

const OUTCOMES: AssignOutcome[] = ['assigned', 'reassigned', 'unknown_email', 'duplicate', 'deactivated'];

/** The pathway if the actor may assign it: 404 unless they can see it, 403 otherwise. */
async function loadForAssigner(db: DbOrTx, actor: Actor, id: string) {
  const { row } = await loadPathway(db, actor, id);
  if (!policy.canAssign(actor, row)) throw new AppError('FORBIDDEN', 'Only org admins, facilitators and the author can assign a published organization-wide pathway.');
  return row;
}

async function resolve(db: DbOrTx, actor: Actor, pathwayId: string, req: AssignPathwayRequest, dryRun: boolean): Promise<AssignPathwayResult> {
  const chosen = await resolveSelection(db, actor.orgId, req.selection);
  const had = await repo.selectAssignedAmong(db, pathwayId, chosen.flatMap((c) => (c.person && !c.problem ? [c.person.id] : [])));
  const lines = chosen.map((c) => ({
    line: c.line,
    input: c.input,
    personId: c.person?.id ?? null,
    name: c.person?.name ?? null,
    outcome: (c.problem ?? (had.has(c.person?.id ?? '') ? 'reassigned' : 'assigned')) as AssignOutcome,
  }));
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, lines.filter((l) => l.outcome === o).length])) as Record<AssignOutcome, number>;
  return { dryRun, lines, counts };
}

/** Dry run: who would be assigned, line by line; changes nothing. */
export async function previewAssignment(deps: AppDeps, actor: Actor, id: string, req: AssignPathwayRequest) {
  await loadForAssigner(deps.db, actor, id);
  return resolve(deps.db, actor, id, req, true);
}

/** Applies an assignment all or nothing (400 with one error per problem line); audited once with the counts. */
export async function assignPathway(deps: AppDeps, actor: Actor, id: string, req: AssignPathwayRequest): Promise<AssignPathwayResult> {
  return deps.events.transaction(deps.db, async (tx, emit) => {
    const row = await loadForAssigner(tx, actor, id);
    const result = await resolve(tx, actor, id, req, false);
    refuseProblemLines(result.lines, 'nothing was assigned.');
    const ids = result.lines.map((l) => l.personId as string);
    const enrolled = await repo.upsertAssignments(tx, actor.orgId, row.id, actor.personId, req.dueOn, ids);
    for (const personId of enrolled) emit({ type: 'pathways.enrolled', orgId: actor.orgId, payload: { pathwayId: row.id, personId, communityId: row.communityId } });
    await audit(tx, null, { orgId: actor.orgId, actorId: actor.personId, action: 'pathways.assigned', target: row.id, data: { dueOn: req.dueOn, counts: result.counts } });
    return result;
  });
}

/** The assigner's completion view: every assignee with their status (completed, overdue, started, assigned). */
export async function findAssignments(db: DbOrTx, actor: Actor, id: string, now = new Date()): Promise<PathwayAssignments> {
  const row = await loadForAssigner(db, actor, id);
  const today = now.toISOString().slice(0, 10);
  const counts: Record<AssignmentStatus, number> = { assigned: 0, started: 0, completed: 0, overdue: 0 };
  const items = (await repo.selectAssignees(db, row.id)).map((a) => {
    const status: AssignmentStatus = a.completed ? 'completed' : a.dueOn < today ? 'overdue' : a.done > 0 ? 'started' : 'assigned';
    counts[status]++;
    return { person: { id: a.id, name: a.name, title: a.title }, dueOn: a.dueOn, status, stepsDone: a.done, stepsTotal: row.stepCount };
  });
  return { items, counts };
}

/**
 * One reminder run (every node's timer; tests pass `now`): claims the reminders due within ASSIGNMENT_REMINDER_DAYS and
 * emits `pathways.assignment_due` per pathway in the same transaction; notifications delivers in-app and by mail, once
 * per event id. A run twice, or on two nodes at once, claims each assignment once.
 */
export async function runAssignmentReminders(deps: AppDeps, now = new Date()): Promise<{ reminded: number }> {
  const claimed = await deps.events.transaction(deps.db, async (tx, emit) => {
    const rows = await repo.claimReminders(tx, now, ASSIGNMENT_REMINDER_DAYS);
    const byPathway = new Map<string, repo.ClaimedReminder[]>();
    for (const r of rows) byPathway.set(`${r.pathwayId} ${r.dueOn}`, [...(byPathway.get(`${r.pathwayId} ${r.dueOn}`) ?? []), r]);
    for (const list of byPathway.values()) {
      const { pathwayId, orgId, title, dueOn } = list[0];
      emit({ type: 'pathways.assignment_due', orgId, payload: { pathwayId, title, dueOn, personIds: list.map((r) => r.personId) } });
    }
    return rows.length;
  });
  return { reminded: claimed };
}
