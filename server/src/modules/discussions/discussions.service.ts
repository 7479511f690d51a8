// Discussions' shared core: presenting threads and posts, loading a thread or post with the actor's access to its
// community (404 when they may not read it), and the small reads other modules and the live hub use.
import type { Post, ReactionKind, ThreadSummary } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { extractMentions } from '../../kernel/content/markdown.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { notFound, refuseUnlessUnavailable } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { loadCommunityAccess } from '../communities/index.ts';
import * as policy from './discussions.policy.ts';
import * as repo from './discussions.repo.ts';

/** Realtime channel of a thread (new replies, edits, reactions, acceptance). */
export const threadChannel = (id: string) => `thread:${id}`;

export type Access = Awaited<ReturnType<typeof loadCommunityAccess>>;

export function presentSummary(t: repo.ThreadListRow): ThreadSummary {
  return {
    id: t.id,
    communityId: t.communityId,
    kind: t.kind as ThreadSummary['kind'],
    title: t.title,
    author: { id: t.authorId, name: t.authorName, title: t.authorTitle },
    isPinned: t.isPinned,
    isLocked: t.isLocked,
    isSolved: t.acceptedPostId !== null,
    replyCount: t.replyCount,
    createdAt: toIso(t.createdAt),
    lastActivityAt: toIso(t.lastActivityAt),
    excerpt: t.excerpt,
  };
}

type ThreadRef = { authorId: string; kind: string; acceptedPostId: string | null };

/** What of a post differs between viewers: whether its text is hidden, their own reactions, what they may do. */
interface PostView {
  hidden: boolean;
  mine: boolean[];
  abilities: Post['abilities'];
}

export function postView(actor: Actor, access: Access, thread: ThreadRef, p: repo.PostListRow, isMine: (x: repo.PostListRow['reactions'][number]) => boolean): PostView {
  const hidden = p.deletedAt !== null && !policy.canSeeDeleted(access);
  const subject = { authorId: p.authorId, deletedAt: p.deletedAt };
  return {
    hidden,
    mine: hidden ? [] : p.reactions.map(isMine),
    abilities: {
      canEdit: policy.canEdit(actor, access, subject),
      canDelete: policy.canDelete(actor, access, subject),
      canAccept: !p.isFirst && !p.deletedAt && policy.canAccept(actor, access, thread),
      canReact: policy.canReact(access, subject),
      canSeeHistory: !hidden && p.editedAt !== null && policy.canSeeHistory(actor, access, subject),
    },
  };
}

/** A short key naming a view: posts presented with equal keys serialize to the same JSON. */
export function viewKey(v: PostView): string {
  const a = v.abilities;
  let key = v.hidden ? 'h' : 'v';
  key += `${+a.canEdit}${+a.canDelete}${+a.canAccept}${+a.canReact}${+a.canSeeHistory}`;
  for (const m of v.mine) key += m ? '1' : '0';
  return key;
}

export function presentPost(actor: Actor, access: Access, thread: ThreadRef, p: repo.PostListRow, view = postView(actor, access, thread, p, (x) => x.mine)): Post {
  const { hidden } = view;
  return {
    id: p.id,
    threadId: p.threadId,
    author: hidden ? null : { id: p.authorId, name: p.authorName, title: p.authorTitle, isExpert: p.isExpert },
    body: hidden ? '' : p.body,
    html: hidden ? '' : p.html,
    isFirst: p.isFirst,
    isAccepted: thread.acceptedPostId === p.id,
    replyToId: p.replyToId,
    createdAt: toIso(p.createdAt),
    editedAt: p.editedAt ? toIso(p.editedAt) : null,
    isDeleted: p.deletedAt !== null,
    reactions: hidden ? [] : p.reactions.map((r, i) => ({ kind: r.kind as ReactionKind, count: r.count, mine: view.mine[i] })),
    abilities: view.abilities,
  };
}

/** Loads a thread and the actor's access to its community; 404 when they may not read it (or it is deleted and they do not moderate). */
export async function loadThread(db: DbOrTx, actor: Actor, id: string) {
  const thread = await repo.selectThread(db, actor.orgId, id);
  if (!thread) throw notFound('That thread');
  const access: Access = await loadCommunityAccess(db, actor, thread.communityId).catch(refuseUnlessUnavailable(notFound('That thread')));
  if (!access.canRead || (thread.deletedAt && !policy.canSeeDeleted(access))) throw notFound('That thread');
  return { thread, access };
}

export async function loadPost(db: DbOrTx, actor: Actor, id: string) {
  const post = await repo.selectPost(db, actor.orgId, id);
  if (!post) throw notFound('That post');
  const { thread, access } = await loadThread(db, actor, post.threadId).catch(refuseUnlessUnavailable(notFound('That post')));
  // A deleted post stays addressable (it shows as a placeholder); its content is hidden by presentPost.
  return { post, thread, access };
}

/** Mentioned people who are active in the organization (others are ignored, not an error). */
export async function mentionsIn(db: DbOrTx, orgId: string, body: string, authorId: string) {
  const ids = extractMentions(body).filter((id) => id !== authorId);
  return (await repo.selectMentionable(db, orgId, ids)).map((r) => r.id);
}

/** One post as the actor sees it. */
export async function getPost(db: DbOrTx, actor: Actor, id: string): Promise<Post> {
  const { post, thread, access } = await loadPost(db, actor, id);
  const [row] = await repo.selectPostPage(db, post.threadId, actor.personId, { limit: 1, postId: post.id });
  return presentPost(actor, access, thread, row);
}

/** A thread the actor can read, as a short reference (other modules link to threads through this); 404 otherwise. */
export async function getThreadRef(db: DbOrTx, actor: Actor, id: string): Promise<{ id: string; title: string; communityId: string }> {
  const { thread } = await loadThread(db, actor, id);
  if (thread.deletedAt) throw notFound('That thread');
  return { id: thread.id, title: thread.title, communityId: thread.communityId };
}

/** Who may follow `thread:<id>`: people who can read it. */
export async function canFollowThread(db: DbOrTx, actor: Actor, id: string) {
  await loadThread(db, actor, id);
  return true;
}
