// Typed SQL of ask-an-expert: availability, skill holders, questions and their routes.
import { and, eq, sql } from 'drizzle-orm';
import { expertAvailability, expertQuestions, expertRoutes } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { likeEscape, selectRow, selectRows } from '../../kernel/db/rows.ts';

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
