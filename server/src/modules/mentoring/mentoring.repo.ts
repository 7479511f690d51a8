import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  expertAvailability,
  expertQuestions,
  expertRoutes,
  menteeProfiles,
  mentoringCheckIns,
  mentoringClosings,
  mentoringGoals,
  mentoringMatches,
  mentoringMatchRuns,
  mentoringMeetings,
  mentoringNotes,
  mentoringRequests,
  mentorProfiles,
} from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { likeEscape, selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A mentor_profiles row. */
export type MentorRow = typeof mentorProfiles.$inferSelect;
/** A mentee_profiles row. */
export type MenteeRow = typeof menteeProfiles.$inferSelect;
/** A mentoring_match_runs row. */
export type RunRow = typeof mentoringMatchRuns.$inferSelect;

/** The person fields matching uses. */
export interface PoolPerson {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  team: string | null;
  location: string | null;
  timeZone: string | null;
  managerId: string | null;
}

/** A person's mentor profile. */
export async function selectMentorProfile(db: DbOrTx, orgId: string, personId: string): Promise<MentorRow | undefined> {
  const [row] = await db.select().from(mentorProfiles).where(and(eq(mentorProfiles.orgId, orgId), eq(mentorProfiles.personId, personId)));
  return row;
}

/** A person's mentee profile. */
export async function selectMenteeProfile(db: DbOrTx, orgId: string, personId: string): Promise<MenteeRow | undefined> {
  const [row] = await db.select().from(menteeProfiles).where(and(eq(menteeProfiles.orgId, orgId), eq(menteeProfiles.personId, personId)));
  return row;
}

/** Creates or replaces a mentor profile. */
export async function upsertMentorProfile(db: DbOrTx, row: typeof mentorProfiles.$inferInsert) {
  const { personId, orgId, ...set } = row;
  await db.insert(mentorProfiles).values(row).onConflictDoUpdate({ target: mentorProfiles.personId, set: { ...set, updatedAt: new Date() } });
}

/** Creates or replaces a mentee profile. */
export async function upsertMenteeProfile(db: DbOrTx, row: typeof menteeProfiles.$inferInsert) {
  const { personId, orgId, ...set } = row;
  await db.insert(menteeProfiles).values(row).onConflictDoUpdate({ target: menteeProfiles.personId, set: { ...set, updatedAt: new Date() } });
}

/** Removes a mentor profile. */
export async function deleteMentorProfile(db: DbOrTx, orgId: string, personId: string) {
  await db.delete(mentorProfiles).where(and(eq(mentorProfiles.orgId, orgId), eq(mentorProfiles.personId, personId)));
}

/** Removes a mentee profile. */
export async function deleteMenteeProfile(db: DbOrTx, orgId: string, personId: string) {
  await db.delete(menteeProfiles).where(and(eq(menteeProfiles.orgId, orgId), eq(menteeProfiles.personId, personId)));
}

const personCols = sql`p.id, p.name, p.title, p.department, p.team, p.location, p.time_zone as "timeZone", p.manager_id as "managerId"`;

/** A mentor of the pool with the seats their active relationships take. */
export type MentorPoolRow = PoolPerson & { skills: unknown; topics: unknown; capacity: number; seniority: number | null; preferences: unknown; taken: number };
/** A mentee of the pool. */
export type MenteePoolRow = PoolPerson & { skills: unknown; goals: unknown; seniority: number | null; preferences: unknown };

/** Active mentors of an organization (active people only) with the seats their active relationships (any kind) take. */
export function selectMentorPool(db: DbOrTx, orgId: string) {
  return selectRows<MentorPoolRow>(
    db,
    sql`select ${personCols}, m.skills, m.topics, m.capacity, m.seniority, m.preferences,
          (select count(*)::int from mentoring_matches x where x.mentor_id = p.id and x.status = 'active') as taken
        from mentor_profiles m join people p on p.id = m.person_id
        where m.org_id = ${orgId} and p.org_id = ${orgId} and m.active and p.status = 'active' order by p.id`,
  );
}

/**
 * A fingerprint of everything the self-serve suggestion allocation depends on in an organization: mentor and mentee
 * profiles, active relationships and the people's records. Sums of timestamps rather than maxima, so a write stamped
 * by a node whose clock lags still changes it; any insert, delete or status change moves a count.
 */
export async function selectSuggestionPoolSignature(db: DbOrTx, orgId: string): Promise<string> {
  const row = await selectRow<{ signature: string }>(
    db,
    sql`select concat_ws('|',
          (select count(*) || ':' || coalesce(sum(extract(epoch from updated_at)), 0) from mentor_profiles where org_id = ${orgId}),
          (select count(*) || ':' || coalesce(sum(extract(epoch from updated_at)), 0) from mentee_profiles where org_id = ${orgId}),
          (select count(*) filter (where status = 'active') || ':' || count(*) || ':' ||
             coalesce(sum(extract(epoch from created_at)) + sum(coalesce(extract(epoch from ended_at), 0)), 0)
           from mentoring_matches where org_id = ${orgId}),
          (select count(*) filter (where status = 'active') || ':' || coalesce(sum(extract(epoch from updated_at)), 0) from people where org_id = ${orgId})
        ) as signature`,
  );
  return row?.signature ?? '';
}

/** Active mentees of an organization (active people only) who have no active mentoring relationship yet. */
export function selectMenteePool(db: DbOrTx, orgId: string) {
  return selectRows<MenteePoolRow>(
    db,
    sql`select ${personCols}, m.skills, m.goals, m.seniority, m.preferences
        from mentee_profiles m join people p on p.id = m.person_id
        where m.org_id = ${orgId} and p.org_id = ${orgId} and m.active and p.status = 'active'
          and not exists (select 1 from mentoring_matches x where x.mentee_id = p.id and x.status = 'active' and x.kind = 'mentoring')
        order by p.id`,
  );
}

/** Mentee profiles of the given people (whatever their current matches), for re-scoring edited pairs. */
export async function selectMenteesByIds(db: DbOrTx, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return selectRows<MenteePoolRow>(
    db,
    sql`select ${personCols}, m.skills, m.goals, m.seniority, m.preferences
        from mentee_profiles m join people p on p.id = m.person_id
        where m.org_id = ${orgId} and p.org_id = ${orgId} and p.id in ${ids}`,
  );
}

/** Stores a run's preview. */
export async function insertRun(db: DbOrTx, row: typeof mentoringMatchRuns.$inferInsert): Promise<RunRow> {
  const [r] = await db.insert(mentoringMatchRuns).values(row).returning();
  return r;
}

/** A run of an organization, locked for the rest of the transaction. */
export async function lockRun(db: DbOrTx, orgId: string, id: string): Promise<RunRow | undefined> {
  const [r] = await db.select().from(mentoringMatchRuns).where(and(eq(mentoringMatchRuns.orgId, orgId), eq(mentoringMatchRuns.id, id))).for('update');
  return r;
}

/** Marks a run published. */
export async function markRunPublished(db: DbOrTx, id: string, at: Date) {
  await db.update(mentoringMatchRuns).set({ status: 'published', publishedAt: at }).where(eq(mentoringMatchRuns.id, id));
}

/** Mentees among `ids` who have an active mentoring relationship now. */
export async function selectMatchedMentees(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: mentoringMatches.menteeId })
    .from(mentoringMatches)
    .where(and(inArray(mentoringMatches.menteeId, ids), eq(mentoringMatches.status, 'active'), eq(mentoringMatches.kind, 'mentoring')));
  return rows.map((r) => r.id);
}

