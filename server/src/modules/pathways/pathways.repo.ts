import { and, eq, sql, type SQL } from 'drizzle-orm';
import { pathwayEnrollments, pathwayProgress, pathways, pathwaySteps } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A pathways row. */
export type PathwayRow = typeof pathways.$inferSelect;

/** A pathway list row with author, community and the viewer's progress. */
export interface PathwayListRow {
  id: string;
  orgId: string;
  title: string;
  description: string;
  authorId: string;
  authorName: string;
  authorTitle: string | null;
  communityId: string | null;
  communityName: string | null;
  communitySlug: string | null;
  status: string;
  isFeatured: boolean;
  enrolledCount: number;
  stepCount: number;
  createdAt: Date | string;
  k: string;
  enrolled: boolean;
  done: number;
  completedAt: Date | string | null;
  hideProgress: boolean;
}

const listColumns = (viewerId: string) => sql`p.id, p.org_id as "orgId", p.title, p.description, p.author_id as "authorId", a.name as "authorName",
  a.title as "authorTitle", p.community_id as "communityId", c.name as "communityName", c.slug as "communitySlug", p.status,
  p.is_featured as "isFeatured", p.enrolled_count as "enrolledCount",
  (select count(*)::int from pathway_steps s where s.pathway_id = p.id) as "stepCount",
  p.created_at as "createdAt", p.created_at::text as k,
  (e.person_id is not null) as enrolled, coalesce(e.hide_progress, false) as "hideProgress", e.completed_at as "completedAt",
  (select count(*)::int from pathway_progress g where g.pathway_id = p.id and g.person_id = ${viewerId}) as done`;

/**
 * Pathways the viewer can see, featured first then newest, keyset-paged. Visibility is in SQL: published (or the
 * viewer's own drafts), organization-wide or in a community that is open or where the viewer is an active member.
 */
export function selectPathwayPage(
  db: DbOrTx,
  viewer: { orgId: string; personId: string },
  f: { communityId?: string; filter: string; after?: [number, string, string]; limit: number },
) {
  const where: SQL[] = [
    sql`p.org_id = ${viewer.orgId}`,
    sql`p.deleted_at is null`,
    sql`(p.status = 'published' or p.author_id = ${viewer.personId})`,
    sql`(p.community_id is null or c.visibility = 'open' or p.author_id = ${viewer.personId} or exists (
          select 1 from community_members m where m.community_id = p.community_id and m.person_id = ${viewer.personId} and m.status = 'active'))`,
  ];
  if (f.communityId) where.push(sql`p.community_id = ${f.communityId}`);
  if (f.filter === 'featured') where.push(sql`p.is_featured`);
  if (f.filter === 'enrolled') where.push(sql`e.person_id is not null`);
  if (f.filter === 'authored') where.push(sql`p.author_id = ${viewer.personId}`);
  if (f.after) where.push(sql`(p.is_featured, p.created_at, p.id) < (${f.after[0] === 1}, ${f.after[1]}::timestamptz, ${f.after[2]}::uuid)`);
  return selectRows<PathwayListRow>(
    db,
    sql`select ${listColumns(viewer.personId)}
        from pathways p join people a on a.id = p.author_id
        left join communities c on c.id = p.community_id
        left join pathway_enrollments e on e.pathway_id = p.id and e.person_id = ${viewer.personId}
        where ${sql.join(where, sql` and `)}
        order by p.is_featured desc, p.created_at desc, p.id desc limit ${f.limit}`,
  );
}

/** One live pathway of an organization with the viewer's enrolment. */
export function selectPathway(db: DbOrTx, orgId: string, id: string, viewerId: string) {
  return selectRow<PathwayListRow>(
    db,
    sql`select ${listColumns(viewerId)}
        from pathways p join people a on a.id = p.author_id
        left join communities c on c.id = p.community_id
        left join pathway_enrollments e on e.pathway_id = p.id and e.person_id = ${viewerId}
        where p.org_id = ${orgId} and p.id = ${id} and p.deleted_at is null`,
  );
}

/** A step row with the titles of what it points to and whether the viewer did it. */
export interface StepRow {
  id: string;
  position: number;
  kind: string;
  title: string;
  instructions: string;
  resourceId: string | null;
  threadId: string | null;
  dueDate: string | null;
  isDone: boolean;
}

/** Steps of a pathway in order. */
export function selectSteps(db: DbOrTx, pathwayId: string, viewerId: string) {
  return selectRows<StepRow>(
    db,
    sql`select s.id, s.position, s.kind, s.title, s.instructions, s.resource_id as "resourceId", s.thread_id as "threadId",
          to_char(s.due_date, 'YYYY-MM-DD') as "dueDate",
          exists (select 1 from pathway_progress g where g.step_id = s.id and g.person_id = ${viewerId}) as "isDone"
        from pathway_steps s where s.pathway_id = ${pathwayId} order by s.position`,
  );
}

/** Inserts a pathway. */
export async function insertPathway(db: DbOrTx, values: typeof pathways.$inferInsert) {
  const [row] = await db.insert(pathways).values(values).returning();
  return row;
}

/** Updates a pathway's columns. */
export async function updatePathwayRow(db: DbOrTx, id: string, values: Partial<typeof pathways.$inferInsert>) {
  await db
    .update(pathways)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(pathways.id, id));
}

