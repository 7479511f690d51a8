import { and, eq, inArray, sql } from 'drizzle-orm';
import { menteeProfiles, mentoringMatches, mentoringMatchRuns, mentorProfiles } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRows } from '../../kernel/db/rows.ts';

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

/** Active mentors of an organization (active people only) with the capacity their active matches leave free. */
export function selectMentorPool(db: DbOrTx, orgId: string) {
  return selectRows<PoolPerson & { skills: unknown; topics: unknown; capacity: number; seniority: number | null; preferences: unknown; taken: number }>(
    db,
    sql`select ${personCols}, m.skills, m.topics, m.capacity, m.seniority, m.preferences,
          (select count(*)::int from mentoring_matches x where x.mentor_id = p.id and x.status = 'active') as taken
        from mentor_profiles m join people p on p.id = m.person_id
        where m.org_id = ${orgId} and p.org_id = ${orgId} and m.active and p.status = 'active' order by p.id`,
  );
}

/** Active mentees of an organization (active people only) who have no active mentor yet. */
export function selectMenteePool(db: DbOrTx, orgId: string) {
  return selectRows<PoolPerson & { skills: unknown; goals: unknown; seniority: number | null; preferences: unknown }>(
    db,
    sql`select ${personCols}, m.skills, m.goals, m.seniority, m.preferences
        from mentee_profiles m join people p on p.id = m.person_id
        where m.org_id = ${orgId} and p.org_id = ${orgId} and m.active and p.status = 'active'
          and not exists (select 1 from mentoring_matches x where x.mentee_id = p.id and x.status = 'active')
        order by p.id`,
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

/** Mentees among `ids` who have an active mentor now. */
export async function selectMatchedMentees(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: mentoringMatches.menteeId })
    .from(mentoringMatches)
    .where(and(inArray(mentoringMatches.menteeId, ids), eq(mentoringMatches.status, 'active')));
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
    createdAt: Date | string;
  }>(
    db,
    sql`select x.id, x.mentor_id as "mentorId", a.name as "mentorName", a.title as "mentorTitle", x.mentee_id as "menteeId", b.name as "menteeName",
          b.title as "menteeTitle", x.score, x.explanation, x.status, x.source, x.created_at as "createdAt"
        from mentoring_matches x join people a on a.id = x.mentor_id join people b on b.id = x.mentee_id
        where x.org_id = ${orgId} and (x.mentor_id = ${personId} or x.mentee_id = ${personId})
        order by x.created_at desc, x.id desc limit 200`,
  );
}
