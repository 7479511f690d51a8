import { and, eq, sql } from 'drizzle-orm';
import {
  liveAttendance,
  liveBroadcasts,
  liveGroupMembers,
  liveGroupNotes,
  liveGroups,
  liveMessages,
  liveParticipants,
  livePollVotes,
  liveSegments,
  liveSessionFacilitators,
  liveSessions,
} from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A live_sessions row. */
export type SessionRow = typeof liveSessions.$inferSelect;
/** A live_segments row. */
export type SegmentRow = typeof liveSegments.$inferSelect;
/** A live_groups row. */
export type GroupRow = typeof liveGroups.$inferSelect;
/** A person as live sessions show them. */
export interface PersonRow {
  id: string;
  name: string;
  department: string | null;
}

// ---------- sessions ----------

/** One session of an organization (optionally locked for the rest of the transaction). */
export async function selectSession(db: DbOrTx, orgId: string, id: string, lock = false): Promise<SessionRow | undefined> {
  if (lock) await db.execute(sql`select 1 from live_sessions where id = ${id} and org_id = ${orgId} for update`);
  const [row] = await db.select().from(liveSessions).where(and(eq(liveSessions.orgId, orgId), eq(liveSessions.id, id)));
  return row;
}

/** What the viewer is to a session: facilitator (named, creator or program facilitator), audience, participant. */
export async function selectViewerRelation(db: DbOrTx, s: SessionRow, personId: string) {
  const row = await selectRow<{ facilitator: boolean; enrolled: boolean; joinedAt: string | null; leftAt: string | null }>(
    db,
    sql`select
          (${s.createdBy}::uuid = ${personId}::uuid
           or exists (select 1 from live_session_facilitators f where f.session_id = ${s.id} and f.person_id = ${personId})
           or exists (select 1 from program_facilitators pf where pf.program_id = ${s.programId}::uuid and pf.person_id = ${personId})) as facilitator,
          exists (select 1 from program_enrollments e where e.program_id = ${s.programId}::uuid and e.person_id = ${personId} and e.status = 'enrolled') as enrolled,
          p.joined_at as "joinedAt", p.left_at as "leftAt"
        from (select 1) x left join live_participants p on p.session_id = ${s.id} and p.person_id = ${personId}`,
  );
  return {
    facilitator: Boolean(row?.facilitator),
    enrolled: Boolean(row?.enrolled),
    participant: row?.joinedAt ? { leftAt: row.leftAt } : null,
  };
}

/** Facilitators of sessions: creator, named ones and the program's, by name. */
export function selectFacilitators(db: DbOrTx, sessionIds: string[]) {
  if (!sessionIds.length) return Promise.resolve([] as (PersonRow & { sessionId: string })[]);
  return selectRows<PersonRow & { sessionId: string }>(
    db,
    sql`select distinct x.session_id as "sessionId", p.id, p.name, p.department from (
          select s.id as session_id, s.created_by as person_id from live_sessions s where s.id in ${sessionIds} and s.created_by is not null
          union select f.session_id, f.person_id from live_session_facilitators f where f.session_id in ${sessionIds}
          union select s.id, pf.person_id from live_sessions s join program_facilitators pf on pf.program_id = s.program_id where s.id in ${sessionIds}
        ) x join people p on p.id = x.person_id order by p.name`,
  );
}

/** Present counts and the viewer's participation per session. */
export function selectParticipation(db: DbOrTx, sessionIds: string[], personId: string) {
  if (!sessionIds.length) return Promise.resolve([] as { sessionId: string; present: number; mine: string | null }[]);
  return selectRows<{ sessionId: string; present: number; mine: string | null }>(
    db,
    sql`select s.id as "sessionId",
          (select count(*)::int from live_participants p where p.session_id = s.id and p.left_at is null) as present,
          (select case when p.left_at is null then 'present' else 'left' end from live_participants p where p.session_id = s.id and p.person_id = ${personId}) as mine
        from live_sessions s where s.id in ${sessionIds}`,
  );
}

/** Program titles and community names of sessions. */
export function selectContexts(db: DbOrTx, sessionIds: string[]) {
  if (!sessionIds.length) return Promise.resolve([] as { sessionId: string; programTitle: string | null; communityName: string | null; communitySlug: string | null }[]);
  return selectRows<{ sessionId: string; programTitle: string | null; communityName: string | null; communitySlug: string | null }>(
    db,
    sql`select s.id as "sessionId", pr.title as "programTitle", c.name as "communityName", c.slug as "communitySlug"
        from live_sessions s left join programs pr on pr.id = s.program_id left join communities c on c.id = s.community_id
        where s.id in ${sessionIds}`,
  );
}

