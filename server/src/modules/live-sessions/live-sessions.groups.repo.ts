// Typed SQL of breakout groups and pairs: forming them, placing late joiners, membership, members' choices, and
// the pairs purged at the end.
import { and, eq, sql } from 'drizzle-orm';
import { liveGroupMembers, liveGroups } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';
import type { GroupRow, PersonRow, SessionRow } from './live-sessions.repo.ts';

/**
 * Pairs among `personIds` who already shared a live group or pair: in this session, and in the scope's earlier
 * sessions (the program's when the session has one, else the organization's).
 */
export function selectKnownPairs(db: DbOrTx, s: SessionRow, personIds: string[]) {
  if (personIds.length < 2) return Promise.resolve([] as { a: string; b: string; n: number }[]);
  const scope = s.programId ? sql`ls.program_id = ${s.programId}` : sql`ls.org_id = ${s.orgId}`;
  return selectRows<{ a: string; b: string; n: number }>(
    db,
    sql`select m1.person_id as a, m2.person_id as b, count(*)::int as n
        from live_group_members m1 join live_group_members m2 on m2.group_id = m1.group_id and m2.person_id > m1.person_id
        join live_sessions ls on ls.id = m1.session_id
        where ${scope} and m1.person_id in ${personIds} and m2.person_id in ${personIds}
        group by m1.person_id, m2.person_id`,
  );
}

/**
 * Learning partners per person: the members of the first pair each person was in, within the program's sessions
 * (or this session when it has no program).
 */
export function selectFirstPartners(db: DbOrTx, s: SessionRow) {
  const scope = s.programId ? sql`ls.program_id = ${s.programId}` : sql`ls.id = ${s.id}`;
  return selectRows<{ personId: string; groupId: string; members: string[] }>(
    db,
    sql`select distinct on (m.person_id) m.person_id as "personId", g.id as "groupId",
          (select array_agg(o.person_id::text) from live_group_members o where o.group_id = g.id) as members
        from live_group_members m join live_groups g on g.id = m.group_id join live_sessions ls on ls.id = g.session_id
        where ${scope} and g.kind = 'pair'
        order by m.person_id, g.created_at, g.id`,
  );
}

/**
 * Inserts the groups of a segment with their members in one statement (500 people: one round trip and three
 * parameters, not thousands; it runs inside the advance request).
 */
export async function insertGroups(db: DbOrTx, s: SessionRow, segmentId: string, kind: 'group' | 'pair', groups: string[][]) {
  if (!groups.length) return [];
  const positions = groups.flatMap((g, i) => g.map(() => i)).join(',');
  const people = groups.flat().join(',');
  return selectRows<{ id: string; position: number }>(
    db,
    sql`with g as (
          insert into live_groups (org_id, session_id, segment_id, kind, position)
          select ${s.orgId}::uuid, ${s.id}::uuid, ${segmentId}::uuid, ${kind}::text, p from generate_series(0, ${groups.length - 1}::int) p
          returning id, position
        ), m as (
          insert into live_group_members (group_id, person_id, session_id, org_id)
          select g.id, x.person_id, ${s.id}::uuid, ${s.orgId}::uuid
          from unnest(string_to_array(${positions}::text, ',')::int[], string_to_array(${people}::text, ',')::uuid[]) as x(position, person_id)
          join g on g.position = x.position
        )
        select id, position from g order by position`,
  );
}

/**
 * Adds a person to an existing group (a late placement). The group row is locked first and `joined_at` is read from
 * the clock after the lock, so every message or notes save of the group either committed before (and is older than
 * the membership: hidden from them) or waits for this placement to commit (and is newer: theirs to read). Group
 * messages take a key-share lock on the same row (insertMessage).
 */
export async function insertGroupMember(db: DbOrTx, s: SessionRow, groupId: string, personId: string) {
  await db.execute(sql`select 1 from live_groups where id = ${groupId} for update`);
  await db.execute(sql`insert into live_group_members (group_id, person_id, session_id, org_id, joined_at)
    values (${groupId}, ${personId}, ${s.id}, ${s.orgId}, clock_timestamp()) on conflict do nothing`);
}

