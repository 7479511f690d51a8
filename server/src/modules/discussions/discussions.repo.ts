import { and, eq, sql, type SQL } from 'drizzle-orm';
import { postMentions, postReactions, postRevisions, posts, threads } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A threads row. */
export type ThreadRow = typeof threads.$inferSelect;
/** A posts row. */
export type PostRow = typeof posts.$inferSelect;

/** A thread list row with its author. */
export interface ThreadListRow {
  id: string;
  communityId: string;
  kind: string;
  title: string;
  authorId: string;
  authorName: string;
  authorTitle: string | null;
  isPinned: boolean;
  isLocked: boolean;
  acceptedPostId: string | null;
  replyCount: number;
  createdAt: Date | string;
  lastActivityAt: Date | string;
  excerpt: string;
  /** Full-precision keyset value (timestamptz as text). */
  k: string;
}

const threadColumns = sql`t.id, t.community_id as "communityId", t.kind, t.title, t.author_id as "authorId", a.name as "authorName",
  a.title as "authorTitle", t.is_pinned as "isPinned", t.is_locked as "isLocked", t.accepted_post_id as "acceptedPostId",
  t.reply_count as "replyCount", t.created_at as "createdAt", t.last_activity_at as "lastActivityAt", t.excerpt,
  t.last_activity_at::text as k`;

/** Threads of a community, pinned first then most recently active, keyset-paged; deleted ones left out. */
export function selectThreadPage(db: DbOrTx, communityId: string, f: { filter: string; after?: [number, string, string]; limit: number }) {
  const where: SQL[] = [sql`t.community_id = ${communityId}`, sql`t.deleted_at is null`];
  if (f.filter !== 'all') where.push(sql`t.kind = 'question'`);
  if (f.filter === 'unanswered') where.push(sql`t.answer_count = 0`);
  if (f.filter === 'unsolved') where.push(sql`t.accepted_post_id is null`);
  if (f.after) where.push(sql`(t.is_pinned, t.last_activity_at, t.id) < (${f.after[0] === 1}, ${f.after[1]}::timestamptz, ${f.after[2]}::uuid)`);
  return selectRows<ThreadListRow>(
    db,
    sql`select ${threadColumns} from threads t join people a on a.id = t.author_id
        where ${sql.join(where, sql` and `)}
        order by t.is_pinned desc, t.last_activity_at desc, t.id desc limit ${f.limit}`,
  );
}

/** One thread of an organization with its author, deleted or not. */
export function selectThread(db: DbOrTx, orgId: string, id: string) {
  return selectRow<ThreadListRow & { deletedAt: Date | string | null; orgId: string }>(
    db,
    sql`select ${threadColumns}, t.deleted_at as "deletedAt", t.org_id as "orgId"
        from threads t join people a on a.id = t.author_id where t.org_id = ${orgId} and t.id = ${id}`,
  );
}

/** A post row joined with what presenting it needs. */
export interface PostListRow {
  id: string;
  threadId: string;
  communityId: string;
  authorId: string;
  authorName: string;
  authorTitle: string | null;
  body: string;
  html: string;
  isFirst: boolean;
  replyToId: string | null;
  createdAt: Date | string;
  editedAt: Date | string | null;
  deletedAt: Date | string | null;
  /** Counts per kind; `who` lists the people when there are at most REACTORS_KEPT (so "mine" needs no query). */
  reactions: { kind: string; count: number; mine: boolean; who: string[] | null }[];
  isExpert: boolean;
  k: string;
}

/** Up to this many reactors per post and kind are loaded with the page, so a cached page can tell who reacted. */
export const REACTORS_KEPT = 50;