/**
 * Sessions the viewer may see: org-wide ones, their programs' (enrolled or facilitating), communities they can read
 * (communityIds given by the caller), ones they facilitate; admins see all. Live first, then upcoming, then ended.
 */
export function selectVisibleSessions(
  db: DbOrTx,
  viewer: { orgId: string; personId: string; isAdmin: boolean },
  f: { programId?: string; communityId?: string; status?: string; readableCommunityIds: string[] },
) {
  const me = viewer.personId;
  const where = [sql`s.org_id = ${viewer.orgId}`];
  if (!viewer.isAdmin) {
    const communities = f.readableCommunityIds.length ? sql`s.community_id in ${f.readableCommunityIds}` : sql`false`;
    where.push(sql`(
      (s.program_id is null and s.community_id is null)
      or (s.community_id is not null and ${communities})
      or exists (select 1 from program_enrollments e where e.program_id = s.program_id and e.person_id = ${me} and e.status = 'enrolled')
      or exists (select 1 from program_facilitators pf where pf.program_id = s.program_id and pf.person_id = ${me})
      or s.created_by = ${me}
      or exists (select 1 from live_session_facilitators lf where lf.session_id = s.id and lf.person_id = ${me})
      or exists (select 1 from live_participants lp where lp.session_id = s.id and lp.person_id = ${me}))`);
  }
  if (f.programId) where.push(sql`s.program_id = ${f.programId}`);
  if (f.communityId) where.push(sql`s.community_id = ${f.communityId}`);
  if (f.status) where.push(sql`s.status = ${f.status}`);
  return selectRows<{ id: string }>(
    db,
    sql`(select s.id, case s.status when 'live' then 0 when 'scheduled' then 1 else 2 end as rank, s.starts_at as k
          from live_sessions s where ${sql.join(where, sql` and `)} and s.status <> 'ended' order by rank, s.starts_at limit 200)
        union all
        (select s.id, 2, s.starts_at from live_sessions s where ${sql.join(where, sql` and `)} and s.status = 'ended' order by s.starts_at desc limit 50)
        order by rank, k`,
  );
}

/** Communities that have live sessions in an organization (the list checks which the viewer reads). */
export async function selectCommunityIdsWithSessions(db: DbOrTx, orgId: string) {
  const rows = await selectRows<{ id: string }>(db, sql`select distinct community_id as id from live_sessions where org_id = ${orgId} and community_id is not null`);
  return rows.map((r) => r.id);
}

/** Sessions by id (org-scoped). */
export async function selectSessionsByIds(db: DbOrTx, orgId: string, ids: string[]): Promise<SessionRow[]> {
  if (!ids.length) return [];
  return db.select().from(liveSessions).where(and(eq(liveSessions.orgId, orgId), sql`${liveSessions.id} in ${ids}`));
}

/** Inserts a session. */
export async function insertSession(db: DbOrTx, v: typeof liveSessions.$inferInsert) {
  const [row] = await db.insert(liveSessions).values(v).returning();
  return row;
}

/** Updates a session's fields and bumps its version. */
export async function updateSession(db: DbOrTx, id: string, v: Partial<typeof liveSessions.$inferInsert>) {
  const [row] = await db
    .update(liveSessions)
    .set({ ...v, version: sql`${liveSessions.version} + 1`, updatedAt: new Date() })
    .where(eq(liveSessions.id, id))
    .returning();
  return row;
}

/** Names co-facilitators. */
export async function insertFacilitators(db: DbOrTx, orgId: string, sessionId: string, personIds: string[]) {
  if (!personIds.length) return;
  await db.insert(liveSessionFacilitators).values(personIds.map((personId) => ({ orgId, sessionId, personId }))).onConflictDoNothing();
}

/** Active people of an organization among ids. */
export function selectActivePeople(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string }[]);
  return selectRows<{ id: string }>(db, sql`select id from people where org_id = ${orgId} and status = 'active' and id in ${ids}`);
}

/** A program of the organization, with whether the person facilitates it. */
export function selectProgramForCreator(db: DbOrTx, orgId: string, programId: string, personId: string) {
  return selectRow<{ id: string; status: string; facilitator: boolean }>(
    db,
    sql`select p.id, p.status, exists (select 1 from program_facilitators f where f.program_id = p.id and f.person_id = ${personId}) as facilitator
        from programs p where p.id = ${programId} and p.org_id = ${orgId}`,
  );
}

// ---------- segments ----------

