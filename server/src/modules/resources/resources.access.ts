import type { Actor } from '../../kernel/auth/sessions.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { notFound, nullUnlessUnavailable } from '../../kernel/errors.ts';
import { loadCommunityAccess } from '../communities/index.ts';
import * as repo from './resources.repo.ts';

/** What other modules (pathways) learn about a resource the actor may see. */
export interface ResourceAccess {
  resource: { id: string; title: string; type: string; url: string | null; communityId: string | null; authorId: string };
  canRead: boolean;
}

/**
 * Loads a live resource and whether the actor may read it: a community's resources follow the community's canRead,
 * the organization's library is open to the whole organization. Throws 404 when the actor may not see it (other
 * organization, deleted, or a community whose content they cannot read).
 */
export async function loadResourceAccess(db: DbOrTx, actor: Actor, resourceId: string): Promise<ResourceAccess> {
  const row = /^[0-9a-f-]{36}$/i.test(resourceId) ? await repo.selectResourceForAccess(db, actor.orgId, resourceId) : undefined;
  if (!row || row.deletedAt) throw notFound('That resource');
  if (row.communityId) {
    const access = await loadCommunityAccess(db, actor, row.communityId).catch(nullUnlessUnavailable);
    if (!access?.canRead) throw notFound('That resource');
  }
  const { id, title, type, url, communityId, authorId } = row;
  return { resource: { id, title, type, url, communityId, authorId }, canRead: true };
}
