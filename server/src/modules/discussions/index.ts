// discussions: owns threads, posts, revisions, reactions and mentions inside communities (Q&A included).
// Emits: discussions.thread_created, .reply_posted, .mentioned, .post_edited, .post_deleted, .thread_updated,
// .answer_accepted, .reaction_added. Consumes: communities.expert_endorsed, .endorsement_withdrawn (cache). Authorizes through communities' loadCommunityAccess.
// Public surface: register(app, deps), threadChannel, getThreadRef (pathways link discussion steps through it),
// createThread (mentoring posts unanswered expert questions), countAcceptedAnswers (mentoring ranks experts).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { discussionsRoutes } from './discussions.routes.ts';
import { canFollowThread } from './discussions.service.ts';
import { createThreadPageCache, invalidateThreadPages } from './discussions.threads.ts';

export { createThread } from './discussions.posts.ts';
export { getThreadRef, threadChannel } from './discussions.service.ts';
export { countAcceptedAnswers } from './discussions.repo.ts';

/** Registers the routes and who may follow `thread:<id>` live. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  createThreadPageCache(deps, (msg, err) => app.log.warn({ err }, msg));
  discussionsRoutes(app, deps);
  // Expert badges on posts come from the communities module: its endorsement events refresh cached thread pages.
  for (const type of ['communities.expert_endorsed', 'communities.endorsement_withdrawn']) {
    deps.events.onCommit(type, (e) => invalidateThreadPages(deps, String(e.payload.communityId)));
  }
  deps.hub.allow('thread', (actor, id) => canFollowThread(deps.db, actor, id));
}
