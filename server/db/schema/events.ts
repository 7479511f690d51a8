import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, orgIdColumn, personRef } from './columns.ts';
import { communities } from './communities.ts';
import { resources } from './learning.ts';
import { people } from './orgs.ts';
import { programs } from './programs.ts';

const eventRef = () =>
  uuid('event_id')
    .notNull()
    .references(() => events.id, { onDelete: 'cascade' });

/** Workshops, webinars and live cohort sessions, on the organization's calendar or a community's. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    /** The community whose calendar holds it (only its readers see it); null = the organization's calendar. */
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'cascade' }),
    programId: uuid('program_id').references(() => programs.id, { onDelete: 'set null' }),
    /** The live session to join (owned by live-sessions; stored as given, no foreign key). */
    liveSessionId: uuid('live_session_id'),
    /** workshop | webinar | cohort_session */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    descriptionHtml: text('description_html').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** IANA zone the event is planned in. */
    timeZone: text('time_zone').notNull(),
    location: text('location'),
    joinUrl: text('join_url'),
    /** Seats; null = unlimited. */
    capacity: integer('capacity'),
    /** scheduled | cancelled */
    status: text('status').notNull().default('scheduled'),
    recordingUrl: text('recording_url'),
    /** [{ name, title }] of guest speakers from outside. */
    guestSpeakers: jsonb('guest_speakers').notNull().default(sql`'[]'::jsonb`),
    /** iCalendar SEQUENCE: +1 on every change of time, place or status. */
    sequence: integer('sequence').notNull().default(0),
    goingCount: integer('going_count').notNull().default(0),
    waitlistCount: integer('waitlist_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('events_org_start_idx').on(t.orgId, t.startsAt, t.id),
    index('events_community_start_idx').on(t.communityId, t.startsAt),
    index('events_program_idx').on(t.programId),
    // The reminder run scans scheduled events starting soon, across organizations.
    index('events_reminder_idx').on(t.startsAt).where(sql`status = 'scheduled'`),
  ],
);

/** Internal hosts and speakers of an event (they may edit it). */
export const eventHosts = pgTable(
  'event_hosts',
  { eventId: eventRef(), personId: personRef('person_id'), orgId: orgIdColumn() },
  (t) => [primaryKey({ columns: [t.eventId, t.personId] }), index('event_hosts_person_idx').on(t.personId)],
);

/** RSVPs: going (has a seat), waitlisted (FIFO by responded_at), not_going; reminder claims per person. */
export const eventRsvps = pgTable(
  'event_rsvps',
  {
    eventId: eventRef(),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
    /** going | waitlisted | not_going */
    status: text('status').notNull(),
    /** When the current status was entered (the waitlist's order). */
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull().defaultNow(),
    /** Claimed by the reminder run (24 hours before / 15 minutes before); null = not yet sent. */
    remindedDayAt: timestamp('reminded_day_at', { withTimezone: true }),
    remindedSoonAt: timestamp('reminded_soon_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.personId] }), index('event_rsvps_status_idx').on(t.eventId, t.status, t.respondedAt), index('event_rsvps_person_idx').on(t.personId)],
);

/** Attendance: recorded by joining, or marked by a host. */
export const eventAttendance = pgTable(
  'event_attendance',
  {
    eventId: eventRef(),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
    attendedAt: timestamp('attended_at', { withTimezone: true }).notNull().defaultNow(),
    /** The host who marked it, or null when the person joined. */
    markedBy: uuid('marked_by').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.personId] })],
);

/** Resources and links attached to an event. */
export const eventResources = pgTable(
  'event_resources',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: eventRef(),
    orgId: orgIdColumn(),
    position: integer('position').notNull(),
    /** A Hearth resource, or null for a plain link (title + url). */
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'cascade' }),
    title: text('title'),
    url: text('url'),
  },
  (t) => [index('event_resources_event_idx').on(t.eventId, t.position)],
);

/** Q&A questions (plain text), ordered by upvotes then time. */
export const eventQuestions = pgTable(
  'event_questions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: eventRef(),
    orgId: orgIdColumn(),
    authorId: personRef('author_id'),
    body: text('body').notNull(),
    upvoteCount: integer('upvote_count').notNull().default(0),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('event_questions_event_idx').on(t.eventId, t.upvoteCount, t.createdAt)],
);

/** One upvote per person and question. */
export const eventQuestionVotes = pgTable(
  'event_question_votes',
  {
    questionId: uuid('question_id')
      .notNull()
      .references(() => eventQuestions.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.personId] })],
);
