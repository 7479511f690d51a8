import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, orgIdColumn, personRef } from './columns.ts';
import { communities } from './communities.ts';
import { people } from './orgs.ts';
import { programs } from './programs.ts';

const sessionRef = () =>
  uuid('session_id')
    .notNull()
    .references(() => liveSessions.id, { onDelete: 'cascade' });

/** Live sessions: an agenda of segments run by facilitators; audience = a program's, a community's, or the organization. */
export const liveSessions = pgTable(
  'live_sessions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: orgIdColumn(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    programId: uuid('program_id').references(() => programs.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'cascade' }),
    /** Most present participants (facilitators never count); null = no limit. */
    capacity: integer('capacity'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** scheduled | live | ended */
    status: text('status').notNull().default('scheduled'),
    /** The active segment; null while live means the main room. */
    currentSegmentId: uuid('current_segment_id'),
    /** When the active segment's timer runs out. */
    segmentEndsAt: timestamp('segment_ends_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Bumped on every run-state change. */
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('live_sessions_org_idx').on(t.orgId, t.status, t.startsAt),
    index('live_sessions_program_idx').on(t.programId),
    index('live_sessions_community_idx').on(t.communityId),
  ],
);

/** Co-facilitators named on a session (the creator and the program's facilitators facilitate too). */
export const liveSessionFacilitators = pgTable(
  'live_session_facilitators',
  { sessionId: sessionRef(), personId: personRef('person_id'), orgId: orgIdColumn() },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('live_session_facilitators_person_idx').on(t.personId)],
);

/** The agenda: segments in order, each pending → active → done. */
export const liveSegments = pgTable(
  'live_segments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    sessionId: sessionRef(),
    orgId: orgIdColumn(),
    position: integer('position').notNull(),
    /** plenary | icebreaker | poll | chat | groups | pairs | reflection | debrief */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    prompt: text('prompt').notNull().default(''),
    durationMinutes: integer('duration_minutes').notNull(),
    config: jsonb('config').notNull().default({}),
    /** pending | active | done */
    status: text('status').notNull().default('pending'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('live_segments_session_idx').on(t.sessionId, t.position)],
);

/** Who joined a session; left_at is null while present. */
export const liveParticipants = pgTable(
  'live_participants',
  {
    sessionId: sessionRef(),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('live_participants_person_idx').on(t.personId)],
);

/** Attendance intervals (from join to leave or the session's end), the basis of talk-time. */
export const liveAttendance = pgTable(
  'live_attendance',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    sessionId: sessionRef(),
    personId: personRef('person_id'),
    orgId: orgIdColumn(),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true }),
  },
  (t) => [index('live_attendance_session_idx').on(t.sessionId, t.personId), index('live_attendance_person_idx').on(t.personId)],
);

/** Breakout groups (kind group) and learning-partner pairs (kind pair) formed when a segment starts. */
export const liveGroups = pgTable(
  'live_groups',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    sessionId: sessionRef(),
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => liveSegments.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
    /** group | pair */
    kind: text('kind').notNull(),
    position: integer('position').notNull(),
    /** Last chat message or notes edit (the facilitator overview shows the time, never the content). */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('live_groups_segment_idx').on(t.segmentId, t.position), index('live_groups_session_idx').on(t.sessionId)],
);

/** Members of a group or pair, with their keep (pairs) and debrief (groups) choices. */
export const liveGroupMembers = pgTable(
  'live_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => liveGroups.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    sessionId: sessionRef(),
    orgId: orgIdColumn(),
    /** Pairs: keep chat and notes after the session. */
    keep: boolean('keep').notNull().default(false),
    /** Groups: consent to share the notes in the debrief; null = not answered. */
    debriefConsent: boolean('debrief_consent'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] }), index('live_group_members_person_idx').on(t.personId), index('live_group_members_session_idx').on(t.sessionId, t.personId)],
);

/** Shared notes of a group or pair (members only), versioned for conflict detection. */
export const liveGroupNotes = pgTable('live_group_notes', {
  groupId: uuid('group_id')
    .primaryKey()
    .references(() => liveGroups.id, { onDelete: 'cascade' }),
  orgId: orgIdColumn(),
  body: text('body').notNull().default(''),
  version: integer('version').notNull().default(0),
  updatedBy: uuid('updated_by').references(() => people.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** First save: members who joined the group after it read the notes; members who joined later do not (they hold what was written before them). */
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Chat: plenary (group_id null) or in a group or pair; client_id makes retried posts idempotent. */
export const liveMessages = pgTable(
  'live_messages',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    sessionId: sessionRef(),
    orgId: orgIdColumn(),
    segmentId: uuid('segment_id').references(() => liveSegments.id, { onDelete: 'set null' }),
    groupId: uuid('group_id').references(() => liveGroups.id, { onDelete: 'cascade' }),
    authorId: personRef('author_id'),
    body: text('body').notNull(),
    clientId: uuid('client_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('live_messages_client_uq').on(t.sessionId, t.authorId, t.clientId),
    index('live_messages_room_idx').on(t.sessionId, t.groupId, t.createdAt, t.id),
    index('live_messages_group_idx').on(t.groupId),
  ],
);

/** Poll votes: one per person per poll segment. */
export const livePollVotes = pgTable(
  'live_poll_votes',
  {
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => liveSegments.id, { onDelete: 'cascade' }),
    personId: personRef('person_id'),
    sessionId: sessionRef(),
    orgId: orgIdColumn(),
    /** {choices} | {rating} | {words} */
    choice: jsonb('choice').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.personId] }), index('live_poll_votes_session_idx').on(t.sessionId, t.personId)],
);

/** Facilitators' broadcasts, shown to everyone as a banner. */
export const liveBroadcasts = pgTable(
  'live_broadcasts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    sessionId: sessionRef(),
    orgId: orgIdColumn(),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('live_broadcasts_session_idx').on(t.sessionId, t.createdAt)],
);
