import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, orgIdColumn, personRef, searchColumn } from './columns.ts';
import { communities, threads } from './communities.ts';

const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const communityRef = () => uuid('community_id').references(() => communities.id, { onDelete: 'cascade' });

/** Uploaded files (images, audio, phone video, PDF) stored under HEARTH_DATA_DIR/media; served only to people allowed to see what they are attached to. */
export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    ownerId: personRef('owner_id'),
    /** The community it was uploaded into (null = only the owner and what it gets attached to). */
    communityId: communityRef(),
    /** image | audio | video | pdf */
    kind: text('kind').notNull(),
    /** MIME type detected from the content (not the name). */
    mime: text('mime').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** Path relative to the media root. */
    storageKey: text('storage_key').notNull(),
    originalName: text('original_name').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('media_owner_idx').on(t.ownerId)],
);

/** Shared learning resources: links (article, video, podcast, webinar, course, book, other) or uploaded media. */
export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    /** Community it was shared in; null = the organization's open library. */
    communityId: communityRef(),
    authorId: personRef('author_id'),
    type: text('type').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    url: text('url'),
    mediaId: uuid('media_id').references(() => media.id, { onDelete: 'set null' }),
    durationMinutes: integer('duration_minutes'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    ratingSum: integer('rating_sum').notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    search: searchColumn({ A: ['title'], B: ['summary'] }),
  },
  (t) => [
    index('resources_community_created_idx').on(t.communityId, t.createdAt, t.id),
    index('resources_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('resources_tags_idx').using('gin', t.tags),
    index('resources_search_idx').using('gin', t.search),
  ],
);

/** One rating (1–5) with an optional review per person and resource. */
export const resourceReviews = pgTable(
  'resource_reviews',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
    rating: smallint('rating').notNull(),
    review: text('review').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.personId] })],
);

/** Curated collections ("top 5 podcasts for new leaders"). */
export const collections = pgTable(
  'collections',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    communityId: communityRef(),
    ownerId: personRef('owner_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('collections_community_idx').on(t.communityId), index('collections_owner_idx').on(t.ownerId)],
);

/** Resources in a collection, ordered. */
export const collectionItems = pgTable(
  'collection_items',
  {
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
    position: integer('position').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.collectionId, t.resourceId] })],
);

/** Learning pathways anyone can create: ordered steps, enrollment, progress. */
export const pathways = pgTable(
  'pathways',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    communityId: communityRef(),
    authorId: personRef('author_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** draft | published */
    status: text('status').notNull().default('draft'),
    isFeatured: boolean('is_featured').notNull().default(false),
    featuredBy: uuid('featured_by'),
    enrolledCount: integer('enrolled_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    search: searchColumn({ A: ['title'], B: ['description'] }),
  },
  (t) => [index('pathways_org_idx').on(t.orgId, t.isFeatured, t.createdAt), index('pathways_community_idx').on(t.communityId), index('pathways_search_idx').using('gin', t.search)],
);

/** Steps of a pathway: a resource, a discussion thread, or a task with a due date. */
export const pathwaySteps = pgTable(
  'pathway_steps',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    pathwayId: uuid('pathway_id')
      .notNull()
      .references(() => pathways.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
    position: integer('position').notNull(),
    /** resource | discussion | task */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    instructions: text('instructions').notNull().default(''),
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'set null' }),
    threadId: uuid('thread_id').references(() => threads.id, { onDelete: 'set null' }),
    dueDate: date('due_date'),
    createdAt: createdAt(),
  },
  (t) => [index('pathway_steps_pathway_idx').on(t.pathwayId, t.position)],
);

/** Who is enrolled in a pathway; each person may hide their progress from peers. */
export const pathwayEnrollments = pgTable(
  'pathway_enrollments',
  {
    pathwayId: uuid('pathway_id')
      .notNull()
      .references(() => pathways.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
    hideProgress: boolean('hide_progress').notNull().default(false),
    enrolledAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.pathwayId, t.personId] }), index('pathway_enrollments_person_idx').on(t.personId)],
);

/** A pathway assigned to a person with a due date (by an org admin, facilitator or the pathway's author); one reminder before it. */
export const pathwayAssignments = pgTable(
  'pathway_assignments',
  {
    pathwayId: uuid('pathway_id')
      .notNull()
      .references(() => pathways.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
    assignedBy: uuid('assigned_by'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** When the reminder before the due date was claimed (null until then; claimed once across nodes). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.pathwayId, t.personId] }), index('pathway_assignments_due_idx').on(t.dueOn).where(sql`reminded_at is null`), index('pathway_assignments_person_idx').on(t.personId)],
);

/** Steps a person marked done. */
export const pathwayProgress = pgTable(
  'pathway_progress',
  {
    stepId: uuid('step_id')
      .notNull()
      .references(() => pathwaySteps.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    pathwayId: uuid('pathway_id')
      .notNull()
      .references(() => pathways.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
    doneAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.stepId, t.personId] }), index('pathway_progress_pathway_person_idx').on(t.pathwayId, t.personId)],
);

