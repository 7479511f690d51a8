// Typed SQL of engagement figures: activity, Q&A, what is popular. Reads other modules' tables (counts only, no content
// but the titles the viewer may read); every query is scoped by org_id and by the resolved scope's predicates.
import { type SQL, sql } from 'drizzle-orm';
import { ANALYTICS_MIN_GROUP } from '../../../../contracts/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';
import { type ResolvedScope, readableFor } from './analytics.scope.ts';

/** A range of days as UTC instants: [start, end). */
export interface Range {
  from: string;
  to: string;
}
/** The first instant of `from` and the first after `to`, in UTC whatever the session's time zone. */
export const bounds = (r: Range) => ({ start: sql`(${r.from}::timestamp at time zone 'UTC')`, end: sql`((${r.to}::date + 1)::timestamp at time zone 'UTC')` });
/** An instant's ISO week (its Monday, UTC), clipped to the range's first day. */
const weekOf = (r: Range, at: SQL) => sql`greatest(date_trunc('week', ${at})::date, ${r.from}::date)::text`;
/** Team scopes keep only rows whose figure covers at least ANALYTICS_MIN_GROUP people. */
const enough = (s: ResolvedScope, people: SQL) => (s.isTeam ? sql`${people} >= ${ANALYTICS_MIN_GROUP}` : sql`true`);

/**
 * Active people per day, per week, per month and over the range. The range's rows are read once (materialized); a
 * day's rows are distinct people already (the primary key), and weeks, months and the whole range are made distinct
 * by hashing (person, period) pairs: `count(distinct …)` under grouping sets sorted every row three times (1.1 s at
 * 10k people over 90 days in bench/analytics).
 */
export function selectActiveCounts(db: DbOrTx, s: ResolvedScope, r: Range) {
  return selectRows<{ grain: 'day' | 'week' | 'month' | 'all'; key: string | null; active: number }>(
    db,
    sql`with a as materialized (select day, person_id from person_active_days
          where org_id = ${s.orgId} and day between ${r.from}::date and ${r.to}::date and ${s.member(sql`person_id`)}),
        per_week as (select distinct ${weekOf(r, sql`day::timestamp`)} as key, person_id from a),
        per_month as (select distinct to_char(day, 'YYYY-MM') as key, person_id from a)
        select 'day' as grain, day::text as key, count(*)::int as active from a group by day
        union all select 'week', key, count(*)::int from per_week group by key
        union all select 'month', key, count(*)::int from per_month group by key
        union all select 'all', null, count(*)::int from (select distinct person_id from a) x`,
  );
}

/** Threads started and replies posted per week (deleted ones left out). */
export function selectWeeklyPosts(db: DbOrTx, s: ResolvedScope, r: Range) {
  const { start, end } = bounds(r);
  return selectRows<{ week: string; posts: number; replies: number }>(
    db,
    sql`select ${weekOf(r, sql`(p.created_at at time zone 'UTC')`)} as week, count(*)::int as posts, count(*) filter (where not p.is_first)::int as replies
        from posts p where p.org_id = ${s.orgId} and p.created_at >= ${start} and p.created_at < ${end} and p.deleted_at is null
          and ${s.content(sql`p.community_id`, sql`p.author_id`)}
        group by 1`,
  );
}

/** Questions asked in the range: how many, answered by someone else by its end, the median hours to that first answer, distinct askers. */
export function selectQuestionFigures(db: DbOrTx, s: ResolvedScope, r: Range) {
  const { start, end } = bounds(r);
  return selectRow<{ questions: number; answered: number; askers: number; median: number | string | null }>(
    db,
    sql`with q as (
          select t.author_id, t.created_at,
            (select min(p.created_at) from posts p where p.thread_id = t.id and not p.is_first and p.author_id <> t.author_id
               and p.deleted_at is null and p.created_at < ${end}) as answered_at
          from threads t where t.org_id = ${s.orgId} and t.kind = 'question' and t.deleted_at is null
            and t.created_at >= ${start} and t.created_at < ${end} and ${s.content(sql`t.community_id`, sql`t.author_id`)})
        select count(*)::int as questions, count(answered_at)::int as answered, count(distinct author_id)::int as askers,
          percentile_cont(0.5) within group (order by extract(epoch from answered_at - created_at) / 3600.0) filter (where answered_at is not null) as median
        from q`,
  );
}

/** The 10 tags most carried by what people did in the range (feed activities), in content the viewer may read. */
export function selectPopularTags(db: DbOrTx, s: ResolvedScope, r: Range) {
  const { start, end } = bounds(r);
  const readable = readableFor(s);
  return selectRows<{ tag: string; count: number }>(
    db,
    sql`select tag, count(*)::int as count from activities a cross join lateral unnest(a.tags) as tag
        where a.org_id = ${s.orgId} and a.created_at >= ${start} and a.created_at < ${end}
          and (a.community_id is null or ${readable(sql`a.community_id`)}) and ${s.content(sql`a.community_id`, sql`a.actor_id`)}
        group by tag having ${enough(s, sql`count(distinct a.actor_id)`)} order by count(*) desc, tag limit 10`,
  );
}

/** The 10 threads with the most replies and reactions in the range, among those the viewer may read. */
export function selectPopularThreads(db: DbOrTx, s: ResolvedScope, r: Range) {
  const { start, end } = bounds(r);
  const readable = readableFor(s);
  return selectRows<{ id: string; title: string; communityId: string; replies: number; reactions: number }>(
    db,
    sql`with act as (
          select p.thread_id, p.author_id as person, 1 as reply, 0 as reaction from posts p
          where p.org_id = ${s.orgId} and not p.is_first and p.deleted_at is null and p.created_at >= ${start} and p.created_at < ${end}
            and ${s.content(sql`p.community_id`, sql`p.author_id`)}
          union all
          select p.thread_id, x.person_id, 0, 1 from post_reactions x join posts p on p.id = x.post_id
          where x.org_id = ${s.orgId} and x.created_at >= ${start} and x.created_at < ${end} and p.deleted_at is null
            and ${s.content(sql`p.community_id`, sql`x.person_id`)}),
        per as (select thread_id, sum(reply)::int as replies, sum(reaction)::int as reactions, count(distinct person) as people from act group by thread_id)
        select t.id, t.title, t.community_id as "communityId", per.replies, per.reactions from per join threads t on t.id = per.thread_id
        where t.deleted_at is null and ${readable(sql`t.community_id`)} and ${enough(s, sql`per.people`)}
        order by per.replies + per.reactions desc, t.id limit 10`,
  );
}

/** The 10 resources rated most often in the range (ratings given or changed then), among those the viewer may read. */
export function selectPopularResources(db: DbOrTx, s: ResolvedScope, r: Range) {
  const { start, end } = bounds(r);
  const readable = readableFor(s);
  return selectRows<{ id: string; title: string; ratings: number; averageRating: number }>(
    db,
    sql`select x.id, x.title, count(*)::int as ratings, avg(v.rating)::float8 as "averageRating"
        from resource_reviews v join resources x on x.id = v.resource_id
        where v.org_id = ${s.orgId} and v.updated_at >= ${start} and v.updated_at < ${end} and x.deleted_at is null
          and (x.community_id is null or ${readable(sql`x.community_id`)}) and ${s.content(sql`x.community_id`, sql`v.person_id`)}
        group by x.id, x.title having ${enough(s, sql`count(distinct v.person_id)`)}
        order by count(*) desc, x.id limit 10`,
  );
}
