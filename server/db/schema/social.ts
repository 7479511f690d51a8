import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, jsonb } from 'drizzle-orm/pg-core';
import { createdAt, orgIdColumn, personRef } from './columns.ts';
import { communities } from './communities.ts';
import { people } from './orgs.ts';


/** In-app notifications, one row per recipient. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    personId: personRef('person_id'),
    /** mention | reply | answer | accepted | join_request | invited | message | … */
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => people.id, { onDelete: 'set null' }),
    /** What it is about (ids only), for links and de-duplication. */
    subject: jsonb('subject').notNull().default(sql`'{}'::jsonb`),
    title: text('title').notNull(),
    url: text('url').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    /** The domain event it was written for: handling that event again writes nothing (delivery is at least once). */
    eventId: bigint('event_id', { mode: 'number' }),
  },
  (t) => [
    index('notifications_person_created_idx').on(t.personId, t.createdAt, t.id),
    uniqueIndex('notifications_event_person_uq').on(t.eventId, t.personId, t.kind),
  ],
);

/** Per-person notification preferences and the one-click unsubscribe token (hash). */
export const notificationPrefs = pgTable(
  'notification_prefs',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
    emailMentions: boolean('email_mentions').notNull().default(true),
    emailAnswers: boolean('email_answers').notNull().default(true),
    emailMessages: boolean('email_messages').notNull().default(false),
    /** off | daily */
    digest: text('digest').notNull().default('daily'),
    /** Kinds the person does not want in-app. */
    muted: text('muted').array().notNull().default(sql`'{}'::text[]`),
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
  },
);

/**
 * One-click unsubscribe tokens, one per mail sent, stored only as hashes. Any of a person's tokens works for 90 days
 * (an old mail's link too), and again after use: unsubscribing is idempotent.
 */
export const unsubscribeTokens = pgTable(
  'unsubscribe_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
    createdAt: createdAt(),
  },
  (t) => [index('unsubscribe_tokens_person_idx').on(t.personId, t.createdAt)],
);

/** Direct-message conversations: one-to-one or small groups. */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    isGroup: boolean('is_group').notNull().default(false),
    title: text('title'),
    /** For one-to-one conversations: "<smaller id>:<larger id>", unique, so a pair has one conversation. */
    pairKey: text('pair_key'),
    createdBy: personRef('created_by'),
    createdAt: createdAt(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('conversations_pair_key').on(t.orgId, t.pairKey)],
);

/** Members of a conversation with their read position. */
export const conversationMembers = pgTable(
  'conversation_members',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }),
    joinedAt: createdAt(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.personId] }), index('conversation_members_person_idx').on(t.personId)],
);

/** Messages of a conversation (Markdown source plus sanitized HTML, like posts). */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    authorId: personRef('author_id'),
    body: text('body').notNull(),
    html: text('html').notNull(),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('messages_conversation_created_idx').on(t.conversationId, t.createdAt, t.id)],
);

/** People and tags a person follows (for the home feed). */
export const follows = pgTable(
  'follows',
  {
    followerId: personRef('follower_id'),
    orgId: orgIdColumn(),
    /** person | tag */
    targetKind: text('target_kind').notNull(),
    /** A person id or a lower-case tag. */
    target: text('target').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.followerId, t.targetKind, t.target] }), index('follows_target_idx').on(t.targetKind, t.target)],
);

/** Feed items written by event handlers (what happened, by whom, where); visibility follows the community. */
export const activities = pgTable(
  'activities',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgIdColumn(),
    /** Community it happened in; null = organization-wide (e.g. a library resource). */
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'cascade' }),
    actorId: personRef('actor_id'),
    /** thread_created | reply_posted | answer_accepted | resource_shared | pathway_published | member_joined | … */
    verb: text('verb').notNull(),
    /** thread | post | resource | pathway | community */
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** Title to show, captured when it happened. */
    title: text('title').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    /** The domain event it was written for: handling that event again writes nothing. */
    eventId: bigint('event_id', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('activities_event_uq').on(t.eventId),
    index('activities_org_id_idx').on(t.orgId, t.id),
    index('activities_community_id_idx').on(t.communityId, t.id),
    index('activities_actor_id_idx').on(t.actorId, t.id),
    index('activities_tags_idx').using('gin', t.tags),
  ],
);
