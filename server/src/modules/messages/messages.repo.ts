import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A conversation as the list shows it to one member. */
export interface ConversationRow {
  id: string;
  isGroup: boolean;
  title: string | null;
  createdBy: string;
  lastMessageAt: Date | string | null;
  members: { id: string; name: string; title: string | null }[] | null;
  lastBody: string | null;
  unreadCount: number;
  /** Full-precision keyset value (timestamptz as text). */
  k: string;
}

/** A message with its author. */
export interface MessageRow {
  id: string;
  conversationId: string;
  authorId: string;
  authorName: string;
  authorTitle: string | null;
  body: string;
  html: string;
  createdAt: Date | string;
  k: string;
}

const uuidList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** Ids of active people of the organization among `ids`. */
export async function selectActivePeople(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return [];
  const rows = await selectRows<{ id: string }>(db, sql`select id from people where org_id = ${orgId} and status = 'active' and id in (${uuidList(ids)})`);
  return rows.map((r) => r.id);
}

/** Creates the one-to-one conversation of a pair, or finds the existing one (concurrent creators get the same row). */
export async function upsertPairConversation(db: DbOrTx, orgId: string, pairKey: string, createdBy: string) {
  const inserted = await selectRow<{ id: string }>(
    db,
    sql`insert into conversations (org_id, is_group, pair_key, created_by) values (${orgId}, false, ${pairKey}, ${createdBy})
        on conflict (org_id, pair_key) do nothing returning id`,
  );
  if (inserted) return { id: inserted.id, created: true };
  const found = await selectRow<{ id: string }>(db, sql`select id from conversations where org_id = ${orgId} and pair_key = ${pairKey}`);
  return { id: (found as { id: string }).id, created: false };
}

/** Creates a group conversation. */
export async function insertGroupConversation(db: DbOrTx, orgId: string, title: string, createdBy: string) {
  const row = await selectRow<{ id: string }>(
    db,
    sql`insert into conversations (org_id, is_group, title, created_by) values (${orgId}, true, ${title}, ${createdBy}) returning id`,
  );
  return (row as { id: string }).id;
}

/** Adds members (people already in are left as they are). */
export async function insertMembers(db: DbOrTx, orgId: string, conversationId: string, personIds: string[]) {
  await db.execute(sql`insert into conversation_members (conversation_id, person_id, org_id)
    select ${conversationId}::uuid, p, ${orgId}::uuid from unnest(array[${uuidList(personIds)}]) as p
    on conflict (conversation_id, person_id) do nothing`);
}

/** The conversation when the person is a current member of it (optionally locking their membership row). */
export function selectMembership(db: DbOrTx, orgId: string, conversationId: string, personId: string, lock = false) {
  return selectRow<{ id: string; isGroup: boolean }>(
    db,
    sql`select c.id, c.is_group as "isGroup" from conversation_members cm join conversations c on c.id = cm.conversation_id
        where c.org_id = ${orgId} and cm.conversation_id = ${conversationId} and cm.person_id = ${personId} and cm.left_at is null
        ${lock ? sql`for update of cm` : sql``}`,
  );
}

/** Ids of the current members of a conversation. */
export async function selectMemberIds(db: DbOrTx, conversationId: string) {
  const rows = await selectRows<{ id: string }>(db, sql`select person_id as id from conversation_members where conversation_id = ${conversationId} and left_at is null`);
  return rows.map((r) => r.id);
}

