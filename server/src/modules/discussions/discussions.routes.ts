import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptAnswerRequest,
  COMMUNITY_LIMITS,
  CreateReplyRequest,
  CreateThreadRequest,
  EditPostRequest,
  FindThreadsQuery,
  GetThreadQuery,
  Id,
  Post,
  PostRevisions,
  ReactionKind,
  ReactRequest,
  Thread,
  ThreadPage,
  UpdateThreadRequest,
} from '../../../../contracts/index.ts';
import { FailureLimiter } from '../../kernel/auth/failure-limiter.ts';
import { renderMarkdown } from '../../kernel/content/markdown.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { sendJson } from '../../kernel/http/json.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as moderation from './discussions.moderation.ts';
import * as posting from './discussions.posts.ts';
import * as service from './discussions.service.ts';
import * as threads from './discussions.threads.ts';
import { imageHostsOf } from '../organizations/index.ts';

const IdParams = z.object({ id: Id });

/** HTTP routes of the discussions module. */
export function discussionsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['discussions'];
  // Posting is limited per person (sliding window), so one account cannot flood a community.
  const posts = new FailureLimiter(deps.config.POSTS_PER_MINUTE, 60_000);
  const postingLimit = async (req: FastifyRequest) => {
    const actor = requireActor(req);
    const wait = posts.retryAfter(actor.personId);
    if (wait) throw new AppError('RATE_LIMITED', `You are posting very fast. Please wait ${wait} seconds.`, { retryAfterSeconds: wait });
    posts.fail(actor.personId);
  };

  r.get('/api/communities/:id/threads', { schema: { tags, params: IdParams, querystring: FindThreadsQuery, response: { 200: ThreadPage } } }, (req) =>
    threads.findThreads(deps.db, requireActor(req), req.params.id, req.query),
  );
  r.post(
    '/api/communities/:id/threads',
    { schema: { tags, params: IdParams, body: CreateThreadRequest, response: { 201: Thread } }, preHandler: postingLimit },
    async (req, reply) => reply.code(201).send(await posting.createThread(deps, requireActor(req), req.params.id, req.body)),
  );
  // The hottest read: its JSON is checked against the contract once per cached page and sent as is (see discussions.threads.ts).
  r.get('/api/threads/:id', { schema: { tags, params: IdParams, querystring: GetThreadQuery, response: { 200: Thread } } }, async (req, reply) =>
    sendJson(reply, await threads.getThreadJson(deps.db, requireActor(req), req.params.id, req.query)),
  );
  r.patch('/api/threads/:id', { schema: { tags, params: IdParams, body: UpdateThreadRequest, response: { 200: Thread } } }, (req) =>
    moderation.updateThread(deps, requireActor(req), req.params.id, req.body),
  );
  r.delete('/api/threads/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await moderation.deleteThread(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.post(
    '/api/threads/:id/posts',
    { schema: { tags, params: IdParams, body: CreateReplyRequest, response: { 201: Post } }, preHandler: postingLimit },
    async (req, reply) => reply.code(201).send(await posting.replyToThread(deps, requireActor(req), req.params.id, req.body)),
  );
  r.put('/api/threads/:id/accepted', { schema: { tags, params: IdParams, body: AcceptAnswerRequest, response: { 200: Thread } } }, (req) =>
    moderation.acceptAnswer(deps, requireActor(req), req.params.id, req.body.postId),
  );
  r.get('/api/posts/:id', { schema: { tags, params: IdParams, response: { 200: Post } } }, (req) => service.getPost(deps.db, requireActor(req), req.params.id));
  r.patch('/api/posts/:id', { schema: { tags, params: IdParams, body: EditPostRequest, response: { 200: Post } } }, (req) =>
    posting.editPost(deps, requireActor(req), req.params.id, req.body.body),
  );
  r.delete('/api/posts/:id', { schema: { tags, params: IdParams, response: { 200: Post } } }, (req) => moderation.deletePost(deps, requireActor(req), req.params.id));
  r.post('/api/posts/:id/reactions', { schema: { tags, params: IdParams, body: ReactRequest, response: { 200: Post } } }, (req) =>
    posting.reactToPost(deps, requireActor(req), req.params.id, req.body.kind, true),
  );
  r.delete(
    '/api/posts/:id/reactions/:kind',
    { schema: { tags, params: z.object({ id: Id, kind: ReactionKind }), response: { 200: Post } } },
    (req) => posting.reactToPost(deps, requireActor(req), req.params.id, req.params.kind, false),
  );
  r.get('/api/posts/:id/revisions', { schema: { tags, params: IdParams, response: { 200: PostRevisions } } }, (req) =>
    posting.findPostRevisions(deps.db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/markdown/preview',
    { schema: { tags, body: z.object({ body: z.string().max(COMMUNITY_LIMITS.postBody) }).strict(), response: { 200: z.object({ html: z.string() }) } } },
    async (req) => {
      const actor = requireActor(req);
      return { html: renderMarkdown(req.body.body, await imageHostsOf(deps.db, actor.orgId)) };
    },
  );
}
