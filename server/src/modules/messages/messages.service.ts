import type {
  ConversationPage,
  ConversationSummary,
  CreateConversationRequest,
  FindConversationsQuery,
  FindMessagesQuery,
  Message,
  MessagePage,
} from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { plainExcerpt, renderMarkdown } from '../../kernel/content/markdown.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../kernel/pagination.ts';
import { toIso } from '../../kernel/time.ts';
import { personChannel } from '../presence/index.ts';
import * as policy from './messages.policy.ts';
import * as repo from './messages.repo.ts';
import { imageHostsOf } from '../organizations/index.ts';

/** Tells each member's sockets (every node) that a conversation changed: ids only, never content. */
function publishTo(deps: AppDeps, personIds: string[], conversationId: string) {
  for (const id of personIds) {
    const channel = personChannel(id);
    void deps.hub.changed(channel, 'messages', conversationId);
  }
}

function presentConversation(r: repo.ConversationRow): ConversationSummary {
  return {
    id: r.id,
    isGroup: r.isGroup,
    title: r.title,
    members: r.members ?? [],
    lastMessageAt: r.lastMessageAt ? toIso(r.lastMessageAt) : null,
    lastMessagePreview: r.lastBody === null ? null : plainExcerpt(r.lastBody, 140),
    unreadCount: r.unreadCount,
    canLeave: policy.canLeave(r),
  };
}

const presentMessage = (actor: Actor, m: repo.MessageRow): Message => ({
  id: m.id,
  conversationId: m.conversationId,
  author: { id: m.authorId, name: m.authorName, title: m.authorTitle },
  body: m.body,
  html: m.html,
  createdAt: toIso(m.createdAt),
  mine: m.authorId === actor.personId,
});

/** The conversation when the actor is in it; 404 otherwise (it does not exist for them). */
async function loadMembership(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const c = await repo.selectMembership(db, actor.orgId, id, actor.personId, lock);
  if (!c) throw notFound('That conversation');
  return c;
}

/** The actor's conversations, most recently active first. */
export async function findConversations(db: DbOrTx, actor: Actor, q: FindConversationsQuery): Promise<ConversationPage> {
  const after = q.cursor ? decodeCursor<[string, string]>(q.cursor, 2) : undefined;
  const rows = await repo.selectConversationPage(db, actor.personId, { after, limit: q.limit + 1 });
  return toPage(rows, q.limit, presentConversation, (r) => [r.k, r.id]);
}

/** One conversation of the actor. */
export async function getConversation(db: DbOrTx, actor: Actor, id: string): Promise<ConversationSummary> {
  await loadMembership(db, actor, id);
  const [row] = await repo.selectConversationPage(db, actor.personId, { id, limit: 1 });
  if (!row) throw notFound('That conversation');
  return presentConversation(row);
}

/**
 * Starts a conversation with active people of the actor's organization: one person = their one-to-one conversation
 * (the existing one is returned, `created` false); 2–8 people = a new titled group. Unknown, deactivated or other
 * organizations' people are 404.
 */
export async function createConversation(deps: AppDeps, actor: Actor, input: CreateConversationRequest) {
  const others = [...new Set(input.personIds)].filter((id) => id !== actor.personId);
  const problem = policy.conversationProblem(others, input.title);
  if (problem) throw new AppError('VALIDATION_FAILED', 'This conversation cannot be started.', { errors: [problem] });
  const active = await repo.selectActivePeople(deps.db, actor.orgId, others);
  if (active.length !== others.length) throw notFound('That person');
  const { id, created } = await deps.events.transaction(deps.db, async (tx, emit) => {
    const members = [actor.personId, ...others];
    const c =
      others.length === 1
        ? await repo.upsertPairConversation(tx, actor.orgId, policy.pairKey(actor.personId, others[0]), actor.personId)
        : { id: await repo.insertGroupConversation(tx, actor.orgId, input.title as string, actor.personId), created: true };
    if (c.created) {
      await repo.insertMembers(tx, actor.orgId, c.id, members);
      emit({ type: 'messages.conversation_started', orgId: actor.orgId, payload: { conversationId: c.id, personId: actor.personId, memberIds: members } });
    }
    return c;
  });
  if (created) publishTo(deps, others, id);
  return { conversation: await getConversation(deps.db, actor, id), created };
}

/** A page of a conversation's messages, newest first (members only). */
export async function findMessages(db: DbOrTx, actor: Actor, id: string, q: FindMessagesQuery): Promise<MessagePage> {
  await loadMembership(db, actor, id);
  const after = q.cursor ? decodeCursor<[string, string]>(q.cursor, 2) : undefined;
  const rows = await repo.selectMessagePage(db, id, { after, limit: q.limit + 1 });
  return toPage(rows, q.limit, (m) => presentMessage(actor, m), (m) => [m.k, m.id]);
}

/** Sends a message (Markdown rendered and sanitized like posts) and tells every member's sockets. */
export async function sendMessage(deps: AppDeps, actor: Actor, id: string, body: string): Promise<Message> {
  const { message, memberIds } = await deps.events.transaction(deps.db, async (tx, emit) => {
    await loadMembership(tx, actor, id, true);
    const message = await repo.insertMessage(tx, { orgId: actor.orgId, conversationId: id, authorId: actor.personId, body, html: renderMarkdown(body, await imageHostsOf(tx, actor.orgId)) });
    const memberIds = await repo.selectMemberIds(tx, id);
    emit({
      type: 'messages.sent',
      orgId: actor.orgId,
      payload: { conversationId: id, messageId: message.id, authorId: actor.personId, recipientIds: memberIds.filter((m) => m !== actor.personId) },
    });
    return { message, memberIds };
  });
  publishTo(deps, memberIds, id);
  return presentMessage(actor, message);
}

/** The actor has read the conversation up to now. */
export async function markConversationRead(deps: AppDeps, actor: Actor, id: string) {
  await loadMembership(deps.db, actor, id);
  await repo.markRead(deps.db, id, actor.personId);
  publishTo(deps, [actor.personId], id);
}

/** The actor leaves a group conversation (409 for one-to-one); the others are told live. */
export async function leaveConversation(deps: AppDeps, actor: Actor, id: string) {
  const remaining = await deps.events.transaction(deps.db, async (tx, emit) => {
    const c = await loadMembership(tx, actor, id, true);
    if (!policy.canLeave(c)) throw new AppError('CONFLICT', 'A one-to-one conversation cannot be left.');
    await repo.markLeft(tx, id, actor.personId);
    emit({ type: 'messages.member_left', orgId: actor.orgId, payload: { conversationId: id, personId: actor.personId } });
    return repo.selectMemberIds(tx, id);
  });
  publishTo(deps, [actor.personId, ...remaining], id);
}

/** Unread messages over all the actor's conversations (for the navigation badge). */
export async function countUnreadMessages(db: DbOrTx, actor: Actor) {
  return { count: await repo.countUnread(db, actor.personId) };
}