/** The person's conversations, most recently active first, with members, last message and unread count. */
export function selectConversationPage(db: DbOrTx, personId: string, f: { after?: [string, string]; id?: string; limit: number }) {
  const where: SQL[] = [sql`cm.person_id = ${personId}`, sql`cm.left_at is null`];
  if (f.id) where.push(sql`c.id = ${f.id}`);
  if (f.after) where.push(sql`(coalesce(c.last_message_at, c.created_at), c.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return selectRows<ConversationRow>(
    db,
    sql`select c.id, c.is_group as "isGroup", c.title, c.created_by as "createdBy", c.last_message_at as "lastMessageAt",
          coalesce(c.last_message_at, c.created_at)::text as k,
          (select jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name, 'title', p.title) order by p.name)
             from conversation_members om join people p on p.id = om.person_id
            where om.conversation_id = c.id and om.left_at is null and om.person_id <> ${personId}) as members,
          (select left(m.body, 600) from messages m where m.conversation_id = c.id and m.deleted_at is null
            order by m.created_at desc, m.id desc limit 1) as "lastBody",
          (select count(*)::int from messages m where m.conversation_id = c.id and m.author_id <> ${personId}
              and m.deleted_at is null and m.created_at > coalesce(cm.last_read_at, '-infinity'::timestamptz)) as "unreadCount"
        from conversation_members cm join conversations c on c.id = cm.conversation_id
        where ${sql.join(where, sql` and `)}
        order by coalesce(c.last_message_at, c.created_at) desc, c.id desc limit ${f.limit}`,
  );
}

/** Messages from others the person has not read, over all their conversations. */
export async function countUnread(db: DbOrTx, personId: string) {
  const row = await selectRow<{ n: number }>(
    db,
    sql`select count(*)::int as n from conversation_members cm join messages m on m.conversation_id = cm.conversation_id
        where cm.person_id = ${personId} and cm.left_at is null and m.author_id <> ${personId} and m.deleted_at is null
          and m.created_at > coalesce(cm.last_read_at, '-infinity'::timestamptz)`,
  );
  return row?.n ?? 0;
}

const messageColumns = sql`m.id, m.conversation_id as "conversationId", m.author_id as "authorId", a.name as "authorName",
  a.title as "authorTitle", m.body, m.html, m.created_at as "createdAt", m.created_at::text as k`;

/** Messages of a conversation, newest first, keyset-paged backwards in time. */
export function selectMessagePage(db: DbOrTx, conversationId: string, f: { after?: [string, string]; limit: number }) {
  const where: SQL[] = [sql`m.conversation_id = ${conversationId}`, sql`m.deleted_at is null`];
  if (f.after) where.push(sql`(m.created_at, m.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return selectRows<MessageRow>(
    db,
    sql`select ${messageColumns} from messages m join people a on a.id = m.author_id
        where ${sql.join(where, sql` and `)} order by m.created_at desc, m.id desc limit ${f.limit}`,
  );
}

/** Writes a message, moves the conversation up the list and marks it read for its author. */
export async function insertMessage(db: DbOrTx, m: { orgId: string; conversationId: string; authorId: string; body: string; html: string }) {
  const row = await selectRow<MessageRow>(
    db,
    sql`with m as (insert into messages (org_id, conversation_id, author_id, body, html)
                   values (${m.orgId}, ${m.conversationId}, ${m.authorId}, ${m.body}, ${m.html}) returning *)
        select ${messageColumns} from m join people a on a.id = m.author_id`,
  );
  const msg = row as MessageRow;
  await db.execute(sql`update conversations set last_message_at = ${msg.k}::timestamptz where id = ${m.conversationId}`);
  await db.execute(sql`update conversation_members set last_read_at = ${msg.k}::timestamptz where conversation_id = ${m.conversationId} and person_id = ${m.authorId}`);
  return msg;
}

/** Moves the person's read position to now. */
export async function markRead(db: DbOrTx, conversationId: string, personId: string) {
  await db.execute(sql`update conversation_members set last_read_at = now() where conversation_id = ${conversationId} and person_id = ${personId}`);
}

/** The person leaves the conversation (they stop seeing it). */
export async function markLeft(db: DbOrTx, conversationId: string, personId: string) {
  await db.execute(sql`update conversation_members set left_at = now() where conversation_id = ${conversationId} and person_id = ${personId}`);
}
