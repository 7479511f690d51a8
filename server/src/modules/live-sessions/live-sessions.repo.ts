// Typed SQL of live sessions: sessions, their agenda, participants and attendance, and broadcasts. Groups and pairs
// are in live-sessions.groups.repo.ts, chat and notes in .chat.repo.ts, votes in .polls.repo.ts, figures in
// .analytics.repo.ts.
import { and, eq, sql } from 'drizzle-orm';
import {
  liveAttendance,
  liveBroadcasts,
  liveGroups,
  liveParticipants,
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
