// Which people and which content a scope's figures cover, as SQL predicates, and who may ask for it.
import { type SQL, sql } from 'drizzle-orm';
import { ANALYTICS_MIN_GROUP, type AnalyticsQuery, type AnalyticsScope } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';
import { notFound } from '../../kernel/errors.ts';
import * as policy from './analytics.policy.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A scope resolved for one viewer: what it is, and SQL predicates over person and community columns. */
export interface ResolvedScope {
  scope: AnalyticsScope;
  orgId: string;
  viewerId: string;
  /**
   * Guarded scopes withhold every figure covering fewer than ANALYTICS_MIN_GROUP people (and everything when the scope
   * itself has fewer): a manager's team; a community or program seen by its moderators or facilitators (anyone may
   * start a community of two); a department of fewer than 5 people, whoever looks.
   */
  guarded: boolean;
  /** The person is one of the scope's people (organization: anyone). */
  member: (person: SQL) => SQL;
  /** A row done by `person` in `community` belongs to the scope (community, program: where; department, team: who). */
  content: (community: SQL, person: SQL) => SQL;
  /** A live session (alias `ls`) belongs to the scope by where it ran (department, team: any; attendance filters who). */
  session: SQL;
  /** A program enrolment (alias `e`) belongs to the scope. */
  programEnrollment: SQL;
  /** A pathway enrolment (alias `e`, pathway `pw`) belongs to the scope. */
  pathwayEnrollment: SQL;
  /** The scope's people now (active). */
  people: number;
}

/** The viewer may read a community's content (open, or an active member): the rule of communities.policy canRead. */
export const readableBy = (orgId: string, viewerId: string, community: SQL) =>
  sql`${community} in (select c.id from communities c left join community_members m on m.community_id = c.id and m.person_id = ${viewerId} and m.status = 'active'
        where c.org_id = ${orgId} and (c.visibility = 'open' or m.person_id is not null))`;

/** A manager's reports, direct and indirect (a cycle in the reporting lines ends the walk; the manager is left out). */
const reports = (orgId: string, managerId: string) =>
  sql`(with recursive r(id) as (select id from people where org_id = ${orgId} and manager_id = ${managerId}
        union select p.id from people p join r on p.manager_id = r.id where p.org_id = ${orgId})
      select id from r where id <> ${managerId})`;

const cohortSpaces = (programId: string) => sql`(select community_id from cohorts where program_id = ${programId} and community_id is not null)`;

/** Resolves and authorizes a scope (404 for what the viewer may not see or what does not exist). Facts are read on the primary. */
export async function resolveScope(db: DbOrTx, actor: Actor, q: Pick<AnalyticsQuery, 'scope' | 'id'>): Promise<ResolvedScope> {
  const orgId = actor.orgId;
  const base = { orgId, viewerId: actor.personId, guarded: false };
  const anyone = () => sql`true`;
  switch (q.scope) {
    case 'organization': {
      if (!policy.canSeeOrganization(actor)) throw notFound('The page');
      const people = await countPeople(db, sql`org_id = ${orgId}`);
      return { ...base, scope: { kind: 'organization', id: null, name: 'Organization' }, member: anyone, content: anyone, session: sql`true`, programEnrollment: sql`true`, pathwayEnrollment: sql`true`, people };
    }
    case 'department': {
      const name = q.id as string;
      if (!policy.canSeeOrganization(actor)) throw notFound('The page');
      const people = await countPeople(db, sql`org_id = ${orgId} and department = ${name}`);
      if (!people) throw notFound('The department');
      const member = (p: SQL) => sql`${p} in (select id from people where org_id = ${orgId} and department = ${name})`;
      return { ...base, guarded: people < ANALYTICS_MIN_GROUP, scope: { kind: 'department', id: name, name }, member, content: (_c, p) => member(p), session: sql`true`, programEnrollment: member(sql`e.person_id`), pathwayEnrollment: member(sql`e.person_id`), people };
    }
    case 'community': {
      const id = q.id as string;
      if (!UUID.test(id)) throw notFound('The community');
      const row = await selectRow<{ name: string; moderates: boolean; hidden: boolean }>(
        db,
        sql`select c.name, exists (select 1 from community_members m where m.community_id = c.id and m.person_id = ${actor.personId}
              and m.status = 'active' and m.role in ('owner', 'moderator')) as moderates,
              (c.visibility = 'secret' and not exists (select 1 from community_members m where m.community_id = c.id and m.person_id = ${actor.personId}
              and m.status = 'active')) as hidden
            from communities c where c.id = ${id} and c.org_id = ${orgId}`,
      );
      // A secret community does not exist for an analyst who is not in it (admins see every community).
      if (!row || !policy.canSeeCommunity(actor, row.moderates) || (row.hidden && !actor.isAdmin)) throw notFound('The community');
      const member = (p: SQL) => sql`${p} in (select person_id from community_members where community_id = ${id} and status = 'active')`;
      const people = await countPeople(db, sql`org_id = ${orgId} and status = 'active' and ${member(sql`id`)}`);
      return {
        ...base,
        guarded: !policy.seesEverything(actor),
        scope: { kind: 'community', id, name: row.name },
        member,
        content: (c) => sql`${c} = ${id}`,
        session: sql`ls.community_id = ${id}`,
        programEnrollment: sql`e.program_id in (select program_id from cohorts where community_id = ${id})`,
        pathwayEnrollment: sql`pw.community_id = ${id}`,
        people,
      };
    }
    case 'program': {
      const id = q.id as string;
      if (!UUID.test(id)) throw notFound('The program');
      const row = await selectRow<{ name: string; facilitates: boolean }>(
        db,
        sql`select p.title as name, exists (select 1 from program_facilitators f where f.program_id = p.id and f.person_id = ${actor.personId}) as facilitates
            from programs p where p.id = ${id} and p.org_id = ${orgId}`,
      );
      if (!row || !policy.canSeeProgram(actor, row.facilitates)) throw notFound('The program');
      const member = (p: SQL) => sql`${p} in (select person_id from program_enrollments where program_id = ${id} and status = 'enrolled')`;
      const people = await countPeople(db, sql`org_id = ${orgId} and status = 'active' and ${member(sql`id`)}`);
      return {
        ...base,
        guarded: !policy.seesEverything(actor),
        scope: { kind: 'program', id, name: row.name },
        member,
        content: (c) => sql`${c} in ${cohortSpaces(id)}`,
        session: sql`ls.program_id = ${id}`,
        programEnrollment: sql`e.program_id = ${id}`,
        pathwayEnrollment: member(sql`e.person_id`),
        people,
      };
    }
    case 'team': {
      const managerId = q.id ?? actor.personId;
      if (!UUID.test(managerId) || !policy.canSeeTeam(actor, managerId)) throw notFound('The team');
      const manager = await selectRow<{ name: string }>(db, sql`select name from people where id = ${managerId} and org_id = ${orgId}`);
      const member = (p: SQL) => sql`${p} in ${reports(orgId, managerId)}`;
      const people = manager ? await countPeople(db, sql`org_id = ${orgId} and status = 'active' and ${member(sql`id`)}`) : 0;
      if (!manager || !people) throw notFound('The team');
      return {
        ...base,
        guarded: true,
        scope: { kind: 'team', id: managerId, name: `${manager.name}'s team` },
        member,
        content: (_c, p) => member(p),
        session: sql`true`,
        programEnrollment: member(sql`e.person_id`),
        pathwayEnrollment: member(sql`e.person_id`),
        people,
      };
    }
  }
}

