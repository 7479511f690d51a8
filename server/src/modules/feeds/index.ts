// feeds: owns follows (people and tags) and activities (the feed items), written only by its own event handlers.
// Emits: feeds.followed. Consumes: discussions.thread_created, .reply_posted, .answer_accepted, communities.created,
// .member_joined, resources.shared, pathways.published. Feed visibility mirrors communities.policy canRead in SQL.
// Public surface: register(app, deps).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { registerFeedHandlers } from './feeds.events.ts';
import { feedsRoutes } from './feeds.routes.ts';

/** Registers the feed and follow routes and the handlers that write activities. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  feedsRoutes(app, deps);
  registerFeedHandlers(deps);
}
