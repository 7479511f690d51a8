import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { people, personSkills } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { likeEscape, selectRows as rows } from '../../kernel/db/rows.ts';

/** A people row. */
export type PersonRow = typeof people.$inferSelect;
/** Insertable people row. */
export type NewPersonRow = typeof people.$inferInsert;


/** Directory row as selected. */
export interface DirectoryRow {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  location: string | null;
  timeZone: string | null;
  avatarUrl: string | null;
  topSkills: string[];
}

/** Filtered, keyset-paged directory in one indexed query (name, id order). */
export async function selectDirectoryPage(
  db: DbOrTx,
  orgId: string,
  f: { q?: string; department?: string; location?: string; skill?: string; includeDeactivated: boolean; after?: [string, string]; limit: number },
): Promise<DirectoryRow[]> {
  const where: SQL[] = [sql`p.org_id = ${orgId}`];
  if (!f.includeDeactivated) where.push(sql`p.status <> 'deactivated'`);
  if (f.department) where.push(sql`p.department = ${f.department}`);
  if (f.location) where.push(sql`p.location = ${f.location}`);
  if (f.skill) where.push(sql`exists (select 1 from person_skills s where s.person_id = p.id and s.kind = 'have' and s.key = ${f.skill.toLowerCase()})`);
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    where.push(sql`(p.name ilike ${like} or p.title ilike ${like} or p.email ilike ${like} or p.team ilike ${like} or p.department ilike ${like})`);
  }
  if (f.after) where.push(sql`(p.name, p.id) > (${f.after[0]}, ${f.after[1]}::uuid)`);
  return rows<DirectoryRow>(
    db,
    sql`select p.id, p.name, p.title, p.department, p.location, p.time_zone as "timeZone", p.avatar_url as "avatarUrl",
          coalesce((select array_agg(t.name order by t.level desc, t.name) from
             (select s.name, s.level from person_skills s where s.person_id = p.id and s.kind = 'have' order by s.level desc, s.name limit 3) t), '{}') as "topSkills"
        from people p where ${sql.join(where, sql` and `)}
        order by p.name, p.id limit ${f.limit}`,
  );
}

/** Department, location and skill counts for filters. */
export async function selectFacets(db: DbOrTx, orgId: string) {
  type Facet = { value: string; count: number };
  const [departments, locations, skills] = await Promise.all([
    rows<Facet>(db, sql`select department as value, count(*)::int as count from people where org_id = ${orgId} and status <> 'deactivated' and department is not null group by department order by department`),
    rows<Facet>(db, sql`select location as value, count(*)::int as count from people where org_id = ${orgId} and status <> 'deactivated' and location is not null group by location order by location`),
    rows<Facet>(db, sql`select min(name) as value, count(*)::int as count from person_skills where org_id = ${orgId} and kind = 'have' group by key order by count(*) desc, min(name) limit 60`),
  ]);
  return { departments, locations, skills };
}

/** One person in an organization, or undefined. */
export async function selectPerson(db: DbOrTx, orgId: string, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(and(eq(people.orgId, orgId), eq(people.id, id)));
  return row;
}

/** A person by email across the deployment (sign-in name), or undefined. */
export async function selectPersonByEmail(db: DbOrTx, email: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(eq(people.email, email.toLowerCase()));
  return row;
}

/** Everyone in an organization (for imports and seeds). */
export function selectAllPeople(db: DbOrTx, orgId: string): Promise<PersonRow[]> {
  return db.select().from(people).where(eq(people.orgId, orgId));
}

/** Skills of one person. */
export function selectSkills(db: DbOrTx, personId: string) {
  return db
    .select({ name: personSkills.name, kind: personSkills.kind, level: personSkills.level })
    .from(personSkills)
    .where(eq(personSkills.personId, personId))
    .orderBy(personSkills.kind, sql`${personSkills.level} desc`, personSkills.name);
}

/** Direct reports and the manager as short references. */
export function selectRefs(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.select({ id: people.id, name: people.name, title: people.title }).from(people).where(and(eq(people.orgId, orgId), inArray(people.id, ids)));
}

/** Direct reports of a person. */
export function selectReports(db: DbOrTx, orgId: string, managerId: string) {
  return db
    .select({ id: people.id, name: people.name, title: people.title })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.managerId, managerId), sql`${people.status} <> 'deactivated'`))
    .orderBy(people.name);
}

/** Inserts people; returns their rows. */
export function insertPeople(db: DbOrTx, values: NewPersonRow[]) {
  return db.insert(people).values(values).returning();
}

/** Updates one person's columns. */
export async function updatePersonRow(db: DbOrTx, orgId: string, id: string, values: Partial<NewPersonRow>) {
  const [row] = await db
    .update(people)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(people.orgId, orgId), eq(people.id, id)))
    .returning();
  return row;
}

/** Replaces a person's skills. */
export async function replaceSkills(db: DbOrTx, orgId: string, personId: string, skills: { name: string; kind: string; level: number }[]) {
  await db.delete(personSkills).where(eq(personSkills.personId, personId));
  const unique = new Map(skills.map((s) => [`${s.kind}:${s.name.toLowerCase()}`, s]));
  if (unique.size) {
    await db.insert(personSkills).values([...unique.values()].map((s) => ({ orgId, personId, kind: s.kind, name: s.name, key: s.name.toLowerCase(), level: s.level })));
  }
}

/** Ids of people who manage someone (for the derived manager role). */
export async function hasReports(db: DbOrTx, personId: string): Promise<boolean> {
  const r = await db.select({ id: people.id }).from(people).where(eq(people.managerId, personId)).limit(1);
  return r.length > 0;
}
