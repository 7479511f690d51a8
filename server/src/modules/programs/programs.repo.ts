import { and, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { cohortMembers, cohorts, people, programEnrollments, programFacilitators, programPlans, programs, programSessionProgress, programSessions } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A programs row. */
export type ProgramRow = typeof programs.$inferSelect;
/** A plan row. */
export type PlanRow = typeof programPlans.$inferSelect;

/** One program of an organization. */
export async function selectProgram(db: DbOrTx, orgId: string, id: string): Promise<ProgramRow | undefined> {
  const [row] = await db.select().from(programs).where(and(eq(programs.orgId, orgId), eq(programs.id, id)));
  return row;
}

/**
 * Locks a program row of an organization for the rest of the transaction (serializes enrolment against capacity, and
 * plan changes against publishing). Another organization's program is not locked (the caller answers 404 after).
 */
export async function lockProgram(db: DbOrTx, orgId: string, id: string) {
  await db.execute(sql`select 1 from programs where id = ${id} and org_id = ${orgId} for update`);
}

/** Programs visible to a person (drafts only where they facilitate, unless admin), newest first. */
export function selectProgramPage(db: DbOrTx, viewer: { orgId: string; personId: string; isAdmin: boolean }, f: { filter: string; after?: [string, string]; limit: number }) {
  const where: SQL[] = [sql`p.org_id = ${viewer.orgId}`];
  const facilitates = sql`exists (select 1 from program_facilitators f where f.program_id = p.id and f.person_id = ${viewer.personId})`;
  if (!viewer.isAdmin) where.push(sql`(p.status <> 'draft' or ${facilitates})`);
  if (f.filter === 'open') where.push(sql`p.status = 'open'`);
  if (f.filter === 'mine') where.push(sql`(${facilitates} or exists (select 1 from program_enrollments e where e.program_id = p.id and e.person_id = ${viewer.personId}))`);
  if (f.after) where.push(sql`(p.created_at, p.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return selectRows<ProgramRow & { k: string }>(
    db,
    sql`select p.id, p.org_id as "orgId", p.title, p.description, p.goals, p.goals_html as "goalsHtml", p.status, p.enrollment, p.capacity,
          to_char(p.starts_on, 'YYYY-MM-DD') as "startsOn", to_char(p.ends_on, 'YYYY-MM-DD') as "endsOn", p.cohort_size as "cohortSize",
          p.group_size as "groupSize", p.rounds, p.min_shared_hours as "minSharedHours", p.enrolled_count as "enrolledCount",
          p.created_by as "createdBy", p.created_at as "createdAt", p.updated_at as "updatedAt", p.created_at::text as k
        from programs p where ${sql.join(where, sql` and `)} order by p.created_at desc, p.id desc limit ${f.limit}`,
  );
}

/** Facilitators of some programs. */
export function selectFacilitators(db: DbOrTx, programIds: string[]) {
  if (!programIds.length) return Promise.resolve([] as { programId: string; id: string; name: string; title: string | null }[]);
  return db
    .select({ programId: programFacilitators.programId, id: people.id, name: people.name, title: people.title })
    .from(programFacilitators)
    .innerJoin(people, eq(people.id, programFacilitators.personId))
    .where(inArray(programFacilitators.programId, programIds))
    .orderBy(people.name);
}

/** A person's enrolment rows among some programs, with their place on each waitlist. */
export function selectMyEnrollments(db: DbOrTx, personId: string, programIds: string[]) {
  if (!programIds.length) return Promise.resolve([] as { programId: string; status: string; position: number | null }[]);
  return selectRows<{ programId: string; status: string; position: number | null }>(
    db,
    sql`select e.program_id as "programId", e.status,
          case when e.status = 'waitlisted' then (select count(*)::int from program_enrollments w
            where w.program_id = e.program_id and w.status = 'waitlisted' and (w.enrolled_at, w.person_id) <= (e.enrolled_at, e.person_id)) end as position
        from program_enrollments e where e.person_id = ${personId} and e.program_id in ${programIds}`,
  );
}

/** Inserts a program. */
export async function insertProgram(db: DbOrTx, values: typeof programs.$inferInsert) {
  const [row] = await db.insert(programs).values(values).returning();
  return row;
}

/** Updates a program's columns. */
export async function updateProgramRow(db: DbOrTx, id: string, values: Partial<typeof programs.$inferInsert>) {
  await db
    .update(programs)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(programs.id, id));
}

/** Replaces the facilitator list. */
export async function setFacilitators(db: DbOrTx, orgId: string, programId: string, personIds: string[]) {
  await db.delete(programFacilitators).where(eq(programFacilitators.programId, programId));
  if (personIds.length) await db.insert(programFacilitators).values([...new Set(personIds)].map((personId) => ({ programId, personId, orgId })));
}

/** True when the person facilitates the program. */
export async function isFacilitator(db: DbOrTx, programId: string, personId: string) {
  const rows = await db
    .select({ p: programFacilitators.personId })
    .from(programFacilitators)
    .where(and(eq(programFacilitators.programId, programId), eq(programFacilitators.personId, personId)));
  return rows.length > 0;
}

/** The schedule. */
export function selectSessions(db: DbOrTx, programId: string) {
  return db.select().from(programSessions).where(eq(programSessions.programId, programId)).orderBy(programSessions.startsAt);
}

/**
 * Replaces the schedule. Sessions sent with their id keep it (so progress marked on them survives an edit); sessions
 * left out are deleted (with their progress); new ones are inserted.
 */
export async function replaceSessions(db: DbOrTx, orgId: string, programId: string, sessions: { id?: string; title: string; startsAt: string; durationMinutes: number }[]) {
  const existing = new Set((await db.select({ id: programSessions.id }).from(programSessions).where(eq(programSessions.programId, programId))).map((r) => r.id));
  const kept = sessions.filter((s) => s.id && existing.has(s.id));
  const keptIds = kept.map((s) => s.id as string);
  await db.delete(programSessions).where(and(eq(programSessions.programId, programId), keptIds.length ? notInArray(programSessions.id, keptIds) : undefined));
  for (const s of kept) {
    await db
      .update(programSessions)
      .set({ title: s.title, startsAt: new Date(s.startsAt), durationMinutes: s.durationMinutes })
      .where(eq(programSessions.id, s.id as string));
  }
  const added = sessions.filter((s) => !(s.id && existing.has(s.id)));
  if (added.length) await db.insert(programSessions).values(added.map((s) => ({ programId, orgId, title: s.title, startsAt: new Date(s.startsAt), durationMinutes: s.durationMinutes })));
}

/** One session of a program. */
export async function selectSession(db: DbOrTx, programId: string, sessionId: string) {
  const [row] = await db
    .select({ id: programSessions.id })
    .from(programSessions)
    .where(and(eq(programSessions.programId, programId), eq(programSessions.id, sessionId)));
  return row;
}

/** Marks a session done for a person; true when it was not done before. */
export async function insertProgress(db: DbOrTx, v: { sessionId: string; personId: string; programId: string; orgId: string }) {
  const rows = await db.insert(programSessionProgress).values(v).onConflictDoNothing().returning({ s: programSessionProgress.sessionId });
  return rows.length > 0;
}

/** Unmarks a session; true when it was done before. */
export async function deleteProgress(db: DbOrTx, sessionId: string, personId: string) {
  const rows = await db
    .delete(programSessionProgress)
    .where(and(eq(programSessionProgress.sessionId, sessionId), eq(programSessionProgress.personId, personId)))
    .returning({ s: programSessionProgress.sessionId });
  return rows.length > 0;
}

/** Ids of the program's sessions a person marked done. */
export async function selectDoneSessionIds(db: DbOrTx, programId: string, personId: string) {
  const rows = await db
    .select({ id: programSessionProgress.sessionId })
    .from(programSessionProgress)
    .where(and(eq(programSessionProgress.programId, programId), eq(programSessionProgress.personId, personId)));
  return new Set(rows.map((r) => r.id));
}

/** Sets whether a person hides their progress; false when they are not enrolled or waitlisted. */
export async function updateHideProgress(db: DbOrTx, programId: string, personId: string, hidden: boolean) {
  const rows = await db
    .update(programEnrollments)
    .set({ hideProgress: hidden })
    .where(and(eq(programEnrollments.programId, programId), eq(programEnrollments.personId, personId)))
    .returning({ p: programEnrollments.personId });
  return rows.length > 0;
}

/** The cohort whose space is this community, with its program. */
export function selectCohortOfCommunity(db: DbOrTx, orgId: string, communityId: string) {
  return selectRow<{ id: string; name: string; programId: string; title: string; goalsHtml: string }>(
    db,
    sql`select c.id, c.name, c.program_id as "programId", p.title, p.goals_html as "goalsHtml"
        from cohorts c join programs p on p.id = c.program_id where c.org_id = ${orgId} and c.community_id = ${communityId}`,
  );
}

/** Active members of a cohort by name with sessions done (of sessions that exist) and whether they hide it. */
export function selectCohortProgress(db: DbOrTx, cohortId: string, programId: string) {
  return selectRows<{ id: string; name: string; title: string | null; done: number; hidden: boolean }>(
    db,
    sql`select p.id, p.name, p.title, coalesce(e.hide_progress, false) as hidden,
          (select count(*)::int from program_session_progress g where g.program_id = ${programId} and g.person_id = p.id) as done
        from cohort_members m join people p on p.id = m.person_id
        left join program_enrollments e on e.program_id = ${programId} and e.person_id = p.id
        where m.cohort_id = ${cohortId} and p.status <> 'deactivated' order by p.name, p.id`,
  );
}

/** Active people of the organization among `ids`. */
export function selectActivePeople(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string }[]);
  return db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.status, 'active'), inArray(people.id, ids)));
}

/** One enrolment row. */
export async function selectEnrollment(db: DbOrTx, programId: string, personId: string) {
  const [row] = await db
    .select()
    .from(programEnrollments)
    .where(and(eq(programEnrollments.programId, programId), eq(programEnrollments.personId, personId)));
  return row;
}

/** Enrolled people count (under the program lock). */
export async function countEnrolled(db: DbOrTx, programId: string) {
  const row = await selectRow<{ n: number }>(db, sql`select count(*)::int as n from program_enrollments where program_id = ${programId} and status = 'enrolled'`);
  return row?.n ?? 0;
}

/** Waitlisted people count. */
export async function countWaitlisted(db: DbOrTx, programId: string) {
  const row = await selectRow<{ n: number }>(db, sql`select count(*)::int as n from program_enrollments where program_id = ${programId} and status = 'waitlisted'`);
  return row?.n ?? 0;
}

/** Adds an enrolment row. */
export async function insertEnrollment(db: DbOrTx, v: typeof programEnrollments.$inferInsert) {
  await db.insert(programEnrollments).values(v);
}

/** Removes an enrolment row; returns it. */
export async function deleteEnrollment(db: DbOrTx, programId: string, personId: string) {
  const [row] = await db
    .delete(programEnrollments)
    .where(and(eq(programEnrollments.programId, programId), eq(programEnrollments.personId, personId)))
    .returning();
  return row;
}

/** Moves the first waitlisted person (by arrival) to enrolled; returns their id. */
export async function promoteFromWaitlist(db: DbOrTx, programId: string) {
  const row = await selectRow<{ personId: string }>(
    db,
    sql`update program_enrollments set status = 'enrolled' where (program_id, person_id) = (
          select program_id, person_id from program_enrollments where program_id = ${programId} and status = 'waitlisted'
          order by enrolled_at, person_id limit 1) returning person_id as "personId"`,
  );
  return row?.personId;
}

/** Recounts enrolled people onto the program row. */
export async function refreshEnrolledCount(db: DbOrTx, programId: string) {
  await db.execute(sql`update programs set enrolled_count = (select count(*) from program_enrollments where program_id = ${programId} and status = 'enrolled') where id = ${programId}`);
}

/** A person as the grouping engine and the plan preview need them. */
export interface EnrolleeRow {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  location: string | null;
  timeZone: string | null;
  team: string | null;
  managerId: string | null;
  status: string;
  source: string;
  enrolledAt: Date | string;
  have: string[];
  want: string[];
}

/** Enrolled (or all, with the waitlist) people of a program with what grouping needs. */
export function selectEnrollees(db: DbOrTx, programId: string, onlyEnrolled: boolean) {
  return selectRows<EnrolleeRow>(
    db,
    sql`select p.id, p.name, p.title, p.department, p.location, p.time_zone as "timeZone", p.team, p.manager_id as "managerId",
          e.status, e.source, e.enrolled_at as "enrolledAt",
          coalesce((select array_agg(s.key) from person_skills s where s.person_id = p.id and s.kind = 'have'), '{}') as have,
          coalesce((select array_agg(s.key) from person_skills s where s.person_id = p.id and s.kind = 'want'), '{}') as want
        from program_enrollments e join people p on p.id = e.person_id
        where e.program_id = ${programId} and p.status <> 'deactivated' ${onlyEnrolled ? sql`and e.status = 'enrolled'` : sql``}
        order by e.status, e.enrolled_at, p.id`,
  );
}

/** Plans of a program: drafts and published ones, newest first. */
export function selectPlans(db: DbOrTx, programId: string) {
  return db
    .select()
    .from(programPlans)
    .where(and(eq(programPlans.programId, programId), sql`${programPlans.status} <> 'superseded'`))
    .orderBy(sql`${programPlans.createdAt} desc`);
}

/** One plan of a program. */
export async function selectPlan(db: DbOrTx, programId: string, planId: string): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(programPlans)
    .where(and(eq(programPlans.programId, programId), eq(programPlans.id, planId)));
  return row;
}

/** The published plan of a kind, if any. */
export async function selectPublishedPlan(db: DbOrTx, programId: string, kind: string): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(programPlans)
    .where(and(eq(programPlans.programId, programId), eq(programPlans.kind, kind), eq(programPlans.status, 'published')));
  return row;
}

/** Inserts a plan; older drafts of the same kind are superseded. */
export async function insertPlan(db: DbOrTx, values: typeof programPlans.$inferInsert) {
  await db
    .update(programPlans)
    .set({ status: 'superseded' })
    .where(and(eq(programPlans.programId, values.programId), eq(programPlans.kind, values.kind), eq(programPlans.status, 'draft')));
  const [row] = await db.insert(programPlans).values(values).returning();
  return row;
}

/** Updates a plan. */
export async function updatePlanRow(db: DbOrTx, id: string, values: Partial<typeof programPlans.$inferInsert>) {
  await db.update(programPlans).set(values).where(eq(programPlans.id, id));
}

/** Writes a plan that is still a draft; false when it is not (published or superseded meanwhile). */
export async function updateDraftPlan(db: DbOrTx, id: string, values: Partial<typeof programPlans.$inferInsert>) {
  const rows = await db.update(programPlans).set(values).where(and(eq(programPlans.id, id), eq(programPlans.status, 'draft'))).returning({ id: programPlans.id });
  return rows.length > 0;
}

/** Marks the published plan of a kind superseded. */
export async function supersedePublished(db: DbOrTx, programId: string, kind: string) {
  await db
    .update(programPlans)
    .set({ status: 'superseded' })
    .where(and(eq(programPlans.programId, programId), eq(programPlans.kind, kind), eq(programPlans.status, 'published')));
}

/** Inserts a cohort with its members. */
export async function insertCohort(db: DbOrTx, v: typeof cohorts.$inferInsert, memberIds: string[]) {
  const [row] = await db.insert(cohorts).values(v).returning();
  if (memberIds.length) await db.insert(cohortMembers).values(memberIds.map((personId) => ({ cohortId: row.id, personId, programId: v.programId, orgId: v.orgId })));
  return row;
}

/** The person's cohort in a program with its space's slug and members. */
export async function selectMyCohort(db: DbOrTx, programId: string, personId: string) {
  const cohort = await selectRow<{ id: string; name: string; communitySlug: string | null }>(
    db,
    sql`select c.id, c.name, co.slug as "communitySlug" from cohort_members m join cohorts c on c.id = m.cohort_id
        left join communities co on co.id = c.community_id where m.program_id = ${programId} and m.person_id = ${personId}`,
  );
  if (!cohort) return null;
  const members = await selectRows<{ id: string; name: string; title: string | null }>(
    db,
    sql`select p.id, p.name, p.title from cohort_members m join people p on p.id = m.person_id where m.cohort_id = ${cohort.id} order by p.name`,
  );
  return { ...cohort, members };
}

/** Published cohorts of a program with their members (for rotations within cohorts). */
export async function selectCohortMembers(db: DbOrTx, programId: string) {
  return selectRows<{ cohortId: string; name: string; position: number; personId: string }>(
    db,
    sql`select c.id as "cohortId", c.name, c.position, m.person_id as "personId" from cohorts c join cohort_members m on m.cohort_id = c.id
        where c.program_id = ${programId} order by c.position`,
  );
}

/** Short references of people. */
export function selectRefs(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string; name: string; title: string | null }[]);
  return db
    .select({ id: people.id, name: people.name, title: people.title })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, ids)));
}

/** People as a plan preview shows them. */
export function selectEnrolleesByIds(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string; name: string; department: string | null; location: string | null; timeZone: string | null }[]);
  return db
    .select({ id: people.id, name: people.name, department: people.department, location: people.location, timeZone: people.timeZone })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, ids)));
}

/** Published cohorts of a program in order, with their spaces. */
export function selectCohorts(db: DbOrTx, programId: string) {
  return db.select({ id: cohorts.id, name: cohorts.name, position: cohorts.position, communityId: cohorts.communityId }).from(cohorts).where(eq(cohorts.programId, programId)).orderBy(cohorts.position);
}

/** Places a person in a cohort; false when they already are in one of the program's cohorts (unique per program). */
export async function insertCohortMember(db: DbOrTx, v: typeof cohortMembers.$inferInsert) {
  const rows = await db.insert(cohortMembers).values(v).onConflictDoNothing().returning({ p: cohortMembers.personId });
  return rows.length > 0;
}

/** Takes a person out of their cohort in a program; answers the cohort they were in. */
export async function deleteCohortMember(db: DbOrTx, programId: string, personId: string) {
  const [row] = await db
    .delete(cohortMembers)
    .where(and(eq(cohortMembers.programId, programId), eq(cohortMembers.personId, personId)))
    .returning({ cohortId: cohortMembers.cohortId });
  return row?.cohortId;
}
