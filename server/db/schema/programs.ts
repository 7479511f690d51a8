import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, orgIdColumn, personRef } from './columns.ts';
import { communities } from './communities.ts';
import { people } from './orgs.ts';

const programRef = () =>
  uuid('program_id')
    .notNull()
    .references(() => programs.id, { onDelete: 'cascade' });

/** Learning programs: goals, a schedule of sessions, facilitators, enrolment with capacity and waitlist. */
export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Goals as Markdown source and sanitized HTML. */
    goals: text('goals').notNull().default(''),
    goalsHtml: text('goals_html').notNull().default(''),
    /** draft | open (enrolment open) | running | closed */
    status: text('status').notNull().default('draft'),
    /** self (people enrol themselves) | assigned (facilitators enrol people) | both */
    enrollment: text('enrollment').notNull().default('both'),
    /** Most enrolled people; further enrolments go to the waitlist. Null = no limit. */
    capacity: integer('capacity'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    /** Weeks after the last day when each enrolled learner meets their manager (a check-in); null = no check-ins. */
    checkinWeeks: integer('checkin_weeks'),
    /** Defaults for forming cohorts, rotations and partners. */
    cohortSize: integer('cohort_size').notNull().default(20),
    groupSize: integer('group_size').notNull().default(4),
    rounds: integer('rounds').notNull().default(4),
    minSharedHours: integer('min_shared_hours').notNull().default(0),
    enrolledCount: integer('enrolled_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programs_org_idx').on(t.orgId, t.createdAt, t.id)],
);

/** Facilitators of a program. */
export const programFacilitators = pgTable(
  'program_facilitators',
  { programId: programRef(), personId: personRef('person_id'), orgId: orgIdColumn() },
  (t) => [primaryKey({ columns: [t.programId, t.personId] })],
);

/** The program's schedule of sessions. */
export const programSessions = pgTable(
  'program_sessions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    programId: programRef(),
    orgId: orgIdColumn(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
  },
  (t) => [index('program_sessions_program_idx').on(t.programId, t.startsAt)],
);

/** Enrolment: enrolled or waitlisted (in order of arrival), by oneself or assigned by a facilitator. */
export const programEnrollments = pgTable(
  'program_enrollments',
  {
    programId: programRef(),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
    /** enrolled | waitlisted */
    status: text('status').notNull(),
    /** self | assigned */
    source: text('source').notNull(),
    hideProgress: boolean('hide_progress').notNull().default(false),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.personId] }), index('program_enrollments_person_idx').on(t.personId), index('program_enrollments_wait_idx').on(t.programId, t.status, t.enrolledAt)],
);

/** Sessions an enrolled person marked as done (their progress; peers see counts unless the person hides them). */
export const programSessionProgress = pgTable(
  'program_session_progress',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => programSessions.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    programId: programRef(),
    orgId: orgIdColumn(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('program_session_progress_program_idx').on(t.programId, t.personId)],
);

/** A facilitator's plan of cohorts, a breakout rotation or learning partners: previewed, adjusted, then published. */
export const programPlans = pgTable(
  'program_plans',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    programId: programRef(),
    orgId: orgIdColumn(),
    /** cohorts | rotation | partners */
    kind: text('kind').notNull(),
    /** draft | published | superseded */
    status: text('status').notNull().default('draft'),
    /** The parameters it was formed with (sizes, rounds, seed, …). */
    params: jsonb('params').notNull(),
    /** The assignment: cohorts = string[][]; rotation = { cohort?, rounds: string[][][] }[]; partners = [a, b | null][]. */
    result: jsonb('result').notNull(),
    /** Quality figures of the result, and of a random assignment of the same people for comparison. */
    metrics: jsonb('metrics').notNull(),
    baseline: jsonb('baseline').notNull(),
    method: text('method').notNull().default(''),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('program_plans_program_kind_idx').on(t.programId, t.kind, t.status)],
);

/** Published cohorts; each has its own space (a community of kind "cohort"). */
export const cohorts = pgTable(
  'cohorts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    programId: programRef(),
    orgId: orgIdColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => programPlans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'set null' }),
  },
  (t) => [index('cohorts_program_idx').on(t.programId)],
);

/** Members of a published cohort: one cohort per person and program (late enrolment can never place anyone twice). */
export const cohortMembers = pgTable(
  'cohort_members',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    programId: programRef(),
    orgId: orgIdColumn(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.personId] }), uniqueIndex('cohort_members_person_idx').on(t.programId, t.personId)],
);

/**
 * Manager check-ins after a program: one per enrolled learner with a manager, written by the reminder run when it
 * falls due (ends_on + checkin_weeks). Each reminder column is set by the conditional update that claims it, so
 * every reminder goes out once across nodes and restarts. The manager records the outcome.
 */
export const programCheckins = pgTable(
  'program_checkins',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    programId: programRef(),
    learnerId: personRef('learner_id'),
    /** The learner's manager when the check-in fell due (only they record the outcome). */
    managerId: personRef('manager_id'),
    dueOn: date('due_on').notNull(),
    /** When the learner and manager were reminded (the row's creation claims it). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }).notNull().defaultNow(),
    /** Second reminder to the manager, 7 days overdue. */
    nudgedAt: timestamp('nudged_at', { withTimezone: true }),
    /** Escalated to the program's facilitators, 14 days overdue. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** The outcome: the day they met, a note and the next step (null until recorded). */
    heldOn: date('held_on'),
    note: text('note'),
    nextStep: text('next_step'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('program_checkins_program_learner_uq').on(t.programId, t.learnerId),
    index('program_checkins_manager_idx').on(t.managerId, t.dueOn),
    index('program_checkins_learner_idx').on(t.learnerId, t.dueOn),
  ],
);
