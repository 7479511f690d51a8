// Posting: starting a thread, replying, editing one's post (its history kept), reactions and earlier versions.
import type { CreateReplyRequest, CreateThreadRequest, Post, PostRevisions, ReactionKind, Thread } from '../../../../contracts/index.ts';
import { CreateThreadRequest as CreateThreadSchema } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { plainExcerpt, renderMarkdown } from '../../kernel/content/markdown.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { assertCanPost, loadCommunityAccess } from '../communities/index.ts';
import * as policy from './discussions.policy.ts';
import * as repo from './discussions.repo.ts';
import { getPost, loadPost, loadThread, mentionsIn } from './discussions.service.ts';
import { getThread, notifyThread } from './discussions.threads.ts';
import { imageHostsOf } from '../organizations/index.ts';

/** Starts a thread: the thread and its first post are written in one transaction. */
export async function createThread(deps: AppDeps, actor: Actor, communityId: string, raw: CreateThreadRequest): Promise<Thread> {
  const input = CreateThreadSchema.parse(raw);
  const id = await deps.events.transaction(deps.db, async (tx, emit) => {
    const access = await loadCommunityAccess(tx, actor, communityId);
    assertCanPost(access);
    if (input.kind === 'announcement' && !policy.canAnnounce(access)) throw new AppError('FORBIDDEN', 'Only moderators can post announcements.');
    const c = access.community;
    const now = new Date();
    const thread = await repo.insertThread(tx, {
      orgId: actor.orgId,
      communityId: c.id,
      authorId: actor.personId,
      kind: input.kind,
      title: input.title,
      isPinned: input.kind === 'announcement',
      excerpt: plainExcerpt(input.body),
      createdAt: now,
      lastActivityAt: now,
    });
    const post = await repo.insertPost(tx, {
      orgId: actor.orgId,
      threadId: thread.id,
      communityId: c.id,
      authorId: actor.personId,
      body: input.body,
      html: renderMarkdown(input.body, await imageHostsOf(tx, actor.orgId)),
      isFirst: true,
      createdAt: now,
    });
    await repo.countThread(tx, c.id, 1, now);
    const mentioned = await mentionsIn(tx, actor.orgId, input.body, actor.personId);
    await repo.insertMentions(tx, actor.orgId, post.id, mentioned);
    emit({ type: 'discussions.thread_created', orgId: actor.orgId, payload: { threadId: thread.id, communityId: c.id, personId: actor.personId, kind: input.kind } });
    if (mentioned.length) emit({ type: 'discussions.mentioned', orgId: actor.orgId, payload: { postId: post.id, threadId: thread.id, communityId: c.id, personIds: mentioned, by: actor.personId } });
    return thread.id;
  });
  notifyThread(deps, id, communityId, 'thread', id);
  return getThread(deps.db, actor, id, { limit: 50 });
}

/** Replies to a thread (optionally quoting a post of the same thread). Locked threads refuse with 409. */
export async function replyToThread(deps: AppDeps, actor: Actor, threadId: string, input: CreateReplyRequest): Promise<Post> {
  const { postId, communityId } = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockThread(tx, threadId);
    const { thread, access } = await loadThread(tx, actor, threadId);
    if (thread.deletedAt) throw notFound('That thread');
    assertCanPost(access);
    if (thread.isLocked) throw new AppError('THREAD_LOCKED', 'This thread is locked: no new replies.');
    if (input.replyToId) {
      const quoted = await repo.selectPost(tx, actor.orgId, input.replyToId);
      if (!quoted || quoted.threadId !== thread.id) {
        throw new AppError('VALIDATION_FAILED', 'You can only quote a post of the same thread.', { errors: [{ field: 'replyToId', message: 'Not a post of this thread' }] });
      }
    }
    const now = new Date();
    const post = await repo.insertPost(tx, {
      orgId: actor.orgId,
      threadId: thread.id,
      communityId: thread.communityId,
      authorId: actor.personId,
      body: input.body,
      html: renderMarkdown(input.body, await imageHostsOf(tx, actor.orgId)),
      replyToId: input.replyToId ?? null,
      createdAt: now,
    });
    await repo.countReply(tx, thread.id, thread.communityId, actor.personId !== thread.authorId, now);
    const mentioned = await mentionsIn(tx, actor.orgId, input.body, actor.personId);
    await repo.insertMentions(tx, actor.orgId, post.id, mentioned);
    const base = { postId: post.id, threadId: thread.id, communityId: thread.communityId };
    emit({ type: 'discussions.reply_posted', orgId: actor.orgId, payload: { ...base, personId: actor.personId, threadAuthorId: thread.authorId, kind: thread.kind } });
    if (mentioned.length) emit({ type: 'discussions.mentioned', orgId: actor.orgId, payload: { ...base, personIds: mentioned, by: actor.personId } });
    return { postId: post.id, communityId: thread.communityId };
  });
  notifyThread(deps, threadId, communityId, 'post', postId);
  return getPost(deps.db, actor, postId);
}

