import { sql, type SQL } from 'drizzle-orm';
import { activities } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** Values of a new activity row. */
export interface NewActivity {
  /** The domain event it is written for (a redelivery writes nothing). */
  eventId?: number;
  orgId: string;
  communityId: string | null;
  actorId: string;
  verb: string;
  subjectKind: string;
  subjectId: string;
  title: string;
  tags: string[];
}

/** Inserts an activity; returns its id. */
export async function insertActivity(db: DbOrTx, a: NewActivity) {
  const [row] = await db.insert(activities).values(a).onConflictDoNothing().returning({ id: activities.id });
  return row?.id;
}

/** A thread's org, community, title and the community's topics (the tags of discussion activities). */
export function selectThreadFacts(db: DbOrTx, threadId: string) {
  return selectRow<{ orgId: string; communityId: string; title: string; topics: string[] }>(
    db,
    sql`select t.org_id as "orgId", t.community_id as "communityId", t.title, c.topics
        from threads t join communities c on c.id = t.community_id where t.id = ${threadId}`,
  );
}

/** A community's org, name and topics. */
export function selectCommunityFacts(db: DbOrTx, communityId: string) {
  return selectRow<{ orgId: string; name: string; topics: string[] }>(db, sql`select org_id as "orgId", name, topics from communities where id = ${communityId}`);
}

/** A person of an organization as the follow policy needs them. */
export function selectPerson(db: DbOrTx, orgId: string, id: string) {
  return selectRow<{ id: string; orgId: string; status: string }>(db, sql`select id, org_id as "orgId", status from people where org_id = ${orgId} and id = ${id}`);
}

/** How many people and tags a person follows. */
export async function countFollows(db: DbOrTx, personId: string) {
  return (await selectRow<{ n: number }>(db, sql`select count(*)::int as n from follows where follower_id = ${personId}`))?.n ?? 0;
}

/** Adds a follow (no-op when it exists); true when it was new. */
export async function insertFollow(db: DbOrTx, f: { orgId: string; followerId: string; kind: string; target: string }) {
  const rows = await selectRows(
    db,
    sql`insert into follows (follower_id, org_id, target_kind, target) values (${f.followerId}, ${f.orgId}, ${f.kind}, ${f.target})
        on conflict do nothing returning target`,
  );
  return rows.length > 0;
}

/** Removes a follow; true when there was one. */
export async function deleteFollow(db: DbOrTx, followerId: string, kind: string, target: string) {
  const rows = await selectRows(db, sql`delete from follows where follower_id = ${followerId} and target_kind = ${kind} and target = ${target} returning target`);
  return rows.length > 0;
}

/** A follow with the followed person (when still visible). */
export interface FollowRow {
  kind: string;
  target: string;
  createdAt: Date | string;
  personName: string | null;
  personTitle: string | null;
}

/** What a person follows, newest first; people since deactivated or gone are left out. */
export function selectFollows(db: DbOrTx, personId: string) {
  return selectRows<FollowRow>(
    db,
    sql`select f.target_kind as kind, f.target, f.created_at as "createdAt", p.name as "personName", p.title as "personTitle"
        from follows f left join people p on f.target_kind = 'person' and p.id::text = f.target and p.org_id = f.org_id
        where f.follower_id = ${personId} and (f.target_kind <> 'person' or (p.id is not null and p.status <> 'deactivated'))
        order by f.created_at desc, f.target`,
  );
}

/** An activity joined with what presenting it needs. */
export interface ActivityRow {
  /** bigint as text (exact on both drivers). */
  id: string;
  verb: string;
  subjectKind: string;
  subjectId: string;
  title: string;
  tags: string[];
  createdAt: Date | string;
  actorId: string;
  actorName: string;
  actorTitle: string | null;
  communityId: string | null;
  communityName: string | null;
  communitySlug: string | null;
  threadId: string | null;
}

/**
 * Feed rows newest first, keyset by id. The joins drop activities whose subject is deleted (soft or hard), whose
 * thread is deleted, or which are draft pathways of someone else; `scope` decides whose activities (in SQL, so pages
 * stay exact).
 */
