// Typed SQL of the funnels (pathways, programs), live-session talk time and mentoring activity of a scope.
import { sql } from 'drizzle-orm';
import { ANALYTICS_MIN_GROUP } from '../../../../contracts/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';
import { bounds, type Range } from './analytics.repo.ts';
import { type ResolvedScope, readableFor } from './analytics.scope.ts';

const minEnrolled = (s: ResolvedScope) => (s.guarded ? ANALYTICS_MIN_GROUP : 1);

/** The 10 pathways with the most enrolments in the range (of those the viewer may see), each step's done count and completions by the range's end. */
export function selectPathwayFunnels(db: DbOrTx, s: ResolvedScope, r: Range) {
  const { start, end } = bounds(r);
  const readable = readableFor(s);
  return selectRows<{ id: string; title: string; enrolled: number; completed: number; steps: { id: string; title: string; done: number }[] | null }>(
    db,
    sql`with e as (
          select e.pathway_id, e.person_id, e.completed_at from pathway_enrollments e join pathways pw on pw.id = e.pathway_id
          where e.org_id = ${s.orgId} and e.created_at >= ${start} and e.created_at < ${end} and pw.deleted_at is null and pw.status = 'published'
            and (pw.community_id is null or ${readable(sql`pw.community_id`)}) and ${s.pathwayEnrollment}),
        top as (select pathway_id, count(*)::int as enrolled, count(*) filter (where completed_at < ${end})::int as completed from e
          group by pathway_id having count(*) >= ${minEnrolled(s)} order by count(*) desc, pathway_id limit 10)
        select top.pathway_id as id, pw.title, top.enrolled, top.completed,
          (select json_agg(json_build_object('id', st.id, 'title', st.title, 'done',
              (select count(*) from pathway_progress pp join e on e.pathway_id = pp.pathway_id and e.person_id = pp.person_id
               where pp.step_id = st.id and pp.created_at < ${end})) order by st.position)
           from pathway_steps st where st.pathway_id = top.pathway_id) as steps
        from top join pathways pw on pw.id = top.pathway_id order by top.enrolled desc, top.pathway_id`,
  );
}

/** The 10 programs (not drafts) with the most enrolments in the range: enrolled, attended (a session done or a live session of it joined), completed (every session done). */
export function selectProgramFunnels(db: DbOrTx, s: ResolvedScope, r: Range) {
  const { start, end } = bounds(r);
  return selectRows<{ id: string; title: string; enrolled: number; attended: number; completed: number }>(
    db,
    sql`with e as (
          select e.program_id, e.person_id,
            (select count(*) from program_session_progress sp where sp.program_id = e.program_id and sp.person_id = e.person_id and sp.done_at < ${end}) as done,
            exists (select 1 from live_participants lp join live_sessions ls on ls.id = lp.session_id
                    where ls.program_id = e.program_id and lp.person_id = e.person_id and lp.joined_at < ${end}) as joined_live
          from program_enrollments e join programs pr on pr.id = e.program_id
          where e.org_id = ${s.orgId} and e.status = 'enrolled' and e.enrolled_at >= ${start} and e.enrolled_at < ${end} and pr.status <> 'draft'
            and ${s.programEnrollment}),
        sessions as (select program_id, count(*) as n from program_sessions where program_id in (select program_id from e) group by program_id)
        select pr.id, pr.title, count(*)::int as enrolled, count(*) filter (where e.done > 0 or e.joined_live)::int as attended,
          count(*) filter (where coalesce(se.n, 0) > 0 and e.done >= se.n)::int as completed
        from e join programs pr on pr.id = e.program_id left join sessions se on se.program_id = e.program_id
        group by pr.id, pr.title having count(*) >= ${minEnrolled(s)} order by count(*) desc, pr.id limit 10`,
  );
}

/** Live sessions started in the range: sessions attended, the scope's people who attended, and their minutes by segment kind. */
export function selectTalkTime(db: DbOrTx, s: ResolvedScope, r: Range) {
  const { start, end } = bounds(r);
  const inGroup = sql`exists (select 1 from live_groups g join live_group_members gm on gm.group_id = g.id where g.segment_id = ov.segment_id and gm.person_id = ov.person_id)`;
  return selectRow<{ sessions: number; participants: number; plenary: number | string; grp: number | string; pair: number | string }>(
    db,
    sql`with att as (
          select a.session_id, a.person_id, a.from_at, coalesce(a.to_at, now()) as to_at from live_attendance a join live_sessions ls on ls.id = a.session_id
          where ls.org_id = ${s.orgId} and ls.started_at >= ${start} and ls.started_at < ${end} and ${s.session} and ${s.member(sql`a.person_id`)}),
        ov as (
          select sg.kind, sg.id as segment_id, att.person_id,
            greatest(0, extract(epoch from least(att.to_at, coalesce(sg.ended_at, now())) - greatest(att.from_at, sg.started_at))) as secs
          from att join live_segments sg on sg.session_id = att.session_id and sg.started_at is not null)
        select (select count(distinct session_id) from att)::int as sessions, (select count(distinct person_id) from att)::int as participants,
          coalesce(sum(secs) filter (where kind in ('plenary', 'poll', 'chat', 'reflection', 'debrief')), 0) / 60.0 as plenary,
          coalesce(sum(secs) filter (where kind in ('icebreaker', 'groups') and ${inGroup}), 0) / 60.0 as grp,
          coalesce(sum(secs) filter (where kind = 'pairs' and ${inGroup}), 0) / 60.0 as pair
        from ov`,
  );
}

/** Mentoring and coaching relationships active in the range (one partner in the scope), their meetings and check-ins, and the scope's people in them. */
export function selectMentoring(db: DbOrTx, s: ResolvedScope, r: Range) {
  const { start, end } = bounds(r);
  return selectRow<{ active: number; started: number; ended: number; meetings: number; checkIns: number; averageRating: number | null; people: number }>(
    db,
    sql`with m as (
          select id, mentor_id, mentee_id, created_at, ended_at from mentoring_matches
          where org_id = ${s.orgId} and status <> 'proposed' and created_at < ${end} and (ended_at is null or ended_at >= ${start})
            and (${s.member(sql`mentor_id`)} or ${s.member(sql`mentee_id`)})),
        c as (select rating from mentoring_check_ins where match_id in (select id from m) and created_at >= ${start} and created_at < ${end})
        select count(*)::int as active, count(*) filter (where created_at >= ${start})::int as started, count(*) filter (where ended_at < ${end})::int as ended,
          (select count(*)::int from mentoring_meetings mm where mm.match_id in (select id from m) and mm.starts_at >= ${start} and mm.starts_at < ${end}) as meetings,
          (select count(*)::int from c) as "checkIns", (select avg(rating)::float8 from c) as "averageRating",
          (select count(*)::int from (select mentor_id as x from m union select mentee_id from m) u where ${s.member(sql`u.x`)}) as people
        from m`,
  );
}
