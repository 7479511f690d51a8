import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** One colleague I have interacted with up to `today`: who, when we first met, and whether we met in each quarter. */
export interface ContactRow {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  firstMet: string;
  thisQuarter: boolean;
  previousQuarter: boolean;
}

/**
 * The people `personId` has ties with up to `today`, as the directory shows them (same organization, not
 * deactivated). Two index-backed halves (as `a`, as `b`), since a tie stores the pair once with a < b.
 */
export function selectContacts(db: DbOrTx, orgId: string, personId: string, days: { today: string; quarter: string; previous: string }) {
  return selectRows<ContactRow>(
    db,
    sql`with mine as (
          select b as other, day from network_ties where org_id = ${orgId} and a = ${personId} and day <= ${days.today}::date
          union all
          select a as other, day from network_ties where org_id = ${orgId} and b = ${personId} and day <= ${days.today}::date),
        per as (
          select other, min(day) as first_day,
            bool_or(day >= ${days.quarter}::date) as this_q,
            bool_or(day >= ${days.previous}::date and day < ${days.quarter}::date) as prev_q
          from mine group by other)
        select p.id, p.name, p.title, p.department, to_char(per.first_day, 'YYYY-MM-DD') as "firstMet",
          per.this_q as "thisQuarter", per.prev_q as "previousQuarter"
        from per join people p on p.id = per.other
        where p.org_id = ${orgId} and p.status <> 'deactivated'
        order by per.first_day desc, lower(p.name), p.id`,
  );
}

/** How many departments the organization has (of people the directory shows). */
export async function countDepartments(db: DbOrTx, orgId: string) {
  const row = await selectRow<{ n: number }>(
    db,
    sql`select count(distinct department)::int as n from people where org_id = ${orgId} and status <> 'deactivated' and department is not null`,
  );
  return row?.n ?? 0;
}

/** A person's department (null without one, or when they are not in the organization). */
export async function selectDepartment(db: DbOrTx, orgId: string, personId: string) {
  return (await selectRow<{ department: string | null }>(db, sql`select department from people where id = ${personId} and org_id = ${orgId}`))?.department ?? null;
}

/**
 * Active colleagues in departments other than mine and other than `met`, who can help with a skill I want (3 points
 * each) or share an interest (2 each). The best of each department come first (spreading the list over departments),
 * those with a reason before those without; then by name. Set-based like the follow suggestions.
 */
export function selectPeopleToMeet(db: DbOrTx, orgId: string, personId: string, met: string[], limit: number) {
  return selectRows<{ id: string; name: string; title: string | null; department: string; canHelpWith: string[]; sharedInterests: string[] }>(
    db,
    sql`with me as (select id, department, interests from people where id = ${personId} and org_id = ${orgId}),
        helpers as (
          select s.person_id as id, array_agg(s.name order by s.level desc, lower(s.name)) as names
          from person_skills s
          where s.org_id = ${orgId} and s.kind = 'have'
            and s.key in (select key from person_skills where person_id = ${personId} and kind = 'want')
          group by s.person_id),
        sharers as (
          select p.id, array_agg(i order by lower(i), i) as names
          from people p, unnest(p.interests) i
          where p.org_id = ${orgId} and lower(i) in (select lower(x) from me, unnest(me.interests) x)
          group by p.id),
        candidates as (
          select p.id, p.name, p.title, p.department,
            coalesce(h.names[1:3], '{}') as "canHelpWith",
            coalesce(sh.names[1:3], '{}') as "sharedInterests",
            3 * coalesce(cardinality(h.names), 0) + 2 * coalesce(cardinality(sh.names), 0) as score
          from people p
          cross join me
          left join helpers h on h.id = p.id
          left join sharers sh on sh.id = p.id
          where p.org_id = ${orgId} and p.id <> me.id and p.status = 'active' and p.department is not null
            and p.department is distinct from me.department
            and p.department not in (select jsonb_array_elements_text(${JSON.stringify(met)}::jsonb))),
        ranked as (
          select *, row_number() over (partition by department order by score desc, lower(name), id) as nth from candidates)
        select id, name, title, department, "canHelpWith", "sharedInterests" from ranked
        order by score > 0 desc, nth, score desc, lower(name), id
        limit ${limit}`,
  );
}