/** The agenda of a session, in order. */
export function selectSegments(db: DbOrTx, sessionId: string): Promise<SegmentRow[]> {
  return db.select().from(liveSegments).where(eq(liveSegments.sessionId, sessionId)).orderBy(liveSegments.position);
}

/** One segment of a session. */
export async function selectSegment(db: DbOrTx, sessionId: string, id: string): Promise<SegmentRow | undefined> {
  const [row] = await db.select().from(liveSegments).where(and(eq(liveSegments.sessionId, sessionId), eq(liveSegments.id, id)));
  return row;
}

/** Inserts segments. */
export async function insertSegments(db: DbOrTx, rows: (typeof liveSegments.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(liveSegments).values(rows).returning();
}

/** Updates one pending segment. */
export async function updateSegment(db: DbOrTx, id: string, v: Partial<typeof liveSegments.$inferInsert>) {
  await db.update(liveSegments).set(v).where(eq(liveSegments.id, id));
}

/** Deletes segments by id. */
export async function deleteSegments(db: DbOrTx, sessionId: string, ids: string[]) {
  if (!ids.length) return;
  await db.execute(sql`delete from live_segments where session_id = ${sessionId} and id in ${ids}`);
}

// ---------- participants and attendance ----------

/** Participants present now (excluding facilitators, who never join). */
export function countPresent(db: DbOrTx, sessionId: string) {
  return selectRow<{ n: number }>(db, sql`select count(*)::int as n from live_participants where session_id = ${sessionId} and left_at is null`).then((r) => r?.n ?? 0);
}

/** Marks a person present (first join or re-join) and opens an attendance interval when they were not present. */
export async function markPresent(db: DbOrTx, orgId: string, sessionId: string, personId: string) {
  const prev = await selectRow<{ leftAt: string | null }>(db, sql`select left_at as "leftAt" from live_participants where session_id = ${sessionId} and person_id = ${personId}`);
  if (prev && prev.leftAt === null) return false;
  if (prev) await db.execute(sql`update live_participants set left_at = null where session_id = ${sessionId} and person_id = ${personId}`);
  else await db.insert(liveParticipants).values({ orgId, sessionId, personId });
  await db.insert(liveAttendance).values({ orgId, sessionId, personId, fromAt: new Date() });
  return true;
}

/** Marks a person gone and closes their open attendance interval. */
export async function markLeft(db: DbOrTx, sessionId: string, personId: string) {
  await db.execute(sql`update live_participants set left_at = now() where session_id = ${sessionId} and person_id = ${personId} and left_at is null`);
  await db.execute(sql`update live_attendance set to_at = now() where session_id = ${sessionId} and person_id = ${personId} and to_at is null`);
}

/** Closes everyone's attendance at the session's end. */
export async function closeAllAttendance(db: DbOrTx, sessionId: string) {
  await db.execute(sql`update live_participants set left_at = now() where session_id = ${sessionId} and left_at is null`);
  await db.execute(sql`update live_attendance set to_at = now() where session_id = ${sessionId} and to_at is null`);
}

/** Participants present now with their department (for grouping). */
export function selectPresentPeople(db: DbOrTx, sessionId: string) {
  return selectRows<PersonRow>(
    db,
    sql`select p.id, p.name, p.department from live_participants lp join people p on p.id = lp.person_id
        where lp.session_id = ${sessionId} and lp.left_at is null order by lp.joined_at, p.id`,
  );
}

/** People by id. */
export function selectPeople(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as PersonRow[]);
  return selectRows<PersonRow>(db, sql`select id, name, department from people where org_id = ${orgId} and id in ${ids}`);
}

// ---------- groups ----------

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

// ---------- polls ----------

/** Inserts a vote; false when the person already voted. */
export async function insertVote(db: DbOrTx, v: typeof livePollVotes.$inferInsert) {
  const rows = await db.insert(livePollVotes).values(v).onConflictDoNothing().returning({ p: livePollVotes.personId });
  return rows.length > 0;
}

/** All votes of a poll (choices only; anonymous in results). */
export function selectVotes(db: DbOrTx, segmentId: string) {
  return selectRows<{ choice: { choices?: number[]; rating?: number; words?: string[] } }>(db, sql`select choice from live_poll_votes where segment_id = ${segmentId}`);
}

/** The person's vote in a poll. */
export function selectMyVote(db: DbOrTx, segmentId: string, personId: string) {
  return selectRow<{ choice: { choices?: number[]; rating?: number; words?: string[] } }>(
    db,
    sql`select choice from live_poll_votes where segment_id = ${segmentId} and person_id = ${personId}`,
  );
}

