import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FeedPage, FeedQuery, FollowRequest, FollowsResponse, FollowSuggestions, FollowSuggestionsQuery, Id, UnfollowParams } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as service from './feeds.service.ts';

/** HTTP routes of the feeds module. */
export function feedsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['feeds'];
  r.get('/api/feed/home', { schema: { tags, querystring: FeedQuery, response: { 200: FeedPage } } }, (req) => service.findHomeFeed(deps.db, requireActor(req), req.query));
  r.get('/api/communities/:id/feed', { schema: { tags, params: z.object({ id: Id }), querystring: FeedQuery, response: { 200: FeedPage } } }, (req) =>
    service.findCommunityFeed(deps.db, requireActor(req), req.params.id, req.query),
  );
  r.get('/api/follows', { schema: { tags, response: { 200: FollowsResponse } } }, (req) => service.findFollows(deps.db, requireActor(req)));
  r.get('/api/follows/suggestions', { schema: { tags, querystring: FollowSuggestionsQuery, response: { 200: FollowSuggestions } } }, (req) =>
    service.findFollowSuggestions(deps.db, requireActor(req), req.query),
  );
  r.put('/api/follows', { schema: { tags, body: FollowRequest, response: { 200: FollowsResponse } } }, (req) => service.follow(deps, requireActor(req), req.body));
  r.delete('/api/follows/:kind/:target', { schema: { tags, params: UnfollowParams, response: { 200: FollowsResponse } } }, (req) =>
    service.unfollow(deps, requireActor(req), req.params),
  );
}
