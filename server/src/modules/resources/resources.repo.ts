import { and, eq, sql, type SQL } from 'drizzle-orm';
import { resourceReviews, resources } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A resource as access checks see it. */
export interface ResourceAccessRow {
  id: string;
  orgId: string;
  title: string;
  type: string;
  url: string | null;
  mediaId: string | null;
  communityId: string | null;
  authorId: string;
  deletedAt: Date | string | null;
}

/** One resource of an organization (deleted or not) with the columns access checks need. */
export function selectResourceForAccess(db: DbOrTx, orgId: string, id: string) {
  return selectRow<ResourceAccessRow>(
    db,
    sql`select id, org_id as "orgId", title, type, url, media_id as "mediaId", community_id as "communityId",
          author_id as "authorId", deleted_at as "deletedAt"
        from resources where org_id = ${orgId} and id = ${id}`,
  );
}

/** A resource joined with its author, community and media, as lists and pages present it. */
export interface ResourceRow extends ResourceAccessRow {
  summary: string;
  durationMinutes: number | null;
  tags: string[];
  ratingSum: number;
  ratingCount: number;
  createdAt: Date | string;
  authorName: string;
  authorTitle: string | null;
  communityName: string | null;
  communitySlug: string | null;
  mediaKind: string | null;
  mediaMime: string | null;
  mediaSize: number | string | null;
  mediaName: string | null;
  /** Whether the actor moderates the resource's community (owner/moderator role; admins are added by the service). */
  actorModerates: boolean;
  /** Full-precision keyset value (timestamptz as text). */
  k: string;
}

const resourceColumns = sql`r.id, r.org_id as "orgId", r.title, r.type, r.url, r.media_id as "mediaId",
  r.community_id as "communityId", r.author_id as "authorId", r.deleted_at as "deletedAt", r.summary,
  r.duration_minutes as "durationMinutes", r.tags, r.rating_sum as "ratingSum", r.rating_count as "ratingCount",
  r.created_at as "createdAt", r.created_at::text as k, a.name as "authorName", a.title as "authorTitle",
  c.name as "communityName", c.slug as "communitySlug", md.kind as "mediaKind", md.mime as "mediaMime",
  md.size_bytes as "mediaSize", md.original_name as "mediaName",
  coalesce(m.status = 'active' and m.role in ('owner', 'moderator'), false) as "actorModerates"`;

const resourceJoins = (actorId: string) => sql`from resources r join people a on a.id = r.author_id
  left join communities c on c.id = r.community_id
  left join community_members m on m.community_id = r.community_id and m.person_id = ${actorId}
  left join media md on md.id = r.media_id`;

/**
 * Whether the actor may read the resource's community: the SQL form of communities' canRead policy (open, or an
 * active member), used so list pages filter in one query; the library (no community) is open to the organization.
 */
const readable = sql`(r.community_id is null or c.visibility = 'open' or m.status = 'active')`;

/** One live or deleted resource with everything presenting it needs. */
export function selectResource(db: DbOrTx, orgId: string, actorId: string, id: string) {
  return selectRow<ResourceRow>(db, sql`select ${resourceColumns} ${resourceJoins(actorId)} where r.org_id = ${orgId} and r.id = ${id}`);
}

/** Filters of a resource page. */
export interface ResourceFilter {
  communityId?: string;
  library?: boolean;
  authorId?: string;
  tag?: string;
  type?: string;
  after?: [string, string];
  limit: number;
}

/** Live resources the actor may read, newest first, keyset-paged. */
export function selectResourcePage(db: DbOrTx, orgId: string, actorId: string, f: ResourceFilter) {
  const where: SQL[] = [sql`r.org_id = ${orgId}`, sql`r.deleted_at is null`, readable];
  if (f.communityId) where.push(sql`r.community_id = ${f.communityId}`);
  if (f.library) where.push(sql`r.community_id is null`);
  if (f.authorId) where.push(sql`r.author_id = ${f.authorId}`);
  if (f.tag) where.push(sql`r.tags @> array[${f.tag}]::text[]`);
  if (f.type) where.push(sql`r.type = ${f.type}`);
  if (f.after) where.push(sql`(r.created_at, r.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return selectRows<ResourceRow>(
    db,
    sql`select ${resourceColumns} ${resourceJoins(actorId)} where ${sql.join(where, sql` and `)}
        order by r.created_at desc, r.id desc limit ${f.limit}`,
  );
}

/** Live resources among `ids` that the actor may read. */
export function selectReadableResources(db: DbOrTx, orgId: string, actorId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as ResourceRow[]);
  return selectRows<ResourceRow>(
    db,
    sql`select ${resourceColumns} ${resourceJoins(actorId)}
        where r.org_id = ${orgId} and r.deleted_at is null and ${readable} and r.id in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
  );
}

