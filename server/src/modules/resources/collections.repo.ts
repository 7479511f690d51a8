import { and, eq, sql } from 'drizzle-orm';
import { collectionItems, collections } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A collection joined with its owner and whether the actor moderates its community. */
export interface CollectionRow {
  id: string;
  orgId: string;
  communityId: string | null;
  ownerId: string;
  ownerName: string;
  ownerTitle: string | null;
  title: string;
  description: string;
  updatedAt: Date | string;
  /** Ids of the items' resources in order (visibility is decided per viewer afterwards). */
  resourceIds: string[];
}

const columns = sql`l.id, l.org_id as "orgId", l.community_id as "communityId", l.owner_id as "ownerId", o.name as "ownerName",
  o.title as "ownerTitle", l.title, l.description, l.updated_at as "updatedAt",
  coalesce((select array_agg(i.resource_id order by i.position) from collection_items i where i.collection_id = l.id), '{}') as "resourceIds"`;

/** One collection of an organization. */
export function selectCollection(db: DbOrTx, orgId: string, id: string) {
  return selectRow<CollectionRow>(db, sql`select ${columns} from collections l join people o on o.id = l.owner_id where l.org_id = ${orgId} and l.id = ${id}`);
}

/** Collections of a community, or organization-wide ones (community null), optionally only the owner's; newest change first. */
export function selectCollections(db: DbOrTx, orgId: string, f: { communityId: string | null; ownerId?: string; limit: number }) {
  return selectRows<CollectionRow>(
    db,
    sql`select ${columns} from collections l join people o on o.id = l.owner_id
        where l.org_id = ${orgId} and ${f.communityId ? sql`l.community_id = ${f.communityId}` : sql`l.community_id is null`}
          ${f.ownerId ? sql`and l.owner_id = ${f.ownerId}` : sql``}
        order by l.updated_at desc, l.id desc limit ${f.limit}`,
  );
}

/** Items of a collection with notes, in order. */
export function selectItems(db: DbOrTx, collectionId: string) {
  return selectRows<{ resourceId: string; note: string; position: number }>(
    db,
    sql`select resource_id as "resourceId", note, position from collection_items where collection_id = ${collectionId} order by position`,
  );
}

/** Inserts a collection. */
export async function insertCollection(db: DbOrTx, v: typeof collections.$inferInsert) {
  const [row] = await db.insert(collections).values(v).returning({ id: collections.id });
  return row.id;
}

/** Changes title/description and bumps updated_at; also locks nothing (callers lock first when they need to). */
export async function touchCollection(db: DbOrTx, id: string, v: { title?: string; description?: string } = {}) {
  await db.update(collections).set({ ...v, updatedAt: sql`now()` }).where(eq(collections.id, id));
}

/** Locks the collection row so concurrent item changes keep positions dense and unique. */
export function lockCollection(db: DbOrTx, id: string) {
  return selectRow<{ id: string }>(db, sql`select id from collections where id = ${id} for update`);
}

/** Deletes a collection (its items cascade). */
export async function deleteCollection(db: DbOrTx, id: string) {
  await db.delete(collections).where(eq(collections.id, id));
}

/** Adds an item at the end, or changes its note when it is already there. */
export async function upsertItem(db: DbOrTx, v: { orgId: string; collectionId: string; resourceId: string; note: string }) {
  await db.execute(sql`insert into collection_items (collection_id, resource_id, org_id, position, note)
    values (${v.collectionId}, ${v.resourceId}, ${v.orgId},
      (select coalesce(max(position), -1) + 1 from collection_items where collection_id = ${v.collectionId}), ${v.note})
    on conflict (collection_id, resource_id) do update set note = excluded.note`);
}

/** Removes an item; true when there was one. */
export async function deleteItem(db: DbOrTx, collectionId: string, resourceId: string) {
  const gone = await db
    .delete(collectionItems)
    .where(and(eq(collectionItems.collectionId, collectionId), eq(collectionItems.resourceId, resourceId)))
    .returning({ id: collectionItems.resourceId });
  return gone.length > 0;
}

/** Sets every item's position from the given order. */
export async function setPositions(db: DbOrTx, collectionId: string, resourceIds: string[]) {
  for (const [position, resourceId] of resourceIds.entries()) {
    await db.update(collectionItems).set({ position }).where(and(eq(collectionItems.collectionId, collectionId), eq(collectionItems.resourceId, resourceId)));
  }
}

/** Number of items in a collection. */
export async function countItems(db: DbOrTx, collectionId: string) {
  return (await selectRow<{ n: number }>(db, sql`select count(*)::int as n from collection_items where collection_id = ${collectionId}`))?.n ?? 0;
}
