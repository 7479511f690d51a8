// resources: owns shared resources (links and uploaded media), media files, ratings and reviews, and collections.
// Emits: resources.shared { resourceId, communityId, personId, title, tags }, resources.reviewed { resourceId,
// personId, authorId, rating }. Consumes: none. Authorizes through communities' loadCommunityAccess.
// Public surface: register(app, deps), loadResourceAccess (pathways check resource steps through it).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { mediaUploadRoutes, resourcesRoutes } from './resources.routes.ts';

export { loadResourceAccess, type ResourceAccess } from './resources.access.ts';

/** Registers the routes, including the multipart upload route in its own scope. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  resourcesRoutes(app, deps);
  await mediaUploadRoutes(app, deps);
}
