import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConversationPage,
  ConversationSummary,
  CreateConversationRequest,
  FindConversationsQuery,
  FindMessagesQuery,
  Id,
  Message,
  MessagePage,
  SendMessageRequest,
  UnreadCountResponse,
} from '../../../../contracts/index.ts';
import { FailureLimiter } from '../../kernel/auth/failure-limiter.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as service from './messages.service.ts';

const IdParams = z.object({ id: Id });

/** HTTP routes of the messages module. */
export function messagesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['messages'];
  // Sending is limited per person (sliding window), so one account cannot flood colleagues.
  const sent = new FailureLimiter(deps.config.MESSAGES_PER_MINUTE, 60_000);
  const sendingLimit = async (req: FastifyRequest) => {
    const actor = requireActor(req);
    const wait = sent.retryAfter(actor.personId);
    if (wait) throw new AppError('RATE_LIMITED', `You are sending messages very fast. Please wait ${wait} seconds.`, { retryAfterSeconds: wait });
    sent.fail(actor.personId);
  };

  r.get('/api/conversations', { schema: { tags, querystring: FindConversationsQuery, response: { 200: ConversationPage } } }, (req) =>
    service.findConversations(deps.db, requireActor(req), req.query),
  );
  r.get('/api/conversations/unread-count', { schema: { tags, response: { 200: UnreadCountResponse } } }, (req) =>
    service.countUnreadMessages(deps.db, requireActor(req)),
  );
  r.post('/api/conversations', { schema: { tags, body: CreateConversationRequest, response: { 200: ConversationSummary, 201: ConversationSummary } } }, async (req, reply) => {
    const { conversation, created } = await service.createConversation(deps, requireActor(req), req.body);
    return reply.code(created ? 201 : 200).send(conversation);
  });
  r.get('/api/conversations/:id', { schema: { tags, params: IdParams, response: { 200: ConversationSummary } } }, (req) =>
    service.getConversation(deps.db, requireActor(req), req.params.id),
  );
  r.get('/api/conversations/:id/messages', { schema: { tags, params: IdParams, querystring: FindMessagesQuery, response: { 200: MessagePage } } }, (req) =>
    service.findMessages(deps.db, requireActor(req), req.params.id, req.query),
  );
  r.post(
    '/api/conversations/:id/messages',
    { schema: { tags, params: IdParams, body: SendMessageRequest, response: { 201: Message } }, preHandler: sendingLimit },
    async (req, reply) => reply.code(201).send(await service.sendMessage(deps, requireActor(req), req.params.id, req.body.body)),
  );
  r.post('/api/conversations/:id/read', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.markConversationRead(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.post('/api/conversations/:id/leave', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.leaveConversation(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
}