// ---------- broadcasts ----------

/** Inserts a broadcast. */
export async function insertBroadcast(db: DbOrTx, v: typeof liveBroadcasts.$inferInsert) {
  const [row] = await db.insert(liveBroadcasts).values(v).returning();
  return row;
}

/** The newest broadcasts of a session. */
export function selectBroadcasts(db: DbOrTx, sessionId: string, limit: number) {
  return selectRows<{ id: string; text: string; createdAt: string | Date; author: PersonRow | null }>(
    db,
    sql`select b.id, b.text, b.created_at as "createdAt",
          case when p.id is null then null else json_build_object('id', p.id, 'name', p.name, 'department', p.department) end as author
        from live_broadcasts b left join people p on p.id = b.author_id where b.session_id = ${sessionId}
        order by b.created_at desc, b.id desc limit ${limit}`,
  );
}

// ---------- analytics ----------

/** Figures per participant of one or more sessions (minutes, counts; never content). */
export function selectFigures(db: DbOrTx, orgId: string, where: { sessionId?: string; personId?: string }) {
  const filter = [sql`lp.org_id = ${orgId}`];
  if (where.sessionId) filter.push(sql`lp.session_id = ${where.sessionId}`);
  if (where.personId) filter.push(sql`lp.person_id = ${where.personId}`);
  const overlap = (kinds: string[], member: boolean) => sql`coalesce((
      select sum(greatest(0, extract(epoch from (least(coalesce(a.to_at, now()), coalesce(sg.ended_at, now())) - greatest(a.from_at, sg.started_at)))))
      from live_attendance a join live_segments sg on sg.session_id = a.session_id and sg.started_at is not null
      where a.session_id = lp.session_id and a.person_id = lp.person_id and sg.kind in ${kinds}
        ${member ? sql`and exists (select 1 from live_groups g join live_group_members gm on gm.group_id = g.id where g.segment_id = sg.id and gm.person_id = lp.person_id)` : sql``}
    ), 0) / 60.0`;
  return selectRows<{
    sessionId: string;
    personId: string;
    name: string;
    plenaryMinutes: number | string;
    groupMinutes: number | string;
    pairMinutes: number | string;
    chatMessages: number;
    pollVotes: number;
    newPeopleMet: number;
  }>(
    db,
    sql`select lp.session_id as "sessionId", lp.person_id as "personId", p.name,
          ${overlap(['plenary', 'poll', 'chat', 'reflection', 'debrief'], false)} as "plenaryMinutes",
          ${overlap(['icebreaker', 'groups'], true)} as "groupMinutes",
          ${overlap(['pairs'], true)} as "pairMinutes",
          (select count(*)::int from live_messages m where m.session_id = lp.session_id and m.author_id = lp.person_id) as "chatMessages",
          (select count(*)::int from live_poll_votes v where v.session_id = lp.session_id and v.person_id = lp.person_id) as "pollVotes",
          (select count(distinct o.person_id)::int from live_group_members me join live_group_members o on o.group_id = me.group_id and o.person_id <> me.person_id
            where me.session_id = lp.session_id and me.person_id = lp.person_id
              and not exists (select 1 from live_group_members pm join live_group_members po on po.group_id = pm.group_id
                join live_sessions ps on ps.id = pm.session_id join live_sessions cur on cur.id = lp.session_id
                where pm.person_id = lp.person_id and po.person_id = o.person_id and ps.org_id = ${orgId}
                  and ps.id <> cur.id and coalesce(ps.started_at, ps.starts_at) < coalesce(cur.started_at, cur.starts_at))) as "newPeopleMet"
        from live_participants lp join people p on p.id = lp.person_id
        where ${sql.join(filter, sql` and `)} order by p.name, lp.person_id`,
  );
}

/** Minutes each segment was active. */
export function selectSegmentMinutes(db: DbOrTx, sessionId: string) {
  return selectRows<{ id: string; kind: string; title: string; minutes: number | string }>(
    db,
    sql`select id, kind, title, coalesce(extract(epoch from (coalesce(ended_at, now()) - started_at)) / 60.0, 0) as minutes
        from live_segments where session_id = ${sessionId} order by position`,
  );
}

/** Poll segments of a session with vote counts for the export. */
export function selectPollSegments(db: DbOrTx, sessionId: string) {
  return db.select().from(liveSegments).where(and(eq(liveSegments.sessionId, sessionId), eq(liveSegments.kind, 'poll'))).orderBy(liveSegments.position);
}