async function countPeople(db: DbOrTx, where: SQL) {
  const row = await selectRow<{ n: number }>(db, sql`select count(*)::int as n from people where status = 'active' and ${where}`);
  return row?.n ?? 0;
}

/** Every scope the viewer may see, for the picker: the organization and departments (admins, analysts), communities they moderate, programs they facilitate, their team. */
export async function listScopes(db: DbOrTx, actor: Actor): Promise<AnalyticsScope[]> {
  const all = policy.seesEverything(actor);
  const orgId = actor.orgId;
  const [departments, communities, programs, team] = await Promise.all([
    all ? selectRows<{ name: string }>(db, sql`select distinct department as name from people where org_id = ${orgId} and status = 'active' and department is not null order by 1`) : [],
    selectRows<{ id: string; name: string }>(
      db,
      // A secret community is listed for admins, its members and its moderators only (an analyst sees it like anyone).
      sql`select c.id, c.name from communities c where c.org_id = ${orgId}
            and ((${all} and (c.visibility <> 'secret' or ${actor.isAdmin} or exists (select 1 from community_members m where m.community_id = c.id
              and m.person_id = ${actor.personId} and m.status = 'active')))
             or exists (select 1 from community_members m where m.community_id = c.id
              and m.person_id = ${actor.personId} and m.status = 'active' and m.role in ('owner', 'moderator'))) order by c.name, c.id`,
    ),
    selectRows<{ id: string; name: string }>(
      db,
      sql`select p.id, p.title as name from programs p where p.org_id = ${orgId}
            and (${all} or exists (select 1 from program_facilitators f where f.program_id = p.id and f.person_id = ${actor.personId})) order by p.title, p.id`,
    ),
    selectRow<{ n: number }>(db, sql`select count(*)::int as n from people where org_id = ${orgId} and manager_id = ${actor.personId} and status = 'active'`),
  ]);
  return [
    ...(all ? [{ kind: 'organization' as const, id: null, name: 'Organization' }] : []),
    ...(team?.n ? [{ kind: 'team' as const, id: actor.personId, name: 'My team' }] : []),
    ...departments.map((d) => ({ kind: 'department' as const, id: d.name, name: d.name })),
    ...communities.map((c) => ({ kind: 'community' as const, id: c.id, name: c.name })),
    ...programs.map((p) => ({ kind: 'program' as const, id: p.id, name: p.name })),
  ];
}

/** Pass `readable` for names the viewer may see. */
export const readableFor = (s: ResolvedScope) => (community: SQL) => readableBy(s.orgId, s.viewerId, community);
