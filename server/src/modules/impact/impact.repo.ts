import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

// Reads programs' tables (program, enrolment, plans, sessions and progress), the network's ties and live sessions'
// attendance: an impact report is a view across them and writes nothing.

/** The program, whether the person facilitates it, and its first published plan's day. */
export function selectProgram(db: DbOrTx, orgId: string, id: string, personId: string) {
  return selectRow<{ id: string; title: string; status: string; startsOn: string | null; endsOn: string | null; createdOn: string; firstPlanOn: string | null; facilitates: boolean }>(
    db,
    sql`select p.id::text as id, p.title, p.status, p.starts_on::text as "startsOn", p.ends_on::text as "endsOn",
               (p.created_at at time zone 'UTC')::date::text as "createdOn",
               (select min(pl.published_at at time zone 'UTC')::date::text from program_plans pl where pl.program_id = p.id and pl.status = 'published') as "firstPlanOn",
               exists (select 1 from program_facilitators f where f.program_id = p.id and f.person_id = ${personId}) as facilitates
          from programs p where p.id = ${id} and p.org_id = ${orgId}`,
  );
}

/** Enrolled members who are still active, with their departments. */
export function selectMembers(db: DbOrTx, programId: string) {
  return selectRows<{ id: string; department: string | null }>(
    db,
    sql`select p.id::text as id, p.department from program_enrollments e join people p on p.id = e.person_id
         where e.program_id = ${programId} and e.status = 'enrolled' and p.status = 'active' order by p.id`,
  );
}

/** Ties among these people, with the first day each pair interacted. */
export function selectMemberTies(db: DbOrTx, orgId: string, ids: string[], to: string) {
  if (ids.length < 2) return Promise.resolve([]);
  const members = sql`(select x::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) x)`;
  return selectRows<{ a: string; b: string; first: string }>(
    db,
    sql`select a::text as a, b::text as b, min(day)::text as first from network_ties
         where org_id = ${orgId} and day <= ${to}::date and a in ${members} and b in ${members}
         group by a, b`,
  );
}

/** Pairs of departments (a < b) tied anywhere in the organization before `before`. */
export function selectDepartmentPairsBefore(db: DbOrTx, orgId: string, before: string) {
  return selectRows<{ a: string; b: string }>(
    db,
    sql`select distinct least(pa.department, pb.department) as a, greatest(pa.department, pb.department) as b
          from network_ties t join people pa on pa.id = t.a join people pb on pb.id = t.b
         where t.org_id = ${orgId} and t.day < ${before}::date and pa.department is not null and pb.department is not null and pa.department <> pb.department`,
  );
}

/** Each published plan's kind and groups, round by round, oldest first. */
export function selectPublishedPlans(db: DbOrTx, programId: string) {
  return selectRows<{ kind: string; result: { rounds?: string[][][] } }>(
    db,
    sql`select kind, result from program_plans where program_id = ${programId} and status = 'published' order by published_at, id`,
  );
}

/** Program sessions, and how many each member marked done. */
export async function selectProgress(db: DbOrTx, programId: string) {
  const sessions = await selectRow<{ n: number }>(db, sql`select count(*)::int as n from program_sessions where program_id = ${programId}`);
  const done = await selectRows<{ personId: string; done: number }>(
    db,
    sql`select person_id::text as "personId", count(*)::int as done from program_session_progress where program_id = ${programId} group by person_id`,
  );
  return { sessions: sessions?.n ?? 0, done };
}

/** The program's live sessions, and each person's minutes in them (from their attendance intervals). */
export async function selectLiveMinutes(db: DbOrTx, programId: string) {
  const sessions = await selectRow<{ n: number }>(db, sql`select count(*)::int as n from live_sessions where program_id = ${programId}`);
  const minutes = await selectRows<{ personId: string; minutes: number | string }>(
    db,
    sql`select a.person_id::text as "personId", sum(extract(epoch from (coalesce(a.to_at, now()) - a.from_at))) / 60.0 as minutes
          from live_attendance a join live_sessions s on s.id = a.session_id
         where s.program_id = ${programId} group by a.person_id`,
  );
  return { sessions: sessions?.n ?? 0, minutes };
}

/** Surveys of the program: to it, to one of its cohorts or to one of its live sessions; opened at least once. */
export function selectProgramSurveys(db: DbOrTx, orgId: string, programId: string) {
  return selectRows<{ id: string }>(
    db,
    sql`select s.id::text as id from surveys s
         where s.org_id = ${orgId} and s.status <> 'draft'
           and ((s.audience_kind = 'program' and s.audience_id = ${programId})
             or (s.audience_kind = 'cohort' and s.audience_id in (select c.id from cohorts c where c.program_id = ${programId}))
             or (s.audience_kind = 'live_session' and s.audience_id in (select l.id from live_sessions l where l.program_id = ${programId})))
         order by s.closes_at, s.id`,
  );
}
