// Typed SQL for pathway assignments: the viewer's own, existing ones among chosen people, the upsert (with enrolment),
// the completion view, and claiming due reminders once.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** The viewer's assignment of a pathway, or null. */
export async function selectMyAssignment(db: DbOrTx, pathwayId: string, personId: string) {
  const row = await selectRow<{ dueOn: string }>(db, sql`select to_char(due_on, 'YYYY-MM-DD') as "dueOn" from pathway_assignments where pathway_id = ${pathwayId} and person_id = ${personId}`);
  return row ?? null;
}

/** Which of these people the pathway is already assigned to. */
export async function selectAssignedAmong(db: DbOrTx, pathwayId: string, personIds: string[]) {
  if (!personIds.length) return new Set<string>();
  const rows = await selectRows<{ id: string }>(db, sql`select person_id as id from pathway_assignments where pathway_id = ${pathwayId} and person_id in (${list(personIds)})`);
  return new Set(rows.map((r) => r.id));
}

/**
 * Assigns (a new due date re-arms the reminder) and enrols everyone not enrolled yet, 500 per statement; answers who
 * was newly enrolled.
 */
export async function upsertAssignments(db: DbOrTx, orgId: string, pathwayId: string, by: string, dueOn: string, personIds: string[]) {
  const enrolled: string[] = [];
  for (let i = 0; i < personIds.length; i += 500) {
    const ids = personIds.slice(i, i + 500);
    await db.execute(sql`insert into pathway_assignments (pathway_id, person_id, org_id, assigned_by, due_on)
      values ${sql.join(ids.map((id) => sql`(${pathwayId}::uuid, ${id}::uuid, ${orgId}::uuid, ${by}::uuid, ${dueOn}::date)`), sql`, `)}
      on conflict (pathway_id, person_id) do update set due_on = excluded.due_on, assigned_by = excluded.assigned_by,
        reminded_at = case when pathway_assignments.due_on = excluded.due_on then pathway_assignments.reminded_at end`);
    const rows = await selectRows<{ id: string }>(
      db,
      sql`insert into pathway_enrollments (pathway_id, person_id, org_id)
        values ${sql.join(ids.map((id) => sql`(${pathwayId}::uuid, ${id}::uuid, ${orgId}::uuid)`), sql`, `)} on conflict do nothing returning person_id as id`,
    );
    enrolled.push(...rows.map((r) => r.id));
  }
  if (enrolled.length) await db.execute(sql`update pathways set enrolled_count = enrolled_count + ${enrolled.length}::int where id = ${pathwayId}`);
  return enrolled;
}

/** One assignee in the completion view. */
export interface AssigneeRow {
  id: string;
  name: string;
  title: string | null;
  dueOn: string;
  done: number;
  completed: boolean;
}

/** Assignees of a pathway with their steps done and whether they completed it, by due date then name. */
export function selectAssignees(db: DbOrTx, pathwayId: string) {
  return selectRows<AssigneeRow>(
    db,
    sql`select p.id, p.name, p.title, to_char(a.due_on, 'YYYY-MM-DD') as "dueOn",
          (select count(*)::int from pathway_progress g where g.pathway_id = a.pathway_id and g.person_id = a.person_id) as done,
          coalesce(e.completed_at is not null, false) as completed
        from pathway_assignments a join people p on p.id = a.person_id
        left join pathway_enrollments e on e.pathway_id = a.pathway_id and e.person_id = a.person_id
        where a.pathway_id = ${pathwayId} and p.status <> 'deactivated' order by a.due_on, p.name, p.id`,
  );
}

/** A claimed reminder. */
export interface ClaimedReminder {
  pathwayId: string;
  personId: string;
  orgId: string;
  title: string;
  dueOn: string;
}

/**
 * Claims the reminders due at `now` (due within `days` days, not yet reminded, not completed, pathway published) with
 * one `update … where reminded_at is null … returning`: a row claimed by one node is re-checked and skipped by another.
 */
export function claimReminders(db: DbOrTx, now: Date, days: number) {
  const today = sql`(${now.toISOString()}::timestamptz at time zone 'UTC')::date`;
  return selectRows<ClaimedReminder>(
    db,
    sql`update pathway_assignments a set reminded_at = ${now.toISOString()}::timestamptz from pathways w
        where w.id = a.pathway_id and w.status = 'published' and a.reminded_at is null
          and a.due_on >= ${today} and a.due_on <= ${today} + ${days}::int
          and not exists (select 1 from pathway_enrollments e where e.pathway_id = a.pathway_id and e.person_id = a.person_id and e.completed_at is not null)
        returning a.pathway_id as "pathwayId", a.person_id as "personId", a.org_id as "orgId", w.title, to_char(a.due_on, 'YYYY-MM-DD') as "dueOn"`,
  );
}
