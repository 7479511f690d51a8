// Moderation and thread state: deleting posts and threads, renaming, pinning and locking, accepting an answer.
import type { Post, Thread, UpdateThreadRequest } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import * as policy from './discussions.policy.ts';
import * as repo from './discussions.repo.ts';
import { getPost, loadPost, loadThread } from './discussions.service.ts';
import { getThread, notifyThread } from './discussions.threads.ts';

/** Soft-deletes a post (moderators still see it). Deleting the first post deletes the thread. */
export async function deletePost(deps: AppDeps, actor: Actor, id: string): Promise<Post> {
  const { threadId, communityId } = await deps.events.transaction(deps.db, async (tx, emit) => {
    const { post, thread, access } = await loadPost(tx, actor, id);
    if (!policy.canDelete(actor, access, post)) throw new AppError('FORBIDDEN', 'You can only delete your own posts.');
    await repo.lockThread(tx, thread.id);
    const now = new Date();
    await repo.updatePostRow(tx, post.id, { deletedAt: now, deletedBy: actor.personId });
    if (post.isFirst) {
      await repo.updateThreadRow(tx, thread.id, { deletedAt: now, deletedBy: actor.personId });
      await repo.countThread(tx, thread.communityId, -1);
    } else {
      await repo.uncountReply(tx, thread.id, post.authorId !== thread.authorId);
      if (thread.acceptedPostId === post.id) await repo.updateThreadRow(tx, thread.id, { acceptedPostId: null });
    }
    emit({ type: 'discussions.post_deleted', orgId: actor.orgId, payload: { postId: post.id, threadId: thread.id, communityId: thread.communityId, by: actor.personId, authorId: post.authorId } });
    return { threadId: thread.id, communityId: thread.communityId };
  });
  notifyThread(deps, threadId, communityId, 'post', id);
  return getPost(deps.db, actor, id);
}

/** Soft-deletes a thread: its author or a moderator. */
export async function deleteThread(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const { thread } = await loadThread(deps.db, actor, id);
  const [first] = await repo.selectPostPage(deps.db, thread.id, actor.personId, { limit: 1 });
  if (thread.deletedAt || !first) throw notFound('That thread');
  await deletePost(deps, actor, first.id);
}

/** Authors retitle their thread; moderators also pin and lock. */
export async function updateThread(deps: AppDeps, actor: Actor, id: string, input: UpdateThreadRequest): Promise<Thread> {
  const communityId = await deps.events.transaction(deps.db, async (tx, emit) => {
    const { thread, access } = await loadThread(tx, actor, id);
    const isAuthor = thread.authorId === actor.personId && access.canPost;
    if ((input.isPinned !== undefined || input.isLocked !== undefined) && !access.canModerate) throw new AppError('FORBIDDEN', 'Only moderators can pin or lock threads.');
    if (input.title !== undefined && !isAuthor && !access.canModerate) throw new AppError('FORBIDDEN', 'Only the author or a moderator can rename a thread.');
    await repo.updateThreadRow(tx, thread.id, input);
    emit({ type: 'discussions.thread_updated', orgId: actor.orgId, payload: { threadId: thread.id, communityId: thread.communityId, by: actor.personId, changes: Object.keys(input) } });
    return thread.communityId;
  });
  notifyThread(deps, id, communityId, 'thread', id);
  return getThread(deps.db, actor, id, { limit: 50 });
}

/** The asker or a moderator accepts a reply as the answer (or clears it with null). */
export async function acceptAnswer(deps: AppDeps, actor: Actor, id: string, postId: string | null): Promise<Thread> {
  const communityId = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockThread(tx, id);
    const { thread, access } = await loadThread(tx, actor, id);
    if (thread.kind !== 'question') throw new AppError('CONFLICT', 'Only questions have accepted answers.');
    if (!policy.canAccept(actor, access, thread)) throw new AppError('FORBIDDEN', 'Only the person who asked, or a moderator, can accept an answer.');
    if (postId) {
      const post = await repo.selectPost(tx, actor.orgId, postId);
      if (!post || post.threadId !== thread.id || post.isFirst || post.deletedAt) {
        throw new AppError('VALIDATION_FAILED', 'Choose a reply of this question.', { errors: [{ field: 'postId', message: 'Not a reply of this question' }] });
      }
      emit({ type: 'discussions.answer_accepted', orgId: actor.orgId, payload: { threadId: thread.id, postId, answererId: post.authorId, askerId: thread.authorId, communityId: thread.communityId, by: actor.personId } });
    }
    await repo.updateThreadRow(tx, thread.id, { acceptedPostId: postId });
    return thread.communityId;
  });
  notifyThread(deps, id, communityId, 'accepted', postId ?? undefined);
  return getThread(deps.db, actor, id, { limit: 50 });
}
