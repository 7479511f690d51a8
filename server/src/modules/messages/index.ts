// messages: owns direct-message conversations (one-to-one, unique per pair; small titled groups), their members with
// read positions, and messages (Markdown rendered and sanitized like posts). Emits: messages.conversation_started,
// .sent { conversationId, messageId, authorId, recipientIds }, .member_left; realtime `changed` (what: messages) on
// the person channel of every member. Consumes: none. Public surface: register(app, deps).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { messagesRoutes } from './messages.routes.ts';

/** Registers the routes (live updates go to person channels, which every socket already joins). */
export async function register(app: FastifyInstance, deps: AppDeps) {
  messagesRoutes(app, deps);
}
