// communities: owns communities, memberships (join, request, invite, roles), rules acceptance, expert endorsements
// and the organization's community settings. Emits: communities.created, .updated, .rules_changed, .member_joined,
// .join_requested, .member_invited, .member_left, .member_removed, .expert_endorsed, .endorsement_withdrawn. Consumes: none.
// Public surface: register(app, deps); loadCommunityAccess/assertCanPost (discussions authorize through them).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { communitiesRoutes } from './communities.routes.ts';
import { loadCommunityAccess } from './communities.service.ts';
import { createAccessCache } from './community-access-cache.ts';

export { assertCanPost, communityChannel, createCohortSpace, loadCommunityAccess } from './communities.service.ts';
export { selectExperts as findCommunityExperts } from './communities.repo.ts';
export { addCohortSpaceMember, removeCohortSpaceMember } from './cohort-space-members.ts';
export { communityScope, invalidateCommunity } from './community-access-cache.ts';

/** Registers the routes and who may follow `community:<id>` live. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  createAccessCache(deps, (msg, err) => app.log.warn({ err }, msg));
  communitiesRoutes(app, deps);
  deps.hub.allow('community', async (actor, id) => (await loadCommunityAccess(deps.db, actor, id)).canRead);
}