/** Inserts a resource and returns its id. */
export async function insertResource(db: DbOrTx, v: typeof resources.$inferInsert) {
  const [row] = await db.insert(resources).values(v).returning({ id: resources.id });
  return row.id;
}

/** Changes a resource's editable fields. */
export async function updateResource(db: DbOrTx, id: string, v: Partial<typeof resources.$inferInsert>) {
  await db.update(resources).set({ ...v, updatedAt: sql`now()` }).where(eq(resources.id, id));
}

/** Soft-deletes a resource. */
export async function softDeleteResource(db: DbOrTx, id: string) {
  await db.update(resources).set({ deletedAt: sql`now()` }).where(eq(resources.id, id));
}

/** Locks the resource row (rating counters are changed under it). */
export function lockResource(db: DbOrTx, id: string) {
  return selectRow<{ id: string }>(db, sql`select id from resources where id = ${id} for update`);
}

/** A review joined with its reviewer. */
export interface ReviewRow {
  personId: string;
  personName: string;
  personTitle: string | null;
  rating: number;
  review: string;
  createdAt: Date | string;
  updatedAt: Date | string;
}

/** Reviews of a resource, most recently changed first. */
export function selectReviews(db: DbOrTx, resourceId: string, limit: number) {
  return selectRows<ReviewRow>(
    db,
    sql`select v.person_id as "personId", p.name as "personName", p.title as "personTitle", v.rating, v.review,
          v.created_at as "createdAt", v.updated_at as "updatedAt"
        from resource_reviews v join people p on p.id = v.person_id
        where v.resource_id = ${resourceId} order by v.updated_at desc, v.person_id limit ${limit}`,
  );
}

/** One person's review row. */
export function selectReview(db: DbOrTx, resourceId: string, personId: string) {
  return selectRow<ReviewRow>(
    db,
    sql`select v.person_id as "personId", p.name as "personName", p.title as "personTitle", v.rating, v.review,
          v.created_at as "createdAt", v.updated_at as "updatedAt"
        from resource_reviews v join people p on p.id = v.person_id where v.resource_id = ${resourceId} and v.person_id = ${personId}`,
  );
}

/** Writes the person's review and moves the resource's rating counters by the difference (caller holds the row lock). */
export async function upsertReview(db: DbOrTx, v: { orgId: string; resourceId: string; personId: string; rating: number; review: string }, previous: number | null) {
  await db
    .insert(resourceReviews)
    .values(v)
    .onConflictDoUpdate({ target: [resourceReviews.resourceId, resourceReviews.personId], set: { rating: v.rating, review: v.review, updatedAt: sql`now()` } });
  await db
    .update(resources)
    .set({ ratingSum: sql`${resources.ratingSum} + ${v.rating - (previous ?? 0)}`, ratingCount: sql`${resources.ratingCount} + ${previous === null ? 1 : 0}` })
    .where(eq(resources.id, v.resourceId));
}

/** Removes the person's review and takes it out of the counters (caller holds the row lock). */
export async function deleteReview(db: DbOrTx, resourceId: string, personId: string, previous: number) {
  await db.delete(resourceReviews).where(and(eq(resourceReviews.resourceId, resourceId), eq(resourceReviews.personId, personId)));
  await db
    .update(resources)
    .set({ ratingSum: sql`${resources.ratingSum} - ${previous}`, ratingCount: sql`${resources.ratingCount} - 1` })
    .where(eq(resources.id, resourceId));
}
