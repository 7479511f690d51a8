import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow } from '../../kernel/db/rows.ts';

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
