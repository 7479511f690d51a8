import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { communities, communityExperts, communityMembers, communitySettings, people } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { likeEscape, selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A communities row. */
export type CommunityRow = typeof communities.$inferSelect;
/** A membership row. */
export type MemberRow = typeof communityMembers.$inferSelect;

/** A community list row with the actor's membership folded in. */
export interface CommunityListRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  kind: string;
  visibility: string;
  topics: string[];
  memberCount: number;
  threadCount: number;
  lastActivityAt: Date | string | null;
  rulesVersion: number;
  orgId: string;
  mStatus: string | null;
  mRole: string | null;
  mRules: number | null;
}

const listColumns = sql`c.id, c.slug, c.name, c.description, c.kind, c.visibility, c.topics, c.member_count as "memberCount",
  c.thread_count as "threadCount", c.last_activity_at as "lastActivityAt", c.rules_version as "rulesVersion", c.org_id as "orgId",
  m.status as "mStatus", m.role as "mRole", m.rules_accepted as "mRules"`;

/** Communities the actor can see (secret ones only when a member or invited; all for admins), keyset by name. */
export function selectCommunityPage(
  db: DbOrTx,
  actor: { orgId: string; personId: string; isAdmin: boolean },
  f: { q?: string; mine: boolean; kind?: string; after?: [string, string]; limit: number },
): Promise<CommunityListRow[]> {
  const where: SQL[] = [sql`c.org_id = ${actor.orgId}`];
  if (!actor.isAdmin) where.push(sql`(c.visibility <> 'secret' or m.status is not null)`);
  if (f.mine) where.push(sql`m.status = 'active'`);
  if (f.kind) where.push(sql`c.kind = ${f.kind}`);
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    where.push(sql`(c.name ilike ${like} or c.description ilike ${like} or ${f.q.toLowerCase()} = any(c.topics))`);
  }
  if (f.after) where.push(sql`(c.name, c.id) > (${f.after[0]}, ${f.after[1]}::uuid)`);
  return selectRows(
    db,
    sql`select ${listColumns} from communities c
        left join community_members m on m.community_id = c.id and m.person_id = ${actor.personId}
        where ${sql.join(where, sql` and `)} order by c.name, c.id limit ${f.limit}`,
  );
}

/** Candidate communities for recommendations: listed, the actor not active in them, with members from a department. */
export function selectRecommendationCandidates(db: DbOrTx, actor: { orgId: string; personId: string }, department: string | null) {
  return selectRows<CommunityListRow & { deptMembers: number }>(
    db,
    sql`select ${listColumns},
          (select count(*)::int from community_members dm join people p on p.id = dm.person_id
            where dm.community_id = c.id and dm.status = 'active' and p.department = ${department}) as "deptMembers"
        from communities c
        left join community_members m on m.community_id = c.id and m.person_id = ${actor.personId}
        where c.org_id = ${actor.orgId} and c.kind <> 'cohort' and (m.status is null or m.status = 'invited')
          and (c.visibility <> 'secret' or m.status = 'invited')
        order by c.member_count desc, c.id limit 300`,
  );
}

/** Skill keys (have and want) and interests of a person, lower case. */
export async function selectPersonTopics(db: DbOrTx, personId: string) {
  const row = await selectRow<{ department: string | null; have: string[]; want: string[]; interests: string[] }>(
    db,
    sql`select p.department,
          coalesce((select array_agg(s.key) from person_skills s where s.person_id = p.id and s.kind = 'have'), '{}') as have,
          coalesce((select array_agg(s.key) from person_skills s where s.person_id = p.id and s.kind = 'want'), '{}') as want,
          p.interests
        from people p where p.id = ${personId}`,
  );
  return row ?? { department: null, have: [], want: [], interests: [] };
}

/** One community by id or slug within an organization, with the actor's membership row. */
export async function selectCommunity(db: DbOrTx, orgId: string, ref: string, personId: string) {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const [row] = await db
    .select({ c: communities, m: communityMembers })
    .from(communities)
    .leftJoin(communityMembers, and(eq(communityMembers.communityId, communities.id), eq(communityMembers.personId, personId)))
    .where(and(eq(communities.orgId, orgId), isId ? eq(communities.id, ref) : eq(communities.slug, ref.toLowerCase())))
    .limit(1);
  return row;
}

/** Locks a community row for the rest of the transaction (serializes counter and membership changes). */
export async function lockCommunity(db: DbOrTx, id: string) {
  await db.execute(sql`select 1 from communities where id = ${id} for update`);
}

/** Inserts a community. */
export async function insertCommunity(db: DbOrTx, values: typeof communities.$inferInsert) {
  const [row] = await db.insert(communities).values(values).returning();
  return row;
}

/** Updates a community's columns. */
export async function updateCommunityRow(db: DbOrTx, id: string, values: Partial<typeof communities.$inferInsert>) {
  const [row] = await db
    .update(communities)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(communities.id, id))
    .returning();
  return row;
}

/** Adds to the member counter. */
export async function bumpMemberCount(db: DbOrTx, id: string, delta: number) {
  await db.execute(sql`update communities set member_count = member_count + ${delta} where id = ${id}`);
}

