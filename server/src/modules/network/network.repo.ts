import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** Adds one interaction of `kind` on `day` to each pair (a < b), in one statement. */
export async function addTies(db: DbOrTx, orgId: string, day: string, kind: string, pairs: [string, string][]) {
  if (!pairs.length) return;
  await db.execute(sql`insert into network_ties (org_id, a, b, kind, day, weight)
      select ${orgId}, p.a, p.b, ${kind}, ${day}::date, 1 from jsonb_to_recordset(${JSON.stringify(pairs.map(([a, b]) => ({ a, b })))}::jsonb) as p(a uuid, b uuid)
      on conflict (org_id, a, b, kind, day) do update set weight = network_ties.weight + 1`);
}

/** The organization's ties between `from` and `to` (days, inclusive), summed over kinds and days. */
export function selectTies(db: DbOrTx, orgId: string, from: string, to: string) {
  return selectRows<{ a: string; b: string; weight: number }>(
    db,
    sql`select a, b, sum(weight)::float8 as weight from network_ties
        where org_id = ${orgId} and day between ${from}::date and ${to}::date group by a, b`,
  );
}

/** The organization's ties between `from` and `to` (days, inclusive) per month (YYYY-MM), summed over kinds and days. */
export function selectMonthlyTies(db: DbOrTx, orgId: string, from: string, to: string) {
  return selectRows<{ a: string; b: string; month: string; weight: number }>(
    db,
    sql`select a::text as a, b::text as b, to_char(day, 'YYYY-MM') as month, sum(weight)::float8 as weight from network_ties
        where org_id = ${orgId} and day between ${from}::date and ${to}::date group by a, b, to_char(day, 'YYYY-MM')`,
  );
}

/** The organization's active people with their department (read here for the picture; people own the table). */
export function selectPeople(db: DbOrTx, orgId: string) {
  return selectRows<{ id: string; name: string; department: string | null }>(
    db,
    sql`select id, name, department from people where org_id = ${orgId} and status = 'active' order by name, id`,
  );
}

/** The groups of a published program plan: each round's groups of person ids (programs own the table). */
export async function selectPlanGroups(db: DbOrTx, planId: string): Promise<string[][]> {
  const row = await selectRow<{ result: { rounds?: string[][][] } }>(db, sql`select result from program_plans where id = ${planId}`);
  return (row?.result.rounds ?? []).flat();
}

/** The breakout groups and pairs of a live session, as member ids (live sessions own the tables). */
export async function selectSessionGroups(db: DbOrTx, sessionId: string): Promise<string[][]> {
  const rows = await selectRows<{ members: string[] }>(
    db,
    sql`select array_agg(m.person_id::text order by m.person_id) as members from live_group_members m
        where m.session_id = ${sessionId} group by m.group_id`,
  );
  return rows.map((r) => r.members);
}

/**
 * Tied pairs of active people per pair of departments (a ≤ b; a = b within one) since `from` (a day, inclusive), and
 * the active head-count of each department. People without a department are left out.
 */
export async function selectDepartmentTies(db: DbOrTx, orgId: string, from: string) {
  const [ties, heads] = await Promise.all([
    selectRows<{ a: string; b: string; ties: number }>(
      db,
      sql`select least(pa.department, pb.department) as a, greatest(pa.department, pb.department) as b, count(*)::int as ties
          from (select distinct a, b from network_ties where org_id = ${orgId} and day >= ${from}::date) t
          join people pa on pa.id = t.a and pa.org_id = ${orgId} and pa.status = 'active'
          join people pb on pb.id = t.b and pb.org_id = ${orgId} and pb.status = 'active'
          where coalesce(pa.department, '') <> '' and coalesce(pb.department, '') <> ''
          group by 1, 2`,
    ),
    selectRows<{ department: string; people: number }>(
      db,
      sql`select department, count(*)::int as people from people
          where org_id = ${orgId} and status = 'active' and coalesce(department, '') <> '' group by department`,
    ),
  ]);
  return { ties: ties.map((t) => ({ ...t, ties: Number(t.ties) })), heads: heads.map((h) => ({ ...h, people: Number(h.people) })) };
}