/** Posts of a thread in order with authors, reaction counts and expert flags: one indexed query. */
export function selectPostPage(db: DbOrTx, threadId: string, actorId: string, f: { after?: [string, string]; limit: number; postId?: string }) {
  const where: SQL[] = [sql`p.thread_id = ${threadId}`];
  if (f.after) where.push(sql`(p.created_at, p.id) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  if (f.postId) where.push(sql`p.id = ${f.postId}`);
  return selectRows<PostListRow>(
    db,
    sql`select p.id, p.thread_id as "threadId", p.community_id as "communityId", p.author_id as "authorId", a.name as "authorName",
          a.title as "authorTitle", p.body, p.html, p.is_first as "isFirst", p.reply_to_id as "replyToId", p.created_at as "createdAt",
          p.edited_at as "editedAt", p.deleted_at as "deletedAt", p.created_at::text as k,
          coalesce((select json_agg(json_build_object('kind', r.kind, 'count', r.n, 'mine', r.mine, 'who', r.who) order by r.kind)
                    from (select kind, count(*)::int as n, bool_or(person_id = ${actorId}) as mine,
                                 case when count(*) <= ${REACTORS_KEPT} then array_agg(person_id) end as who
                          from post_reactions where post_id = p.id group by kind) r), '[]'::json) as reactions,
          exists (select 1 from community_experts e where e.community_id = p.community_id and e.person_id = p.author_id) as "isExpert"
        from posts p join people a on a.id = p.author_id
        where ${sql.join(where, sql` and `)}
        order by p.created_at, p.id limit ${f.limit}`,
  );
}

/** One post of an organization. */
export async function selectPost(db: DbOrTx, orgId: string, id: string): Promise<PostRow | undefined> {
  const [row] = await db.select().from(posts).where(and(eq(posts.orgId, orgId), eq(posts.id, id)));
  return row;
}

/** Locks a thread row for the rest of the transaction (serializes replies, counters and acceptance). */
export async function lockThread(db: DbOrTx, id: string) {
  await db.execute(sql`select 1 from threads where id = ${id} for update`);
}

/** Inserts a thread. */
export async function insertThread(db: DbOrTx, values: typeof threads.$inferInsert) {
  const [row] = await db.insert(threads).values(values).returning();
  return row;
}

/** Inserts a post. */
export async function insertPost(db: DbOrTx, values: typeof posts.$inferInsert) {
  const [row] = await db.insert(posts).values(values).returning();
  return row;
}

/** Records who a post mentions. */
export async function insertMentions(db: DbOrTx, orgId: string, postId: string, personIds: string[]) {
  if (personIds.length) await db.insert(postMentions).values(personIds.map((personId) => ({ postId, personId, orgId }))).onConflictDoNothing();
}

/** Updates a thread's columns. */
export async function updateThreadRow(db: DbOrTx, id: string, values: Partial<typeof threads.$inferInsert>) {
  const [row] = await db.update(threads).set(values).where(eq(threads.id, id)).returning();
  return row;
}

/** Counts a new reply on its thread and community. */
export async function countReply(db: DbOrTx, threadId: string, communityId: string, byOther: boolean, at: Date) {
  await db.execute(
    sql`update threads set reply_count = reply_count + 1, answer_count = answer_count + ${byOther ? 1 : 0}, last_activity_at = ${at}
        where id = ${threadId}`,
  );
  await db.execute(sql`update communities set last_activity_at = ${at} where id = ${communityId}`);
}

/** Un-counts a deleted reply. */
export async function uncountReply(db: DbOrTx, threadId: string, byOther: boolean) {
  await db.execute(
    sql`update threads set reply_count = greatest(0, reply_count - 1), answer_count = greatest(0, answer_count - ${byOther ? 1 : 0}) where id = ${threadId}`,
  );
}

/** Adds to a community's thread counter and sets its last activity. */
export async function countThread(db: DbOrTx, communityId: string, delta: number, at?: Date) {
  await db.execute(
    at
      ? sql`update communities set thread_count = thread_count + ${delta}, last_activity_at = ${at} where id = ${communityId}`
      : sql`update communities set thread_count = greatest(0, thread_count + ${delta}) where id = ${communityId}`,
  );
}

/** Updates a post's columns. */
export async function updatePostRow(db: DbOrTx, id: string, values: Partial<typeof posts.$inferInsert>) {
  const [row] = await db.update(posts).set(values).where(eq(posts.id, id)).returning();
  return row;
}

/** Keeps an earlier version of a post. */
export async function insertRevision(db: DbOrTx, values: typeof postRevisions.$inferInsert) {
  await db.insert(postRevisions).values(values);
}

/** Earlier versions of a post, newest first, with who replaced them. */
export function selectRevisions(db: DbOrTx, postId: string) {
  return selectRows<{ body: string; editedById: string; editedByName: string; editedByTitle: string | null; createdAt: Date | string }>(
    db,
    sql`select r.body, r.edited_by as "editedById", p.name as "editedByName", p.title as "editedByTitle", r.created_at as "createdAt"
        from post_revisions r join people p on p.id = r.edited_by where r.post_id = ${postId} order by r.created_at desc`,
  );
}

/** Adds or removes one reaction; true when something changed. */
export async function setReaction(db: DbOrTx, v: { postId: string; personId: string; kind: string; orgId: string }, on: boolean) {
  if (on) {
    const rows = await db.insert(postReactions).values(v).onConflictDoNothing().returning();
    return rows.length > 0;
  }
  const rows = await db
    .delete(postReactions)
    .where(and(eq(postReactions.postId, v.postId), eq(postReactions.personId, v.personId), eq(postReactions.kind, v.kind)))
    .returning();
  return rows.length > 0;
}

/** Active people of the organization among the mentioned ids. */
export function selectMentionable(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string }[]);
  return selectRows<{ id: string }>(db, sql`select id from people where org_id = ${orgId} and status = 'active' and id in ${ids}`);
}

/** The reactions one person gave among some posts, as "postId:kind" keys. */
export async function selectMyReactions(db: DbOrTx, personId: string, postIds: string[]) {
  if (!postIds.length) return new Set<string>();
  const rows = await selectRows<{ postId: string; kind: string }>(
    db,
    sql`select post_id as "postId", kind from post_reactions where person_id = ${personId} and post_id in ${postIds}`,
  );
  return new Set(rows.map((r) => `${r.postId}:${r.kind}`));
}

/** Accepted answers per person (answers to someone else's live question), for ranking people who have helped before. */
export async function countAcceptedAnswers(db: DbOrTx, orgId: string, personIds: string[]): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await selectRows<{ personId: string; n: number }>(
    db,
    sql`select p.author_id as "personId", count(*)::int as n from threads t join posts p on p.id = t.accepted_post_id
        where t.org_id = ${orgId} and t.deleted_at is null and p.deleted_at is null and p.author_id <> t.author_id and p.author_id in ${personIds}
        group by p.author_id`,
  );
  return new Map(rows.map((r) => [r.personId, Number(r.n)]));
}
