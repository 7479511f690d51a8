import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

type Ref = { id: string; name: string; title: string | null };

/** An item with its plan's owner and its peers. */
export interface ItemRow {
  id: string;
  planId: string;
  planTitle: string;
  ownerId: string;
  ownerName: string;
  ownerTitle: string | null;
  title: string;
  dueOn: string | Date | null;
  status: 'todo' | 'doing' | 'done';
  evidenceUrl: string | null;
  evidenceNote: string | null;
  peers: Ref[] | null;
}

const itemSelect = sql`
  select i.id, i.plan_id as "planId", p.title as "planTitle", p.person_id as "ownerId", o.name as "ownerName", o.title as "ownerTitle",
         i.title, to_char(i.due_on, 'YYYY-MM-DD') as "dueOn", i.status, i.evidence_url as "evidenceUrl", i.evidence_note as "evidenceNote",
         (select json_agg(json_build_object('id', v.id, 'name', v.name, 'title', v.title) order by v.name)
            from action_item_peers ip join people v on v.id = ip.person_id where ip.item_id = i.id) as peers
    from action_plan_items i join action_plans p on p.id = i.plan_id join people o on o.id = p.person_id`;

/** An item the viewer owns or is a named peer on (undefined otherwise). */
export const selectVisibleItem = (db: DbOrTx, orgId: string, id: string, viewerId: string) =>
  selectRow<ItemRow>(
    db,
    sql`${itemSelect} where i.org_id = ${orgId} and i.id = ${id}
      and (p.person_id = ${viewerId} or exists (select 1 from action_item_peers ip where ip.item_id = i.id and ip.person_id = ${viewerId}))`,
  );

/** Items of a plan, in order. */
export const selectPlanItems = (db: DbOrTx, planId: string) => selectRows<ItemRow>(db, sql`${itemSelect} where i.plan_id = ${planId} order by i.position, i.created_at`);

/** Items where the viewer is a named peer, soonest due first. */
export const selectHelpingItems = (db: DbOrTx, orgId: string, viewerId: string, limit: number) =>
  selectRows<ItemRow>(
    db,
    sql`${itemSelect} join action_item_peers me on me.item_id = i.id and me.person_id = ${viewerId}
      where i.org_id = ${orgId} order by i.due_on nulls last, i.created_at limit ${limit}`,
  );

/** An item of the organization with its plan's owner, locked for a change. */
export const selectItemForUpdate = (db: DbOrTx, orgId: string, id: string) =>
  selectRow<{ id: string; planId: string; ownerId: string }>(
    db,
    sql`select i.id, i.plan_id as "planId", p.person_id as "ownerId" from action_plan_items i join action_plans p on p.id = i.plan_id
         where i.org_id = ${orgId} and i.id = ${id} for update of i`,
  );

export interface PlanRow {
  id: string;
  personId: string;
  title: string;
  programId: string | null;
  createdAt: Date | string;
}

