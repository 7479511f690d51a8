// Typed SQL for bulk enrolment: people by email or by department, team, location or manager (direct and indirect
// reports), their existing enrolments in one program, and one multi-row insert of new enrolments.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRows } from '../../kernel/db/rows.ts';

/** A person as a bulk report needs them. */
export interface BulkPersonRow {
  id: string;
  email: string;
  name: string;
  status: string;
}

const cols = sql`p.id, lower(p.email) as email, p.name, p.status`;
const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** People of an organization whose email (any case) is one of `emails` (already lower-cased). */
export function selectPeopleByEmail(db: DbOrTx, orgId: string, emails: string[]) {
  if (!emails.length) return Promise.resolve([] as BulkPersonRow[]);
  return selectRows<BulkPersonRow>(db, sql`select ${cols} from people p where p.org_id = ${orgId} and lower(p.email) in (${list(emails)})`);
}

/** Non-deactivated people of an organization matching any of the filters (a manager's reports direct and indirect). */
export function selectPeopleByFilters(db: DbOrTx, orgId: string, f: { departments: string[]; teams: string[]; locations: string[]; managerIds: string[] }) {
  const any: SQL[] = [];
  if (f.departments.length) any.push(sql`p.department in (${list(f.departments)})`);
  if (f.teams.length) any.push(sql`p.team in (${list(f.teams)})`);
  if (f.locations.length) any.push(sql`p.location in (${list(f.locations)})`);
  if (f.managerIds.length) {
    // A cycle in the reporting lines ends the walk (union, not union all); the managers themselves are left out.
    any.push(sql`p.id in (with recursive r(id) as (select id from people where org_id = ${orgId} and manager_id in (${list(f.managerIds)})
        union select q.id from people q join r on q.manager_id = r.id where q.org_id = ${orgId})
      select id from r where id not in (${list(f.managerIds)}))`);
  }
  if (!any.length) return Promise.resolve([] as BulkPersonRow[]);
  return selectRows<BulkPersonRow>(
    db,
    sql`select ${cols} from people p where p.org_id = ${orgId} and p.status <> 'deactivated' and (${sql.join(any, sql` or `)}) order by p.name, p.id`,
  );
}

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
