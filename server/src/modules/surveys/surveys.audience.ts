// Who is in a survey's audience and who has authority over it, read in SQL from the tables of the modules that own
// them (communities, programs, events, live-sessions), the way notifications and network read context: a list of
// surveys is then one query instead of one module call per row.
import { type SQL, sql } from 'drizzle-orm';
import type { SurveyAudienceKind } from '../../../../contracts/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow } from '../../kernel/db/rows.ts';

/** True when `person` is in the audience of the survey row aliased `s` (status-independent). */
export const isMemberSql = (person: string | SQL): SQL => sql`(
  (s.audience_kind = 'org' and exists (select 1 from people p where p.id = ${person} and p.org_id = s.org_id and p.status = 'active'))
  or (s.audience_kind = 'community' and exists (select 1 from community_members m where m.community_id = s.audience_id and m.person_id = ${person} and m.status = 'active'))
  or (s.audience_kind = 'program' and exists (select 1 from program_enrollments e where e.program_id = s.audience_id and e.person_id = ${person} and e.status = 'enrolled'))
  or (s.audience_kind = 'cohort' and exists (select 1 from cohort_members c where c.cohort_id = s.audience_id and c.person_id = ${person}))
  or (s.audience_kind = 'event' and exists (select 1 from event_attendance a where a.event_id = s.audience_id and a.person_id = ${person}))
  or (s.audience_kind = 'live_session' and exists (select 1 from live_participants l where l.session_id = s.audience_id and l.person_id = ${person})))`;

/**
 * True when `person` runs the audience of the survey row `s`: owners and moderators of the community, facilitators of
 * the program (or the cohort's program), hosts and the creator of the event, facilitators of the live session (its
 * creator, named co-facilitators, its program's facilitators). Org admins are checked by the policy, not here.
 */
export const hasAuthoritySql = (person: string | SQL): SQL => sql`(
  (s.audience_kind = 'community' and exists (select 1 from community_members m where m.community_id = s.audience_id and m.person_id = ${person} and m.status = 'active' and m.role in ('owner', 'moderator')))
  or (s.audience_kind = 'program' and exists (select 1 from program_facilitators f where f.program_id = s.audience_id and f.person_id = ${person}))
  or (s.audience_kind = 'cohort' and exists (select 1 from cohorts c join program_facilitators f on f.program_id = c.program_id where c.id = s.audience_id and f.person_id = ${person}))
  or (s.audience_kind = 'event' and exists (select 1 from events e where e.id = s.audience_id and (e.created_by = ${person} or exists (select 1 from event_hosts h where h.event_id = e.id and h.person_id = ${person}))))
  or (s.audience_kind = 'live_session' and exists (select 1 from live_sessions l where l.id = s.audience_id and (l.created_by = ${person}
        or exists (select 1 from live_session_facilitators f where f.session_id = l.id and f.person_id = ${person})
        or exists (select 1 from program_facilitators f where f.program_id = l.program_id and f.person_id = ${person})))))`;

/** The survey row `s` is for a secret community this person is not in (an analyst sees such a survey like anyone). */
export const secretToSql = (person: string | SQL): SQL => sql`(s.audience_kind = 'community' and exists (select 1 from communities c where c.id = s.audience_id
  and c.visibility = 'secret' and not exists (select 1 from community_members m where m.community_id = c.id and m.person_id = ${person} and m.status = 'active')))`;

/** The audience's display name for the survey row `s`. */
export const audienceNameSql: SQL = sql`coalesce(case s.audience_kind
  when 'org' then (select o.name from organizations o where o.id = s.org_id)
  when 'community' then (select c.name from communities c where c.id = s.audience_id)
  when 'program' then (select p.title from programs p where p.id = s.audience_id)
  when 'cohort' then (select c.name || ' · ' || p.title from cohorts c join programs p on p.id = c.program_id where c.id = s.audience_id)
  when 'event' then (select e.title from events e where e.id = s.audience_id)
  when 'live_session' then (select l.title from live_sessions l where l.id = s.audience_id) end, '')`;

/** Person ids of the survey's audience (active people only). */
export const audienceMembersSql = (surveyId: string): SQL => sql`select p.id from surveys s join people p on p.org_id = s.org_id and p.status = 'active'
  where s.id = ${surveyId} and ${isMemberSql(sql`p.id`)}`;

/** The table and organization column each audience kind names (existence check). */
const TARGET: Record<Exclude<SurveyAudienceKind, 'org'>, string> = {
  community: 'communities',
  program: 'programs',
  cohort: 'cohorts',
  event: 'events',
  live_session: 'live_sessions',
};

/**
 * Whether the audience exists in the organization and whether the person has authority over it (as a would-be
 * survey of theirs). Answers undefined when it does not exist there.
 */
export async function selectAudience(db: DbOrTx, orgId: string, kind: SurveyAudienceKind, id: string | null, personId: string) {
  if (kind === 'org') return { authority: false };
  if (!id) return undefined;
  const table = sql.raw(TARGET[kind]);
  const row = await selectRow<{ authority: boolean }>(
    db,
    sql`select ${hasAuthoritySql(personId)} as authority from (select ${kind}::text as audience_kind, t.id as audience_id from ${table} t where t.id = ${id} and t.org_id = ${orgId}) s`,
  );
  return row ? { authority: Boolean(row.authority) } : undefined;
}