/** A plan of the organization, optionally locked. */
export const selectPlan = (db: DbOrTx, orgId: string, id: string, lock = false) =>
  selectRow<PlanRow>(
    db,
    sql`select id, person_id as "personId", title, program_id as "programId", created_at as "createdAt" from action_plans
         where org_id = ${orgId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );

/** The person's plans with item counts, newest first. */
export const selectOwnPlans = (db: DbOrTx, orgId: string, personId: string, limit: number) =>
  selectRows<PlanRow & { itemCount: number; doneCount: number }>(
    db,
    sql`select p.id, p.person_id as "personId", p.title, p.program_id as "programId", p.created_at as "createdAt",
               count(i.id)::int as "itemCount", count(i.id) filter (where i.status = 'done')::int as "doneCount"
          from action_plans p left join action_plan_items i on i.plan_id = p.id
         where p.org_id = ${orgId} and p.person_id = ${personId} group by p.id order by p.created_at desc, p.id desc limit ${limit}`,
  );

export async function insertPlan(db: DbOrTx, v: { orgId: string; personId: string; title: string; programId: string | null }) {
  const row = await selectRow<{ id: string }>(
    db,
    sql`insert into action_plans (org_id, person_id, title, program_id) values (${v.orgId}, ${v.personId}, ${v.title}, ${v.programId}) returning id`,
  );
  return row!.id;
}
export const updatePlanTitle = (db: DbOrTx, id: string, title: string) => db.execute(sql`update action_plans set title = ${title}, updated_at = now() where id = ${id}`);
export const deletePlan = (db: DbOrTx, id: string) => db.execute(sql`delete from action_plans where id = ${id}`);

export const countItems = async (db: DbOrTx, planId: string) =>
  (await selectRow<{ n: number }>(db, sql`select count(*)::int as n from action_plan_items where plan_id = ${planId}`))!.n;

export async function insertItem(db: DbOrTx, v: { orgId: string; planId: string; title: string; dueOn: string | null; position: number }) {
  const row = await selectRow<{ id: string }>(
    db,
    sql`insert into action_plan_items (org_id, plan_id, title, due_on, position) values (${v.orgId}, ${v.planId}, ${v.title}, ${v.dueOn}, ${v.position}) returning id`,
  );
  return row!.id;
}

/** Applies the given columns (undefined = unchanged). */
export async function updateItem(db: DbOrTx, id: string, v: { title?: string; dueOn?: string | null; status?: string; evidenceUrl?: string | null; evidenceNote?: string | null }) {
  const sets = [
    v.title !== undefined && sql`title = ${v.title}`,
    v.dueOn !== undefined && sql`due_on = ${v.dueOn}`,
    v.status !== undefined && sql`status = ${v.status}`,
    v.evidenceUrl !== undefined && sql`evidence_url = ${v.evidenceUrl}`,
    v.evidenceNote !== undefined && sql`evidence_note = ${v.evidenceNote}`,
  ].filter((x): x is ReturnType<typeof sql> => Boolean(x));
  await db.execute(sql`update action_plan_items set ${sql.join(sets, sql`, `)}, updated_at = now() where id = ${id}`);
}
export const deleteItem = (db: DbOrTx, id: string) => db.execute(sql`delete from action_plan_items where id = ${id}`);

const uuidList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** Ids of active people of the organization among `ids`. */
export async function selectActiveColleagues(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return [];
  const rows = await selectRows<{ id: string }>(db, sql`select id from people where org_id = ${orgId} and status = 'active' and id in (${uuidList(ids)})`);
  return rows.map((r) => r.id);
}

/** Replaces an item's peers. */
export async function replacePeers(db: DbOrTx, orgId: string, itemId: string, personIds: string[]) {
  await db.execute(sql`delete from action_item_peers where item_id = ${itemId}`);
  if (personIds.length) {
    await db.execute(
      sql`insert into action_item_peers (item_id, person_id, org_id) values ${sql.join(personIds.map((p) => sql`(${itemId}, ${p}, ${orgId})`), sql`, `)}`,
    );
  }
}

export const selectComments = (db: DbOrTx, itemId: string) =>
  selectRows<{ id: string; authorId: string; authorName: string; authorTitle: string | null; body: string; createdAt: Date | string }>(
    db,
    sql`select c.id, c.author_id as "authorId", a.name as "authorName", a.title as "authorTitle", c.body, c.created_at as "createdAt"
          from action_item_comments c join people a on a.id = c.author_id where c.item_id = ${itemId} order by c.created_at, c.id`,
  );
export const insertComment = (db: DbOrTx, orgId: string, itemId: string, authorId: string, body: string) =>
  db.execute(sql`insert into action_item_comments (org_id, item_id, author_id, body) values (${orgId}, ${itemId}, ${authorId}, ${body})`);

export const selectTemplate = (db: DbOrTx, programId: string) =>
  selectRows<{ title: string; dueAfterDays: number | null }>(
    db,
    sql`select title, due_after_days as "dueAfterDays" from action_plan_template_items where program_id = ${programId} order by position`,
  );
export async function replaceTemplate(db: DbOrTx, orgId: string, programId: string, items: { title: string; dueAfterDays: number | null }[]) {
  await db.execute(sql`delete from action_plan_template_items where program_id = ${programId}`);
  if (items.length) {
    await db.execute(
      sql`insert into action_plan_template_items (org_id, program_id, title, due_after_days, position) values ${sql.join(
        items.map((it, i) => sql`(${orgId}, ${programId}, ${it.title}, ${it.dueAfterDays}, ${i})`),
        sql`, `,
      )}`,
    );
  }
}