/** Locks a pathway row for the rest of the transaction. */
export async function lockPathway(db: DbOrTx, id: string) {
  await db.execute(sql`select 1 from pathways where id = ${id} for update`);
}

/** Replaces the steps: keeps rows whose id is given (their progress stays), deletes the others, inserts new ones. */
export async function replaceSteps(
  db: DbOrTx,
  orgId: string,
  pathwayId: string,
  steps: { id?: string; kind: string; title: string; instructions: string; resourceId?: string; threadId?: string; dueDate?: string }[],
) {
  const keep = steps.map((s) => s.id).filter((id): id is string => Boolean(id));
  await db.execute(
    keep.length
      ? sql`delete from pathway_steps where pathway_id = ${pathwayId} and id not in ${keep}`
      : sql`delete from pathway_steps where pathway_id = ${pathwayId}`,
  );
  for (const [i, s] of steps.entries()) {
    const values = { kind: s.kind, title: s.title, instructions: s.instructions, resourceId: s.resourceId ?? null, threadId: s.threadId ?? null, dueDate: s.dueDate ?? null, position: i + 1 };
    if (s.id) {
      const updated = await db
        .update(pathwaySteps)
        .set(values)
        .where(and(eq(pathwaySteps.id, s.id), eq(pathwaySteps.pathwayId, pathwayId)))
        .returning({ id: pathwaySteps.id });
      if (!updated.length) return s.id; // not a step of this pathway
    } else await db.insert(pathwaySteps).values({ ...values, pathwayId, orgId });
  }
  return null;
}

/** Enrols or updates the progress-visibility setting; true when newly enrolled. */
export async function upsertEnrollment(db: DbOrTx, v: { pathwayId: string; personId: string; orgId: string; hideProgress?: boolean }) {
  const existing = await db
    .select()
    .from(pathwayEnrollments)
    .where(and(eq(pathwayEnrollments.pathwayId, v.pathwayId), eq(pathwayEnrollments.personId, v.personId)));
  if (existing.length) {
    if (v.hideProgress !== undefined)
      await db
        .update(pathwayEnrollments)
        .set({ hideProgress: v.hideProgress })
        .where(and(eq(pathwayEnrollments.pathwayId, v.pathwayId), eq(pathwayEnrollments.personId, v.personId)));
    return false;
  }
  await db.insert(pathwayEnrollments).values({ ...v, hideProgress: v.hideProgress ?? false });
  await db.execute(sql`update pathways set enrolled_count = enrolled_count + 1 where id = ${v.pathwayId}`);
  return true;
}

/** Leaves a pathway (progress is deleted with it); true when the person was enrolled. */
export async function deleteEnrollment(db: DbOrTx, pathwayId: string, personId: string) {
  const gone = await db
    .delete(pathwayEnrollments)
    .where(and(eq(pathwayEnrollments.pathwayId, pathwayId), eq(pathwayEnrollments.personId, personId)))
    .returning();
  if (!gone.length) return false;
  await db.delete(pathwayProgress).where(and(eq(pathwayProgress.pathwayId, pathwayId), eq(pathwayProgress.personId, personId)));
  await db.execute(sql`update pathways set enrolled_count = greatest(0, enrolled_count - 1) where id = ${pathwayId}`);
  return true;
}

/** Marks a step done or not done for a person. */
export async function setStepDone(db: DbOrTx, v: { stepId: string; personId: string; pathwayId: string; orgId: string }, done: boolean) {
  if (done) await db.insert(pathwayProgress).values(v).onConflictDoNothing();
  else await db.delete(pathwayProgress).where(and(eq(pathwayProgress.stepId, v.stepId), eq(pathwayProgress.personId, v.personId)));
}

/** Sets or clears completed_at from the person's done count; returns whether it is complete now. */
export async function refreshCompletion(db: DbOrTx, pathwayId: string, personId: string) {
  const row = await selectRow<{ complete: boolean }>(
    db,
    sql`update pathway_enrollments e set completed_at = case
          when (select count(*) from pathway_steps s where s.pathway_id = e.pathway_id) > 0
           and (select count(*) from pathway_steps s where s.pathway_id = e.pathway_id) =
               (select count(*) from pathway_progress g join pathway_steps s on s.id = g.step_id where g.pathway_id = e.pathway_id and g.person_id = e.person_id)
          then coalesce(e.completed_at, now()) else null end
        where e.pathway_id = ${pathwayId} and e.person_id = ${personId}
        returning completed_at is not null as complete`,
  );
  return row?.complete ?? false;
}

/** Everyone enrolled with done counts (hidden ones flagged), most progressed first. */
export function selectPeerProgress(db: DbOrTx, pathwayId: string) {
  return selectRows<{ id: string; name: string; title: string | null; done: number; hideProgress: boolean; completedAt: Date | string | null; enrolledAt: Date | string }>(
    db,
    sql`select p.id, p.name, p.title, e.hide_progress as "hideProgress", e.completed_at as "completedAt", e.created_at as "enrolledAt",
          (select count(*)::int from pathway_progress g join pathway_steps s on s.id = g.step_id where g.pathway_id = e.pathway_id and g.person_id = e.person_id) as done
        from pathway_enrollments e join people p on p.id = e.person_id
        where e.pathway_id = ${pathwayId} and p.status <> 'deactivated'
        order by e.completed_at asc nulls last, done desc, p.name`,
  );
}
