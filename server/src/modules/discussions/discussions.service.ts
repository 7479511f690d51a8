import type {
  CreateReplyRequest,
  CreateThreadRequest,
  FindThreadsQuery,
  GetThreadQuery,
  Post,
  PostRevisions,
  ReactionKind,
  Thread,
  ThreadPage,
  ThreadSummary,
  UpdateThreadRequest,
} from '../../../../contracts/index.ts';
import { CreateThreadRequest as CreateThreadSchema, Thread as ThreadContract } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { extractMentions, plainExcerpt, renderMarkdown } from '../../kernel/content/markdown.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { ScopedCache } from '../../kernel/cache.ts';
import { AppError, notFound, refuseUnlessUnavailable } from '../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../kernel/pagination.ts';
import { toIso } from '../../kernel/time.ts';
import { assertCanPost, communityChannel, communityScope, findCommunityExperts, loadCommunityAccess } from '../communities/index.ts';
import * as policy from './discussions.policy.ts';
import * as repo from './discussions.repo.ts';
import { imageHostsOf } from '../organizations/index.ts';

/** Realtime channel of a thread (new replies, edits, reactions, acceptance). */
export const threadChannel = (id: string) => `thread:${id}`;

type Access = Awaited<ReturnType<typeof loadCommunityAccess>>;

/** After a committed write: drop cached thread pages of the community on every node, then tell followers. */
function notifyThread(deps: AppDeps, threadId: string, communityId: string, what: string, id?: string, opts: { list?: boolean } = {}) {
  invalidateThreadPages(deps, communityId);
  void deps.hub.changed(threadChannel(threadId), what, id);
  if (opts.list === false) return;
  void deps.hub.changed(communityChannel(communityId), 'threads', threadId);
}

