// Scale data for the discussions benchmark: one organization with 10k people, 500 communities, ~200k posts in ~20k
// threads, 20k resources, memberships, reactions and expert endorsements — generated set-based inside PostgreSQL
// (generate_series) so it takes seconds, not minutes. Deterministic: setseed() fixes random().
// Usage (library): await generateScaleData(db, { people: 10_000, … }); the bench calls it on a fresh database.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/src/kernel/db/database.ts';
import { hashPassword } from '../../server/src/kernel/auth/passwords.ts';

/** How much to generate. */
export interface ScaleSpec {
  people: number;
  communities: number;
  threads: number;
  postsPerThread: number;
  resources: number;
  membersPerCommunity: number;
}

/** The issue's large data set. */
export const LARGE: ScaleSpec = { people: 10_000, communities: 500, threads: 20_000, postsPerThread: 10, resources: 20_000, membersPerCommunity: 120 };

const WORDS = [
  'feedback', 'coaching', 'onboarding', 'roadmap', 'customer', 'pipeline', 'retention', 'dashboard', 'python', 'sql', 'leadership',
  'delegation', 'hiring', 'interview', 'design', 'research', 'prototype', 'pricing', 'negotiation', 'forecast', 'budget', 'security',
  'compliance', 'kubernetes', 'testing', 'accessibility', 'storytelling', 'presentation', 'meeting', 'remote', 'hybrid', 'wellbeing',
  'mentoring', 'career', 'promotion', 'goals', 'strategy', 'experiment', 'analytics', 'writing', 'podcast', 'workshop', 'learning',
  'community', 'practice', 'question', 'answer', 'deadline', 'priorities', 'conflict', 'trust', 'culture', 'innovation', 'sustainability',
];

