import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, orgIdColumn, personRef } from './columns.ts';
import { people } from './orgs.ts';


/** A person's offer to mentor: skills with level, topics, capacity, availability and preferences. One per person. */
export const mentorProfiles = pgTable('mentor_profiles', {
  personId: personRef('person_id').primaryKey(),
  orgId: orgIdColumn(),
  /** [{ skill, level 1–5 }] */
  skills: jsonb('skills').notNull().default(sql`'[]'::jsonb`),
  /** Topics the mentor can support, e.g. "leadership". */
  topics: jsonb('topics').notNull().default(sql`'[]'::jsonb`),
  /** Most mentees at once (active matches count against it). */
  capacity: integer('capacity').notNull().default(1),
  availabilityHours: integer('availability_hours').notNull().default(1),
  /** Seniority level 1–8, when the person states it. */
  seniority: smallint('seniority'),
  /** { otherDepartment, sameLocation, seniorityGap: [min, max] } */
  preferences: jsonb('preferences').notNull().default(sql`'{}'::jsonb`),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A person's wish for a mentor: goals, skills wanted with target level, preferences. One per person. */
export const menteeProfiles = pgTable('mentee_profiles', {
  personId: personRef('person_id').primaryKey(),
  orgId: orgIdColumn(),
  goals: jsonb('goals').notNull().default(sql`'[]'::jsonb`),
  /** [{ skill, level 1–5 }] */
  skills: jsonb('skills').notNull().default(sql`'[]'::jsonb`),
  seniority: smallint('seniority'),
  /** { otherDepartment, sameLocation, seniorityGap: [min, max] } */
  preferences: jsonb('preferences').notNull().default(sql`'{}'::jsonb`),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A matching run: the previewed engine result, published as is (or not at all). */
export const mentoringMatchRuns = pgTable(
  'mentoring_match_runs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    /** optimal | fair | participation */
    mode: text('mode').notNull(),
    /** preview | published */
    status: text('status').notNull().default('preview'),
    /** The preview as returned to the admin (assignments with explanations, unmatched, total, worst-off). */
    result: jsonb('result').notNull(),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('mentoring_match_runs_org_idx').on(t.orgId, t.createdAt)],
);

/** A mentoring relationship: proposed, active or ended, from a program run or a request. */
export const mentoringMatches = pgTable(
  'mentoring_matches',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    mentorId: personRef('mentor_id'),
    menteeId: personRef('mentee_id'),
    score: integer('score').notNull(),
    /** Top contributing factors: [{ factor, points, reason }]. */
    explanation: jsonb('explanation').notNull().default(sql`'[]'::jsonb`),
    /** proposed | active | ended */
    status: text('status').notNull(),
    /** program | request */
    source: text('source').notNull(),
    runId: uuid('run_id').references(() => mentoringMatchRuns.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('mentoring_matches_mentor_idx').on(t.mentorId, t.status),
    index('mentoring_matches_mentee_idx').on(t.menteeId, t.status),
    uniqueIndex('mentoring_matches_open_pair_key').on(t.mentorId, t.menteeId).where(sql`status in ('proposed', 'active')`),
    check('mentoring_matches_status_check', sql`status in ('proposed', 'active', 'ended')`),
    check('mentoring_matches_source_check', sql`source in ('program', 'request')`),
  ],
);