function presentSummary(t: repo.ThreadListRow): ThreadSummary {
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

function postView(actor: Actor, access: Access, thread: ThreadRef, p: repo.PostListRow, isMine: (x: repo.PostListRow['reactions'][number]) => boolean): PostView {
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
function viewKey(v: PostView): string {
  const a = v.abilities;
  let key = v.hidden ? 'h' : 'v';
  key += `${+a.canEdit}${+a.canDelete}${+a.canAccept}${+a.canReact}${+a.canSeeHistory}`;
  for (const m of v.mine) key += m ? '1' : '0';
  return key;
}

function presentPost(actor: Actor, access: Access, thread: ThreadRef, p: repo.PostListRow, view = postView(actor, access, thread, p, (x) => x.mine)): Post {
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
async function loadThread(db: DbOrTx, actor: Actor, id: string) {
  const thread = await repo.selectThread(db, actor.orgId, id);
  if (!thread) throw notFound('That thread');
  const access: Access = await loadCommunityAccess(db, actor, thread.communityId).catch(refuseUnlessUnavailable(notFound('That thread')));
  if (!access.canRead || (thread.deletedAt && !policy.canSeeDeleted(access))) throw notFound('That thread');
  return { thread, access };
}

async function loadPost(db: DbOrTx, actor: Actor, id: string) {
  const post = await repo.selectPost(db, actor.orgId, id);
  if (!post) throw notFound('That post');
  const { thread, access } = await loadThread(db, actor, post.threadId).catch(refuseUnlessUnavailable(notFound('That post')));
  // A deleted post stays addressable (it shows as a placeholder); its content is hidden by presentPost.
  return { post, thread, access };
}

/** Mentioned people who are active in the organization (others are ignored, not an error). */
async function mentionsIn(db: DbOrTx, orgId: string, body: string, authorId: string) {
  const ids = extractMentions(body).filter((id) => id !== authorId);
  return (await repo.selectMentionable(db, orgId, ids)).map((r) => r.id);
}

/** Threads of a community the actor can read. */
export async function findThreads(db: DbOrTx, actor: Actor, communityId: string, q: FindThreadsQuery): Promise<ThreadPage> {
  const access = await loadCommunityAccess(db, actor, communityId);
  if (!access.canRead) throw new AppError('FORBIDDEN', 'Only members can read this community’s discussions.');
  const after = q.cursor ? decodeCursor<[number, string, string]>(q.cursor, 3) : undefined;
  const rows = await repo.selectThreadPage(db, access.community.id, { filter: q.filter, after, limit: q.limit + 1 });
  return toPage(rows, q.limit, presentSummary, (r) => [r.isPinned ? 1 : 0, r.k, r.id]);
}

/** What a thread page shows to everyone (the viewer's own reactions and abilities are added per request). */
interface ThreadPageRows {
  thread: NonNullable<Awaited<ReturnType<typeof repo.selectThread>>>;
  rows: repo.PostListRow[];
  /** The accepted answer when it is not among `rows`. */
  accepted: repo.PostListRow | null;
  experts: { id: string; name: string; title: string | null }[];
}

async function loadThreadPageRows(db: DbOrTx, orgId: string, id: string, after: [string, string] | undefined, limit: number): Promise<ThreadPageRows | null> {
  const thread = await repo.selectThread(db, orgId, id);
  if (!thread) return null;
  const rows = await repo.selectPostPage(db, thread.id, NO_VIEWER, { after, limit: limit + 1 });
  const experts = thread.kind === 'question' ? (await findCommunityExperts(db, thread.communityId, 5)).map(({ id, name, title }) => ({ id, name, title })) : [];
  const acceptedId = thread.acceptedPostId;
  const accepted = acceptedId && !rows.slice(0, limit).some((r) => r.id === acceptedId) ? ((await repo.selectPostPage(db, thread.id, NO_VIEWER, { limit: 1, postId: acceptedId }))[0] ?? null) : null;
  return { thread, rows, experts, accepted };
}

// Reaction counts are loaded for nobody in particular; the viewer's own reactions come from one small query.
const NO_VIEWER = '00000000-0000-0000-0000-000000000000';
const threadPageCaches = new WeakMap<object, ScopedCache<ThreadPageRows>>();

/** Drops this app's cached thread pages of a community on every node (after a committed write). */
export function invalidateThreadPages(deps: AppDeps, communityId: string) {
  void threadPageCaches.get(deps.db)?.invalidate(communityScope(communityId));
}

/** Creates this app's cache of thread pages (the hottest read), invalidated per community by every discussion write. */
export function createThreadPageCache(deps: AppDeps, log?: (msg: string, err?: unknown) => void) {
  threadPageCaches.set(deps.db, new ScopedCache<ThreadPageRows>(deps.hub.bus, 'thread-pages', { ttlMs: 30_000, max: 5_000, log }));
}

/**
 * A thread with a page of posts, the community's experts (for questions) and what the actor may do. Outside a
 * transaction the viewer-independent part comes from a per-node cache scoped by community (authors, HTML, reaction
 * counts); access is still checked on every request, and the viewer's own reactions are read fresh.
 */
export async function getThread(db: DbOrTx, actor: Actor, id: string, q: GetThreadQuery): Promise<Thread> {
  const ctx = await loadThreadContext(db, actor, id, q);
  return presentThread(actor, ctx, q, viewsOf(actor, ctx, q));
}

interface ThreadContext {
  loaded: ThreadPageRows;
  access: Access;
  isMine: (postId: string, x: repo.PostListRow['reactions'][number]) => boolean;
  /** Whether `loaded` is a cached base shared between requests (immutable while cached). */
  cached: boolean;
}

async function loadThreadContext(db: DbOrTx, actor: Actor, id: string, q: GetThreadQuery): Promise<ThreadContext> {
  const after = q.cursor ? decodeCursor<[string, string]>(q.cursor, 2) : undefined;
  const cache = threadPageCaches.get(db);
  const loaded: ThreadPageRows | null | undefined = cache
    ? await cache.getOrLoad(`${actor.orgId}:${id}:${q.limit}:${q.cursor ?? ''}`, async () => {
        const v = await loadThreadPageRows(db, actor.orgId, id, after, q.limit);
        return v ? { scope: communityScope(v.thread.communityId), value: v } : null;
      })
    : await loadThreadPageRows(db, actor.orgId, id, after, q.limit);
  if (!loaded) throw notFound('That thread');
  const { thread } = loaded;
  const access = await loadCommunityAccess(db, actor, thread.communityId, { cached: true }).catch(refuseUnlessUnavailable(notFound('That thread')));
  if (!access.canRead || (thread.deletedAt && !policy.canSeeDeleted(access))) throw notFound('That thread');
  // The viewer's own reactions: from the cached reactor lists, or one small query when a post has very many.
  const all = loaded.accepted ? [...loaded.rows, loaded.accepted] : loaded.rows;
  const needQuery = all.some((r) => r.reactions.some((x) => !x.who));
  const reacted = needQuery ? await repo.selectMyReactions(db, actor.personId, all.map((r) => r.id)) : null;
  const isMine = (postId: string, x: { kind: string; who: string[] | null }) => (reacted ? reacted.has(`${postId}:${x.kind}`) : (x.who ?? []).includes(actor.personId));
  return { loaded, access, isMine, cached: !!cache };
}

/** Every viewer-dependent part of a page: the views of its posts (and of an accepted answer shown apart). */
function viewsOf(actor: Actor, { loaded, access, isMine }: ThreadContext, q: GetThreadQuery) {
  const view = (r: repo.PostListRow) => postView(actor, access, loaded.thread, r, (x) => isMine(r.id, x));
  return { posts: loaded.rows.slice(0, q.limit).map(view), accepted: loaded.accepted ? view(loaded.accepted) : null };
}

function replyBlockedReason(thread: ThreadPageRows['thread'], access: Access): string | null {
  if (thread.deletedAt) return 'This thread was deleted.';
  if (thread.isLocked) return 'This thread is locked: no new replies.';
  if (access.mustAcceptRules) return 'The community rules changed. Accept them to reply.';
  if (!access.canPost) return 'Join the community to reply.';
  return null;
}

function presentThread(actor: Actor, { loaded, access }: ThreadContext, q: GetThreadQuery, views: ReturnType<typeof viewsOf>): Thread {
  const { thread, experts } = loaded;
  const page = toPage(loaded.rows, q.limit, (p) => p, (r) => [r.k, r.id]);
  const posts = page.items.map((p, i) => presentPost(actor, access, thread, p, views.posts[i]));
  const blocked = replyBlockedReason(thread, access);
  return {
    ...presentSummary(thread),
    community: { id: access.community.id, name: access.community.name, slug: access.community.slug },
    acceptedPostId: thread.acceptedPostId,
    acceptedPost: loaded.accepted && views.accepted ? presentPost(actor, access, thread, loaded.accepted, views.accepted) : (posts.find((p) => p.id === thread.acceptedPostId) ?? null),
    posts,
    nextCursor: page.nextCursor,
    experts,
    abilities: { canReply: blocked === null, canModerate: access.canModerate, replyBlockedReason: blocked },
  };
}

// Cached page bases whose presentation has been checked against the Thread contract once; every viewer's page of a
// base has the same shape (only booleans differ), so the hot route can skip re-validating it per request.
const checkedBases = new WeakSet<object>();
// Serialized pages of cached bases, per page key (the views of all its posts and what the viewer may do).
const pageJsonByBase = new WeakMap<ThreadPageRows, Map<string, Buffer>>();
// Serialized posts of cached bases: per cached row (immutable while cached), per view key.
const postJsonByView = new WeakMap<repo.PostListRow, Map<string, string>>();

/** Keeps at most `max` entries per map: a handful of views cover almost everyone (reader, author, moderator). */
function memo<K extends object, V>(store: WeakMap<K, Map<string, V>>, owner: K, key: string, max: number, make: () => V): V {
  let views = store.get(owner);
  if (!views) store.set(owner, (views = new Map()));
  let value = views.get(key);
  if (value === undefined) {
    value = make();
    if (views.size < max) views.set(key, value);
  }
  return value;
}

/**
 * The thread page as UTF-8 JSON for the hot route. The viewer-dependent part of a page is small: per post a few
 * booleans (their own reactions, what they may do, whether a deleted post's text is hidden) and what they may do in
 * the thread. Those are computed per request into a page key; the page's JSON is built once per key and cached base
 * (checked against the contract once per base) and reused by every viewer who shares it.
 */
export async function getThreadJson(db: DbOrTx, actor: Actor, id: string, q: GetThreadQuery): Promise<Buffer | string> {
  const ctx = await loadThreadContext(db, actor, id, q);
  const views = viewsOf(actor, ctx, q);
  if (!ctx.cached) return JSON.stringify(presentThread(actor, ctx, q, views));
  const { loaded, access } = ctx;
  const postKeys = views.posts.map(viewKey);
  const acceptedKey = views.accepted ? viewKey(views.accepted) : '';
  const pageKey = `${+access.canModerate}\u0000${replyBlockedReason(loaded.thread, access) ?? ''}\u0000${access.community.name}\u0000${access.community.slug}\u0000${acceptedKey}\u0000${postKeys.join(',')}`;
  return memo(pageJsonByBase, loaded, pageKey, 16, () => {
    const thread = presentThread(actor, ctx, q, views);
    if (!checkedBases.has(loaded)) {
      ThreadContract.parse(thread);
      checkedBases.add(loaded);
    }
    const { posts, acceptedPost, ...head } = thread;
    const postsJson = posts.map((p, i) => memo(postJsonByView, loaded.rows[i], postKeys[i], 16, () => JSON.stringify(p)));
    const acceptedAt = acceptedPost ? posts.indexOf(acceptedPost) : -1;
    const acceptedJson = !acceptedPost ? 'null' : acceptedAt >= 0 ? postsJson[acceptedAt] : loaded.accepted ? memo(postJsonByView, loaded.accepted, acceptedKey, 16, () => JSON.stringify(acceptedPost)) : JSON.stringify(acceptedPost);
    const headJson = JSON.stringify(head);
    return Buffer.from(`${headJson.slice(0, -1)},"acceptedPost":${acceptedJson},"posts":[${postsJson.join(',')}]}`);
  });
}

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

/** One post as the actor sees it. */
export async function getPost(db: DbOrTx, actor: Actor, id: string): Promise<Post> {
  const { post, thread, access } = await loadPost(db, actor, id);
  const [row] = await repo.selectPostPage(db, post.threadId, actor.personId, { limit: 1, postId: post.id });
  return presentPost(actor, access, thread, row);
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
