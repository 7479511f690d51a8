import { sql } from 'drizzle-orm';
import { check, date, index, uniqueIndex, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, orgIdColumn, personRef } from './columns.ts';
import { programs } from './programs.ts';
import { liveSessions } from './live-sessions.ts';

/** A reflective journal entry: private to its author unless shared entry by entry (journal_shares). */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    personId: personRef('person_id'),
    /** The program whose prompt the entry answers, when any. */
    programId: uuid('program_id').references(() => programs.id, { onDelete: 'set null' }),
    /** The prompt answered, copied when the entry was written. */
    prompt: text('prompt'),
    body: text('body').notNull(),
    /** The live session whose reflection segment wrote the entry (one entry per person and session). */
    liveSessionId: uuid('live_session_id').references(() => liveSessions.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('journal_entries_person_idx').on(t.personId, t.createdAt),
    uniqueIndex('journal_entries_live_uq').on(t.liveSessionId, t.personId),
  ],
);

/** One entry shared with one viewer (the author's manager or a named peer); deleting the row revokes the share. */
export const journalShares = pgTable(
  'journal_shares',
  {
    entryId: uuid('entry_id')
      .notNull()
      .references(() => journalEntries.id, { onDelete: 'cascade' }),
    viewerId: personRef('viewer_id'),
    orgId: orgIdColumn(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.viewerId] }), index('journal_shares_viewer_idx').on(t.viewerId)],
);

/** A program's journal prompts ("How will you use this next week?"), set by its facilitators. */
export const programJournalPrompts = pgTable('program_journal_prompts', {
  programId: uuid('program_id')
    .primaryKey()
    .references(() => programs.id, { onDelete: 'cascade' }),
  orgId: orgIdColumn(),
  /** string[] */
  prompts: jsonb('prompts').notNull().default(sql`'[]'::jsonb`),
});

/** A person's action plan, optionally tied to a program. */
export const actionPlans = pgTable(
  'action_plans',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    personId: personRef('person_id'),
    programId: uuid('program_id').references(() => programs.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_plans_person_idx').on(t.personId, t.createdAt)],
);

/** One item of a plan: due date, status and evidence (a link and/or a note). */
export const actionPlanItems = pgTable(
  'action_plan_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => actionPlans.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on'),
    /** todo | doing | done */
    status: text('status').notNull().default('todo'),
    evidenceUrl: text('evidence_url'),
    evidenceNote: text('evidence_note'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_plan_items_plan_idx').on(t.planId, t.position), check('action_plan_items_status_ck', sql`${t.status} in ('todo', 'doing', 'done')`)],
);

/** A named peer who helps with one item: sees and comments on that item only. */
export const actionItemPeers = pgTable(
  'action_item_peers',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => actionPlanItems.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.personId] }), index('action_item_peers_person_idx').on(t.personId)],
);

/** A comment on an item by its owner or one of its peers. */
export const actionItemComments = pgTable(
  'action_item_comments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => actionPlanItems.id, { onDelete: 'cascade' }),
    authorId: personRef('author_id'),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('action_item_comments_item_idx').on(t.itemId, t.createdAt)],
);

/** A program's plan template items (set by its facilitators); a member starts a plan from them. */
export const actionPlanTemplateItems = pgTable(
  'action_plan_template_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Days after the plan starts when the item falls due; null for no due date. */
    dueAfterDays: integer('due_after_days'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('action_plan_template_items_program_idx').on(t.programId, t.position)],
);
