import { eq, sql } from 'drizzle-orm';
import { media } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A media row. */
export type MediaRow = typeof media.$inferSelect;

/** Inserts a media row (after its file is complete on disk). */
export async function insertMedia(db: DbOrTx, v: typeof media.$inferInsert) {
  const [row] = await db.insert(media).values(v).returning();
  return row;
}

/** One media row of an organization. */
export async function selectMedia(db: DbOrTx, orgId: string, id: string) {
  return selectRow<MediaRow>(
    db,
    sql`select id, org_id as "orgId", owner_id as "ownerId", community_id as "communityId", kind, mime, size_bytes as "sizeBytes",
          storage_key as "storageKey", original_name as "originalName", sha256, created_at as "createdAt"
        from media where org_id = ${orgId} and id = ${id}`,
  );
}

/** Ids of live resources the media is attached to (whoever can read one of them may see it). */
export function selectResourcesUsingMedia(db: DbOrTx, mediaId: string) {
  return selectRows<{ id: string }>(db, sql`select id from resources where media_id = ${mediaId} and deleted_at is null limit 20`);
}

/** Deletes a media row. */
export async function deleteMedia(db: DbOrTx, id: string) {
  await db.delete(media).where(eq(media.id, id));
}

/**
 * Deletes up to `limit` uploads made before `before` that no resource refers to (a deleted resource still holds its
 * file, so it can be restored), and returns their storage keys. Nodes running this together delete each row once.
 */
export function deleteUnattachedMedia(db: DbOrTx, before: Date, limit: number) {
  return selectRows<{ storageKey: string }>(
    db,
    sql`delete from media where id in (
          select m.id from media m
          where m.created_at < ${before.toISOString()} and not exists (select 1 from resources r where r.media_id = m.id)
          order by m.created_at limit ${limit})
        returning storage_key as "storageKey"`,
  );
}
