import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    /** mentoring | coaching */
    kind: text('kind').notNull().default('mentoring'),
    createdAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => people.id, { onDelete: 'set null' }),
    /** When each partner was last reminded to check in (claimed by one node; see runCheckInReminders). */
    mentorRemindedAt: timestamp('mentor_reminded_at', { withTimezone: true }),
    menteeRemindedAt: timestamp('mentee_reminded_at', { withTimezone: true }),
  },
  (t) => [
    index('mentoring_matches_mentor_idx').on(t.mentorId, t.status),
    index('mentoring_matches_mentee_idx').on(t.menteeId, t.status),
    uniqueIndex('mentoring_matches_open_pair_key').on(t.mentorId, t.menteeId).where(sql`status in ('proposed', 'active')`),
    check('mentoring_matches_status_check', sql`status in ('proposed', 'active', 'ended')`),
    check('mentoring_matches_source_check', sql`source in ('program', 'request')`),
    check('mentoring_matches_kind_check', sql`kind in ('mentoring', 'coaching')`),
  ],
);

/** A mentee's request to a mentor (self-serve); accepting it creates a relationship. */
export const mentoringRequests = pgTable(
  'mentoring_requests',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    menteeId: personRef('mentee_id'),
    mentorId: personRef('mentor_id'),
    /** mentoring | coaching */
    kind: text('kind').notNull().default('mentoring'),
    message: text('message').notNull().default(''),
    /** open | accepted | declined | withdrawn */
    status: text('status').notNull().default('open'),
    responseMessage: text('response_message'),
    matchId: uuid('match_id').references(() => mentoringMatches.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mentoring_requests_open_pair_key').on(t.menteeId, t.mentorId).where(sql`status = 'open'`),
    index('mentoring_requests_mentor_idx').on(t.mentorId, t.status),
    index('mentoring_requests_mentee_idx').on(t.menteeId, t.status),
    check('mentoring_requests_status_check', sql`status in ('open', 'accepted', 'declined', 'withdrawn')`),
    check('mentoring_requests_kind_check', sql`kind in ('mentoring', 'coaching')`),
  ],
);

/** Agreed goals of a relationship with progress. */
export const mentoringGoals = pgTable(
  'mentoring_goals',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    matchId: uuid('match_id').notNull().references(() => mentoringMatches.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    progress: smallint('progress').notNull().default(0),
    /** open | in_progress | done | dropped */
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mentoring_goals_match_idx').on(t.matchId, t.createdAt),
    check('mentoring_goals_progress_check', sql`progress between 0 and 100`),
    check('mentoring_goals_status_check', sql`status in ('open', 'in_progress', 'done', 'dropped')`),
  ],
);

/** The meeting log of a relationship (each meeting has a calendar invite). */
export const mentoringMeetings = pgTable(
  'mentoring_meetings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    matchId: uuid('match_id').notNull().references(() => mentoringMatches.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    agenda: text('agenda').notNull().default(''),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('mentoring_meetings_match_idx').on(t.matchId, t.startsAt)],
);

/** Pair-private notes: only the two partners of the relationship ever read them. */
export const mentoringNotes = pgTable(
  'mentoring_notes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    matchId: uuid('match_id').notNull().references(() => mentoringMatches.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    html: text('html').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('mentoring_notes_match_idx').on(t.matchId, t.createdAt)],
);

/** Check-ins: a 1–5 rating (trend visible to program admins) and private text (its author only). */
export const mentoringCheckIns = pgTable(
  'mentoring_check_ins',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    matchId: uuid('match_id').notNull().references(() => mentoringMatches.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    rating: smallint('rating').notNull(),
    text: text('text'),
    createdAt: createdAt(),
  },
  (t) => [index('mentoring_check_ins_match_idx').on(t.matchId, t.createdAt), check('mentoring_check_ins_rating_check', sql`rating between 1 and 5`)],
);

/** Closing feedback, one per partner (admins see the rating only). */
export const mentoringClosings = pgTable(
  'mentoring_closings',
  {
    matchId: uuid('match_id').notNull().references(() => mentoringMatches.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
    rating: smallint('rating').notNull(),
    text: text('text').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.matchId, t.personId] }), check('mentoring_closings_rating_check', sql`rating between 1 and 5`)],
);

/** People who marked themselves unavailable for expert questions (no row = available). */
export const expertAvailability = pgTable('expert_availability', {
  personId: personRef('person_id').primaryKey(),
  orgId: orgIdColumn(),
  available: boolean('available').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Ask an expert: a question routed to proven helpers, with fallback rounds and finally a community Q&A post. */
export const expertQuestions = pgTable(
  'expert_questions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    askerId: personRef('asker_id'),
    /** Lower-cased skill key and the name as the organization spells it. */
    skillKey: text('skill_key').notNull(),
    skillName: text('skill_name').notNull(),
    question: text('question').notNull(),
    /** open | answered | posted | unanswered */
    status: text('status').notNull().default('open'),
    round: integer('round').notNull().default(1),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }),
    threadId: uuid('thread_id'),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('expert_questions_asker_idx').on(t.askerId, t.createdAt),
    index('expert_questions_due_idx').on(t.status, t.windowEndsAt),
    check('expert_questions_status_check', sql`status in ('open', 'answered', 'posted', 'unanswered')`),
  ],
);

/** Who a question was routed to and how they responded. */
export const expertRoutes = pgTable(
  'expert_routes',
  {
    questionId: uuid('question_id').notNull().references(() => expertQuestions.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
    round: integer('round').notNull(),
    /** routed | seen | answered | declined | expired */
    status: text('status').notNull().default('routed'),
    /** Why picked, e.g. "3 accepted answers, mentored 1, level 5". */
    why: text('why').notNull().default(''),
    answer: text('answer'),
    routedAt: timestamp('routed_at', { withTimezone: true }).notNull().defaultNow(),
    seenAt: timestamp('seen_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.questionId, t.personId] }),
    index('expert_routes_person_idx').on(t.personId, t.routedAt),
    check('expert_routes_status_check', sql`status in ('routed', 'seen', 'answered', 'declined', 'expired')`),
  ],
);
