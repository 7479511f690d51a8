// Typed SQL of mentoring relationships: goals, meetings, pair-private notes, check-ins and their reminders, closings.
import { and, eq, sql } from 'drizzle-orm';
import {
  mentoringCheckIns,
  mentoringClosings,
  mentoringGoals,
  mentoringMatches,
  mentoringMeetings,
  mentoringNotes,
} from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A relationship with both people and its goal progress. */
export interface RelationshipRow {
  id: string;
  orgId: string;
  kind: 'mentoring' | 'coaching';
  mentorId: string;
  mentorName: string;
  mentorTitle: string | null;
  menteeId: string;
  menteeName: string;
  menteeTitle: string | null;
  score: number;
  explanation: unknown;
  status: 'proposed' | 'active' | 'ended';
  source: 'program' | 'request';
  goalProgress: number | null;
  createdAt: Date | string;
  endedAt: Date | string | null;
}

const relationshipView = sql`select x.id, x.org_id as "orgId", x.kind, x.mentor_id as "mentorId", a.name as "mentorName", a.title as "mentorTitle",
    x.mentee_id as "menteeId", b.name as "menteeName", b.title as "menteeTitle", x.score, x.explanation, x.status, x.source,
    (select round(avg(g.progress))::int from mentoring_goals g where g.match_id = x.id and g.status <> 'dropped') as "goalProgress",
    x.created_at as "createdAt", x.ended_at as "endedAt"
  from mentoring_matches x join people a on a.id = x.mentor_id join people b on b.id = x.mentee_id`;

/** Relationships (active or ended) of a person, or of the whole organization when personId is null; newest first. */
export function selectRelationships(db: DbOrTx, orgId: string, personId: string | null) {
  const who = personId ? sql`and (x.mentor_id = ${personId} or x.mentee_id = ${personId})` : sql``;
  return selectRows<RelationshipRow>(db, sql`${relationshipView} where x.org_id = ${orgId} and x.status in ('active', 'ended') ${who} order by x.created_at desc, x.id desc limit 500`);
}

/** One relationship of an organization. */
export function selectRelationship(db: DbOrTx, orgId: string, id: string) {
  return selectRow<RelationshipRow>(db, sql`${relationshipView} where x.org_id = ${orgId} and x.id = ${id} and x.status in ('active', 'ended')`);
}

/** Locks a relationship row. */
export async function lockRelationship(db: DbOrTx, orgId: string, id: string) {
  const [r] = await db.select().from(mentoringMatches).where(and(eq(mentoringMatches.orgId, orgId), eq(mentoringMatches.id, id))).for('update');
  return r;
}

/** Ends a relationship. */
export async function endRelationship(db: DbOrTx, id: string, by: string, at: Date) {
  await db.update(mentoringMatches).set({ status: 'ended', endedAt: at, endedBy: by }).where(eq(mentoringMatches.id, id));
}

/** Goals of a relationship, oldest first. */
export function selectGoals(db: DbOrTx, matchId: string) {
  return db.select().from(mentoringGoals).where(eq(mentoringGoals.matchId, matchId)).orderBy(mentoringGoals.createdAt, mentoringGoals.id);
}

/** Inserts a goal. */
export async function insertGoal(db: DbOrTx, row: typeof mentoringGoals.$inferInsert) {
  const [g] = await db.insert(mentoringGoals).values(row).returning();
  return g;
}

/** Updates a goal of a relationship; undefined when it is not one of its goals. */
export async function updateGoal(db: DbOrTx, matchId: string, id: string, set: Partial<typeof mentoringGoals.$inferInsert>) {
  const [g] = await db
    .update(mentoringGoals)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(mentoringGoals.matchId, matchId), eq(mentoringGoals.id, id)))
    .returning();
  return g;
}

/** A meeting with who booked it. */
export type MeetingRow = typeof mentoringMeetings.$inferSelect & { creatorName: string | null; creatorTitle: string | null };

/** Meetings of a relationship, soonest first. */
export function selectMeetings(db: DbOrTx, matchId: string) {
  return selectRows<MeetingRow>(
    db,
    sql`select m.id, m.org_id as "orgId", m.match_id as "matchId", m.starts_at as "startsAt", m.duration_minutes as "durationMinutes", m.agenda,
          m.created_by as "createdBy", m.created_at as "createdAt", p.name as "creatorName", p.title as "creatorTitle"
        from mentoring_meetings m left join people p on p.id = m.created_by where m.match_id = ${matchId} order by m.starts_at, m.id`,
  );
}

/** Inserts a meeting. */
export async function insertMeeting(db: DbOrTx, row: typeof mentoringMeetings.$inferInsert) {
  const [m] = await db.insert(mentoringMeetings).values(row).returning();
  return m;
}

/** Notes of a relationship with their authors, oldest first. */
export function selectNotes(db: DbOrTx, matchId: string) {
  return selectRows<{ id: string; authorId: string | null; authorName: string | null; authorTitle: string | null; body: string; html: string; createdAt: Date | string }>(
    db,
    sql`select n.id, n.author_id as "authorId", p.name as "authorName", p.title as "authorTitle", n.body, n.html, n.created_at as "createdAt"
        from mentoring_notes n left join people p on p.id = n.author_id where n.match_id = ${matchId} order by n.created_at, n.id`,
  );
}