/** Starts one more group of a running segment (late joiners or a facilitator's placement), after the last one. */
export async function insertGroup(db: DbOrTx, s: SessionRow, segmentId: string, kind: 'group' | 'pair', personIds: string[]) {
  const [g] = await selectRows<{ id: string }>(
    db,
    sql`insert into live_groups (org_id, session_id, segment_id, kind, position)
        select ${s.orgId}::uuid, ${s.id}::uuid, ${segmentId}::uuid, ${kind}::text, coalesce(max(position) + 1, 0) from live_groups where segment_id = ${segmentId}
        returning id`,
  );
  await db.insert(liveGroupMembers).values(personIds.map((personId) => ({ groupId: g.id, personId, sessionId: s.id, orgId: s.orgId })));
  return g.id;
}

/**
 * People present in the session who have no group in the segment (late joiners waiting for a partner), the longest
 * waiting first.
 */
export function selectWaiting(db: DbOrTx, sessionId: string, segmentId: string) {
  return selectRows<PersonRow>(
    db,
    sql`select p.id, p.name, p.department from live_participants lp join people p on p.id = lp.person_id
        where lp.session_id = ${sessionId} and lp.left_at is null
          and not exists (select 1 from live_group_members m join live_groups g on g.id = m.group_id
                          where g.segment_id = ${segmentId} and m.person_id = lp.person_id)
        order by (select max(a.from_at) from live_attendance a where a.session_id = lp.session_id and a.person_id = lp.person_id), p.id`,
  );
}

/** Groups of a segment with their members (all members, and whether each is present now). */
export function selectSegmentGroups(db: DbOrTx, sessionId: string, segmentId: string) {
  return selectRows<{ id: string; kind: 'group' | 'pair'; lastActivityAt: string | null; members: { id: string; name: string; present: boolean }[] }>(
    db,
    sql`select g.id, g.kind, g.last_activity_at as "lastActivityAt",
          coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name, 'present', lp.left_at is null and lp.person_id is not null) order by p.name)
            from live_group_members m join people p on p.id = m.person_id
            left join live_participants lp on lp.session_id = g.session_id and lp.person_id = m.person_id
            where m.group_id = g.id), '[]'::json) as members
        from live_groups g where g.session_id = ${sessionId} and g.segment_id = ${segmentId} order by g.position`,
  );
}

/** Message counts per group of a segment (counts only). */
export function selectGroupMessageCounts(db: DbOrTx, sessionId: string, segmentId: string) {
  return selectRows<{ groupId: string; n: number }>(
    db,
    sql`select m.group_id as "groupId", count(*)::int as n from live_messages m join live_groups g on g.id = m.group_id
        where g.session_id = ${sessionId} and g.segment_id = ${segmentId} group by m.group_id`,
  );
}

/** A group of a session. */
export async function selectGroup(db: DbOrTx, sessionId: string, groupId: string): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(liveGroups).where(and(eq(liveGroups.sessionId, sessionId), eq(liveGroups.id, groupId)));
  return row;
}

/** A group by id within an organization (for channel checks). */
export async function selectGroupInOrg(db: DbOrTx, orgId: string, groupId: string): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(liveGroups).where(and(eq(liveGroups.orgId, orgId), eq(liveGroups.id, groupId)));
  return row;
}

/** Members of a group with their choices. */
export function selectGroupMembers(db: DbOrTx, groupId: string) {
  return selectRows<PersonRow & { keep: boolean; debriefConsent: boolean | null }>(
    db,
    sql`select p.id, p.name, p.department, m.keep, m.debrief_consent as "debriefConsent"
        from live_group_members m join people p on p.id = m.person_id where m.group_id = ${groupId} order by p.name`,
  );
}

