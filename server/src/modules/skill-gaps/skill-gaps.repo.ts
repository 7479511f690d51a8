import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRows } from '../../kernel/db/rows.ts';

// Reads other modules' tables (people own person_skills, mentoring its profiles and matches, pathways and communities
// theirs): skill gaps are a view across them, and write nothing.

/** A person's skill as written (`name`) and as compared (`key`, lower case, trimmed). */
export interface SkillRow {
  person: string;
  department: string | null;
  key: string;
  name: string;
}

/** What active people want to learn: on their profile, or as an active mentee. */
export function selectWants(db: DbOrTx, orgId: string) {
  return selectRows<SkillRow>(
    db,
    sql`select p.id::text as person, p.department, s.key, s.name from person_skills s join people p on p.id = s.person_id
          where s.org_id = ${orgId} and s.kind = 'want' and p.status = 'active'
        union all
        select p.id::text, p.department, lower(trim(x->>'skill')), trim(x->>'skill') from mentee_profiles m
          join people p on p.id = m.person_id cross join lateral jsonb_array_elements(m.skills) x
          where m.org_id = ${orgId} and m.active and p.status = 'active' and coalesce(trim(x->>'skill'), '') <> ''`,
  );
}

/** What active people could teach: a skill they have at level 3 or more, or offer as an active mentor. */
export function selectOffers(db: DbOrTx, orgId: string) {
  return selectRows<SkillRow>(
    db,
    sql`select p.id::text as person, p.department, s.key, s.name from person_skills s join people p on p.id = s.person_id
          where s.org_id = ${orgId} and s.kind = 'have' and s.level >= 3 and p.status = 'active'
        union all
        select p.id::text, p.department, lower(trim(x->>'skill')), trim(x->>'skill') from mentor_profiles m
          join people p on p.id = m.person_id cross join lateral jsonb_array_elements(m.skills) x
          where m.org_id = ${orgId} and m.active and p.status = 'active' and coalesce(trim(x->>'skill'), '') <> ''`,
  );
}

/** Active mentors with room for another mentee (capacity less open matches), with the keys of their skills. */
export function selectMentorsWithRoom(db: DbOrTx, orgId: string) {
  return selectRows<{ id: string; name: string; department: string | null; room: number; keys: string[] }>(
    db,
    sql`select p.id::text as id, p.name, p.department, (m.capacity - coalesce(o.open, 0))::int as room,
               array(select lower(trim(x->>'skill')) from jsonb_array_elements(m.skills) x) as keys
          from mentor_profiles m join people p on p.id = m.person_id
          left join lateral (select count(*)::int as open from mentoring_matches mm where mm.mentor_id = m.person_id and mm.status in ('proposed', 'active')) o on true
         where m.org_id = ${orgId} and m.active and p.status = 'active' and m.capacity - coalesce(o.open, 0) > 0`,
  );
}

/** Published pathways with the text to match a skill against: title, description and their steps' resource tags. */
export function selectPathways(db: DbOrTx, orgId: string) {
  return selectRows<{ id: string; title: string; text: string }>(
    db,
    sql`select pw.id::text as id, pw.title,
               lower(pw.title || ' ' || pw.description || ' ' || coalesce((select string_agg(array_to_string(r.tags, ' '), ' ')
                 from pathway_steps st join resources r on r.id = st.resource_id where st.pathway_id = pw.id), '')) as text
          from pathways pw left join communities c on c.id = pw.community_id
         where pw.org_id = ${orgId} and pw.status = 'published' and pw.deleted_at is null and (c.id is null or c.visibility <> 'secret')
         order by pw.enrolled_count desc, pw.title`,
  );
}

/** Communities anyone may find (never secret ones), with their topics and name in lower case. */
export function selectCommunities(db: DbOrTx, orgId: string) {
  return selectRows<{ id: string; slug: string; name: string; topics: string[] }>(
    db,
    sql`select c.id::text as id, c.slug, c.name, array(select lower(t) from unnest(c.topics) t) as topics from communities c
         where c.org_id = ${orgId} and c.visibility <> 'secret' order by c.member_count desc, c.name`,
  );
}

/** Active people's departments (for grouping small ones and for the filter). */
export function selectDepartments(db: DbOrTx, orgId: string) {
  return selectRows<{ id: string; department: string | null }>(db, sql`select id::text as id, department from people where org_id = ${orgId} and status = 'active'`);
}