/** Inserts a note. */
export async function insertNote(db: DbOrTx, row: typeof mentoringNotes.$inferInsert) {
  const [n] = await db.insert(mentoringNotes).values(row).returning();
  return n;
}

/** Deletes an author's own note; false when there was none. */
export async function deleteNote(db: DbOrTx, matchId: string, id: string, authorId: string) {
  const rows = await db
    .delete(mentoringNotes)
    .where(and(eq(mentoringNotes.matchId, matchId), eq(mentoringNotes.id, id), eq(mentoringNotes.authorId, authorId)))
    .returning({ id: mentoringNotes.id });
  return rows.length > 0;
}

/** Inserts a check-in. */
export async function insertCheckIn(db: DbOrTx, row: typeof mentoringCheckIns.$inferInsert) {
  const [c] = await db.insert(mentoringCheckIns).values(row).returning();
  return c;
}

/** A person's own check-ins of a relationship, newest first. */
export function selectOwnCheckIns(db: DbOrTx, matchId: string, personId: string) {
  return db
    .select()
    .from(mentoringCheckIns)
    .where(and(eq(mentoringCheckIns.matchId, matchId), eq(mentoringCheckIns.personId, personId)))
    .orderBy(sql`${mentoringCheckIns.createdAt} desc, ${mentoringCheckIns.id} desc`);
}

/** Ratings of a relationship's check-ins, oldest first: never the text. */
export function selectRatingTrend(db: DbOrTx, matchId: string) {
  return db
    .select({ personId: mentoringCheckIns.personId, rating: mentoringCheckIns.rating, at: mentoringCheckIns.createdAt })
    .from(mentoringCheckIns)
    .where(eq(mentoringCheckIns.matchId, matchId))
    .orderBy(mentoringCheckIns.createdAt, mentoringCheckIns.id);
}

/** Closing feedback of a relationship. */
export function selectClosings(db: DbOrTx, matchId: string) {
  return db.select().from(mentoringClosings).where(eq(mentoringClosings.matchId, matchId)).orderBy(mentoringClosings.createdAt);
}

/** Records a partner's closing feedback; false when they already gave it. */
export async function insertClosing(db: DbOrTx, row: typeof mentoringClosings.$inferInsert) {
  const rows = await db.insert(mentoringClosings).values(row).onConflictDoNothing().returning({ matchId: mentoringClosings.matchId });
  return rows.length > 0;
}

/** Number of meetings of a relationship. */
export async function countMeetings(db: DbOrTx, matchId: string) {
  const r = await selectRow<{ n: number }>(db, sql`select count(*)::int as n from mentoring_meetings where match_id = ${matchId}`);
  return Number(r?.n ?? 0);
}

/**
 * Claims the partners due a check-in reminder: in an active relationship, a partner is due when their latest check-in,
 * their latest reminder and the start are all at least `days` old. One UPDATE … RETURNING stamps each due partner's
 * reminder time; the due test is in the WHERE clause, so a node that races another re-reads the stamped row and finds
 * nobody due (each partner is reminded once per period). Returns the relationships with who was claimed.
 */
export function claimCheckInReminders(db: DbOrTx, now: Date, days: number) {
  const at = now.toISOString();
  const cut = sql`${at}::timestamptz - make_interval(days => ${days})`;
  const due = (person: 'mentor' | 'mentee') =>
    sql`greatest(m.created_at, m.${sql.raw(person)}_reminded_at,
          (select max(c.created_at) from mentoring_check_ins c where c.match_id = m.id and c.person_id = m.${sql.raw(person)}_id)) <= ${cut}`;
  return selectRows<{ id: string; orgId: string; kind: string; mentorId: string; menteeId: string; mentorName: string; menteeName: string; mentorDue: boolean; menteeDue: boolean }>(
    db,
    sql`with claimed as (
          update mentoring_matches m set
            mentor_reminded_at = case when ${due('mentor')} then ${at}::timestamptz else m.mentor_reminded_at end,
            mentee_reminded_at = case when ${due('mentee')} then ${at}::timestamptz else m.mentee_reminded_at end
          where m.status = 'active' and (${due('mentor')} or ${due('mentee')})
          returning m.id, m.org_id, m.kind, m.mentor_id, m.mentee_id,
            m.mentor_reminded_at = ${at}::timestamptz as mentor_due, m.mentee_reminded_at = ${at}::timestamptz as mentee_due)
        select c.id, c.org_id as "orgId", c.kind, c.mentor_id as "mentorId", c.mentee_id as "menteeId",
          mr.name as "mentorName", me.name as "menteeName", coalesce(c.mentor_due, false) as "mentorDue", coalesce(c.mentee_due, false) as "menteeDue"
        from claimed c join people mr on mr.id = c.mentor_id join people me on me.id = c.mentee_id`,
  );
}
