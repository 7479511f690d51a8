import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** An entry with its author and the people it is shared with. */
export interface EntryRow {
  id: string;
  personId: string;
  authorName: string;
  authorTitle: string | null;
  programId: string | null;
  prompt: string | null;
  body: string;
  liveSessionId: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  sharedWith: { id: string; name: string; title: string | null }[] | null;
}

const entrySelect = sql`
  select e.id, e.person_id as "personId", a.name as "authorName", a.title as "authorTitle", e.program_id as "programId",
         e.prompt, e.body, e.live_session_id as "liveSessionId", e.created_at as "createdAt", e.updated_at as "updatedAt",
         (select json_agg(json_build_object('id', v.id, 'name', v.name, 'title', v.title) order by v.name)
            from journal_shares s join people v on v.id = s.viewer_id where s.entry_id = e.id) as "sharedWith"
    from journal_entries e join people a on a.id = e.person_id`;

/** One entry of the organization the viewer owns or has been shared (undefined otherwise). */
export const selectReadableEntry = (db: DbOrTx, orgId: string, id: string, viewerId: string) =>
  selectRow<EntryRow>(
    db,
    sql`${entrySelect} where e.org_id = ${orgId} and e.id = ${id}
      and (e.person_id = ${viewerId} or exists (select 1 from journal_shares s where s.entry_id = e.id and s.viewer_id = ${viewerId}))`,
  );

/** An entry of the organization, locked for a change. */
export const selectEntryForUpdate = (db: DbOrTx, orgId: string, id: string) =>
  selectRow<{ id: string; personId: string }>(db, sql`select id, person_id as "personId" from journal_entries where org_id = ${orgId} and id = ${id} for update`);

/** The person's entries, newest first. */
export const selectOwnEntries = (db: DbOrTx, orgId: string, personId: string, limit: number) =>
  selectRows<EntryRow>(db, sql`${entrySelect} where e.org_id = ${orgId} and e.person_id = ${personId} order by e.created_at desc, e.id desc limit ${limit}`);

/** Entries shared with the viewer, newest first. */
export const selectSharedWith = (db: DbOrTx, orgId: string, viewerId: string, limit: number) =>
  selectRows<EntryRow>(
    db,
    sql`${entrySelect} join journal_shares s2 on s2.entry_id = e.id and s2.viewer_id = ${viewerId}
      where e.org_id = ${orgId} order by e.created_at desc, e.id desc limit ${limit}`,
  );

/** Writes an entry and returns its id. */
export async function insertEntry(db: DbOrTx, v: { orgId: string; personId: string; body: string; programId?: string | null; prompt?: string | null; liveSessionId?: string | null }) {
  const row = await selectRow<{ id: string }>(
    db,
    sql`insert into journal_entries (org_id, person_id, body, program_id, prompt, live_session_id)
        values (${v.orgId}, ${v.personId}, ${v.body}, ${v.programId ?? null}, ${v.prompt ?? null}, ${v.liveSessionId ?? null}) returning id`,
  );
  return row!.id;
}

/** Writes or rewrites the person's entry for a live session's reflection; returns its id. */
export async function upsertReflection(db: DbOrTx, v: { orgId: string; personId: string; body: string; programId: string | null; prompt: string | null; liveSessionId: string }) {
  const row = await selectRow<{ id: string }>(
    db,
    sql`insert into journal_entries (org_id, person_id, body, program_id, prompt, live_session_id)
        values (${v.orgId}, ${v.personId}, ${v.body}, ${v.programId}, ${v.prompt}, ${v.liveSessionId})
        on conflict (live_session_id, person_id) do update set body = excluded.body, updated_at = now() returning id`,
  );
  return row!.id;
}

export const updateEntryBody = (db: DbOrTx, id: string, body: string) => db.execute(sql`update journal_entries set body = ${body}, updated_at = now() where id = ${id}`);
export const deleteEntry = (db: DbOrTx, id: string) => db.execute(sql`delete from journal_entries where id = ${id}`);

export const insertShare = (db: DbOrTx, orgId: string, entryId: string, viewerId: string) =>
  db.execute(sql`insert into journal_shares (entry_id, viewer_id, org_id) values (${entryId}, ${viewerId}, ${orgId}) on conflict do nothing`);
export const deleteShare = (db: DbOrTx, entryId: string, viewerId: string) =>
  db.execute(sql`delete from journal_shares where entry_id = ${entryId} and viewer_id = ${viewerId}`);

/** The person's active manager, if any. */
export const selectManager = (db: DbOrTx, orgId: string, personId: string) =>
  selectRow<{ id: string; name: string; title: string | null }>(
    db,
    sql`select m.id, m.name, m.title from people p join people m on m.id = p.manager_id
         where p.org_id = ${orgId} and p.id = ${personId} and m.status = 'active'`,
  );

/** Active colleagues named as peers on any of the person's action-plan items. */
export const selectNamedPeers = (db: DbOrTx, orgId: string, personId: string) =>
  selectRows<{ id: string; name: string; title: string | null }>(
    db,
    sql`select distinct v.id, v.name, v.title from action_plans p join action_plan_items i on i.plan_id = p.id
          join action_item_peers ip on ip.item_id = i.id join people v on v.id = ip.person_id
         where p.org_id = ${orgId} and p.person_id = ${personId} and v.status = 'active' order by v.name`,
  );

export const selectPrompts = (db: DbOrTx, programId: string) =>
  selectRow<{ prompts: string[] }>(db, sql`select prompts from program_journal_prompts where program_id = ${programId}`);
export const upsertPrompts = (db: DbOrTx, orgId: string, programId: string, prompts: string[]) =>
  db.execute(
    sql`insert into program_journal_prompts (program_id, org_id, prompts) values (${programId}, ${orgId}, ${JSON.stringify(prompts)}::jsonb)
        on conflict (program_id) do update set prompts = excluded.prompts`,
  );