function selectActivities(db: DbOrTx, orgId: string, personId: string, scope: SQL, f: { after?: number; limit: number }, ctes: SQL = sql``) {
  return selectRows<ActivityRow>(
    db,
    sql`${ctes} select a.id::text as id, a.verb, a.subject_kind as "subjectKind", a.subject_id as "subjectId", a.title, a.tags,
          a.created_at as "createdAt", a.actor_id as "actorId", ap.name as "actorName", ap.title as "actorTitle",
          c.id as "communityId", c.name as "communityName", c.slug as "communitySlug", coalesce(t.id, po.thread_id) as "threadId"
        from activities a
        join people ap on ap.id = a.actor_id
        left join communities c on c.id = a.community_id
        left join threads t on a.subject_kind = 'thread' and t.id = a.subject_id
        left join posts po on a.subject_kind = 'post' and po.id = a.subject_id
        left join threads pt on pt.id = po.thread_id
        left join resources rs on a.subject_kind = 'resource' and rs.id = a.subject_id
        left join pathways pw on a.subject_kind = 'pathway' and pw.id = a.subject_id
        where a.org_id = ${orgId} and ${scope} ${f.after !== undefined ? sql`and a.id < ${f.after}` : sql``}
          and case a.subject_kind
                when 'thread' then t.deleted_at is null and t.id is not null
                when 'post' then po.deleted_at is null and pt.deleted_at is null and po.id is not null
                when 'resource' then rs.deleted_at is null and rs.id is not null
                when 'pathway' then pw.deleted_at is null and pw.id is not null and (pw.status = 'published' or pw.author_id = ${personId})
                else c.id is not null end
        order by a.id desc limit ${f.limit}`,
  );
}

/**
 * The home feed: everything in communities the person is an active member of, plus activities of followed people
 * and tags in places they can read (organization-wide, open communities, or communities they are active in — the
 * same rule as communities.policy canRead and search).
 */
export function selectHomeFeed(db: DbOrTx, actor: { orgId: string; personId: string }, f: { after?: number; limit: number }) {
  const ctes = sql`with mine as materialized (
      select community_id as id from community_members where person_id = ${actor.personId} and status = 'active'),
    readable as materialized (
      select c.id from communities c where c.org_id = ${actor.orgId} and (c.visibility = 'open' or c.id in (select id from mine))),
    fp as materialized (select target::uuid as id from follows where follower_id = ${actor.personId} and target_kind = 'person'),
    ft as materialized (select coalesce(array_agg(target), '{}') as tags from follows where follower_id = ${actor.personId} and target_kind = 'tag')`;
  const scope = sql`(a.community_id in (select id from mine)
      or ((a.actor_id in (select id from fp) or a.tags && (select tags from ft))
          and (a.community_id is null or a.community_id in (select id from readable))))`;
  return selectActivities(db, actor.orgId, actor.personId, scope, f, ctes);
}

/** One community's activity (the caller checked the person may read it). */
export function selectCommunityFeed(db: DbOrTx, actor: { orgId: string; personId: string }, communityId: string, f: { after?: number; limit: number }) {
  return selectActivities(db, actor.orgId, actor.personId, sql`a.community_id = ${communityId}`, f);
}

/**
 * A suggested colleague with the reasons, best first (see FollowSuggestions). Set-based: the people who have a skill
 * the viewer wants (through the skills' (org, key) index) and those who share an interest are gathered first, then
 * ranked, so a large organization is not walked person by person.
 */
export function selectFollowSuggestions(db: DbOrTx, orgId: string, personId: string, limit: number) {
  return selectRows<{ id: string; name: string; title: string | null; department: string | null; canHelpWith: string[]; sharedInterests: string[]; otherDepartment: boolean }>(
    db,
    sql`with me as (select id, department, team, manager_id, interests from people where id = ${personId} and org_id = ${orgId}),
        helpers as (
          select s.person_id as id, array_agg(s.name order by s.level desc, lower(s.name)) as names
          from person_skills s
          where s.org_id = ${orgId} and s.kind = 'have'
            and s.key in (select key from person_skills where person_id = ${personId} and kind = 'want')
          group by s.person_id),
        sharers as (
          select p.id, array_agg(i order by lower(i), i) as names
          from people p, unnest(p.interests) i
          where p.org_id = ${orgId} and lower(i) in (select lower(x) from me, unnest(me.interests) x)
          group by p.id),
        candidates as (
          select p.id, p.name, p.title, p.department,
            coalesce(h.names[1:3], '{}') as "canHelpWith",
            coalesce(sh.names[1:3], '{}') as "sharedInterests",
            p.department is distinct from me.department as "otherDepartment"
          from (select id from helpers union select id from sharers) c
          join people p on p.id = c.id
          cross join me
          left join helpers h on h.id = p.id
          left join sharers sh on sh.id = p.id
          where p.org_id = ${orgId} and p.id <> me.id and p.status = 'active'
            and p.id is distinct from me.manager_id and p.manager_id is distinct from me.id
            and not coalesce(p.team = me.team and p.department is not distinct from me.department, false)
            and not exists (select 1 from follows f where f.follower_id = me.id and f.target_kind = 'person' and f.target = p.id::text))
        select * from candidates
        order by 3 * cardinality("canHelpWith") + 2 * cardinality("sharedInterests") + case when "otherDepartment" then 1 else 0 end desc, lower(name), id
        limit ${limit}`,
  );
}