/** Fills an empty database with one large organization; returns the org id and a few handy ids. */
export async function generateScaleData(db: DbOrTx, spec: ScaleSpec = LARGE) {
  const hash = await hashPassword('hearth-bench');
  const words = sql.raw(`array[${WORDS.map((w) => `'${w}'`).join(',')}]`);
  // Correlated on purpose (`corr` names an outer column): an uncorrelated subquery would be computed once for all rows.
  const phrase = (n: number, corr: string) =>
    sql.raw(`(select string_agg(w.w[1 + floor(random() * array_length(w.w, 1) + 0 * s)::int], ' ') from generate_series(1, ${n}) s where ${corr} is not null)`);
  await db.execute(sql`select setseed(0.42)`);
  await db.execute(sql`insert into organizations (name, slug) values ('Scale Org', 'scale')`);
  const org = ((await db.execute(sql`select id from organizations where slug = 'scale'`)) as unknown as { rows: { id: string }[] }).rows[0].id;
  await db.execute(sql`
    insert into people (org_id, email, name, title, department, location, status, password_hash, bio)
    select ${org}, 'bench' || g || '@scale.example', 'Person ' || g, (${words})[1 + g % 50] || ' specialist',
           'Dept ' || (g % 12), 'City ' || (g % 9), 'active', ${hash}, 'Interested in ' || (${words})[1 + (g * 7) % 50]
    from generate_series(1, ${spec.people}) g`);
  await db.execute(sql`
    with w as (select ${words} as w)
    insert into communities (org_id, slug, name, description, kind, visibility, topics, rules, rules_html, created_by, member_count)
    select ${org}, 'c' || g, initcap((w.w)[1 + g % 50]) || ' circle ' || g, 'A community about ' || (w.w)[1 + g % 50] || ' and ' || (w.w)[1 + (g * 3) % 50],
           case when g % 10 = 0 then 'practice' else 'interest' end,
           case when g % 10 = 1 then 'private' when g % 10 = 2 then 'secret' when g % 10 = 3 then 'request' else 'open' end,
           array[(w.w)[1 + g % 50]], 'Be kind.', '<p>Be kind.</p>', (select id from people where org_id = ${org} order by id limit 1), 0
    from generate_series(1, ${spec.communities}) g, w`);
  // Members: a deterministic spread of people per community.
  await db.execute(sql`
    insert into community_members (community_id, person_id, org_id, role, status, rules_accepted)
    select c.id, p.id, ${org}, case when p.rn % ${spec.membersPerCommunity} = 0 then 'owner' else 'member' end, 'active', 1
    from (select id, row_number() over (order by id) as cn from communities where org_id = ${org}) c
    join (select id, row_number() over (order by id) as rn from people where org_id = ${org}) p
      on (p.rn + c.cn * 37) % ${Math.max(1, Math.floor(spec.people / spec.membersPerCommunity))} = 0
    on conflict do nothing`);
  await db.execute(sql`update communities c set member_count = (select count(*) from community_members m where m.community_id = c.id) where org_id = ${org}`);
  // Threads, spread over communities, authored by their members.
  await db.execute(sql`
    with w as (select ${words} as w),
    cs as (select id, row_number() over (order by id) - 1 as i from communities where org_id = ${org}),
    ps as (select id, row_number() over (order by id) - 1 as i from people where org_id = ${org})
    insert into threads (org_id, community_id, author_id, kind, title, excerpt, reply_count, answer_count, created_at, last_activity_at)
    select ${org}, cs.id, ps.id, case when g % 3 = 0 then 'question' else 'discussion' end,
           initcap(${phrase(6, 'g')}), ${phrase(20, 'g')}, ${spec.postsPerThread - 1}, ${spec.postsPerThread - 1},
           now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
    from generate_series(1, ${spec.threads}) g cross join w
    join cs on cs.i = g % ${spec.communities}
    join ps on ps.i = (g * 7919) % ${spec.people}`);
  await db.execute(sql`
    with w as (select ${words} as w),
    ps as (select id, row_number() over (order by id) - 1 as i from people where org_id = ${org}),
    ts as (select id, community_id, created_at, row_number() over (order by id) as i from threads where org_id = ${org})
    insert into posts (org_id, thread_id, community_id, author_id, body, html, is_first, created_at)
    select ${org}, ts.id, ts.community_id, ps.id, b.body, '<p>' || b.body || '</p>', k = 1, ts.created_at + (k || ' seconds')::interval
    from ts cross join generate_series(1, ${spec.postsPerThread}) k cross join w
    join ps on ps.i = (ts.i * 31 + k * 101) % ${spec.people}
    cross join lateral (select ${phrase(30, 'k')} || ' ' || ts.i || ' ' || k as body) b`);
  await db.execute(sql`
    insert into post_reactions (post_id, person_id, kind, org_id)
    select po.id, pe.id, (array['like','thanks','insightful'])[1 + (po.n % 3)], ${org}
    from (select id, row_number() over (order by id) as n from posts where org_id = ${org}) po
    join (select id, row_number() over (order by id) as n from people where org_id = ${org}) pe on pe.n = 1 + (po.n * 13) % ${spec.people}
    where po.n % 4 = 0`);
  await db.execute(sql`
    with w as (select ${words} as w),
    cs as (select id, row_number() over (order by id) - 1 as i from communities where org_id = ${org}),
    ps as (select id, row_number() over (order by id) - 1 as i from people where org_id = ${org})
    insert into resources (org_id, community_id, author_id, type, title, summary, url, tags, duration_minutes)
    select ${org}, case when g % 5 = 0 then null else cs.id end, ps.id,
           (array['article','video','podcast','webinar','course','book','other'])[1 + g % 7],
           initcap(${phrase(5, 'g')}), ${phrase(25, 'g')}, 'https://example.com/r/' || g, array[(w.w)[1 + g % 50]], 5 + g % 60
    from generate_series(1, ${spec.resources}) g cross join w
    join cs on cs.i = g % ${spec.communities}
    join ps on ps.i = (g * 104729) % ${spec.people}`);
  await db.execute(sql`analyze`);
  const counts = ((await db.execute(sql`select
      (select count(*)::int from people where org_id = ${org}) as people,
      (select count(*)::int from communities where org_id = ${org}) as communities,
      (select count(*)::int from community_members where org_id = ${org}) as memberships,
      (select count(*)::int from threads where org_id = ${org}) as threads,
      (select count(*)::int from posts where org_id = ${org}) as posts,
      (select count(*)::int from post_reactions where org_id = ${org}) as reactions,
      (select count(*)::int from resources where org_id = ${org}) as resources`)) as unknown as { rows: Record<string, number>[] }).rows[0];
  return { orgId: org, counts };
}
