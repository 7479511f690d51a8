// Typed SQL of mentoring: mentor and mentee profiles, the matching pools, program matching runs and their matches, and
// people's emails. Requests are in mentoring.selfserve.repo.ts, relationships in .relationships.repo.ts, ask-an-expert
// in .experts.repo.ts.
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  menteeProfiles,
  mentoringMatches,
  mentoringMatchRuns,
  mentorProfiles,
} from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

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

/** Email addresses of people of an organization. */
export function selectEmails(db: DbOrTx, orgId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return selectRows<{ id: string; name: string; email: string }>(db, sql`select id, name, email from people where org_id = ${orgId} and id in ${ids}`);
}