/** A group of the session and whether the person is one of its members, in one query. */
export function selectGroupForMember(db: DbOrTx, sessionId: string, groupId: string, personId: string) {
  return selectRow<GroupRow & { isMember: boolean }>(
    db,
    sql`select g.id, g.session_id as "sessionId", g.segment_id as "segmentId", g.org_id as "orgId", g.kind, g.position,
          g.last_activity_at as "lastActivityAt", g.created_at as "createdAt",
          exists (select 1 from live_group_members m where m.group_id = g.id and m.person_id = ${personId}) as "isMember"
        from live_groups g where g.session_id = ${sessionId} and g.id = ${groupId}`,
  );
}

/** True when the person is a member of the group. */
export async function isGroupMember(db: DbOrTx, groupId: string, personId: string) {
  const row = await selectRow<{ ok: boolean }>(db, sql`select true as ok from live_group_members where group_id = ${groupId} and person_id = ${personId}`);
  return Boolean(row);
}

/**
 * A member's view of a group: since when they are in it, and whether they read its notes (no notes yet, or notes
 * first saved after they joined). Undefined for non-members. Compared in SQL, at the database's microseconds.
 */
export function selectMembership(db: DbOrTx, groupId: string, personId: string) {
  return selectRow<{ joinedAt: string | Date; notesVisible: boolean; late: boolean }>(
    db,
    sql`select m.joined_at as "joinedAt", (n.group_id is null or n.created_at > m.joined_at) as "notesVisible", m.joined_at > g.created_at as late
        from live_group_members m join live_groups g on g.id = m.group_id left join live_group_notes n on n.group_id = m.group_id
        where m.group_id = ${groupId} and m.person_id = ${personId}`,
  );
}

/** The person's group in a segment, if any. */
export function selectMyGroupInSegment(db: DbOrTx, segmentId: string, personId: string) {
  return selectRow<GroupRow>(
    db,
    sql`select g.id, g.session_id as "sessionId", g.segment_id as "segmentId", g.org_id as "orgId", g.kind, g.position,
          g.last_activity_at as "lastActivityAt", g.created_at as "createdAt"
        from live_groups g join live_group_members m on m.group_id = g.id where g.segment_id = ${segmentId} and m.person_id = ${personId} limit 1`,
  );
}

/** Sets a member's keep or debrief choice. */
export async function setMemberChoice(db: DbOrTx, groupId: string, personId: string, v: { keep?: boolean; debriefConsent?: boolean }) {
  await db
    .update(liveGroupMembers)
    .set(v)
    .where(and(eq(liveGroupMembers.groupId, groupId), eq(liveGroupMembers.personId, personId)));
}

/** Marks activity in a group (the overview shows the time only). */
export async function touchGroup(db: DbOrTx, groupId: string) {
  await db.execute(sql`update live_groups set last_activity_at = now() where id = ${groupId}`);
}

/** Deletes chat and notes of the session's pairs unless every partner chose to keep them. */
export async function purgeUnkeptPairs(db: DbOrTx, sessionId: string) {
  const unkept = sql`select g.id from live_groups g where g.session_id = ${sessionId} and g.kind = 'pair'
    and exists (select 1 from live_group_members m where m.group_id = g.id and not m.keep)`;
  await db.execute(sql`delete from live_messages where group_id in (${unkept})`);
  await db.execute(sql`delete from live_group_notes where group_id in (${unkept})`);
}

/** Groups (kind group) whose every member consented to share their notes, with notes. */
export function selectSharedDebriefs(db: DbOrTx, sessionId: string) {
  return selectRows<{ groupId: string; segmentTitle: string; notes: string | null; updatedAt: string | null }>(
    db,
    sql`select g.id as "groupId", sg.title as "segmentTitle", n.body as notes, n.updated_at as "updatedAt"
        from live_groups g join live_segments sg on sg.id = g.segment_id left join live_group_notes n on n.group_id = g.id
        where g.session_id = ${sessionId} and g.kind = 'group'
          and not exists (select 1 from live_group_members m where m.group_id = g.id and m.debrief_consent is not true)
        order by sg.position, g.position`,
  );
}