/** Edits a post: the old text goes to the history; mentions are recorded again. */
export async function editPost(deps: AppDeps, actor: Actor, id: string, body: string): Promise<Post> {
  const { threadId, communityId } = await deps.events.transaction(deps.db, async (tx, emit) => {
    const { post, thread, access } = await loadPost(tx, actor, id);
    if (!policy.canEdit(actor, access, post)) throw new AppError('FORBIDDEN', 'You can only edit your own posts.');
    if (thread.isLocked && !access.canModerate) throw new AppError('THREAD_LOCKED', 'This thread is locked.');
    if (body === post.body) return { threadId: thread.id, communityId: thread.communityId };
    await repo.insertRevision(tx, { orgId: actor.orgId, postId: post.id, body: post.body, editedBy: actor.personId });
    await repo.updatePostRow(tx, post.id, { body, html: renderMarkdown(body, await imageHostsOf(tx, actor.orgId)), editedAt: new Date() });
    if (post.isFirst) await repo.updateThreadRow(tx, thread.id, { excerpt: plainExcerpt(body) });
    const mentioned = await mentionsIn(tx, actor.orgId, body, post.authorId);
    await repo.insertMentions(tx, actor.orgId, post.id, mentioned);
    emit({ type: 'discussions.post_edited', orgId: actor.orgId, payload: { postId: post.id, threadId: thread.id, communityId: thread.communityId, by: actor.personId } });
    return { threadId: thread.id, communityId: thread.communityId };
  });
  notifyThread(deps, threadId, communityId, 'post', id, { list: false });
  return getPost(deps.db, actor, id);
}

/** Adds or removes the actor's reaction. */
export async function reactToPost(deps: AppDeps, actor: Actor, id: string, kind: ReactionKind, on: boolean): Promise<Post> {
  const { post, access } = await loadPost(deps.db, actor, id);
  if (!policy.canReact(access, post)) throw new AppError('FORBIDDEN', 'Join the community to react to posts.');
  const changed = await deps.events.transaction(deps.db, async (tx, emit) => {
    const did = await repo.setReaction(tx, { postId: post.id, personId: actor.personId, kind, orgId: actor.orgId }, on);
    if (did && on) emit({ type: 'discussions.reaction_added', orgId: actor.orgId, payload: { postId: post.id, threadId: post.threadId, authorId: post.authorId, personId: actor.personId, kind } });
    return did;
  });
  if (changed) notifyThread(deps, post.threadId, post.communityId, 'reaction', id, { list: false });
  return getPost(deps.db, actor, id);
}

/** Earlier versions of a post: its author and moderators. */
export async function findPostRevisions(db: DbOrTx, actor: Actor, id: string): Promise<PostRevisions> {
  const { post, access } = await loadPost(db, actor, id);
  if (!policy.canSeeHistory(actor, access, post) || (post.deletedAt && !policy.canSeeDeleted(access))) throw new AppError('FORBIDDEN', 'Only the author and moderators can see earlier versions.');
  const rows = await repo.selectRevisions(db, post.id);
  return { items: rows.map((r) => ({ body: r.body, editedBy: { id: r.editedById, name: r.editedByName, title: r.editedByTitle }, editedAt: toIso(r.createdAt) })) };
}
