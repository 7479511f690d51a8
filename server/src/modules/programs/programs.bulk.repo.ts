// Typed SQL for bulk enrolment: existing enrolments among chosen people, and one multi-row insert of new enrolments.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRows } from '../../kernel/db/rows.ts';

const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** Which of these people already have an enrolment (enrolled or waitlisted) in the program. */
export async function selectEnrolledAmong(db: DbOrTx, programId: string, personIds: string[]) {
  if (!personIds.length) return new Set<string>();
  const rows = await selectRows<{ id: string }>(db, sql`select person_id as id from program_enrollments where program_id = ${programId} and person_id in (${list(personIds)})`);
  return new Set(rows.map((r) => r.id));
}

/**
 * Inserts new enrolments, 500 rows per statement. Each row's time is a microsecond after the previous one so the
 * waitlist (ordered by arrival) keeps the list's order.
 */
export async function insertEnrollments(db: DbOrTx, orgId: string, programId: string, rows: { personId: string; status: string }[]) {
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r, j) => sql`(${programId}::uuid, ${r.personId}::uuid, ${orgId}::uuid, ${r.status}, 'assigned', now() + ${i + j}::int * interval '1 microsecond')`);
    await db.execute(sql`insert into program_enrollments (program_id, person_id, org_id, status, source, enrolled_at) values ${sql.join(values, sql`, `)}`);
  }
}
