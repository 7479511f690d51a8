// resources: owns shared resources (links and uploaded media), media files, ratings and reviews, and collections.
// Emits: resources.shared { resourceId, communityId, personId, title, tags }, resources.reviewed { resourceId,
// personId, authorId, rating }. Consumes: none. Authorizes through communities' loadCommunityAccess.
// Public surface: register(app, deps), loadResourceAccess (pathways check resource steps through it),
// removeUnattachedMedia (the cleanup run behind this node's timer; tests call it directly).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { repeatOnThisNode } from '../../kernel/timers.ts';
import { removeUnattachedMedia } from './media.service.ts';
import { mediaUploadRoutes, resourcesRoutes } from './resources.routes.ts';

export { removeUnattachedMedia } from './media.service.ts';
export { loadResourceAccess, type ResourceAccess } from './resources.access.ts';

/**
 * Registers the routes, including the multipart upload route in its own scope, and (unless
 * MEDIA_CLEANUP_INTERVAL_SECONDS is 0) this node's timer that deletes uploads never attached to a resource.
 */
export async function register(app: FastifyInstance, deps: AppDeps) {
  resourcesRoutes(app, deps);
  await mediaUploadRoutes(app, deps);
  // Every node runs the timer; each row is deleted by one of them (see deleteUnattachedMedia).
  repeatOnThisNode(app, deps.config.MEDIA_CLEANUP_INTERVAL_SECONDS, 'unattached media cleanup', () => removeUnattachedMedia(deps));
}
