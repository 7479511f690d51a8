// Enrolment use cases (self, assigned, leaving, removal) and the facilitator's changes to published placements
// (moving someone to another cohort, pairing people who wait for a learning partner). Whoever becomes enrolled after
// plans were published is placed in them in the same transaction; whoever leaves is taken out of them.
import type { Program, ProgramEnrollees } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { audit } from '../../kernel/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import type { DomainEvent } from '../../kernel/events.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { loadForFacilitator, loadProgram, programChanged } from './programs.access.ts';
import { joinPartners as join, loadPlacements, moveToCohort as move, placePerson, savePlacements, unplacePerson } from './programs.late.ts';
import * as policy from './programs.policy.ts';
import * as repo from './programs.repo.ts';
import { enroll, fillFromWaitlist, spacesChanged } from './programs.seats.ts';
import { getProgram } from './programs.service.ts';

type Emit = (e: DomainEvent) => void;

/** Places newly enrolled people in what is published; answers the cohort spaces whose members changed. */
export async function placeAll(tx: DbOrTx, row: repo.ProgramRow, personIds: string[], emit: Emit) {
  if (!personIds.length) return new Set<string>();
  const placements = await loadPlacements(tx, row, emit);
  for (const id of personIds) await placePerson(placements, id);
  return savePlacements(placements);
}

/** Ends an enrolment: out of every published placement, and a freed seat goes to the waitlist's first (placed too). */
async function leave(tx: DbOrTx, row: repo.ProgramRow, personId: string, emit: Emit, by?: string) {
  const gone = await repo.deleteEnrollment(tx, row.id, personId);
  if (!gone) return null;
  emit({ type: 'programs.left', orgId: row.orgId, payload: { programId: row.id, personId, ...(by ? { by } : {}) } });
  const placements = await loadPlacements(tx, row, emit);
  await unplacePerson(placements, personId);
  if (gone.status === 'enrolled') {
    const promoted: string[] = [];
    await fillFromWaitlist(tx, row.id, row.capacity, (p) => {
      promoted.push(p);
      emit({ type: 'programs.promoted', orgId: row.orgId, payload: { programId: row.id, personId: p } });
    });
    // The promoted person was not enrolled when the placements were loaded.
    if (promoted.length) placements.people = new Map((await repo.selectEnrollees(tx, row.id, true)).map((p) => [p.id, p]));
    for (const p of promoted) await placePerson(placements, p);
  }
  return savePlacements(placements);
}

/** Self-enrolment (or leaving; a freed seat goes to the first person on the waitlist). */
export async function setMyEnrollment(deps: AppDeps, actor: Actor, id: string, enrolled: boolean): Promise<Program> {
  const spaces = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, actor.orgId, id);
    const { row } = await loadProgram(tx, actor, id);
    if (!enrolled) return leave(tx, row, actor.personId, emit);
    if (!policy.canSelfEnroll(actor, row)) throw new AppError('CONFLICT', row.status === 'open' ? 'Facilitators enrol people in this program.' : 'This program is not open for enrolment.');
    const added = await enroll(tx, row, [actor.personId], 'self');
    for (const a of added) emit({ type: 'programs.enrolled', orgId: actor.orgId, payload: { programId: row.id, personId: a.personId, status: a.status } });
    return placeAll(tx, row, added.filter((a) => a.status === 'enrolled').map((a) => a.personId), emit);
  });
  spacesChanged(deps, spaces ?? []);
  programChanged(deps, id, 'enrollment');
  return getProgram(deps.db, actor, id);
}

/** Facilitators enrol people (past capacity they join the waitlist). */
export async function assignPeople(deps: AppDeps, actor: Actor, id: string, personIds: string[]): Promise<ProgramEnrollees> {
  const spaces = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, actor.orgId, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const unique = [...new Set(personIds)];
    const found = await repo.selectActivePeople(tx, actor.orgId, unique);
    if (found.length !== unique.length) throw new AppError('VALIDATION_FAILED', 'Some of these people are not active in your organization.', { errors: [{ field: 'personIds', message: 'Unknown person' }] });
    const added = await enroll(tx, row, unique, 'assigned');
    for (const a of added) emit({ type: 'programs.enrolled', orgId: actor.orgId, payload: { programId: row.id, personId: a.personId, status: a.status, by: actor.personId } });
    return placeAll(tx, row, added.filter((a) => a.status === 'enrolled').map((a) => a.personId), emit);
  });
  spacesChanged(deps, spaces);
  programChanged(deps, id, 'enrollment');
  return findEnrollees(deps.db, actor, id);
}

/** Facilitators remove someone (their seat goes to the waitlist). */
export async function removeEnrollee(deps: AppDeps, actor: Actor, id: string, personId: string): Promise<void> {
  const spaces = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, actor.orgId, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const changed = await leave(tx, row, personId, emit, actor.personId);
    if (!changed) throw notFound('That enrolment');
    return changed;
  });
  spacesChanged(deps, spaces);
  programChanged(deps, id, 'enrollment');
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

/** Facilitators move an enrolled person to a published cohort (or place someone waiting for one); audited. */
export async function moveToCohort(deps: AppDeps, actor: Actor, id: string, personId: string, cohortId: string): Promise<void> {
  const spaces = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, actor.orgId, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const placements = await loadPlacements(tx, row, emit);
    const from = placements.cohortOf.get(personId)?.id ?? null;
    if (await move(placements, personId, cohortId, actor.personId)) {
      await audit(tx, null, { orgId: actor.orgId, actorId: actor.personId, action: 'programs.cohort_member_moved', target: personId, data: { programId: row.id, from, to: cohortId } });
    }
    return savePlacements(placements);
  });
  spacesChanged(deps, spaces);
  programChanged(deps, id, 'placement');
}

/** Facilitators pair someone waiting for a learning partner with another waiting person, or make a pair a trio; audited. */
export async function joinPartners(deps: AppDeps, actor: Actor, id: string, personId: string, withId: string): Promise<void> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockProgram(tx, actor.orgId, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const placements = await loadPlacements(tx, row, emit);
    join(placements, personId, withId, actor.personId);
    await audit(tx, null, { orgId: actor.orgId, actorId: actor.personId, action: 'programs.partners_joined', target: personId, data: { programId: row.id, withId } });
    await savePlacements(placements);
  });
  programChanged(deps, id, 'placement');
}
