import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, orgIdColumn, personRef } from './columns.ts';
import { people } from './orgs.ts';

const surveyRef = () =>
  uuid('survey_id')
    .notNull()
    .references(() => surveys.id, { onDelete: 'cascade' });

/** Surveys: a kind (template of questions), an audience, open and close dates, anonymous or named. */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    /** pulse | program_feedback | event_feedback | nps | likert | open_text */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    /** org | community | program | cohort | event | live_session */
    audienceKind: text('audience_kind').notNull(),
    /** The community, program, cohort, event or live session; null for the whole organization. */
    audienceId: uuid('audience_id'),
    /** Anonymous: answers carry no person and no time finer than the day. */
    anonymous: boolean('anonymous').notNull().default(true),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** draft | open | closed */
    status: text('status').notNull().default('draft'),
    /** Who created it; null for feedback opened automatically when an event or live session ended. */
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    /** `event:<id>` / `live_session:<id>` for automatic feedback (unique: opened once). */
    sourceKey: text('source_key'),
    /** Claimed by the reminder run (at opening / about 24 hours before the close); null = not yet sent. */
    remindedOpenAt: timestamp('reminded_open_at', { withTimezone: true }),
    remindedCloseAt: timestamp('reminded_close_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('surveys_org_idx').on(t.orgId, t.status, t.closesAt),
    index('surveys_audience_idx').on(t.audienceKind, t.audienceId),
    uniqueIndex('surveys_source_key').on(t.orgId, t.sourceKey),
    // The reminder run scans open surveys across organizations.
    index('surveys_open_idx').on(t.closesAt).where(sql`status = 'open'`),
  ],
);

/** Questions in order: likert (1–5, labels), nps (0–10), choice (one of options), text. */
export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    surveyId: surveyRef(),
    orgId: orgIdColumn(),
    position: integer('position').notNull(),
    /** likert | nps | choice | text */
    type: text('type').notNull(),
    prompt: text('prompt').notNull(),
    /** choice: the options; likert: the five labels. */
    options: jsonb('options').notNull().default(sql`'[]'::jsonb`),
    required: boolean('required').notNull().default(true),
  },
  (t) => [index('survey_questions_survey_idx').on(t.surveyId, t.position)],
);

/**
 * Only that a person responded (once-only, and whom to remind), kept apart from what they answered: no answer id and
 * no time at all (a day here and the day on an anonymous response would pair them on a day with one respondent).
 */
export const surveyRespondents = pgTable(
  'survey_respondents',
  { surveyId: surveyRef(), personId: personRef('person_id'), orgId: orgIdColumn() },
  (t) => [primaryKey({ columns: [t.surveyId, t.personId] }), index('survey_respondents_person_idx').on(t.personId)],
);

/**
 * One submitted response. Anonymous surveys: person_id and submitted_at are null, only the day is kept, and the
 * department only when at least 5 people of the organization are in it (else null).
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    surveyId: surveyRef(),
    orgId: orgIdColumn(),
    /** Named surveys only. */
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    submittedOn: date('submitted_on').notNull().default(sql`current_date`),
    /** Named surveys only. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The respondent's department when they answered (breakdowns), null when under 5 people are in it. */
    department: text('department'),
  },
  (t) => [index('survey_responses_survey_idx').on(t.surveyId, t.department)],
);

/** One answer to one question: a number (likert 1–5, nps 0–10, choice index) or text. */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => surveyQuestions.id, { onDelete: 'cascade' }),
    surveyId: surveyRef(),
    orgId: orgIdColumn(),
    value: smallint('value'),
    text: text('text'),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] }), index('survey_answers_question_idx').on(t.questionId)],
);
