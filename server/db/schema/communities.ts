import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { searchColumn } from './columns.ts';
import { organizations, people } from './orgs.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** Per-organization settings for communities (one row per org, created on first change). */
export const communitySettings = pgTable('community_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  /** anyone | admins */
  whoCanCreate: text('who_can_create').notNull().default('anyone'),
});

/** Communities of practice, interest groups, teams and cohort spaces. */
export const communities = pgTable(
  'communities',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgId(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind').notNull(),
    visibility: text('visibility').notNull(),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    rules: text('rules').notNull(),
    rulesHtml: text('rules_html').notNull(),
    rulesVersion: integer('rules_version').notNull().default(1),
    /** Denormalized counters, maintained in the same transaction as the change. */
    memberCount: integer('member_count').notNull().default(0),
    threadCount: integer('thread_count').notNull().default(0),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: searchColumn({ A: ['name'], B: ['description'] }),
  },
  (t) => [
    uniqueIndex('communities_org_slug_key').on(t.orgId, t.slug),
    index('communities_org_name_idx').on(t.orgId, t.name, t.id),
    index('communities_search_idx').using('gin', t.search),
  ],
);

/** Membership of a person in a community: active, requested (awaiting approval) or invited. */
export const communityMembers = pgTable(
  'community_members',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    orgId: orgId(),
    role: text('role').notNull().default('member'),
    status: text('status').notNull(),
    /** The rules version the member last accepted (0 = never). */
    rulesAccepted: integer('rules_accepted').notNull().default(0),
    since: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.personId] }), index('community_members_person_idx').on(t.personId, t.status)],
);

/** Members endorsing a colleague as an expert in a community. */
export const communityExperts = pgTable(
  'community_experts',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    endorsedBy: uuid('endorsed_by')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    orgId: orgId(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.personId, t.endorsedBy] })],
);

/** Discussion threads and Q&A questions; the body lives in the first post. */
export const threads = pgTable(
  'threads',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgId(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    isPinned: boolean('is_pinned').notNull().default(false),
    isLocked: boolean('is_locked').notNull().default(false),
    acceptedPostId: uuid('accepted_post_id').references((): AnyPgColumn => posts.id, { onDelete: 'set null' }),
    replyCount: integer('reply_count').notNull().default(0),
    /** Replies by someone other than the asker (for the "unanswered" view). */
    answerCount: integer('answer_count').notNull().default(0),
    excerpt: text('excerpt').notNull().default(''),
    createdAt: createdAt(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by'),
    search: searchColumn({ A: ['title'] }),
  },
  (t) => [index('threads_community_activity_idx').on(t.communityId, t.isPinned, t.lastActivityAt, t.id), index('threads_search_idx').using('gin', t.search)],
);

/** Posts of a thread (the first post holds the thread's body). */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgId(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    html: text('html').notNull(),
    isFirst: boolean('is_first').notNull().default(false),
    replyToId: uuid('reply_to_id').references((): AnyPgColumn => posts.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by'),
    search: searchColumn({ B: ['body'] }),
  },
  (t) => [
    index('posts_thread_created_idx').on(t.threadId, t.createdAt, t.id),
    index('posts_author_idx').on(t.authorId),
    index('posts_search_idx').using('gin', t.search),
    /** Newest posts of an organization first: lets search rank only the most recent matches of a very common word. */
    index('posts_org_created_idx').on(t.orgId, t.createdAt),
  ],
);

/** Earlier versions of edited posts. */
export const postRevisions = pgTable(
  'post_revisions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgId(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    editedBy: uuid('edited_by')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('post_revisions_post_idx').on(t.postId, t.createdAt)],
);

/** One reaction of one person on a post. */
export const postReactions = pgTable(
  'post_reactions',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    orgId: orgId(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.personId, t.kind] })],
);

/** People mentioned in a post (for notifications). */
export const postMentions = pgTable(
  'post_mentions',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    orgId: orgId(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.personId] }), index('post_mentions_person_idx').on(t.personId)],
);
