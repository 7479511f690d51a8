// Bulk enrolment (org admins and the program's facilitators): a selection (departments, teams, locations, a manager's
// reports, a pasted or CSV list of emails) resolves to a line-by-line report. Preview and apply share one resolver, so
// the preview is what apply does; apply refuses the whole list (400, per-line errors) when any line is a problem, and
// otherwise enrols everyone in one transaction under the program's row lock, with one audit entry carrying the counts.
import { BULK_LIMITS, BULK_PROBLEMS, type BulkEnrollResult, type BulkLine, type BulkOutcome, type BulkSelection } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { audit } from '../../kernel/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { loadForFacilitator, programChanged } from './programs.access.ts';
import * as bulkRepo from './programs.bulk.repo.ts';
import { placeAll } from './programs.enrollment.ts';
import * as repo from './programs.repo.ts';
import { spacesChanged } from './programs.seats.ts';

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+$/;

/** The email of one pasted line: the first comma-, semicolon- or tab-separated cell holding an @ (quotes and <> removed). */
export function emailOfLine(line: string) {
  const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^["'<]+|["'>]+$/g, '').replace(/^.*<([^>]*)>$/, '$1').trim());
  const cell = cells.find((c) => c.includes('@'));
  return cell ? cell.toLowerCase() : null;
}

/** Non-blank lines of a pasted list with their 1-based line numbers; a first line without an @ is a CSV header. */
export function listLines(text: string) {
  const out: { line: number; raw: string; email: string | null }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const email = emailOfLine(raw);
    if (i === 0 && !email) return;
    out.push({ line: i + 1, raw: raw.trim(), email: email && EMAIL.test(email) ? email : null });
  });
  return out;
}

/** Resolves a selection for a program: every line with its outcome, in the order apply enrols them. */
async function resolve(db: DbOrTx, row: repo.ProgramRow, s: BulkSelection): Promise<BulkLine[]> {
  const lines = listLines(s.emails);
  const byEmail = new Map((await bulkRepo.selectPeopleByEmail(db, row.orgId, [...new Set(lines.flatMap((l) => (l.email ? [l.email] : [])))])).map((p) => [p.email, p]));
  const matched = await bulkRepo.selectPeopleByFilters(db, row.orgId, s);
  const ids = [...new Set([...[...byEmail.values()].map((p) => p.id), ...matched.map((p) => p.id)])];
  if (ids.length > BULK_LIMITS.people) throw new AppError('VALIDATION_FAILED', `This selection reaches ${ids.length} people; at most ${BULK_LIMITS.people} at a time.`, { errors: [{ field: 'selection', message: 'Too many people' }] });
  const already = await bulkRepo.selectEnrolledAmong(db, row.id, ids);
  let seats = row.capacity === null ? Number.POSITIVE_INFINITY : row.capacity - (await repo.countEnrolled(db, row.id));
  const seen = new Set<string>();
  const out: BulkLine[] = [];
  const add = (line: number | null, input: string, p: bulkRepo.BulkPersonRow | undefined, problem?: BulkOutcome) => {
    let outcome: BulkOutcome;
    if (problem) outcome = problem;
    else if (!p) outcome = 'unknown_email';
    else if (seen.has(p.id)) outcome = 'duplicate';
    else if (p.status === 'deactivated') outcome = 'deactivated';
    else if (already.has(p.id)) outcome = 'already_in';
    else outcome = seats-- > 0 ? 'enrolled' : 'waitlisted';
    if (p) seen.add(p.id);
    out.push({ line, input, personId: p?.id ?? null, name: p?.name ?? null, outcome });
  };
  for (const l of lines) add(l.line, l.email ?? l.raw, l.email ? byEmail.get(l.email) : undefined);
  // Filter matches already named by the list are not repeated.
  for (const p of matched) if (!seen.has(p.id)) add(null, p.email, p);
  return out;
}

function report(dryRun: boolean, lines: BulkLine[]): BulkEnrollResult {
  const counts = Object.fromEntries(['enrolled', 'waitlisted', 'already_in', 'unknown_email', 'duplicate', 'deactivated'].map((o) => [o, 0])) as Record<BulkOutcome, number>;
  for (const l of lines) counts[l.outcome]++;
  return { dryRun, lines, counts };
}

function assertChosen(s: BulkSelection) {
  if (!s.departments.length && !s.teams.length && !s.locations.length && !s.managerIds.length && !s.emails.trim()) {
    throw new AppError('VALIDATION_FAILED', 'Choose people by department, team, location or manager, or paste a list of emails.', { errors: [{ field: 'selection', message: 'Nothing chosen' }] });
  }
}

/** Dry run: what apply would do, line by line; changes nothing. */
export async function previewBulkEnrollment(deps: AppDeps, actor: Actor, id: string, s: BulkSelection): Promise<BulkEnrollResult> {
  const { row } = await loadForFacilitator(deps.db, actor, id);
  assertChosen(s);
  return report(true, await resolve(deps.db, row, s));
}

/** Applies a selection all or nothing: 400 with every problem line, or everyone enrolled/waitlisted in one transaction. */
export async function applyBulkEnrollment(deps: AppDeps, actor: Actor, id: string, s: BulkSelection): Promise<BulkEnrollResult> {
  const { result, spaces } = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, actor.orgId, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    assertChosen(s);
    const lines = await resolve(tx, row, s);
    const problems = lines.filter((l) => BULK_PROBLEMS.includes(l.outcome));
    if (problems.length) {
      throw new AppError('VALIDATION_FAILED', `${problems.length} line(s) of this list need fixing; nobody was enrolled.`, {
        errors: problems.map((l) => ({ field: l.line === null ? 'selection' : `emails.line${l.line}`, message: `${l.input}: ${l.outcome.replace('_', ' ')}` })),
      });
    }
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