/** Inserts matches and returns their ids in order. */
export async function insertMatches(db: DbOrTx, rows: (typeof mentoringMatches.$inferInsert)[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const out = await db.insert(mentoringMatches).values(rows).returning({ id: mentoringMatches.id });
  return out.map((r) => r.id);
}

/** A person's matches as mentor or mentee, newest first. */
export function selectMyMatches(db: DbOrTx, orgId: string, personId: string) {
  return selectRows<{
    id: string;
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
    kind: 'mentoring' | 'coaching';
    createdAt: Date | string;
  }>(
    db,
    sql`select x.id, x.mentor_id as "mentorId", a.name as "mentorName", a.title as "mentorTitle", x.mentee_id as "menteeId", b.name as "menteeName",
          b.title as "menteeTitle", x.score, x.explanation, x.status, x.source, x.kind, x.created_at as "createdAt"
        from mentoring_matches x join people a on a.id = x.mentor_id join people b on b.id = x.mentee_id
        where x.org_id = ${orgId} and (x.mentor_id = ${personId} or x.mentee_id = ${personId})
        order by x.created_at desc, x.id desc limit 200`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Runs

/** A run with its creator's name. */
export type RunWithCreator = RunRow & { creatorName: string | null; creatorTitle: string | null };

/** A run of an organization with its creator. */
export function selectRun(db: DbOrTx, orgId: string, id: string) {
  return selectRow<RunWithCreator>(
    db,
    sql`select r.id, r.org_id as "orgId", r.mode, r.status, r.result, r.created_by as "createdBy", r.created_at as "createdAt", r.published_at as "publishedAt",
          p.name as "creatorName", p.title as "creatorTitle"
        from mentoring_match_runs r left join people p on p.id = r.created_by where r.org_id = ${orgId} and r.id = ${id}`,
  );
}

/** The 50 newest runs of an organization with their creator. */
export function selectRuns(db: DbOrTx, orgId: string) {
  return selectRows<RunWithCreator>(
    db,
    sql`select r.id, r.org_id as "orgId", r.mode, r.status, r.result, r.created_by as "createdBy", r.created_at as "createdAt", r.published_at as "publishedAt",
          p.name as "creatorName", p.title as "creatorTitle"
        from mentoring_match_runs r left join people p on p.id = r.created_by where r.org_id = ${orgId}
        order by r.created_at desc, r.id desc limit 50`,
  );
}

/** Replaces a run's stored preview. */
export async function updateRunResult(db: DbOrTx, id: string, result: unknown) {
  await db.update(mentoringMatchRuns).set({ result }).where(eq(mentoringMatchRuns.id, id));
}

/**
 * Locks the mentor profiles of `ids` (in id order, so concurrent lockers never deadlock) and returns each mentor's
 * capacity, whether the profile is active, and the seats active relationships take now.
 */
export async function lockMentorSeats(db: DbOrTx, orgId: string, ids: string[]): Promise<Map<string, { capacity: number; active: boolean; taken: number }>> {
  const out = new Map<string, { capacity: number; active: boolean; taken: number }>();
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return out;
  const rows = await selectRows<{ personId: string; capacity: number; active: boolean }>(
    db,
    sql`select person_id as "personId", capacity, active from mentor_profiles where org_id = ${orgId} and person_id in ${sorted} order by person_id for update`,
  );
  const taken = await selectRows<{ mentorId: string; n: number }>(
    db,
    sql`select mentor_id as "mentorId", count(*)::int as n from mentoring_matches where mentor_id in ${sorted} and status = 'active' group by mentor_id`,
  );
  const t = new Map(taken.map((r) => [r.mentorId, Number(r.n)]));
  for (const r of rows) out.set(r.personId, { capacity: r.capacity, active: r.active, taken: t.get(r.personId) ?? 0 });
  return out;
}

/** Locks people rows (in id order) for the rest of the transaction: serializes changes to one mentee's relationships. */
export async function lockPeople(db: DbOrTx, orgId: string, ids: string[]) {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return;
  await db.execute(sql`select id from people where org_id = ${orgId} and id in ${sorted} order by id for update`);
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

/** A mentoring_requests row. */
export type RequestRow = typeof mentoringRequests.$inferSelect;
/** A request with both people's names. */
export type RequestView = RequestRow & { mentorName: string; mentorTitle: string | null; menteeName: string; menteeTitle: string | null };

const requestView = sql`select r.id, r.org_id as "orgId", r.mentee_id as "menteeId", r.mentor_id as "mentorId", r.kind, r.message, r.status,
    r.response_message as "responseMessage", r.match_id as "matchId", r.created_at as "createdAt", r.responded_at as "respondedAt",
    a.name as "mentorName", a.title as "mentorTitle", b.name as "menteeName", b.title as "menteeTitle"
  from mentoring_requests r join people a on a.id = r.mentor_id join people b on b.id = r.mentee_id`;

/** Inserts a request. */
export async function insertRequest(db: DbOrTx, row: typeof mentoringRequests.$inferInsert): Promise<RequestRow> {
  const [r] = await db.insert(mentoringRequests).values(row).returning();
  return r;
}

/** A request of an organization with names. */
export function selectRequest(db: DbOrTx, orgId: string, id: string) {
  return selectRow<RequestView>(db, sql`${requestView} where r.org_id = ${orgId} and r.id = ${id}`);
}

/** A request, locked for the rest of the transaction. */
export async function lockRequest(db: DbOrTx, orgId: string, id: string): Promise<RequestRow | undefined> {
  const [r] = await db.select().from(mentoringRequests).where(and(eq(mentoringRequests.orgId, orgId), eq(mentoringRequests.id, id))).for('update');
  return r;
}

/** Sets a request's outcome. */
export async function updateRequest(db: DbOrTx, id: string, set: Partial<typeof mentoringRequests.$inferInsert>) {
  await db.update(mentoringRequests).set(set).where(eq(mentoringRequests.id, id));
}

/** Open requests of a mentee. */
export async function selectOpenRequestsOf(db: DbOrTx, orgId: string, menteeId: string) {
  return db
    .select({ id: mentoringRequests.id, mentorId: mentoringRequests.mentorId, kind: mentoringRequests.kind })
    .from(mentoringRequests)
    .where(and(eq(mentoringRequests.orgId, orgId), eq(mentoringRequests.menteeId, menteeId), eq(mentoringRequests.status, 'open')));
}

/** Requests a person sent or received, newest first (200 each at most). */
export function selectMyRequests(db: DbOrTx, orgId: string, personId: string) {
  return selectRows<RequestView>(
    db,
    sql`${requestView} where r.org_id = ${orgId} and (r.mentee_id = ${personId} or r.mentor_id = ${personId}) order by r.created_at desc, r.id desc limit 400`,
  );
}

/** Whether the mentee has an active relationship of this kind, or one with this mentor. */
export async function selectActiveRelationshipsOf(db: DbOrTx, menteeId: string) {
  return db
    .select({ id: mentoringMatches.id, mentorId: mentoringMatches.mentorId, kind: mentoringMatches.kind })
    .from(mentoringMatches)
    .where(and(eq(mentoringMatches.menteeId, menteeId), eq(mentoringMatches.status, 'active')));
}

// ---------------------------------------------------------------------------------------------------------------
// Relationships

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

/** Email addresses of people of an organization. */
export function selectEmails(db: DbOrTx, orgId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return selectRows<{ id: string; name: string; email: string }>(db, sql`select id, name, email from people where org_id = ${orgId} and id in ${ids}`);
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

// ---------------------------------------------------------------------------------------------------------------
// Ask an expert

/** Whether a person takes expert questions (no row = yes). */
export async function selectExpertAvailable(db: DbOrTx, personId: string) {
  const [r] = await db.select({ available: expertAvailability.available }).from(expertAvailability).where(eq(expertAvailability.personId, personId));
  return r?.available ?? true;
}

/** Sets whether a person takes expert questions. */
export async function setExpertAvailable(db: DbOrTx, orgId: string, personId: string, available: boolean) {
  await db
    .insert(expertAvailability)
    .values({ orgId, personId, available })
    .onConflictDoUpdate({ target: expertAvailability.personId, set: { available, updatedAt: new Date() } });
}

/** The organization's spelling of a skill someone has (person skills or mentor profiles), or undefined when unknown. */
export async function selectKnownSkill(db: DbOrTx, orgId: string, key: string) {
  const r = await selectRow<{ name: string }>(
    db,
    sql`select name from (
          select name from person_skills where org_id = ${orgId} and key = ${key}
          union all
          select trim(e->>'skill') as name from mentor_profiles m cross join lateral jsonb_array_elements(m.skills) e
            where m.org_id = ${orgId} and lower(trim(e->>'skill')) = ${key}
        ) s limit 1`,
  );
  return r?.name;
}

/** A person who has a skill, with their level and how often they mentored. */
export interface SkillHolderRow {
  id: string;
  name: string;
  title: string | null;
  level: number;
  mentored: number;
}

/**
 * Active people of an organization who have the skill (person skills or a mentor profile), except `exclude` and
 * people marked unavailable, with their best level and the relationships they had as a mentor (active or ended).
 */
export function selectSkillHolders(db: DbOrTx, orgId: string, key: string, exclude: string[]) {
  const ex = exclude.length ? sql`and p.id not in ${exclude}` : sql``;
  return selectRows<SkillHolderRow>(
    db,
    sql`with s as (
          select person_id, level::int as level from person_skills where org_id = ${orgId} and kind = 'have' and key = ${key}
          union all
          select m.person_id, coalesce((e->>'level')::int, 1) from mentor_profiles m cross join lateral jsonb_array_elements(m.skills) e
            where m.org_id = ${orgId} and lower(trim(e->>'skill')) = ${key}
        )
        select p.id, p.name, p.title, max(s.level)::int as level,
          (select count(*)::int from mentoring_matches x where x.mentor_id = p.id and x.status in ('active', 'ended')) as mentored
        from s join people p on p.id = s.person_id
        where p.org_id = ${orgId} and p.status = 'active' ${ex}
          and not exists (select 1 from expert_availability a where a.person_id = p.id and not a.available)
        group by p.id, p.name, p.title`,
  );
}

/** An expert_questions row. */
export type QuestionRow = typeof expertQuestions.$inferSelect;
/** An expert_routes row. */
export type RouteRow = typeof expertRoutes.$inferSelect;

/** Inserts a question. */
export async function insertQuestion(db: DbOrTx, row: typeof expertQuestions.$inferInsert): Promise<QuestionRow> {
  const [q] = await db.insert(expertQuestions).values(row).returning();
  return q;
}

/** A question of an organization, optionally locked. */
export async function selectQuestion(db: DbOrTx, orgId: string, id: string, lock = false): Promise<QuestionRow | undefined> {
  const q = db.select().from(expertQuestions).where(and(eq(expertQuestions.orgId, orgId), eq(expertQuestions.id, id)));
  const [r] = lock ? await q.for('update') : await q;
  return r;
}

/** Updates a question. */
export async function updateQuestion(db: DbOrTx, id: string, set: Partial<typeof expertQuestions.$inferInsert>) {
  await db.update(expertQuestions).set(set).where(eq(expertQuestions.id, id));
}

/** Inserts routes. */
export async function insertRoutes(db: DbOrTx, rows: (typeof expertRoutes.$inferInsert)[]) {
  if (rows.length) await db.insert(expertRoutes).values(rows);
}

/** Routes of questions with the experts' names. */
export async function selectRoutes(db: DbOrTx, questionIds: string[]) {
  if (questionIds.length === 0) return [];
  return selectRows<RouteRow & { name: string; title: string | null }>(
    db,
    sql`select r.question_id as "questionId", r.person_id as "personId", r.org_id as "orgId", r.round, r.status, r.why, r.answer, r.routed_at as "routedAt",
          r.seen_at as "seenAt", r.responded_at as "respondedAt", p.name, p.title
        from expert_routes r join people p on p.id = r.person_id where r.question_id in ${questionIds} order by r.round, r.routed_at, p.name`,
  );
}

/** Updates one route. */
export async function updateRoute(db: DbOrTx, questionId: string, personId: string, set: Partial<typeof expertRoutes.$inferInsert>) {
  const rows = await db
    .update(expertRoutes)
    .set(set)
    .where(and(eq(expertRoutes.questionId, questionId), eq(expertRoutes.personId, personId)))
    .returning({ questionId: expertRoutes.questionId });
  return rows.length > 0;
}

/** Expires the still-open routes of a question. */
export async function expireRoutes(db: DbOrTx, questionId: string) {
  await db.execute(sql`update expert_routes set status = 'expired' where question_id = ${questionId} and status in ('routed', 'seen')`);
}

/** Questions with their askers' names: asked by a person, or routed to them; newest first. */
export function selectQuestionsFor(db: DbOrTx, orgId: string, personId: string) {
  return selectRows<QuestionRow & { askerName: string; askerTitle: string | null; mine: boolean }>(
    db,
    sql`select q.id, q.org_id as "orgId", q.asker_id as "askerId", q.skill_key as "skillKey", q.skill_name as "skillName", q.question, q.status, q.round,
          q.window_ends_at as "windowEndsAt", q.thread_id as "threadId", q.created_at as "createdAt", q.resolved_at as "resolvedAt",
          p.name as "askerName", p.title as "askerTitle", (q.asker_id = ${personId}) as mine
        from expert_questions q join people p on p.id = q.asker_id
        where q.org_id = ${orgId} and (q.asker_id = ${personId} or exists (select 1 from expert_routes r where r.question_id = q.id and r.person_id = ${personId}))
        order by q.created_at desc, q.id desc limit 200`,
  );
}

/** Open questions whose window has passed, or whose current round's experts all declined (ids). */
export async function selectDueQuestions(db: DbOrTx, now: Date) {
  const rows = await selectRows<{ id: string; orgId: string }>(
    db,
    sql`select q.id, q.org_id as "orgId" from expert_questions q where q.status = 'open' and (q.window_ends_at <= ${now.toISOString()}
          or not exists (select 1 from expert_routes r where r.question_id = q.id and r.round = q.round and r.status in ('routed', 'seen')))
        order by q.created_at limit 200`,
  );
  return rows;
}

/** The open communities a person is an active member of, ranked by how well they fit a skill (best first, fit > 0 only). */
export function selectRelevantCommunities(db: DbOrTx, orgId: string, personId: string, key: string) {
  const like = `%${likeEscape(key)}%`;
  return selectRows<{ id: string; fit: number }>(
    db,
    sql`select c.id, (case when exists (select 1 from unnest(c.topics) t where lower(t) = ${key}) then 3 else 0 end
            + case when c.name ilike ${like} then 2 else 0 end + case when c.description ilike ${like} then 1 else 0 end)::int as fit
        from communities c join community_members m on m.community_id = c.id and m.person_id = ${personId} and m.status = 'active'
        where c.org_id = ${orgId} and c.visibility = 'open' and c.kind <> 'cohort'
        order by fit desc, c.member_count desc, c.id limit 5`,
  );
}

/** A person's roles (to act on their behalf when posting a fallback question). */
export async function selectRoles(db: DbOrTx, orgId: string, personId: string) {
  const r = await selectRow<{ roles: string[] }>(db, sql`select roles from people where org_id = ${orgId} and id = ${personId} and status = 'active'`);
  return r?.roles;
}