/** Inserts or replaces a membership row. */
export async function upsertMember(db: DbOrTx, values: typeof communityMembers.$inferInsert) {
  const [row] = await db
    .insert(communityMembers)
    .values(values)
    .onConflictDoUpdate({
      target: [communityMembers.communityId, communityMembers.personId],
      set: { status: values.status, role: values.role ?? 'member', rulesAccepted: values.rulesAccepted ?? 0, since: new Date() },
    })
    .returning();
  return row;
}

/** Updates a membership row. */
export async function updateMember(db: DbOrTx, communityId: string, personId: string, values: Partial<typeof communityMembers.$inferInsert>) {
  const [row] = await db
    .update(communityMembers)
    .set(values)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.personId, personId)))
    .returning();
  return row;
}

/** Deletes a membership row; returns it. */
export async function deleteMember(db: DbOrTx, communityId: string, personId: string) {
  const [row] = await db
    .delete(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.personId, personId)))
    .returning();
  return row;
}

/** Number of active owners. */
export async function countOwners(db: DbOrTx, communityId: string) {
  const row = await selectRow<{ n: number }>(db, sql`select count(*)::int as n from community_members where community_id = ${communityId} and status = 'active' and role = 'owner'`);
  return row?.n ?? 0;
}

/** A member list row. */
export interface MemberListRow {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  avatarUrl: string | null;
  role: string;
  status: string;
  since: Date | string;
  endorsements: number;
  endorsedByMe: boolean;
}

/** Members of one status, keyset by name, with endorsement counts. */
export function selectMemberPage(db: DbOrTx, communityId: string, actorId: string, f: { status: string; after?: [string, string]; limit: number; personId?: string }) {
  const where: SQL[] = [sql`m.community_id = ${communityId}`, sql`m.status = ${f.status}`];
  if (f.after) where.push(sql`(p.name, p.id) > (${f.after[0]}, ${f.after[1]}::uuid)`);
  if (f.personId) where.push(sql`p.id = ${f.personId}`);
  return selectRows<MemberListRow>(
    db,
    sql`select p.id, p.name, p.title, p.department, p.avatar_url as "avatarUrl", m.role, m.status, m.created_at as since,
          (select count(*)::int from community_experts e where e.community_id = m.community_id and e.person_id = p.id) as endorsements,
          exists (select 1 from community_experts e where e.community_id = m.community_id and e.person_id = p.id and e.endorsed_by = ${actorId}) as "endorsedByMe"
        from community_members m join people p on p.id = m.person_id
        where ${sql.join(where, sql` and `)} and p.status <> 'deactivated'
        order by p.name, p.id limit ${f.limit}`,
  );
}

/** Experts of a community: active members with endorsements, most endorsed first. */
export function selectExperts(db: DbOrTx, communityId: string, limit = 8) {
  return selectRows<{ id: string; name: string; title: string | null; endorsements: number }>(
    db,
    sql`select p.id, p.name, p.title, count(*)::int as endorsements
        from community_experts e
        join community_members m on m.community_id = e.community_id and m.person_id = e.person_id and m.status = 'active'
        join people p on p.id = e.person_id
        where e.community_id = ${communityId} and p.status <> 'deactivated'
        group by p.id, p.name, p.title order by count(*) desc, p.name limit ${limit}`,
  );
}

/** Records or withdraws an endorsement. */
export async function setEndorsement(db: DbOrTx, v: { communityId: string; personId: string; endorsedBy: string; orgId: string }, endorse: boolean) {
  if (endorse) await db.insert(communityExperts).values(v).onConflictDoNothing();
  else
    await db
      .delete(communityExperts)
      .where(and(eq(communityExperts.communityId, v.communityId), eq(communityExperts.personId, v.personId), eq(communityExperts.endorsedBy, v.endorsedBy)));
}

/** The organization's community settings (defaults when never set). */
export async function selectSettings(db: DbOrTx, orgId: string) {
  const [row] = await db.select().from(communitySettings).where(eq(communitySettings.orgId, orgId));
  return { whoCanCreate: (row?.whoCanCreate ?? 'anyone') as 'anyone' | 'admins' };
}

/** Saves the organization's community settings. */
export async function upsertSettings(db: DbOrTx, orgId: string, whoCanCreate: string) {
  await db.insert(communitySettings).values({ orgId, whoCanCreate }).onConflictDoUpdate({ target: communitySettings.orgId, set: { whoCanCreate } });
}

/** Active people of the organization among `ids`. */
export function selectActivePeople(db: DbOrTx, orgId: string, ids: string[]) {
  return db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.status, 'active'), inArray(people.id, ids)));
}

/** Slugs in an organization that start with `base`. */
export async function selectSlugsLike(db: DbOrTx, orgId: string, base: string) {
  const list = await selectRows<{ slug: string }>(db, sql`select slug from communities where org_id = ${orgId} and slug like ${`${likeEscape(base)}%`}`);
  return new Set(list.map((r) => r.slug));
}

/** Short references (id, name, title) of people in an organization. */
export function selectPersonRefs(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: people.id, name: people.name, title: people.title })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, ids)));
}
