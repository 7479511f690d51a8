// Typed SQL of a group's notes and of chat messages (plenary, group, pair), read by room and membership time.
import { and, eq, sql } from 'drizzle-orm';
import { liveGroupNotes } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';
import type { PersonRow } from './live-sessions.repo.ts';

// ---------- notes ----------

/** A group's notes row. */
export async function selectNotes(db: DbOrTx, groupId: string) {
  const [row] = await db.select().from(liveGroupNotes).where(eq(liveGroupNotes.groupId, groupId));
  return row;
}

/**
 * Locks a group against placements for the rest of the transaction (key share: writers of the group do not wait for
 * each other, a placement waits for them and they for it). See insertGroupMember.
 */
export async function lockGroupForWriting(db: DbOrTx, groupId: string) {
  await db.execute(sql`select 1 from live_groups where id = ${groupId} for key share`);
}

/** Writes notes when the stored version matches; returns false on a stale version. Call lockGroupForWriting first. */
export async function writeNotes(db: DbOrTx, orgId: string, groupId: string, body: string, version: number, personId: string) {
  if (version === 0) {
    // created_at from the clock after the group lock (see insertGroupMember), not the transaction's start.
    const rows = await db
      .insert(liveGroupNotes)
      .values({ groupId, orgId, body, version: 1, updatedBy: personId, createdAt: sql`clock_timestamp()` })
      .onConflictDoNothing()
      .returning({ v: liveGroupNotes.version });
    return rows.length > 0;
  }
  const rows = await db
    .update(liveGroupNotes)
    .set({ body, version: version + 1, updatedBy: personId, updatedAt: new Date() })
    .where(and(eq(liveGroupNotes.groupId, groupId), eq(liveGroupNotes.version, version)))
    .returning({ v: liveGroupNotes.version });
  return rows.length > 0;
}

// ---------- messages ----------

/** Columns of a message as the API shows it. */
const messageColumns = sql`m.id, m.segment_id as "segmentId", m.group_id as "groupId", m.body, m.client_id as "clientId", m.created_at as "createdAt",
  json_build_object('id', p.id, 'name', p.name, 'department', p.department) as author`;

/** A message as the API shows it. */
export interface MessageRow {
  id: string;
  segmentId: string | null;
  groupId: string | null;
  body: string;
  clientId: string;
  createdAt: string | Date;
  author: PersonRow;
}

/** Inserts a message unless the author already sent this clientId; returns the stored message and whether it is new. */
/**
 * Inserts a message and marks its group active in one statement (atomic without a transaction). A retry with the same
 * clientId inserts nothing and returns the first message with created = false.
 */
export async function insertMessage(db: DbOrTx, v: { sessionId: string; orgId: string; segmentId: string; groupId: string | null; authorId: string; body: string; clientId: string }) {
  const touch = v.groupId ? sql`, touched as (update live_groups set last_activity_at = now() where id = ${v.groupId} and exists (select 1 from ins))` : sql``;
  // A group message first takes a key-share lock on its group and stamps created_at from the clock after it, so it is
  // ordered against placements into the group (see insertGroupMember); a plenary message has no group to lock.
  const values = v.groupId
    ? sql`select ${v.sessionId}::uuid, ${v.orgId}::uuid, ${v.segmentId}::uuid, ${v.groupId}::uuid, ${v.authorId}::uuid, ${v.body}::text, ${v.clientId}::uuid, clock_timestamp()
          from live_groups where id = ${v.groupId} for key share`
    : sql`values (${v.sessionId}::uuid, ${v.orgId}::uuid, ${v.segmentId}::uuid, null::uuid, ${v.authorId}::uuid, ${v.body}::text, ${v.clientId}::uuid, now())`;
  const row = await selectRow<MessageRow & { created: boolean }>(
    db,
    sql`with ins as (
          insert into live_messages (session_id, org_id, segment_id, group_id, author_id, body, client_id, created_at)
          ${values}
          on conflict do nothing returning *
        )${touch}
        select ${messageColumns}, true as created from ins m join people p on p.id = m.author_id
        union all
        select ${messageColumns}, false as created from live_messages m join people p on p.id = m.author_id
        where not exists (select 1 from ins) and m.session_id = ${v.sessionId} and m.author_id = ${v.authorId} and m.client_id = ${v.clientId}`,
  );
  if (!row) {
    // A concurrent duplicate committed after this statement's snapshot was taken: the insert did nothing, and only a
    // new statement sees the first message.
    const first = await selectMessageByClientId(db, v.sessionId, v.authorId, v.clientId);
    if (!first) throw new Error('live message vanished between insert and read');
    return { row: first, created: false };
  }
  const { created, ...message } = row;
  return { row: message, created };
}

/** A message the author sent with this clientId, if any. */
export function selectMessageByClientId(db: DbOrTx, sessionId: string, authorId: string, clientId: string) {
  return selectRow<MessageRow>(
    db,
    sql`select ${messageColumns} from live_messages m join people p on p.id = m.author_id
        where m.session_id = ${sessionId} and m.author_id = ${authorId} and m.client_id = ${clientId}`,
  );
}

/** A chat room: the plenary, or a group as one of its members reads it. */
export type Room = { groupId: string; viewerId: string } | null;

/**
 * What of a room the viewer reads: a group's messages written after they became a member of it (strictly after:
 * see insertGroupMember); nothing at all for a non-member (the subquery is null). The plenary: everything.
 */
function roomFilter(room: Room) {
  if (!room) return sql`m.group_id is null`;
  return sql`m.group_id = ${room.groupId}
    and m.created_at > (select gm.joined_at from live_group_members gm where gm.group_id = ${room.groupId} and gm.person_id = ${room.viewerId})`;
}

/** Messages of a room the viewer reads: after a message (oldest first), or the newest `limit`. */
export async function selectMessages(db: DbOrTx, sessionId: string, room: Room, after: string | undefined, limit: number) {
  if (after) {
    return selectRows<MessageRow>(
      db,
      sql`select ${messageColumns} from live_messages m join people p on p.id = m.author_id
          where m.session_id = ${sessionId} and ${roomFilter(room)}
            and (m.created_at, m.id) > (select a.created_at, a.id from live_messages a where a.id = ${after} and a.session_id = ${sessionId})
          order by m.created_at, m.id limit ${limit}`,
    );
  }
  const rows = await selectRows<MessageRow>(
    db,
    sql`select ${messageColumns} from live_messages m join people p on p.id = m.author_id
        where m.session_id = ${sessionId} and ${roomFilter(room)} order by m.created_at desc, m.id desc limit ${limit}`,
  );
  return rows.reverse();
}

/** True when the message is in the room and the viewer reads it (a catch-up cursor must be one they were shown). */
export async function messageInRoom(db: DbOrTx, sessionId: string, room: Room, id: string) {
  return Boolean(await selectRow(db, sql`select 1 from live_messages m where m.id = ${id} and m.session_id = ${sessionId} and ${roomFilter(room)}`));
}

/** Plenary chat of a session for the export, oldest first. */
export function selectPlenaryChat(db: DbOrTx, sessionId: string) {
  return selectRows<{ createdAt: string | Date; name: string; body: string }>(
    db,
    sql`select m.created_at as "createdAt", p.name, m.body from live_messages m join people p on p.id = m.author_id
        where m.session_id = ${sessionId} and m.group_id is null order by m.created_at, m.id`,
  );
}
