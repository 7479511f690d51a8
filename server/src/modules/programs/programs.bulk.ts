// Bulk enrolment (org admins and the program's facilitators): a selection (departments, teams, locations, a manager's
// reports, a pasted or CSV list of emails) resolves to a line-by-line report. Preview and apply share one resolver, so
// the preview is what apply does; apply refuses the whole list (400, per-line errors) when any line is a problem, and
// otherwise enrols everyone in one transaction under the program's row lock, with one audit entry carrying the counts.
import { type BulkEnrollResult, type BulkLine, type BulkOutcome, type BulkSelection } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { audit } from '../../kernel/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { loadForFacilitator, programChanged } from './programs.access.ts';
import { refuseProblemLines, resolveSelection } from '../people/index.ts';
import * as bulkRepo from './programs.bulk.repo.ts';
import { placeAll } from './programs.enrollment.ts';
import * as repo from './programs.repo.ts';
import { spacesChanged } from './programs.seats.ts';

/** Resolves a selection for a program: every line with its outcome, in the order apply enrols them. */
async function resolve(db: DbOrTx, row: repo.ProgramRow, s: BulkSelection): Promise<BulkLine[]> {
  const chosen = await resolveSelection(db, row.orgId, s);
  const already = await bulkRepo.selectEnrolledAmong(db, row.id, chosen.flatMap((c) => (c.person && !c.problem ? [c.person.id] : [])));
  let seats = row.capacity === null ? Number.POSITIVE_INFINITY : row.capacity - (await repo.countEnrolled(db, row.id));
  return chosen.map((c) => {
    const outcome: BulkOutcome = c.problem ?? (already.has(c.person?.id ?? '') ? 'already_in' : seats-- > 0 ? 'enrolled' : 'waitlisted');
    return { line: c.line, input: c.input, personId: c.person?.id ?? null, name: c.person?.name ?? null, outcome };
  });
}

function report(dryRun: boolean, lines: BulkLine[]): BulkEnrollResult {
  const counts = Object.fromEntries(['enrolled', 'waitlisted', 'already_in', 'unknown_email', 'duplicate', 'deactivated'].map((o) => [o, 0])) as Record<BulkOutcome, number>;
  for (const l of lines) counts[l.outcome]++;
  return { dryRun, lines, counts };
}

/** Dry run: what apply would do, line by line; changes nothing. */
export async function previewBulkEnrollment(deps: AppDeps, actor: Actor, id: string, s: BulkSelection): Promise<BulkEnrollResult> {
  const { row } = await loadForFacilitator(deps.db, actor, id);
  return report(true, await resolve(deps.db, row, s));
}

/** Applies a selection all or nothing: 400 with every problem line, or everyone enrolled/waitlisted in one transaction. */
export async function applyBulkEnrollment(deps: AppDeps, actor: Actor, id: string, s: BulkSelection): Promise<BulkEnrollResult> {
  const { result, spaces } = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, actor.orgId, id);
    const { row } = await loadForFacilitator(tx, actor, id);
      const lines = await resolve(tx, row, s);
    refuseProblemLines(lines, 'nobody was enrolled.');
    const added = lines.filter((l) => l.outcome === 'enrolled' || l.outcome === 'waitlisted').map((l) => ({ personId: l.personId as string, status: l.outcome }));
    await bulkRepo.insertEnrollments(tx, row.orgId, row.id, added);
    await repo.refreshEnrolledCount(tx, row.id);
    for (const a of added) emit({ type: 'programs.enrolled', orgId: actor.orgId, payload: { programId: row.id, personId: a.personId, status: a.status, by: actor.personId } });
    const result = report(false, lines);
    await audit(tx, null, { orgId: actor.orgId, actorId: actor.personId, action: 'programs.bulk_enrolled', target: row.id, data: { counts: result.counts } });
    const spaces = await placeAll(tx, row, added.filter((a) => a.status === 'enrolled').map((a) => a.personId), emit);
    return { result, spaces };
  });
  spacesChanged(deps, spaces);
  programChanged(deps, id, 'enrollment');
  return result;
}
