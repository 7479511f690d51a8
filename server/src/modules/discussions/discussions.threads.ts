// Reading threads: a community's thread list and the thread page, with its per-node cache (invalidated per
// community after every committed write, see notifyThread) and the hot route's JSON built once per view.
import type { FindThreadsQuery, GetThreadQuery, Thread, ThreadPage } from '../../../../contracts/index.ts';
import { Thread as ThreadContract } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { ScopedCache } from '../../kernel/cache.ts';
import { AppError, notFound, refuseUnlessUnavailable } from '../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../kernel/pagination.ts';
import { communityChannel, communityScope, findCommunityExperts, loadCommunityAccess } from '../communities/index.ts';
import * as policy from './discussions.policy.ts';
import * as repo from './discussions.repo.ts';
import { type Access, postView, presentPost, presentSummary, threadChannel, viewKey } from './discussions.service.ts';

/** After a committed write: drop cached thread pages of the community on every node, then tell followers. */
export function notifyThread(deps: AppDeps, threadId: string, communityId: string, what: string, id?: string, opts: { list?: boolean } = {}) {
  invalidateThreadPages(deps, communityId);
  void deps.hub.changed(threadChannel(threadId), what, id);
  if (opts.list === false) return;
  void deps.hub.changed(communityChannel(communityId), 'threads', threadId);
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
