// The 10k-person bench organization with a year of activity, generated in SQL (set-based, deterministic ids from
// md5, pseudo-random but seeded figures): 40 departments, an 8-ary reporting tree, 120 communities, a year of
// sign-in days, threads, replies, reactions, resources and ratings, feed activities with tags, pathways with
// enrolments and progress, programs with sessions, live sessions with segments, groups and attendance, mentoring.
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/src/kernel/db/database.ts';

/** Sizes of the bench organization. */
export const SIZES = { people: 10_000, departments: 40, communities: 120, threads: 20_000, replies: 100_000, reactions: 100_000, resources: 3_000, ratings: 20_000, pathways: 50, programs: 20, liveSessions: 120, mentoring: 2_000 };

/** Creates the organization and its history; returns the org id and row counts. */
export async function seedBenchOrg(db: Db, passwordHash: string) {
  let step = 0;
  const q = async (s: ReturnType<typeof sql>) => {
    const t = performance.now();
    await db.execute(s);
    const ms = performance.now() - t;
    if (ms > 2000) console.log(`  seed step ${step} took ${(ms / 1000).toFixed(1)} s`);
    step++;
  };
  const id = (kind: string, expr: string) => sql.raw(`bench_uuid('${kind}' || (${expr}))`);
  // Deterministic ids: an md5 shaped as a version-4 UUID (the contracts check the version). The database is a scratch one.
  await q(sql`create or replace function bench_uuid(t text) returns uuid language sql immutable as $$ select overlay(overlay(md5(t) placing '4' from 13) placing '8' from 17)::uuid $$`);
  await q(sql`select setseed(0.42)`);
  const [{ id: orgId }] = (await db.execute(sql`insert into organizations (name, slug) values ('Bench Org', ${`bench-${Date.now()}`}) returning id::text`)).rows as { id: string }[];
  const N = SIZES.people;
  // People: person 1 is the admin; person k manages 8(k-1)+2 … 8(k-1)+9 (levels of 1, 8, 64, 512, 4096, the rest).
  await q(sql`insert into people (id, org_id, email, name, department, manager_id, status, roles, password_hash, created_at)
    select ${id('p', 'i')}, ${orgId}, 'bench' || i || '@bench.example', 'Person ' || i, 'Dept ' || (i % ${SIZES.departments}),
      case when i = 1 then null else bench_uuid('p' || ((i - 2) / 8 + 1)) end, 'active',
      case when i = 1 then array['admin'] else '{}'::text[] end, ${passwordHash}, now() - interval '2 years'
    from generate_series(1, ${N}) i`);
  // A year of sign-in days: each person is active on a day with a probability of their own (5–60 %), weekdays mostly.
  await q(sql`insert into person_active_days (org_id, day, person_id)
    select ${orgId}, d::date, bench_uuid('p' || i) from generate_series(1, ${N}) i
      cross join generate_series(current_date - 364, current_date, interval '1 day') d
    where random() < (0.05 + 0.55 * ((i * 7919) % 100) / 100.0) * (case when extract(isodow from d) > 5 then 0.15 else 1 end)`);
  await q(sql`insert into communities (id, org_id, slug, name, kind, visibility, rules, rules_html, topics)
    select ${id('c', 'i')}, ${orgId}, 'c' || i, 'Community ' || i, 'practice', case when i % 10 = 0 then 'private' else 'open' end, '', '',
      array['topic-' || (i % 30), 'topic-' || ((i * 7) % 30)]
    from generate_series(1, ${SIZES.communities}) i`);
  await q(sql`insert into community_members (community_id, person_id, org_id, role, status)
    select distinct on (c, p) bench_uuid('c' || c), bench_uuid('p' || p), ${orgId}, case when p % 97 = 0 then 'moderator' else 'member' end, 'active'
    from (select 1 + (i % ${SIZES.communities}) as c, 1 + ((i * 37) % ${N}) as p from generate_series(1, 30000) i) x`);
  await q(sql`insert into threads (id, org_id, community_id, author_id, kind, title, created_at, reply_count)
    select ${id('t', 'i')}, ${orgId}, bench_uuid('c' || (1 + i % ${SIZES.communities})), bench_uuid('p' || (1 + (i * 13) % ${N})),
      case when i % 3 = 0 then 'question' else 'discussion' end, 'Thread ' || i, now() - (random() * 365) * interval '1 day', 0
    from generate_series(1, ${SIZES.threads}) i`);
  await q(sql`insert into posts (org_id, thread_id, community_id, author_id, body, html, is_first, created_at)
    select t.org_id, t.id, t.community_id, t.author_id, 'b', '<p>b</p>', true, t.created_at from threads t where t.org_id = ${orgId}`);
  await q(sql`insert into posts (org_id, thread_id, community_id, author_id, body, html, is_first, created_at)
    select t.org_id, t.id, t.community_id, bench_uuid('p' || (1 + (i * 31) % ${N})), 'r', '<p>r</p>', false,
      least(now(), t.created_at + (random() * random() * 20) * interval '1 day')
    from generate_series(1, ${SIZES.replies}) i join threads t on t.id = bench_uuid('t' || (1 + (i * 7) % ${SIZES.threads}))`);
  // Reactions on posts picked by position (every post numbered once), a little after the post.
  await q(sql`insert into post_reactions (post_id, person_id, kind, org_id, created_at)
    with p as (select id, created_at, row_number() over (order by id) as rn from posts where org_id = ${orgId}), n as (select count(*) as n from p)
    select distinct on (p.id, x.pr) p.id, bench_uuid('p' || x.pr), 'like', ${orgId}, least(now(), p.created_at + random() * interval '3 days')
    from (select i, 1 + (i * 53) % ${N} as pr from generate_series(1, ${SIZES.reactions}) i) x cross join n join p on p.rn = 1 + (x.i * 17) % n.n`);
  await q(sql`insert into resources (id, org_id, community_id, author_id, type, title, url, tags, created_at)
    select ${id('r', 'i')}, ${orgId}, case when i % 4 = 0 then null else bench_uuid('c' || (1 + i % ${SIZES.communities})) end,
      bench_uuid('p' || (1 + (i * 11) % ${N})), 'article', 'Resource ' || i, 'https://example.com/' || i, array['topic-' || (i % 30)], now() - random() * interval '365 days'
    from generate_series(1, ${SIZES.resources}) i`);
  await q(sql`insert into resource_reviews (resource_id, person_id, org_id, rating, created_at, updated_at)
    select distinct on (r, p) bench_uuid('r' || r), bench_uuid('p' || p), ${orgId}, 1 + (i % 5), d, d
    from (select i, 1 + (i * 7) % ${SIZES.resources} as r, 1 + (i * 29) % ${N} as p, now() - random() * interval '365 days' as d from generate_series(1, ${SIZES.ratings}) i) x`);
  // Feed activities (what the popular tags count): one per thread, reply sample and resource.
  await q(sql`insert into activities (org_id, community_id, actor_id, verb, subject_kind, subject_id, title, tags, created_at)
    select p.org_id, p.community_id, p.author_id, case when p.is_first then 'thread_created' else 'reply_posted' end, 'post', p.id, 'x', c.topics, p.created_at
    from posts p join communities c on c.id = p.community_id where p.org_id = ${orgId}`);
  await q(sql`insert into activities (org_id, community_id, actor_id, verb, subject_kind, subject_id, title, tags, created_at)
    select org_id, community_id, author_id, 'resource_shared', 'resource', id, title, tags, created_at from resources where org_id = ${orgId}`);
  await q(sql`insert into pathways (id, org_id, author_id, title, status, created_at)
    select ${id('pw', 'i')}, ${orgId}, bench_uuid('p' || i), 'Pathway ' || i, 'published', now() - interval '400 days' from generate_series(1, ${SIZES.pathways}) i`);
  await q(sql`insert into pathway_steps (id, pathway_id, org_id, position, kind, title)
    select ${id('ps', "pw || '-' || s")}, bench_uuid('pw' || pw), ${orgId}, s, 'task', 'Step ' || s from generate_series(1, ${SIZES.pathways}) pw cross join generate_series(1, 5) s`);
  await q(sql`insert into pathway_enrollments (pathway_id, person_id, org_id, created_at)
    select distinct on (pw, p) bench_uuid('pw' || pw), bench_uuid('p' || p), ${orgId}, now() - random() * interval '365 days'
    from (select 1 + (i % ${SIZES.pathways}) as pw, 1 + (i * 41) % ${N} as p from generate_series(1, 20000) i) x`);
  // Progress: each enrolee got through the first k steps (k falls off), done after enrolling.
  await q(sql`insert into pathway_progress (step_id, person_id, pathway_id, org_id, created_at)
    select s.id, e.person_id, e.pathway_id, ${orgId}, least(now(), e.created_at + s.position * interval '3 days')
    from pathway_enrollments e join pathway_steps s on s.pathway_id = e.pathway_id
    where e.org_id = ${orgId} and s.position <= (abs(hashtext(e.person_id::text || e.pathway_id::text)) % 6)`);
  await q(sql`update pathway_enrollments e set completed_at = least(now(), e.created_at + interval '15 days')
    where e.org_id = ${orgId} and (select count(*) from pathway_progress p where p.pathway_id = e.pathway_id and p.person_id = e.person_id) = 5`);
  await q(sql`insert into programs (id, org_id, title, status, created_at) select ${id('pr', 'i')}, ${orgId}, 'Program ' || i, 'running', now() - interval '400 days' from generate_series(1, ${SIZES.programs}) i`);
  await q(sql`insert into program_facilitators (program_id, person_id, org_id) select bench_uuid('pr' || i), bench_uuid('p' || (100 + i)), ${orgId} from generate_series(1, ${SIZES.programs}) i`);
  await q(sql`insert into program_sessions (id, program_id, org_id, title, starts_at)
    select ${id('prs', "pr || '-' || s")}, bench_uuid('pr' || pr), ${orgId}, 'Session ' || s, now() - (200 - s * 20) * interval '1 day'
    from generate_series(1, ${SIZES.programs}) pr cross join generate_series(1, 6) s`);
  await q(sql`insert into program_enrollments (program_id, person_id, org_id, status, source, enrolled_at)
    select distinct on (pr, p) bench_uuid('pr' || pr), bench_uuid('p' || p), ${orgId}, 'enrolled', 'self', now() - random() * interval '365 days'
    from (select 1 + (i % ${SIZES.programs}) as pr, 1 + (i * 43) % ${N} as p from generate_series(1, 4000) i) x`);
  await q(sql`insert into program_session_progress (session_id, person_id, program_id, org_id, done_at)
    select s.id, e.person_id, e.program_id, ${orgId}, least(now(), e.enrolled_at + interval '7 days')
    from program_enrollments e join program_sessions s on s.program_id = e.program_id
    where e.org_id = ${orgId} and abs(hashtext(s.id::text || e.person_id::text)) % 10 < 7`);
  // Live sessions over the year, 8 segments each (plenary, groups, pairs …), ~40 attendees, groups of 4 and pairs.
  await q(sql`insert into live_sessions (id, org_id, title, program_id, starts_at, started_at, ended_at, status)
    select ${id('ls', 'i')}, ${orgId}, 'Live ' || i, case when i % 2 = 0 then bench_uuid('pr' || (1 + i % ${SIZES.programs})) end,
      now() - (i * 3) * interval '1 day', now() - (i * 3) * interval '1 day', now() - (i * 3) * interval '1 day' + interval '80 minutes', 'ended'
    from generate_series(1, ${SIZES.liveSessions}) i`);
  await q(sql`insert into live_segments (id, session_id, org_id, position, kind, title, duration_minutes, status, started_at, ended_at)
    select ${id('sg', "i || '-' || s")}, bench_uuid('ls' || i), ${orgId}, s, (array['plenary','icebreaker','poll','groups','chat','pairs','reflection','debrief'])[s], 'Seg', 10, 'done',
      ls.started_at + (s - 1) * interval '10 minutes', ls.started_at + s * interval '10 minutes'
    from generate_series(1, ${SIZES.liveSessions}) i cross join generate_series(1, 8) s join live_sessions ls on ls.id = bench_uuid('ls' || i)`);
  await q(sql`insert into live_participants (session_id, person_id, org_id, joined_at)
    select distinct on (i, p) bench_uuid('ls' || i), bench_uuid('p' || p), ${orgId}, now() - (i * 3) * interval '1 day'
    from generate_series(1, ${SIZES.liveSessions}) i cross join lateral (select 1 + ((i * 211 + k * 97) % ${N}) as p from generate_series(1, 40) k) x`);
  await q(sql`insert into live_attendance (session_id, person_id, org_id, from_at, to_at)
    select lp.session_id, lp.person_id, ${orgId}, ls.started_at, ls.ended_at from live_participants lp join live_sessions ls on ls.id = lp.session_id where lp.org_id = ${orgId}`);
  await q(sql`insert into live_groups (id, session_id, segment_id, org_id, kind, position)
    select bench_uuid(sg.id::text || g), sg.session_id, sg.id, ${orgId}, case when sg.kind = 'pairs' then 'pair' else 'group' end, g
    from live_segments sg cross join generate_series(0, 19) g where sg.org_id = ${orgId} and sg.kind in ('icebreaker', 'groups', 'pairs') and (sg.kind = 'pairs' or g < 10)`);
  await q(sql`insert into live_group_members (group_id, person_id, session_id, org_id)
    select bench_uuid(sg.id::text || ((row_number() over (partition by sg.id order by lp.person_id) - 1) / (case when sg.kind = 'pairs' then 2 else 4 end))), lp.person_id, lp.session_id, ${orgId}
    from live_segments sg join live_participants lp on lp.session_id = sg.session_id where sg.org_id = ${orgId} and sg.kind in ('icebreaker', 'groups', 'pairs')`);
  await q(sql`insert into mentoring_matches (id, org_id, mentor_id, mentee_id, score, status, source, created_at, ended_at)
    select ${id('mm', 'i')}, ${orgId}, bench_uuid('p' || (1 + (i * 3) % 500)), bench_uuid('p' || (600 + i)), 70, case when i % 4 = 0 then 'ended' else 'active' end, 'request',
      now() - (i % 365) * interval '1 day', case when i % 4 = 0 then now() - (i % 60) * interval '1 day' end
    from generate_series(1, ${SIZES.mentoring}) i`);
  await q(sql`insert into mentoring_meetings (org_id, match_id, starts_at, duration_minutes)
    select ${orgId}, bench_uuid('mm' || (1 + i % ${SIZES.mentoring})), now() - random() * interval '365 days', 45 from generate_series(1, 8000) i`);
  await q(sql`insert into mentoring_check_ins (org_id, match_id, person_id, rating, created_at)
    select ${orgId}, m.id, m.mentee_id, 1 + (i % 5), now() - random() * interval '365 days'
    from generate_series(1, 6000) i join mentoring_matches m on m.id = bench_uuid('mm' || (1 + i % ${SIZES.mentoring}))`);
  await q(sql`analyze`);
  const counts = (await db.execute(sql`select (select count(*) from person_active_days)::int as "activeDays", (select count(*) from posts)::int as posts,
    (select count(*) from post_reactions)::int as reactions, (select count(*) from activities)::int as activities, (select count(*) from pathway_progress)::int as "pathwayProgress",
    (select count(*) from live_attendance)::int as attendance, (select count(*) from community_members)::int as memberships`)).rows[0];
  return { orgId, counts: counts as Record<string, number> };
}
